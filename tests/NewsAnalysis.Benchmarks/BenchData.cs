namespace NewsAnalysis.Benchmarks;

/// <summary>Where benchmark inputs are: the repository root and the BBC set beside it.</summary>
internal static class BenchData
{
    /// <summary>The repository root (holding Analysis.sln).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>../shared/eval/bbc/bbc-news.csv beside the repository; throws naming the path when absent.</summary>
    public static string BbcCsv
    {
        get
        {
            var p = Path.GetFullPath(Path.Combine(Root, "..", "shared", "eval", "bbc", "bbc-news.csv"));
            return File.Exists(p) ? p : throw new FileNotFoundException($"BBC evaluation set not found at '{p}'.", p);
        }
    }

    /// <summary>Peak working set of this process so far, in MB.</summary>
    public static double PeakMemoryMb()
    {
        using var p = System.Diagnostics.Process.GetCurrentProcess();
        return p.PeakWorkingSet64 / (1024.0 * 1024.0);
    }

    private static string FindRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Analysis.sln"))) return dir.FullName;
        throw new InvalidOperationException("Analysis.sln not found.");
    }
}
