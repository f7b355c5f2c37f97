namespace NewsAnalysis.Tests;

/// <summary>
/// The built CLI run as a process with the bounds issue #15 sets on hostile input: under 20 s of CPU time and 2 GB of
/// peak resident memory (CPU time, not wall time: the 2 cores are shared, and wall time measures the neighbours; the
/// process is killed after 300 s of wall time whatever happens).
/// </summary>
internal sealed record HostileCli(MeasuredProcess Run)
{
    public static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(20);

    public const long MemoryBound = 2L << 30;

    public int Exit => Run.Exit;

    public string Out => Run.Out;

    public string Err => Run.Err;

    /// <summary>Standard output's lines (CSV rows when run with <c>--format csv</c>; fields with line breaks span lines).</summary>
    public string[] OutLines => Run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Runs <c>news ARGS</c> and asserts it stayed within the bounds.</summary>
    public static HostileCli Bounded(params string[] args)
    {
        var run = new HostileCli(MeasuredProcess.Run("dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, "news.dll"), .. args],
            TestData.Root, TimeSpan.FromSeconds(300)));
        Assert.True(run.Run.Cpu < TimeBound,
            $"news {string.Join(' ', args)}: {run.Run.Cpu.TotalSeconds:F1} s of CPU ({run.Run.Elapsed.TotalSeconds:F1} s wall; bound {TimeBound.TotalSeconds} s)");
        Assert.True(run.Run.PeakBytes < MemoryBound, $"news {string.Join(' ', args)}: peak resident memory {run.Run.PeakMb:F0} MB (bound {MemoryBound >> 20} MB)");
        Assert.DoesNotContain("Unhandled exception", run.Err);
        Assert.DoesNotContain("   at ", run.Err);   // no stack trace
        return run;
    }

    /// <summary>The rows of <c>news corpus --rejected --format csv</c> as (path, reason).</summary>
    public static List<(string Path, string Reason)> Rejected(string data)
    {
        var run = Bounded("corpus", "--data", data, "--rejected", "--format", "csv");
        Assert.Equal(0, run.Exit);
        return CsvRows(run.Out).Select(r => (r[0], r[1])).ToList();
    }

    /// <summary>The records of a CSV text (header skipped), parsed with CsvHelper.</summary>
    public static List<string[]> CsvRows(string csv)
    {
        using var reader = new CsvHelper.CsvReader(new StringReader(csv), System.Globalization.CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        if (!reader.Read()) return rows;
        reader.ReadHeader();
        while (reader.Read()) rows.Add(reader.Parser.Record!);
        return rows;
    }

    /// <summary>The articles of <c>news corpus --format csv</c>: each row by column name.</summary>
    public static List<Dictionary<string, string>> Articles(string data, params string[] more)
    {
        var run = Bounded(["corpus", "--data", data, "--format", "csv", .. more]);
        Assert.Equal(0, run.Exit);
        using var reader = new CsvHelper.CsvReader(new StringReader(run.Out), System.Globalization.CultureInfo.InvariantCulture);
        var rows = new List<Dictionary<string, string>>();
        if (!reader.Read()) return rows;
        reader.ReadHeader();
        var header = reader.HeaderRecord!;
        while (reader.Read()) rows.Add(header.Select((h, i) => (h, reader.Parser.Record![i])).ToDictionary(p => p.h, p => p.Item2));
        return rows;
    }
}
