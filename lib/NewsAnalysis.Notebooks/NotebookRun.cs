using NewsAnalysis.Kernel;

namespace NewsAnalysis.Notebooks;

/// <summary>What happened to a cell.</summary>
public enum NotebookCellStatus
{
    /// <summary>Not code (markdown, raw).</summary>
    Text,

    /// <summary>Ran without error.</summary>
    Succeeded,

    /// <summary>Produced an error output.</summary>
    Failed,

    /// <summary>Not run because an earlier cell failed.</summary>
    Skipped,
}

/// <summary>The result of one cell.</summary>
/// <param name="Cell">The cell (the injected parameters cell included).</param>
/// <param name="Status">What happened.</param>
/// <param name="Outputs">Its outputs in order.</param>
/// <param name="ExecutionCount">1, 2, ... for the code cells that ran; null otherwise.</param>
/// <param name="Duration">Time spent running it.</param>
public sealed record NotebookCellResult(NotebookCell Cell, NotebookCellStatus Status, IReadOnlyList<NotebookOutput> Outputs, int? ExecutionCount, TimeSpan Duration);

/// <summary>A package the run referenced with <c>#r "nuget: ..."</c>.</summary>
/// <param name="Id">Package id.</param>
/// <param name="Version">Version provided.</param>
public sealed record NotebookPackage(string Id, string Version);

/// <summary>An executed notebook.</summary>
/// <param name="Notebook">The notebook as run (with the injected parameters cell).</param>
/// <param name="Cells">One result per cell of <paramref name="Notebook"/>.</param>
/// <param name="Duration">Wall time of the run.</param>
/// <param name="DataDir">The value of the notebook's <c>dataDir</c> variable after the run, if any.</param>
/// <param name="ArticleCount">Articles in the corpus the notebook loaded (or in <paramref name="DataDir"/>), if known.</param>
/// <param name="Packages">Packages referenced, in order.</param>
public sealed record NotebookRun(NotebookDocument Notebook, IReadOnlyList<NotebookCellResult> Cells, TimeSpan Duration, string? DataDir, int? ArticleCount, IReadOnlyList<NotebookPackage> Packages)
{
    /// <summary>True when no cell failed.</summary>
    public bool Succeeded => Cells.All(c => c.Status != NotebookCellStatus.Failed);

    /// <summary>The first error output, if any.</summary>
    public ErrorOutput? FirstError => Cells.SelectMany(c => c.Outputs).OfType<ErrorOutput>().FirstOrDefault();

    /// <summary>Every failed cell with its first error, in order (more than one with <c>--continue-on-error</c>).</summary>
    public IReadOnlyList<(int? ExecutionCount, ErrorOutput Error)> Errors =>
        Cells.Where(c => c.Status == NotebookCellStatus.Failed)
            .Select(c => (c.ExecutionCount, c.Outputs.OfType<ErrorOutput>().First())).ToList();

    /// <summary>Warnings about the run that are not cell errors, such as a parameter the notebook does not declare.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>Progress of a run, for live displays.</summary>
/// <param name="Notebook">The notebook's name.</param>
/// <param name="Cell">The 1-based number of the code cell starting (0 before the first).</param>
/// <param name="CellCount">Code cells in the notebook.</param>
/// <param name="Elapsed">Time since the run started.</param>
public sealed record NotebookProgress(string Notebook, int Cell, int CellCount, TimeSpan Elapsed);
