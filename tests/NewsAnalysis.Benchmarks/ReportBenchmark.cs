using System.Diagnostics;
using System.Globalization;
using System.Text;
using NewsAnalysis.Notebooks;

namespace NewsAnalysis.Benchmarks;

/// <summary>
/// <c>report</c>: the main job, <c>news report</c> on the default data. Prints the runner's cold start (first trivial
/// cell in the process: the kernel process's start, Roslyn load and first compile), the per-cell overhead (trivial cells, compiled and cached), the
/// full report of every notebook (run + .ipynb + HTML, as the CLI does) cold and again in the same process reusing the
/// compiled cells, and, when a Release build of the CLI exists, the CLI's wall time as a separate process.
/// Goal: the full report under 20 s wall.
/// </summary>
internal sealed class ReportBenchmark : IBenchmarkSuite
{
    public string Name => "report";

    public string Description => "notebook runner cold start, per-cell overhead, full report of all notebooks (goal < 20 s wall), warm second run";

    public void Run(string[] args)
    {
        BenchData.EnsureNotebookBundle();
        var scratch = Directory.CreateTempSubdirectory("news-report-bench-");
        try
        {
            var fixtureDir = Path.Combine(BenchData.Root, "notebooks");
            NotebookCell Cell(string s) => NotebookCell.CSharp(s);
            var trivial = new NotebookDocument(Path.Combine(fixtureDir, "bench-trivial.ipynb"), [Cell("1 + 1")], NotebookDocument.PolyglotMetadata());
            var clock = Stopwatch.StartNew();
            Check(NotebookRunner.RunAsync(trivial).GetAwaiter().GetResult());
            Console.WriteLine($"cold start (first 1-cell run in the process, kernel process started): {Ms(clock.Elapsed)}");

            const int cells = 40;
            var many = new NotebookDocument(Path.Combine(fixtureDir, "bench-cells.ipynb"),
                Enumerable.Range(0, cells).Select(i => Cell($"var v{i} = {i};\nv{i} * 2")).ToList(), NotebookDocument.PolyglotMetadata());
            clock.Restart();
            Check(NotebookRunner.RunAsync(many).GetAwaiter().GetResult());
            var compiled = clock.Elapsed;
            clock.Restart();
            Check(NotebookRunner.RunAsync(many).GetAwaiter().GetResult());
            var cached = clock.Elapsed;
            Console.WriteLine($"per-cell overhead ({cells} trivial cells): {Ms1(compiled / cells)} compiling, {Ms1(cached / cells)} with compiled cells reused");

            var notebooks = Directory.GetFiles(fixtureDir, "*.ipynb").Order(StringComparer.Ordinal).ToList();
            var data = BenchData.Articles;
            var first = FullReport(notebooks, data, Path.Combine(scratch.FullName, "cold"));
            Console.WriteLine($"full report, {notebooks.Count} notebook(s) on {data}: {Ms(first)} (first run in this process)  goal < 20000 ms: {(first.TotalSeconds < 20 ? "met" : "NOT met")}");
            var second = FullReport(notebooks, data, Path.Combine(scratch.FullName, "warm"));
            Console.WriteLine($"full report again, same process (compiled cells reused): {Ms(second)}");

            var cli = Path.Combine(BenchData.Root, "lib", "NewsAnalysis.Cli", "bin", "Release", "net10.0", "news.dll");
            if (File.Exists(cli))
            {
                clock.Restart();
                using var process = Process.Start(new ProcessStartInfo("dotnet", ["exec", cli, "report", "--out", Path.Combine(scratch.FullName, "cli")])
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    WorkingDirectory = BenchData.Root,
                })!;
                process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                Console.WriteLine($"`news report` as a process (Release build, process start included): {Ms(clock.Elapsed)}, exit code {process.ExitCode}");
            }
            else
            {
                Console.WriteLine($"`news report` as a process: skipped (build it first: dotnet build -c Release lib/NewsAnalysis.Cli)");
            }
            Console.WriteLine($"peak working set: {BenchData.PeakMemoryMb():0} MB");
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static TimeSpan FullReport(List<string> notebooks, string data, string outDir)
    {
        var clock = Stopwatch.StartNew();
        var pages = new List<(NotebookRun, string)>();
        foreach (var path in notebooks)
        {
            var cellClock = Stopwatch.StartNew();
            var run = NotebookRunner.RunAsync(path, new NotebookRunOptions { Parameters = [new("dataDir", data)] }).GetAwaiter().GetResult();
            Check(run);
            IpynbWriter.WriteFile(run, Path.Combine(outDir, run.Notebook.Name + ".ipynb"));
            HtmlReport.WriteFile(run, Path.Combine(outDir, run.Notebook.Name + ".html"));
            pages.Add((run, run.Notebook.Name + ".html"));
            Console.WriteLine($"  {run.Notebook.Name}: {run.Cells.Count(c => c.ExecutionCount is not null)} cells, run {Ms(run.Duration)}, with outputs written {Ms(cellClock.Elapsed)}");
        }
        File.WriteAllText(Path.Combine(outDir, "index.html"), HtmlReport.RenderIndex(pages), new UTF8Encoding(false));
        return clock.Elapsed;
    }

    private static void Check(NotebookRun run)
    {
        if (!run.Succeeded) throw new InvalidOperationException($"{run.Notebook.Name} failed: {run.FirstError?.Name}: {run.FirstError?.Message}");
    }

    private static string Ms1(TimeSpan t) => t.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
}
