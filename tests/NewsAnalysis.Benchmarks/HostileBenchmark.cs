using NewsAnalysis.Tests;

namespace NewsAnalysis.Benchmarks;

/// <summary>
/// <c>hostile</c>: every row of issue #15's table through the CLI (the build output's <c>news.dll</c>), each a process of
/// its own with a fresh result cache (a cold run, as a first run is): exit code, wall, CPU, peak resident memory, stdout
/// lines and the first stderr line, against the issue's bounds (under 20 s and 2 GB). The inputs are
/// <see cref="HostileInputs"/>', the ones the hostile-input tests assert on; they are written to a temporary folder and
/// deleted after. <c>hostile ROW...</c> runs the rows whose input name starts with one of the words (links, near,
/// copies, lines, tiny, html, dates, utf16, huge).
/// </summary>
internal sealed class HostileBenchmark : IBenchmarkSuite
{
    public string Name => "hostile";

    public string Description => "issue #15's hostile and degenerate inputs through every verb it names: wall, CPU, peak memory (bounds 20 s, 2 GB)";

    // Input name, what it is, and the verb runs on it ({0} is the input's path, {1} a fresh output folder).
    private static readonly (string Input, string What, string[][] Runs)[] Rows =
    [
        ("links", "data folder: loop -> ., sub/up -> .., links to /etc, /etc/passwd, /dev/zero, /dev/urandom, dangling, a FIFO, the 5 seeds",
            [["report", "--data", "{0}", "--out", "{1}"], ["corpus", "--data", "{0}"], ["corpus", "--data", "{0}", "--rejected"]]),
        ("near", "one JSON array of 120,000 near-identical items",
            [["corpus", "--data", "{0}"], ["sentiment", "--data", "{0}"], ["entities", "--data", "{0}"], ["timeline", "--data", "{0}"], ["topics", "--data", "{0}"]]),
        ("copies", "10,000 copies of one article (.txt files)",
            [["corpus", "--data", "{0}"], ["sentiment", "--data", "{0}"], ["entities", "--data", "{0}"], ["timeline", "--data", "{0}"], ["topics", "--data", "{0}"],
             ["corpus", "--data", "{0}", "--duplicates"]]),
        ("lines-zero", "--lines /dev/zero", [["sentiment", "--lines", "/dev/zero"]]),
        ("lines-fifo", "--lines on a FIFO nobody writes to", [["sentiment", "--lines", "{0}"]]),
        ("tiny", "one file of 1,000,000 tiny sentences (Go 1. Go 2. ...)",
            [["topics", "--data", "{0}", "--unit", "sentence"], ["topics", "--data", "{0}", "--method", "lda"], ["topics", "--data", "{0}", "--method", "lda", "--unit", "sentence"]]),
        ("html", "HTML holding only a script and a style", [["topics", "--data", "{0}"]]),
        ("dates", "articles dated 9999-12-31 and 0001-01-01 (JSON date, metadata.csv)",
            [["timeline", "--data", "{0}"], ["timeline", "--data", "{0}", "--articles"], ["report", "--data", "{0}", "--out", "{1}"]]),
        ("utf16", "UTF-16 LE text without a BOM", [["corpus", "--data", "{0}"], ["sentiment", "--lines", "{0}"]]),
        ("huge", "a 30,000,000-character article inside a JSON array, a JSONL and a CSV file", [["corpus", "--data", "{0}"], ["corpus", "--data", "{0}", "--rejected"]]),
    ];

    public void Run(string[] args)
    {
        var news = Path.Combine(AppContext.BaseDirectory, "news.dll");
        Console.WriteLine($"news = {news}; {Environment.ProcessorCount} cores, load average {BenchData.LoadAverage()}");
        Console.WriteLine("CPU and peak are the news process's own (report's notebook kernels run as child processes and are not counted); wall is the whole run.");
        Console.WriteLine("| input | verb | exit | wall | CPU | peak | stdout lines | stderr (first line) | bounds |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        var temp = Directory.CreateTempSubdirectory("news-hostile-bench-").FullName;
        try
        {
            foreach (var (input, what, runs) in Rows.Where(r => args.Length == 0 || args.Any(a => r.Input.StartsWith(a, StringComparison.Ordinal))))
            {
                if (!OperatingSystem.IsLinux() && input.StartsWith("l", StringComparison.Ordinal)) continue;   // links, FIFOs, devices
                var path = Make(input, Directory.CreateDirectory(Path.Combine(temp, input)).FullName);
                foreach (var run in runs)
                {
                    var output = Path.Combine(temp, "out-" + Guid.NewGuid().ToString("N"));
                    var cache = Directory.CreateDirectory(Path.Combine(temp, "cache-" + Guid.NewGuid().ToString("N"))).FullName;
                    var argv = run.Select(a => string.Format(System.Globalization.CultureInfo.InvariantCulture, a, path, output)).ToList();
                    if (argv[0] is not "report" && !argv.Contains("--lines")) argv.AddRange(["--format", "csv"]);
                    var p = MeasuredProcess.Run("dotnet", ["exec", news, .. argv], BenchData.Root, TimeSpan.FromMinutes(5),
                        new Dictionary<string, string> { ["XDG_CACHE_HOME"] = cache });
                    var lines = p.Out.Count(c => c == '\n');
                    var err = p.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).FirstOrDefault() ?? "";
                    bool inBounds = p.Elapsed.TotalSeconds < 20 && p.PeakMb < 2048 && !p.Err.Contains("   at ", StringComparison.Ordinal);
                    bool cpuInBounds = p.Cpu.TotalSeconds < 20 && p.PeakMb < 2048;
                    var shown = string.Join(' ', argv.Select(a => a == path ? input : a.StartsWith(temp, StringComparison.Ordinal) ? "OUT" : a));
                    Console.WriteLine($"| {what} | `{shown}` | {p.Exit} | {p.Elapsed.TotalSeconds:F1} s | {p.Cpu.TotalSeconds:F1} s | {p.PeakMb:F0} MB | {lines:N0} | {err.Replace("|", "\\|", StringComparison.Ordinal)} | " +
                        $"{(inBounds ? "met" : cpuInBounds ? "CPU and memory met, wall over (load " + BenchData.LoadAverage() + ")" : "MISSED")} |");
                }
                Directory.Delete(Path.Combine(temp, input), recursive: true);
            }
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
        Console.WriteLine($"load average at the end {BenchData.LoadAverage()}");
    }

    // Writes the input named `input` into `folder` and returns the path the verbs are given.
    private static string Make(string input, string folder)
    {
        switch (input)
        {
            case "links": HostileInputs.LinksFolder(BenchData.Articles, folder); return folder;
            case "near": return HostileInputs.NearIdenticalJsonArray(folder);
            case "copies": HostileInputs.CopiesOfOneArticle(BenchData.Articles, folder); return folder;
            case "lines-zero": return "/dev/zero";
            case "lines-fifo":
                var fifo = Path.Combine(folder, "fifo.txt");
                HostileInputs.MakeFifo(fifo);
                return fifo;
            case "tiny": return HostileInputs.MillionTinySentences(folder);
            case "html": return HostileInputs.OnlyScriptAndStyle(folder);
            case "dates": HostileInputs.EdgeDates(folder); return folder;
            case "utf16": return HostileInputs.Utf16WithoutBom(folder, "Pakistan and Russia held great talks. The outcome was terrible.\nA second line is good.\n");
            case "huge": HostileInputs.HugeRows(folder); return folder;
            default: throw new ArgumentException($"unknown input '{input}'", nameof(input));
        }
    }
}
