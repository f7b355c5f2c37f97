using System.Text.Json.Serialization;

namespace NewsAnalysis.Kernel;

/// <summary>A value turned into what a notebook shows: plain text always, HTML when the value has a richer view.</summary>
/// <param name="PlainText">The <c>text/plain</c> form.</param>
/// <param name="Html">The <c>text/html</c> form for a self-contained report page (charts expect plotly.js on the page), or null.</param>
/// <param name="NotebookHtml">
/// The <c>text/html</c> form for a notebook frontend (an executed .ipynb, Jupyter, VS Code) when it differs from
/// <paramref name="Html"/>: the session's first chart carries plotly.js itself, later charts use that copy, so charts
/// draw offline. Null when the same as <paramref name="Html"/>.
/// </param>
public sealed record FormattedValue(string PlainText, string? Html, string? NotebookHtml = null)
{
    /// <summary>True when the HTML draws a Plotly chart (a report page then includes plotly.js once).</summary>
    public bool IsChart { get; init; }
}

/// <summary>One output of a cell, in Jupyter's output kinds.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(StreamOutput), "stream")]
[JsonDerivedType(typeof(DisplayOutput), "display")]
[JsonDerivedType(typeof(DisplayUpdateOutput), "update")]
[JsonDerivedType(typeof(ErrorOutput), "error")]
public abstract record NotebookOutput;

/// <summary>Text the cell wrote to the console.</summary>
/// <param name="Name"><c>stdout</c> or <c>stderr</c>.</param>
/// <param name="Text">The text written.</param>
public sealed record StreamOutput(string Name, string Text) : NotebookOutput;

/// <summary>A value shown by <c>display(...)</c> (display_data) or the cell's trailing expression (execute_result).</summary>
/// <param name="Value">The formatted value.</param>
/// <param name="IsResult">True for the cell's value (execute_result).</param>
/// <param name="DisplayId">The id <c>display(...)</c> gave it, so a later <c>Update</c> can replace it; null for results.</param>
public sealed record DisplayOutput(FormattedValue Value, bool IsResult, string? DisplayId = null) : NotebookOutput;

/// <summary>
/// A new value for an earlier <c>display(...)</c> (Jupyter's update_display_data). Within the cell that displayed it,
/// the kernel replaces the earlier output in place; an update of an earlier cell's display is passed on as is.
/// </summary>
/// <param name="DisplayId">The display being replaced.</param>
/// <param name="Value">Its new value.</param>
public sealed record DisplayUpdateOutput(string DisplayId, FormattedValue Value) : NotebookOutput;

/// <summary>A failure in place: compile error, exception, timeout, unsupported kernel or unavailable package.</summary>
/// <param name="Name">The error name (exception type, <c>CompilationError</c>, <c>UnsupportedKernel</c>, ...).</param>
/// <param name="Message">One-line message.</param>
/// <param name="Traceback">Detail lines (diagnostics with line/column, or the stack trace).</param>
public sealed record ErrorOutput(string Name, string Message, IReadOnlyList<string> Traceback) : NotebookOutput;
