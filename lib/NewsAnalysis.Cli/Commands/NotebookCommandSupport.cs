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

    public static Option<string?> OutDir() => new("--out")
    {
        Description = "Folder for the executed .ipynb and the HTML report, relative to the working directory (default: reports/ of this repository). Not the data folder nor inside it.",
    };

    /// <summary>The longest --timeout accepted: one day.</summary>
    public const int MaxTimeout = 86_400;

    public static Option<int> Timeout() => new Option<int>("--timeout")
    {
        Description = "Seconds a single cell may run before the run stops, 1 to 86400 (default 300).",
        DefaultValueFactory = _ => 300,
    }.Within(1, MaxTimeout);

    /// <summary>The --data value as an absolute path; a clear error when it does not exist.</summary>
    public static string ResolveDataDir(string data)
    {
        var full = Path.GetFullPath(CommonOptions.ResolveData(data));
        return Path.Exists(full) ? full : throw new FileNotFoundException($"Data folder or file '{full}' not found.", full);
    }

    /// <summary>
    /// The output folder, absolute: a given --out relative to the working directory, as every --out of the CLI; without
    /// one, reports/ of the repository (or of the working directory outside a repository).
    /// </summary>
    public static string ResolveOut(string? outDir) =>
        Path.GetFullPath(outDir ?? Path.Combine(RepositoryRoot.Find() ?? Environment.CurrentDirectory, "reports"));

    /// <summary>
    /// Refuses an output folder that is the data folder or inside it (the next run would read the pages as articles),
    /// or a run whose outputs (NAME.html, NAME.ipynb, index.html) would replace the data file.
    /// </summary>
    public static void EnsureOutsideData(string folder, string dataDir, IEnumerable<string> notebooks)
    {
        OutputPlacement.EnsureOutsideData(folder, dataDir);
        var files = notebooks.Select(n => Path.GetFileNameWithoutExtension(n))
            .SelectMany(n => new[] { n + ".html", n + ".ipynb" }).Append(NotebookReportIndex.FileName);
        foreach (var file in files) OutputPlacement.EnsureOutsideData(Path.Combine(folder, file), dataDir, "output file");
    }

    /// <summary>
    /// Loads the data with the corpus loader's own rules before any cell runs: no article (an empty folder, or one whose
    /// every input was rejected) is an <see cref="InvalidDataException"/> saying so; rejected inputs are one line on
    /// <paramref name="error"/>.
    /// </summary>
    public static void EnsureArticles(string dataDir, TextWriter error)
    {
        var corpus = CommonOptions.LoadCorpus(dataDir, error, quiet: true);
        var rejected = corpus.Rejected.Count;
        if (corpus.Articles.Count == 0)
            throw new InvalidDataException(rejected == 0
                ? $"no articles in '{dataDir}': it holds no .txt, .md, .html, .htm, .json, .jsonl or .csv file."
                : $"no articles in '{dataDir}': {CommonOptions.RejectedNotice(rejected, dataDir)}");
        if (rejected > 0) error.WriteLine(CommonOptions.RejectedNotice(rejected, dataDir));
    }

    /// <summary>A new run's id: its start time (UTC) and four random hex digits, written in every page and notebook of the run.</summary>
    public static string NewRunId() =>
        DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) + "-" + Random.Shared.Next(0x10000).ToString("x4", CultureInfo.InvariantCulture);

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
    /// Runs notebooks one after the other with a live display on a terminal, one plain line per cell when redirected,
    /// calling <paramref name="finished"/> after each (to write its outputs at once). A run's warnings (such as an
    /// undeclared parameter) and a failed run (notebook, cell and error) go to standard error.
    /// </summary>
    public static async Task<List<NotebookRun>> RunAllAsync(IReadOnlyList<string> notebooks, NotebookRunOptions options, ParseResult parse, Action<NotebookRun> finished, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var verb = parse.CommandResult.Command.Name;
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
                Warn(run, error, verb);
                finished(run);
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
                    ctx.Status(Markup.Escape(TerminalText.OneLine($"{Volatile.Read(ref label)} · {Seconds(clock.Elapsed)}")));
                    await Task.WhenAny(task, Task.Delay(200, cancellationToken));
                }
                var run = await task;
                AnsiConsole.MarkupLine(Markup.Escape(Summary(run)));
                Warn(run, error, verb);
                finished(run);
                runs.Add(run);
            }
        });
        return runs;
    }

    /// <summary>
    /// Writes the executed notebook and its report, each whole or not at all, then rebuilds the folder's index from the
    /// pages on disk (always for <c>news report</c>, when there is one for <c>news run</c>), so a run stopped at any
    /// point leaves an index describing what is there. Returns the report's file name.
    /// </summary>
    public static string WriteOutputs(NotebookRun run, string outDir, NotebookReportOptions reportOptions, bool index)
    {
        IpynbWriter.WriteFile(run, Path.Combine(outDir, run.Notebook.Name + ".ipynb"), reportOptions.RunId);
        var html = run.Notebook.Name + ".html";
        HtmlReport.WriteFile(run, Path.Combine(outDir, html), reportOptions);
        if (index || File.Exists(Path.Combine(outDir, NotebookReportIndex.FileName))) NotebookReportIndex.Write(outDir);
        return html;
    }

    private static void Warn(NotebookRun run, TextWriter error, string verb)
    {
        foreach (var warning in run.Warnings) error.WriteLine(TerminalText.OneLine($"warning: {warning}"));
        if (!run.Succeeded) error.WriteLine(TerminalText.OneLine($"news {verb}: {run.Notebook.Name} failed: {Errors(run)}"));
    }

    private static string Summary(NotebookRun run) => TerminalText.OneLine(run.Succeeded
        ? $"{run.Notebook.Name}: ok, {run.Cells.Count(c => c.ExecutionCount is not null)} cells in {Seconds(run.Duration)}"
        : $"{run.Notebook.Name}: FAILED in {Seconds(run.Duration)}: {Errors(run)}");

    // "cell 6: System.ArgumentException: message; cell 9: ..." (or the reason when no cell output holds the error).
    private static string Errors(NotebookRun run) => run.Errors.Count > 0
        ? string.Join("; ", run.Errors.Select(e => $"cell {e.ExecutionCount}: {e.Error.Name}: {e.Error.Message}"))
        : "a cell failed";

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
