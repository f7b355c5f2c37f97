using System.Diagnostics;
using System.Globalization;
using NewsAnalysis.Notebooks;
using NewsAnalysis.Tests;

namespace NewsAnalysis.Benchmarks;

/// <summary>
/// <c>notebooks</c>: every notebook in the real .NET Interactive kernel (dotnet-interactive, started as VS Code starts
/// it) and in the project's kernel (news-kernel, as <c>news run</c> runs it), in one run on the seed articles. Cold: a
/// new kernel process (its start included). Warm: the same notebook again in that process (the real kernel gets the
/// cells again in the same session; ours a new session in the same process). Packages are already in the NuGet
/// caches for both (a first-ever run adds the restore). Arguments: notebook names to run (default: all).
/// </summary>
internal sealed class NotebooksBenchmark : IBenchmarkSuite
{
    public string Name => "notebooks";

    public string Description => "each notebook, cells and wall time: real .NET Interactive kernel vs news-kernel, cold and warm";

    public void Run(string[] args)
    {
        BenchData.EnsureNotebookBundle();
        var notebooks = Directory.GetFiles(Path.Combine(BenchData.Root, "notebooks"), "*.ipynb").Order(StringComparer.Ordinal)
            .Where(p => args.Length == 0 || args.Contains(Path.GetFileNameWithoutExtension(p), StringComparer.Ordinal)).ToList();
        var parameters = new KeyValuePair<string, string>[] { new("dataDir", BenchData.Articles) };
        Console.WriteLine($"{"notebook",-14} {"cells",5} {"real cold",10} {"real warm",10} {"ours cold",10} {"ours warm",10}");
        var totals = new double[4];
        foreach (var path in notebooks)
        {
            var notebook = NotebookParameters.Inject(NotebookDocument.Load(path), parameters);
            var cells = notebook.Cells.Where(c => c.IsCSharp).Select(c => c.Source).ToList();

            var clock = Stopwatch.StartNew();
            using (var real = DotnetInteractive.Start(BenchData.Root, Path.GetDirectoryName(path)!))
            {
                Check(cells.Select(c => real.Submit(c, TimeSpan.FromMinutes(5))).ToList(), notebook.Name);
                var realCold = clock.Elapsed;
                clock.Restart();
                Check(cells.Select(c => real.Submit(c, TimeSpan.FromMinutes(5))).ToList(), notebook.Name);
                var realWarm = clock.Elapsed;

                clock.Restart();
                Check(NotebookRunner.RunAsync(path, new NotebookRunOptions { Parameters = parameters, FreshKernel = true }).GetAwaiter().GetResult());
                var oursCold = clock.Elapsed;
                // Warm: the second run of the notebook in the shared kernel (the first starts it for the first notebook).
                Check(NotebookRunner.RunAsync(path, new NotebookRunOptions { Parameters = parameters }).GetAwaiter().GetResult());
                clock.Restart();
                Check(NotebookRunner.RunAsync(path, new NotebookRunOptions { Parameters = parameters }).GetAwaiter().GetResult());
                var oursWarm = clock.Elapsed;

                var row = new[] { realCold, realWarm, oursCold, oursWarm };
                for (var i = 0; i < 4; i++) totals[i] += row[i].TotalSeconds;
                Console.WriteLine($"{notebook.Name,-14} {cells.Count,5} {string.Concat(row.Select(t => S(t.TotalSeconds).PadLeft(11)))}");
            }
        }
        Console.WriteLine($"{"all",-14} {"",5} {string.Concat(totals.Select(t => S(t).PadLeft(11)))}");
        NotebookRunner.ShutdownAsync().GetAwaiter().GetResult();
    }

    private static void Check(IReadOnlyList<RealKernelCell> cells, string name)
    {
        if (cells.FirstOrDefault(c => !c.Succeeded) is { } failed) throw new InvalidOperationException($"{name} failed in dotnet-interactive: {failed.Error}");
    }

    private static void Check(NotebookRun run)
    {
        if (!run.Succeeded) throw new InvalidOperationException($"{run.Notebook.Name} failed: {run.FirstError?.Name}: {run.FirstError?.Message}");
    }

    private static string S(double seconds) => seconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";
}
