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

    /// <summary>
    /// A notebook path: as given when it exists, else relative to the repository root. A bare name (no folder, such as
    /// <c>02-sentiment</c> or <c>02-sentiment.ipynb</c>) is also looked for in the working directory and then in the
    /// repository's notebooks/, with <c>.ipynb</c> or <c>.dib</c> added when it has no extension. The error lists where
    /// it looked and the notebooks available.
    /// </summary>
    public static string ResolveNotebook(string path)
    {
        var root = RepositoryRoot.Find();
        var candidates = new List<string> { Path.GetFullPath(path) };
        if (root is not null) candidates.Add(Path.GetFullPath(Path.Combine(root, path)));
        if (Path.GetFileName(path) == path)
        {
            string[] names = Path.HasExtension(path) ? [path] : [path + ".ipynb", path + ".dib"];
            candidates.AddRange(names.Select(n => Path.GetFullPath(n)));
            if (root is not null) candidates.AddRange(names.Select(n => Path.Combine(root, "notebooks", n)));
        }
        candidates = candidates.Distinct(StringComparer.Ordinal).ToList();
        if (candidates.FirstOrDefault(File.Exists) is { } found) return found;
        var folder = root is null ? null : Path.Combine(root, "notebooks");
        var available = folder is not null && Directory.Exists(folder)
            ? $"; notebooks/ has {string.Join(", ", Directory.GetFiles(folder, "*.ipynb").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal))}"
            : "";
        throw new FileNotFoundException($"Notebook '{path}' not found (looked for {string.Join(", ", candidates)}){available}.", path);
    }

    /// <summary>
    /// Runs notebooks one after the other with a live display on a terminal, one plain line per cell when redirected;
    /// a run's warnings (such as an undeclared parameter) go to <paramref name="error"/>.
    /// </summary>
    public static async Task<List<NotebookRun>> RunAllAsync(IReadOnlyList<string> notebooks, NotebookRunOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
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
                Warn(run, error);
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
                Warn(run, error);
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

    private static void Warn(NotebookRun run, TextWriter error)
    {
        foreach (var warning in run.Warnings) error.WriteLine($"warning: {warning}");
    }

    private static string Summary(NotebookRun run) => run.Succeeded
        ? $"{run.Notebook.Name}: ok, {run.Cells.Count(c => c.ExecutionCount is not null)} cells in {Seconds(run.Duration)}"
        : $"{run.Notebook.Name}: FAILED in {Seconds(run.Duration)}: "
            + string.Join("; ", run.Errors.Select(e => $"cell {e.ExecutionCount}: {e.Error.Name}: {e.Error.Message}"));

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
