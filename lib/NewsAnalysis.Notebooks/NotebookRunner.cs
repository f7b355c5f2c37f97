using System.Diagnostics;
using NewsAnalysis.Kernel;

namespace NewsAnalysis.Notebooks;

/// <summary>How to run a notebook.</summary>
public sealed record NotebookRunOptions
{
    /// <summary>Papermill-style parameters (<c>-p name=value</c>), in order; <c>dataDir</c> for <c>--data</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];

    /// <summary>Run the remaining cells after a failing one (the run still fails).</summary>
    public bool ContinueOnError { get; init; }

    /// <summary>Longest a single cell may run; a cell over it fails, the kernel is stopped and the run stops.</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Called as each code cell starts.</summary>
    public Action<NotebookProgress>? Progress { get; init; }

    /// <summary>
    /// Run in a kernel process of its own, stopped after the run, instead of the one this process's runs share. The
    /// shared kernel still holds the assemblies earlier notebooks loaded (as a Jupyter kernel that runs a second
    /// notebook does); a fresh one is what a user who opens just this notebook gets.
    /// </summary>
    public bool FreshKernel { get; init; }
}

/// <summary>
/// Runs a notebook's cells in order in the C# kernel (<see cref="KernelSession"/>), in a <c>news-kernel</c> process
/// of its own, as VS Code runs them in .NET Interactive's process: the notebook gets what its <c>#r</c> lines bring in,
/// nothing of this process. One kernel process serves this process's runs one after the other (a new session each:
/// no variable carries over); it is replaced when it dies or when a cell overruns its timeout.
/// </summary>
public static class NotebookRunner
{
    private static readonly SemaphoreSlim RunLock = new(1, 1);
    private static KernelProcess? kernel;

    /// <summary>Reads and runs a notebook file.</summary>
    public static Task<NotebookRun> RunAsync(string path, NotebookRunOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync(NotebookDocument.Load(path), options, cancellationToken);

    /// <summary>Runs <paramref name="notebook"/>; never throws for a failing cell (see <see cref="NotebookRun.Succeeded"/>).</summary>
    public static async Task<NotebookRun> RunAsync(NotebookDocument notebook, NotebookRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new NotebookRunOptions();
        var warnings = NotebookParameters.Warnings(notebook, options.Parameters);
        notebook = NotebookParameters.Inject(notebook, options.Parameters);
        await RunLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var run = await new Run(notebook, options).RunAsync(cancellationToken).ConfigureAwait(false);
            return run with { Warnings = warnings };
        }
        finally
        {
            RunLock.Release();
        }
    }

