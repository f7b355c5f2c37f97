using System.Globalization;

namespace NewsAnalysis.Benchmarks;

/// <summary>
/// <c>sweep [N] [--before NEWS.dll]</c>: the real <c>news</c> process on N short wire-style articles (1-3 BBC sentences
/// each, 10 CSV files, made at run time; default 100,000), as a user runs it: each row a process of its own with
/// standard output read through a pipe, no store (<c>--no-cache</c> where the verb has it), wall, CPU, peak resident
/// memory and output lines. <c>--before</c> runs every row with another build too (e.g. main's <c>news.dll</c>) in the
/// same minutes, for before/after figures; a row that build does not know (an option it lacks) shows its exit code.
/// pandas reading and writing the same files as CSV is the peer for the table rows.
/// </summary>
internal sealed class CliSweepBenchmark : IBenchmarkSuite
{
    public string Name => "sweep";

    public string Description => "the news CLI as a process on N short articles (default 100,000): corpus CSV/JSON on stdout, export with and without topics; wall, CPU, peak; pandas peer; --before NEWS.dll for before/after";

    // What each row shows, and its arguments ({0} the data folder, {1} a fresh output folder).
    private static readonly (string What, string[] Args)[] Rows =
    [
        ("articles as CSV on stdout", ["corpus", "--data", "{0}", "--format", "csv"]),
        ("articles as JSON on stdout", ["corpus", "--data", "{0}", "--format", "json"]),
        ("load only (rejected list)", ["corpus", "--data", "{0}", "--format", "csv", "--rejected"]),
        ("export, every file", ["export", "{1}", "--data", "{0}", "--no-cache"]),
        ("export --skip topics", ["export", "{1}", "--data", "{0}", "--no-cache", "--skip", "topics"]),
    ];

    public void Run(string[] args)
    {
        int count = args.Length > 0 && int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 100_000;
        var before = args.SkipWhile(a => a != "--before").Skip(1).FirstOrDefault();
        var builds = new List<(string Name, string Dll)> { ("this build", Path.Combine(AppContext.BaseDirectory, "news.dll")) };
        if (before is not null) builds.Insert(0, ("before", Path.GetFullPath(before)));
        var temp = Directory.CreateTempSubdirectory("news-sweep-bench-").FullName;
        try
        {
            var data = Directory.CreateDirectory(Path.Combine(temp, "data")).FullName;
            WireArticles.WriteFiles(data, count);
            var size = Directory.GetFiles(data).Sum(f => new FileInfo(f).Length);
            Console.WriteLine($"{count:N0} articles of 1-3 sentences in 10 CSV files ({size / 1e6:F1} MB); {Environment.ProcessorCount} cores, load average {BenchData.LoadAverage()}");
            Console.WriteLine("| row | build | exit | wall | CPU | peak | peak / input | stdout lines |");
            Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
            foreach (var (what, row) in Rows)
                foreach (var (name, dll) in builds)
                {
                    var output = Path.Combine(temp, "out-" + Guid.NewGuid().ToString("N"));
                    var argv = row.Select(a => string.Format(CultureInfo.InvariantCulture, a, data, output)).ToList();
                    var p = MeasuredProcess.Run("dotnet", ["exec", dll, .. argv], BenchData.Root, TimeSpan.FromMinutes(30));
                    Console.WriteLine($"| {what} | {name} | {p.Exit} | {p.Elapsed.TotalSeconds:F1} s | {p.Cpu.TotalSeconds:F1} s | {p.PeakMb:F0} MB | " +
                        $"{p.PeakBytes / (double)size:F1}x | {p.Out.Count(c => c == '\n'):N0} |");
                    if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
                }
            Pandas(data, size);
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
        Console.WriteLine($"load average at the end {BenchData.LoadAverage()}");
    }

    // The peer for the table rows: pandas reads the same files and writes them as CSV to its standard output.
    private static void Pandas(string data, long size)
    {
        const string python = "/usr/bin/python3";
        if (!File.Exists(python)) { Console.WriteLine($"peer not run: {python} missing (apt-get install -y python3-pandas)"); return; }
        const string script = "import glob,sys\nimport pandas as pd\n" +
                              "df=pd.concat([pd.read_csv(f) for f in sorted(glob.glob(sys.argv[1]+'/*.csv'))])\n" +
                              "df.to_csv(sys.stdout,index=False)\n";
        var p = MeasuredProcess.Run(python, ["-c", script, data], BenchData.Root, TimeSpan.FromMinutes(30));
        Console.WriteLine($"| peer: pandas read_csv + to_csv on stdout | pandas | {p.Exit} | {p.Elapsed.TotalSeconds:F1} s | {p.Cpu.TotalSeconds:F1} s | " +
            $"{p.PeakMb:F0} MB | {p.PeakBytes / (double)size:F1}x | {p.Out.Count(c => c == '\n'):N0} |");
    }
}
