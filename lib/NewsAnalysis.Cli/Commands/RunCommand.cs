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
        var outDir = NotebookCommandSupport.OutDir();
        var continueOnError = new Option<bool>("--continue-on-error") { Description = "Run the remaining cells after a failing one (the exit code is still 2)." };
        var timeout = NotebookCommandSupport.Timeout();
        var command = new Command("run", "Run a notebook headlessly; write the executed .ipynb and a self-contained HTML report. Exit code 2 when a cell fails.")
        {
            notebook, data, parameters, outDir, continueOnError, timeout,
        };
        command.SetAction((parse, cancellationToken) => CommonOptions.GuardAsync(parse, async () =>
        {
            var options = new NotebookRunOptions
            {
                Parameters = [new("dataDir", NotebookCommandSupport.ResolveDataDir(parse.GetValue(data)!)), .. (parse.GetValue(parameters) ?? []).Select(NotebookParameters.Parse)],
                ContinueOnError = parse.GetValue(continueOnError),
                CellTimeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
            };
            var output = parse.InvocationConfiguration.Output;
            var target = NotebookCommandSupport.EnsureWritableFolder(NotebookCommandSupport.ResolveOut(parse.GetValue(outDir)!));
            var path = NotebookCommandSupport.ResolveNotebook(parse.GetValue(notebook)!);
            var runs = await NotebookCommandSupport.RunAllAsync([path], options, output, parse.InvocationConfiguration.Error, cancellationToken);
            var html = NotebookCommandSupport.WriteOutputs(runs[0], target, new NotebookReportOptions());
            output.WriteLine($"wrote {Path.Combine(target, runs[0].Notebook.Name + ".ipynb")} and {Path.Combine(target, html)}");
            return runs[0].Succeeded ? 0 : NotebookCommandSupport.CellFailed;
        }));
        return command;
    }
}
