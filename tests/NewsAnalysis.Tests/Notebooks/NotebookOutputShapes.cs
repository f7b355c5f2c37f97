using System.Text.RegularExpressions;
using NewsAnalysis.Kernel;

namespace NewsAnalysis.Tests;

/// <summary>
/// What a cell output is, whichever kernel made it: a table, a chart, text, console output or an error — so the real
/// .NET Interactive kernel and the project's kernel can be compared cell by cell although their HTML differs.
/// </summary>
internal static partial class NotebookOutputShapes
{
    /// <summary>A .NET type's full name alone (what a value without a formatter shows as), e.g. <c>NewsAnalysis.TopicModel</c>.</summary>
    [GeneratedRegex(@"^[A-Za-z_]\w*(\.[A-Za-z_][\w`]*)+(\[[^\]]*\])?$")]
    public static partial Regex BareTypeName();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    /// <summary>The shape of one of the project kernel's outputs.</summary>
    public static string Of(NotebookOutput output) => output switch
    {
        StreamOutput s => s.Name,
        ErrorOutput => "error",
        DisplayOutput d => Of(d.Value.NotebookHtml ?? d.Value.Html, d.Value.PlainText),
        _ => output.GetType().Name,
    };

    /// <summary>The shape of a real-kernel output; null for the kernel's own package-installation messages.</summary>
    public static string? Of(RealKernelOutput output)
    {
        output.Values.TryGetValue("text/html", out var html);
        output.Values.TryGetValue("text/plain", out var plain);
        if (html?.Contains("Installing Packages", StringComparison.Ordinal) == true || html?.Contains("Installed Packages", StringComparison.Ordinal) == true
            || plain?.StartsWith("Loading extensions from", StringComparison.Ordinal) == true)
            return null;
        return output.EventType switch
        {
            "StandardOutputValueProduced" => "stdout",
            "StandardErrorValueProduced" => "stderr",
            "ErrorProduced" => "error",
            _ => Of(html, plain ?? ""),
        };
    }

    /// <summary>table, chart or text.</summary>
    public static string Of(string? html, string plain) =>
        html is null ? "text"
        : html.Contains("Plotly.newPlot", StringComparison.Ordinal) ? "chart"
        : html.Contains("<table", StringComparison.Ordinal) ? "table"
        : "text";

    /// <summary>The visible text of an output (HTML without tags), to spot a bare type name.</summary>
    public static string VisibleText(string? html, string? plain) =>
        System.Net.WebUtility.HtmlDecode(Tags().Replace(html ?? plain ?? "", "")).Trim();

    /// <summary>Shapes with repeats of console output merged (one kernel writes a line per event, the other per cell).</summary>
    public static List<string> Merge(IEnumerable<string?> shapes)
    {
        var merged = new List<string>();
        foreach (var shape in shapes)
        {
            if (shape is null) continue;
            if (shape is "stdout" or "stderr" && merged.Count > 0 && merged[^1] == shape) continue;
            merged.Add(shape);
        }
        return merged;
    }
}