    /// <summary>Stops this process's kernel, if one runs (the next run starts a new one).</summary>
    public static async Task ShutdownAsync()
    {
        await RunLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await StopKernelAsync().ConfigureAwait(false);
        }
        finally
        {
            RunLock.Release();
        }
    }

    private static async Task StopKernelAsync()
    {
        if (kernel is null) return;
        await kernel.DisposeAsync().ConfigureAwait(false);
        kernel = null;
    }

    // The shared kernel (started when there is none or it died), or a private one for a fresh run.
    private static async Task<KernelProcess> KernelAsync(bool fresh, CancellationToken cancellationToken)
    {
        if (fresh) return await KernelProcess.StartAsync(cancellationToken).ConfigureAwait(false);
        if (kernel is { IsAlive: true }) return kernel;
        await StopKernelAsync().ConfigureAwait(false);
        return kernel = await KernelProcess.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed class Run(NotebookDocument notebook, NotebookRunOptions options)
    {
        private static readonly TimeSpan QuickRequest = TimeSpan.FromMinutes(1);
        private readonly List<NotebookCellResult> results = [];
        private readonly Dictionary<string, (int Cell, int Output)> displays = new(StringComparer.Ordinal);

        public async Task<NotebookRun> RunAsync(CancellationToken cancellationToken)
        {
            var process = await KernelAsync(options.FreshKernel, cancellationToken).ConfigureAwait(false);
            try
            {
                return await RunAsync(process, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (options.FreshKernel) await process.DisposeAsync().ConfigureAwait(false);
            }
        }

        private async Task<NotebookRun> RunAsync(KernelProcess process, CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            var notebookDir = Path.GetDirectoryName(notebook.Path) ?? Environment.CurrentDirectory;
            var codeCells = notebook.Cells.Count(c => c.Kind == NotebookCellKind.Code);
            var opened = await process.SendAsync(new PipeRequest("open", notebookDir), QuickRequest, cancellationToken).ConfigureAwait(false);
            var stopped = opened?.Op != "open";
            var startError = stopped ? KernelGone(opened, process, "opening a session") : null;
            int executed = 0, codeIndex = 0;
            foreach (var cell in notebook.Cells)
            {
                if (cell.Kind != NotebookCellKind.Code)
                {
                    results.Add(new NotebookCellResult(cell, NotebookCellStatus.Text, [], null, TimeSpan.Zero));
                    continue;
                }
                codeIndex++;
                if (stopped)
                {
                    var outputs = startError is null ? [] : new NotebookOutput[] { startError };
                    results.Add(new NotebookCellResult(cell, startError is null ? NotebookCellStatus.Skipped : NotebookCellStatus.Failed, outputs, null, TimeSpan.Zero));
                    startError = null;
                    continue;
                }
                options.Progress?.Invoke(new NotebookProgress(notebook.Name, codeIndex, codeCells, clock.Elapsed));
                var (result, fatal) = await RunCellAsync(process, cell, ++executed, cancellationToken).ConfigureAwait(false);
                results.Add(result);
                if (result.Status == NotebookCellStatus.Failed && (fatal || !options.ContinueOnError)) stopped = true;
                if (fatal) break;
            }
            // Cells after a kernel that had to be stopped are skipped.
            foreach (var cell in notebook.Cells.Skip(results.Count))
                results.Add(new NotebookCellResult(cell, cell.Kind == NotebookCellKind.Code ? NotebookCellStatus.Skipped : NotebookCellStatus.Text, [], null, TimeSpan.Zero));

            var summary = process.IsAlive ? await process.SendAsync(new PipeRequest("summary"), QuickRequest, cancellationToken).ConfigureAwait(false) : null;
            var dataDir = summary?.DataDir;
            var packages = summary?.Packages?.Select(p => new NotebookPackage(p.Id, p.Version)).ToList() ?? [];
            return new NotebookRun(notebook, results, clock.Elapsed, dataDir, summary?.ArticleCount ?? ArticleCount(dataDir, notebookDir), packages);
        }

        private async Task<(NotebookCellResult Result, bool Fatal)> RunCellAsync(KernelProcess process, NotebookCell cell, int number, CancellationToken cancellationToken)
        {
            if (!cell.IsCSharp)
            {
                var unsupported = new ErrorOutput("UnsupportedKernel",
                    $"Cell {number} is a '{cell.Kernel}' cell; the kernel runs only C# ('csharp') cells.",
                    ["Rewrite the cell in C#, or run this notebook in VS Code (Polyglot Notebooks), which has the other kernels."]);
                return (new NotebookCellResult(cell, NotebookCellStatus.Failed, [unsupported], number, TimeSpan.Zero), false);
            }
            var clock = Stopwatch.StartNew();
            var reply = await process.SendAsync(new PipeRequest("execute", Code: cell.Source), options.CellTimeout, cancellationToken).ConfigureAwait(false);
            if (reply?.Execution is not { } execution)
            {
                // Over the timeout, or the kernel died (a crash, a stack overflow): stop it; the next run starts a new one.
                var error = process.IsAlive && reply is null
                    ? new ErrorOutput("CellTimeout", $"Cell {number} did not finish within {options.CellTimeout.TotalSeconds:0.#} s; the kernel was stopped and the run stops here.", [])
                    : KernelGone(reply, process, $"running cell {number}");
                if (options.FreshKernel) await process.DisposeAsync().ConfigureAwait(false);
                else await StopKernelAsync().ConfigureAwait(false);
                return (new NotebookCellResult(cell, NotebookCellStatus.Failed, [error], number, clock.Elapsed), true);
            }
            var outputs = ApplyDisplayUpdates(execution.Outputs);
            var status = execution.Succeeded ? NotebookCellStatus.Succeeded : NotebookCellStatus.Failed;
            return (new NotebookCellResult(cell, status, outputs, number, execution.Duration), false);
        }

        // An update of an earlier cell's display replaces that output (the saved notebook shows the last value).
        private List<NotebookOutput> ApplyDisplayUpdates(IReadOnlyList<NotebookOutput> outputs)
        {
            var kept = new List<NotebookOutput>();
            foreach (var output in outputs)
            {
                if (output is DisplayUpdateOutput update)
                {
                    if (displays.TryGetValue(update.DisplayId, out var at) && results[at.Cell].Outputs[at.Output] is DisplayOutput shown)
                    {
                        var earlier = results[at.Cell].Outputs.ToList();
                        earlier[at.Output] = shown with { Value = update.Value };
                        results[at.Cell] = results[at.Cell] with { Outputs = earlier };
                    }
                    continue;
                }
                if (output is DisplayOutput { DisplayId: { } id }) displays[id] = (results.Count, kept.Count);
                kept.Add(output);
            }
            return kept;
        }

        private static ErrorOutput KernelGone(PipeReply? reply, KernelProcess process, string doing) =>
            reply?.Op == "error"
                ? new ErrorOutput("KernelError", $"The kernel failed {doing}: {reply.Message}", [])
                : new ErrorOutput("KernelDied", $"The kernel process ended while {doing} ({process.Tail()}).", []);

        private static int? ArticleCount(string? dataDir, string notebookDir)
        {
            if (dataDir is null) return null;
            var full = Path.GetFullPath(dataDir, notebookDir);
            try
            {
                return Path.Exists(full) ? Corpus.Load(full).Articles.Count : null;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                return null;
            }
        }
    }
}
