using System.CommandLine;
using NewsAnalysis.Notebooks;

namespace NewsAnalysis.Cli.Commands;

/// <summary><c>news report</c>: runs the notebooks and writes one self-contained HTML report each plus an index.html.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var notebooks = new Argument<string[]>("notebooks") { Description = "Notebooks to run (default: every notebooks/*.ipynb).", Arity = ArgumentArity.ZeroOrMore };
        var data = CommonOptions.Data();
        var outDir = NotebookCommandSupport.OutDir();
        var noInput = new Option<bool>("--no-input") { Description = "Hide the code cells (by default they are folded)." };
        var timeout = NotebookCommandSupport.Timeout();
        var cache = new Option<DirectoryInfo?>("--cache")
        {
            Description = "Keep the notebooks' per-article results (sentiment, entity mentions, timeline events) and the fitted topic model in this result store and reuse them on the next run (new units are assigned to the saved topic model; sets NEWSANALYSIS_CACHE for the kernel).",
        };
        var command = new Command("report", "Run the notebooks on a folder of articles and write self-contained HTML reports (offline) and reports/index.html.")
        {
            notebooks, data, outDir, noInput, timeout, cache,
        };
        command.SetAction((parse, cancellationToken) => CommonOptions.GuardAsync(parse, async () =>
        {
            var given = parse.GetValue(notebooks) ?? [];
            var paths = given.Length > 0 ? given.Select(NotebookCommandSupport.ResolveNotebook).ToList() : DefaultNotebooks();
            var dataDir = NotebookCommandSupport.ResolveDataDir(parse.GetValue(data)!);
            var options = new NotebookRunOptions
            {
                Parameters = [new("dataDir", dataDir)],
                CellTimeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
            };
            var target = NotebookCommandSupport.ResolveOut(parse.GetValue(outDir));
            NotebookCommandSupport.EnsureOutsideData(target, dataDir, paths);
            NotebookCommandSupport.EnsureWritableFolder(target);
            NotebookCommandSupport.EnsureArticles(dataDir, parse.InvocationConfiguration.Error);
            // Each notebook's page is written as soon as it ran, and the index (every report in the folder, including
            // those of earlier runs) rebuilt after it: stopped at any point, the folder and its index agree.
            var reportOptions = new NotebookReportOptions { NoInput = parse.GetValue(noInput), RunId = NotebookCommandSupport.NewRunId() };
            // The kernel process inherits the variable; the library's analyses read it (ArticleResultStore.EnvironmentVariable).
            var previous = Environment.GetEnvironmentVariable(ArticleResultStore.EnvironmentVariable);
            if (parse.GetValue(cache) is { } folder) Environment.SetEnvironmentVariable(ArticleResultStore.EnvironmentVariable, folder.FullName);
            List<NotebookRun> runs;
            try
            {
                runs = await NotebookCommandSupport.RunAllAsync(paths, options, parse,
                    run => NotebookCommandSupport.WriteOutputs(run, target, reportOptions, index: true), cancellationToken);
            }
            finally { Environment.SetEnvironmentVariable(ArticleResultStore.EnvironmentVariable, previous); }
            parse.InvocationConfiguration.Output.WriteLine($"wrote {runs.Count} report(s) and {Path.Combine(target, NotebookReportIndex.FileName)}");
            return runs.All(r => r.Succeeded) ? 0 : NotebookCommandSupport.CellFailed;
        }));
        return command;
    }

    private static List<string> DefaultNotebooks()
    {
        var root = RepositoryRoot.Find() ?? throw new DirectoryNotFoundException("No notebooks given and no repository (Analysis.sln) above the working directory: name the notebooks to run.");
        var folder = Path.Combine(root, "notebooks");
        var found = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.ipynb").Order(StringComparer.Ordinal).ToList() : [];
        return found.Count > 0 ? found : throw new FileNotFoundException($"No .ipynb notebooks in '{folder}'.");
    }
}
