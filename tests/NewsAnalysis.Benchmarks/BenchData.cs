namespace NewsAnalysis.Benchmarks;

/// <summary>Where benchmark inputs are: the repository root and the BBC set beside it.</summary>
internal static class BenchData
{
    /// <summary>The repository root (holding Analysis.sln).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The seed articles, data/articles of the repository.</summary>
    public static string Articles => Path.Combine(Root, "data", "articles");

    /// <summary>../shared/eval/bbc/bbc-news.csv beside the repository; throws naming the path when absent.</summary>
    public static string BbcCsv
    {
        get
        {
            var p = Path.GetFullPath(Path.Combine(Root, "..", "shared", "eval", "bbc", "bbc-news.csv"));
            return File.Exists(p) ? p : throw new FileNotFoundException($"BBC evaluation set not found at '{p}'.", p);
        }
    }

    /// <summary>
    /// The BBC set as a corpus, every <paramref name="rowStep"/>-th row (ids <c>bbc-0000</c>, ... by row). Each row is one
    /// line with no title line (the headline runs into the first sentence), so each record gets its id as title and the
    /// whole row stays the body text.
    /// </summary>
    public static NewsCorpus BbcCorpus(int rowStep = 1) =>
        Corpus.FromRecords(BbcSet.Read(BbcCsv).Where((_, i) => i % rowStep == 0).Select(r => r with { Title = r.Id }));

    /// <summary>The median of <paramref name="values"/> (the upper one of the middle two for an even count).</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    /// <summary>CPU time used by this process so far (all threads): less sensitive than wall time to the shared cores.</summary>
    public static TimeSpan CpuTime()
    {
        using var p = System.Diagnostics.Process.GetCurrentProcess();
        return p.TotalProcessorTime;
    }

    /// <summary>The machine's 1-, 5- and 15-minute load averages (Linux), or <c>n/a</c>: the cores are shared and timings depend on it.</summary>
    public static string LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "n/a"; }
        catch (UnauthorizedAccessException) { return "n/a"; }
    }

    /// <summary>Peak working set of this process so far, in MB.</summary>
    public static double PeakMemoryMb()
    {
        using var p = System.Diagnostics.Process.GetCurrentProcess();
        return p.PeakWorkingSet64 / (1024.0 * 1024.0);
    }

    /// <summary>
    /// Builds (Debug) the folder the notebooks' setup cell references — the library with its dependencies — so a Release
    /// benchmark never runs notebooks against a missing or stale library. Up to date: a second or two.
    /// </summary>
    public static void EnsureNotebookBundle()
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet", ["build", Path.Combine(Root, "lib", "NewsAnalysis.Interactive"), "-c", "Debug", "-nologo", "-v:q"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var build = System.Diagnostics.Process.Start(start)!;
        var output = build.StandardOutput.ReadToEndAsync();
        build.StandardError.ReadToEnd();
        build.WaitForExit();
        if (build.ExitCode != 0) throw new InvalidOperationException("dotnet build lib/NewsAnalysis.Interactive failed: " + output.Result);
    }

    private static string FindRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Analysis.sln"))) return dir.FullName;
        throw new InvalidOperationException("Analysis.sln not found.");
    }
}
