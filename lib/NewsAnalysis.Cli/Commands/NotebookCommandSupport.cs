using System.CommandLine;
using System.Globalization;
using NewsAnalysis.Notebooks;
using Spectre.Console;

namespace NewsAnalysis.Cli.Commands;

/// <summary>What <c>news run</c> and <c>news report</c> share: options, output paths and the live progress display.</summary>
internal static class NotebookCommandSupport
{
    /// <summary>Exit code when a cell failed (dotnet-repl's convention).</summary>
    public const int CellFailed = 2;

    public static Option<string> OutDir() => new("--out")
    {
        Description = "Folder for the executed .ipynb and the HTML report (default: reports/ of this repository).",
        DefaultValueFactory = _ => "reports",
    };

    public static Option<int> Timeout() => new("--timeout")
    {
        Description = "Seconds a single cell may run before the run stops (default 300).",
        DefaultValueFactory = _ => 300,
    };

    /// <summary>Exit code for bad input (a missing notebook or data folder, a malformed parameter, an unwritable --out): every verb's runtime-error code.</summary>
    public const int BadInput = CommonOptions.RuntimeError;

    /// <summary>Runs a verb's action; bad input becomes one line naming the file or value on standard error, exit code 2.</summary>
    public static async Task<int> GuardAsync(string verb, TextWriter error, Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (CommonOptions.IsUserError(e))
        {
            error.WriteLine($"news {verb}: {CommonOptions.Message(e)}");
            return BadInput;
        }
    }

    /// <summary>The --data value as an absolute path; a clear error when it does not exist.</summary>
    public static string ResolveDataDir(string data)
    {
        var full = Path.GetFullPath(CommonOptions.ResolveData(data));
        return Path.Exists(full) ? full : throw new FileNotFoundException($"Data folder or file '{full}' not found.", full);
    }

    /// <summary>An output folder: as given when absolute, else under the repository root (or the working directory).</summary>
    public static string ResolveOut(string outDir) =>
        Path.IsPathRooted(outDir) ? outDir : Path.GetFullPath(Path.Combine(RepositoryRoot.Find() ?? Environment.CurrentDirectory, outDir));

    /// <summary>
    /// Creates the output folder and checks a file can be written in it, before any notebook runs (a run can take
    /// minutes); an <see cref="IOException"/> naming the folder when it cannot.
    /// </summary>
    public static string EnsureWritableFolder(string folder)
    {
        if (File.Exists(folder)) throw new IOException($"cannot write to '{folder}': it is a file, not a folder.");
        var probe = Path.Combine(folder, $".news-write-check-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return folder;
        }
        catch (UnauthorizedAccessException)
        {
            throw new IOException($"cannot write to '{folder}': permission denied.");
        }
        catch (IOException e)
        {
            throw new IOException($"cannot write to '{folder}': {e.Message}", e);
        }
    }

    /// <summary>A notebook path: as given when it exists, else relative to the repository root.</summary>
    public static string ResolveNotebook(string path)
    {
        if (File.Exists(path)) return Path.GetFullPath(path);
        var root = RepositoryRoot.Find();
        if (root is not null && File.Exists(Path.Combine(root, path))) return Path.Combine(root, path);
        throw new FileNotFoundException($"Notebook '{Path.GetFullPath(path)}' not found.", path);
    }

    /// <summary>Runs notebooks one after the other with a live display on a terminal, one plain line per cell when redirected.</summary>
    public static async Task<List<NotebookRun>> RunAllAsync(IReadOnlyList<string> notebooks, NotebookRunOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var runs = new List<NotebookRun>();
        var interactive = !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        if (!interactive)
        {
            foreach (var path in notebooks)
            {
                var run = await NotebookRunner.RunAsync(path, options with
                {
                    Progress = p => output.WriteLine($"{p.Notebook}: cell {p.Cell}/{p.CellCount} ({Seconds(p.Elapsed)})"),
                }, cancellationToken);
                output.WriteLine(Summary(run));
                runs.Add(run);
            }
            return runs;
        }
        await AnsiConsole.Status().StartAsync("starting", async ctx =>
        {
            foreach (var path in notebooks)
            {
                var label = Path.GetFileNameWithoutExtension(path) + ": loading";
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var task = NotebookRunner.RunAsync(path, options with
                {
                    Progress = p => Volatile.Write(ref label, $"{p.Notebook}: cell {p.Cell}/{p.CellCount}"),
                }, cancellationToken);
                // Refresh the elapsed time while a long cell runs, not only when a cell starts.
                while (!task.IsCompleted)
                {
                    ctx.Status(Markup.Escape($"{Volatile.Read(ref label)} · {Seconds(clock.Elapsed)}"));
                    await Task.WhenAny(task, Task.Delay(200, cancellationToken));
                }
                var run = await task;
                AnsiConsole.MarkupLine(Markup.Escape(Summary(run)));
                runs.Add(run);
            }
        });
        return runs;
    }

    /// <summary>Writes the executed notebook and its report; returns the report's file name.</summary>
    public static string WriteOutputs(NotebookRun run, string outDir, NotebookReportOptions reportOptions)
    {
        IpynbWriter.WriteFile(run, Path.Combine(outDir, run.Notebook.Name + ".ipynb"));
        var html = run.Notebook.Name + ".html";
        HtmlReport.WriteFile(run, Path.Combine(outDir, html), reportOptions);
        return html;
    }

    private static string Summary(NotebookRun run) => run.Succeeded
        ? $"{run.Notebook.Name}: ok, {run.Cells.Count(c => c.ExecutionCount is not null)} cells in {Seconds(run.Duration)}"
        : $"{run.Notebook.Name}: FAILED in {Seconds(run.Duration)}: {run.FirstError?.Name}: {run.FirstError?.Message}";

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
