using System.CommandLine;
using NewsAnalysis.Notebooks;

namespace NewsAnalysis.Cli.Commands;

/// <summary><c>news run NOTEBOOK</c>: runs one notebook headlessly and writes the executed .ipynb and its HTML report.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var notebook = new Argument<string>("notebook") { Description = "The .ipynb or .dib notebook to run." };
        var data = CommonOptions.Data();
        var parameters = new Option<string[]>("--parameter", "-p") { Description = "A parameter name=value, set in a cell after the 'parameters' cell (repeatable)." };
        parameters.Validators.Add(result =>
        {
            foreach (var p in result.GetValueOrDefault<string[]>() ?? [])
            {
                try { NotebookParameters.Parse(p); }
                catch (ArgumentException e) { result.AddError(e.Message); }
            }
        });
        var outDir = NotebookCommandSupport.OutDir();
        var continueOnError = new Option<bool>("--continue-on-error") { Description = "Run the remaining cells after a failing one (the exit code is still 2)." };
        var timeout = NotebookCommandSupport.Timeout();
        var command = new Command("run", "Run a notebook headlessly; write the executed .ipynb and a self-contained HTML report. Exit code 2 when a cell fails.")
        {
            notebook, data, parameters, outDir, continueOnError, timeout,
        };
        command.SetAction((parse, cancellationToken) => CommonOptions.GuardAsync(parse, async () =>
        {
            var path = NotebookCommandSupport.ResolveNotebook(parse.GetValue(notebook)!);
            var given = (parse.GetValue(parameters) ?? []).Select(NotebookParameters.Parse).ToList();
            var dataOption = NotebookCommandSupport.ResolveDataDir(parse.GetValue(data)!);
            // The data the notebook will read: --data, or a -p dataDir=... (relative to the notebook's folder, as in the notebook).
            var dataDir = given.LastOrDefault(p => p.Key == "dataDir").Value is { } set ? Path.GetFullPath(set, Path.GetDirectoryName(path)!) : dataOption;
            var options = new NotebookRunOptions
            {
                Parameters = [new("dataDir", dataOption), .. given],
                ContinueOnError = parse.GetValue(continueOnError),
                CellTimeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
            };
            var target = NotebookCommandSupport.ResolveOut(parse.GetValue(outDir));
            NotebookCommandSupport.EnsureOutsideData(target, dataDir, [path]);
            NotebookCommandSupport.EnsureWritableFolder(target);
            if (Path.Exists(dataDir)) NotebookCommandSupport.EnsureArticles(dataDir, parse.InvocationConfiguration.Error);
            var reportOptions = new NotebookReportOptions { RunId = NotebookCommandSupport.NewRunId() };
            string? html = null;
            var runs = await NotebookCommandSupport.RunAllAsync([path], options, parse,
                run => html = NotebookCommandSupport.WriteOutputs(run, target, reportOptions, index: false), cancellationToken);
            parse.InvocationConfiguration.Output.WriteLine($"wrote {Path.Combine(target, runs[0].Notebook.Name + ".ipynb")} and {Path.Combine(target, html!)}");
            return runs[0].Succeeded ? 0 : NotebookCommandSupport.CellFailed;
        }));
        return command;
    }
}
