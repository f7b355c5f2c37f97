using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Analysis;
using NewsAnalysis.Cli;
using NewsAnalysis.Cli.Commands;

namespace NewsAnalysis.Benchmarks;

/// <summary>
/// Writing a large result (<c>--format table</c>, the default, against <c>--format csv</c>): the sentence sentiment frame
/// of 100,000 short wire articles (1-3 BBC sentences each, the rule of the store suite's generated corpus) written as
/// the readable table (the row-at-a-time writer), as CSV (<see cref="FrameWriter"/>), and as Spectre.Console's Table
/// (what the CLI used before; on a slice of the rows, as the whole takes ~45 s and ~2 GB), in process; pandas
/// (<c>/usr/bin/python3</c>) <c>DataFrame.to_string()</c> of the same CSV in the same run; then the whole
/// <c>news sentiment</c> and <c>news timeline</c> processes, table against CSV, first run (empty cache) and second.
/// Goal: the table run within 1.5x of the CSV run's time, its peak memory not far above.
/// Arguments: the number of articles (default 100,000); <c>--spectre-rows N</c> (default 50,000); <c>--no-cli</c>.
/// </summary>
internal sealed class OutputBenchmark : IBenchmarkSuite
{
    public string Name => "output";

    public string Description => "writing the 100,000-article sentence sentiment frame as the readable table vs CSV vs Spectre's Table (slice), pandas to_string() peer; news sentiment/timeline table vs csv (goal table <= 1.5x csv)";

    private const int Files = 10;

