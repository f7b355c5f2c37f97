namespace NewsAnalysis.Notebooks;

/// <summary>A value turned into what a notebook shows: plain text always, HTML when the value has a richer view.</summary>
/// <param name="PlainText">The <c>text/plain</c> form.</param>
/// <param name="Html">The <c>text/html</c> form for the self-contained report (charts expect plotly.js on the page), or null.</param>
/// <param name="NotebookHtml">The <c>text/html</c> form for the executed .ipynb when it differs (charts load plotly.js themselves), or null.</param>
public sealed record FormattedValue(string PlainText, string? Html, string? NotebookHtml = null)
{
    /// <summary>True when the HTML draws a Plotly chart (the report then includes plotly.js once).</summary>
    public bool IsChart { get; init; }
}

/// <summary>One output of a cell, in Jupyter's output kinds.</summary>
public abstract record NotebookOutput;

/// <summary>Text the cell wrote to the console.</summary>
/// <param name="Name"><c>stdout</c> or <c>stderr</c>.</param>
/// <param name="Text">The text written.</param>
public sealed record StreamOutput(string Name, string Text) : NotebookOutput;

/// <summary>A value shown by <c>display(...)</c> (display_data) or the cell's trailing expression (execute_result).</summary>
/// <param name="Value">The formatted value.</param>
/// <param name="IsResult">True for the cell's value (execute_result).</param>
public sealed record DisplayOutput(FormattedValue Value, bool IsResult) : NotebookOutput;

/// <summary>A failure in place: compile error, exception, timeout, unsupported kernel or unavailable package.</summary>
/// <param name="Name">The error name (exception type, <c>CompilationError</c>, <c>UnsupportedKernel</c>, ...).</param>
/// <param name="Message">One-line message.</param>
/// <param name="Traceback">Detail lines (diagnostics with line/column, or the stack trace).</param>
public sealed record ErrorOutput(string Name, string Message, IReadOnlyList<string> Traceback) : NotebookOutput;

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