    public void Run(string[] args)
    {
        int count = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 100_000;
        int spectreRows = ArgValue(args, "--spectre-rows", 50_000);
        var root = Path.Combine(Path.GetTempPath(), $"news-bench-output-{Environment.ProcessId}");
        var data = Path.Combine(root, "data");
        try
        {
            Directory.CreateDirectory(data);
            WireArticles.WriteFiles(data, count, Files);
            Console.WriteLine($"{count:N0} articles in {Files} CSV files, {Environment.ProcessorCount} cores, load average {BenchData.LoadAverage()}");
            var sentences = SentimentAnalysis.SentenceFrame(Corpus.Load(data, new CorpusOptions { MaxFileBytes = long.MaxValue }));
            var view = SentimentCommand.Table(SentimentLevel.Sentence, lines: false);
            var shown = view.Select(sentences);
            int rows = (int)sentences.Rows.Count;
            Console.WriteLine($"sentence sentiment frame: {rows:N0} rows; table columns {string.Join(", ", shown.Columns.Select(c => c.Name))}, width {CommonOptions.FileTableWidth}");

            Console.WriteLine("| writer (in process, to a file) | rows | wall (s) | CPU (s) | µs/row | allocated (MB) | output (MB) |");
            Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");
            var csvPath = Path.Combine(root, "sentences.csv");
            Timed("formatting every table cell once (what a second pass would cost)", rows, null, () =>
            {
                long chars = 0;
                foreach (var column in shown.Columns)
                    for (long r = 0; r < rows; r++) chars += TerminalText.OneLine(FrameWriter.FormatCell(column[r])).Length;
                GC.KeepAlive(chars);
            });
            Timed("table (row at a time, this CLI)", rows, Path.Combine(root, "table.txt"), path => WriteText(path, w => CommonOptions.WriteTable(shown, w, CommonOptions.FileTableWidth, view.KeepEnd)));
            Timed("csv, every column (FrameWriter)", rows, csvPath, path => WriteText(path, w => FrameWriter.WriteCsv(sentences, w)));
            var slice = shown.Head(Math.Min(spectreRows, rows));
            Timed($"Spectre.Console Table (before), first {slice.Rows.Count:N0} rows", (int)slice.Rows.Count, Path.Combine(root, "spectre.txt"), path => WriteText(path, w => NewsAnalysis.Tests.SpectreTableReference.Write(slice, w, CommonOptions.FileTableWidth, view.KeepEnd)));
            Pandas(csvPath, shown.Columns.Select(c => c.Name).ToList(), Path.Combine(root, "pandas.txt"));
            Console.WriteLine($"peak working set of this process: {BenchData.PeakMemoryMb():F0} MB (the Spectre slice last)");

            if (!args.Contains("--no-cli")) Cli(data, Path.Combine(root, "cache"), root);
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }

    // The whole CLI process (the build output next to this benchmark), each verb twice per format: an empty cache (the
    // analysis runs) and a full one (only loading and writing), table against csv, --out a file.
    private static void Cli(string data, string cache, string root)
    {
        var news = Path.Combine(AppContext.BaseDirectory, "news.dll");
        Console.WriteLine($"whole `news` process (build output {news}), --out a file; load average {BenchData.LoadAverage()}");
        Console.WriteLine("| run | format | wall (s) | CPU (s) | peak memory (MB) | output lines | table / csv wall |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var verb in new[] { "sentiment", "timeline" })
        {
            var csvWall = new Dictionary<string, double>();
            foreach (var format in new[] { "csv", "table" })
            {
                var folder = Path.Combine(cache, verb + "-" + format);
                foreach (var pass in new[] { "first run", "second run" })
                {
                    var output = Path.Combine(root, $"{verb}-{format}.txt");
                    var run = MeasuredProcess.Run("dotnet", ["exec", news, verb, "--data", data, "--cache", folder, "--format", format, "--out", output],
                        BenchData.Root, TimeSpan.FromMinutes(30));
                    if (run.Exit != 0) throw new InvalidOperationException($"news {verb} --format {format} failed ({run.Exit}): {run.Err}");
                    long lines = File.ReadLines(output).LongCount();
                    var ratio = format == "csv" ? "" : $"{run.Elapsed.TotalSeconds / csvWall[pass]:F2}x";
                    if (format == "csv") csvWall[pass] = run.Elapsed.TotalSeconds;
                    Console.WriteLine($"| news {verb}, {pass} | {format} | {run.Elapsed.TotalSeconds:F1} | {run.Cpu.TotalSeconds:F1} | {run.PeakMb:F0} | {lines:N0} | {ratio} |");
                }
            }
        }
    }

    private static void WriteText(string path, Action<TextWriter> write)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        write(writer);
    }

    private static void Timed(string name, int rows, string? path, Action action) => Timed(name, rows, path, _ => action());

    private static void Timed(string name, int rows, string? path, Action<string> action)
    {
        GC.Collect();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = BenchData.CpuTime();
        var watch = Stopwatch.StartNew();
        action(path ?? "");
        watch.Stop();
        var cpuUsed = (BenchData.CpuTime() - cpu).TotalSeconds;
        var mb = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6;
        var size = path is null ? "" : $"{new FileInfo(path).Length / 1e6:F1}";
        Console.WriteLine($"| {name} | {rows:N0} | {watch.Elapsed.TotalSeconds:F2} | {cpuUsed:F2} | {watch.Elapsed.TotalMilliseconds * 1000 / rows:F1} | {mb:F0} | {size} |");
    }

    // The peer: pandas reads the CSV and prints the same columns with to_string() (cells capped at 60 characters, as the
    // table caps text cells), to a file; its read and to_string times are its own, wall and peak are the whole process.
    private static void Pandas(string csv, List<string> columns, string output)
    {
        const string python = "/usr/bin/python3";
        if (!File.Exists(python)) { Console.WriteLine($"peer not run: {python} missing (apt-get install -y python3-pandas)"); return; }
        var script = "import sys,time\nimport pandas as pd\nt=time.time()\n" +
                     "df=pd.read_csv(sys.argv[1], usecols=sys.argv[3].split(','))[sys.argv[3].split(',')]\nr=time.time()-t\nt=time.time()\n" +
                     "with open(sys.argv[2],'w') as f: df.to_string(buf=f, max_colwidth=60)\n" +
                     "print(f'{len(df)} {r:.2f} {time.time()-t:.2f} {pd.__version__}')";
        var run = MeasuredProcess.Run(python, ["-c", script, csv, output, string.Join(',', columns)], BenchData.Root, TimeSpan.FromMinutes(30));
        var parts = run.Out.Trim().Split(' ');
        Console.WriteLine(run.Exit == 0 && parts.Length == 4
            ? $"| peer: pandas {parts[3]} read_csv {parts[1]} s + to_string() {parts[2]} s (whole process {run.Elapsed.TotalSeconds:F2} s wall, {run.Cpu.TotalSeconds:F2} s CPU, peak {run.PeakMb:F0} MB) | {int.Parse(parts[0], CultureInfo.InvariantCulture):N0} | {run.Elapsed.TotalSeconds:F2} | {run.Cpu.TotalSeconds:F2} | {double.Parse(parts[2], CultureInfo.InvariantCulture) * 1e6 / int.Parse(parts[0], CultureInfo.InvariantCulture):F1} (to_string) | | {new FileInfo(output).Length / 1e6:F1} |"
            : $"peer failed ({run.Exit}): {run.Err.Trim()}");
    }

    private static int ArgValue(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
    }
}
