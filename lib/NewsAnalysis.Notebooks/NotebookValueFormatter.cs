using System.Collections;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using Microsoft.Data.Analysis;
using NewsAnalysis.Interactive;
using Plotly.NET;

namespace NewsAnalysis.Notebooks;

/// <summary>
/// Turns cell values into outputs the way the kernel shows them: DataFrames and sequences as HTML tables (rows capped,
/// the cut stated), Plotly.NET charts as interactive HTML with stable ids (chart-1, chart-2, ... per run), everything
/// else as text. Every piece of text from the data is HTML-escaped.
/// </summary>
public sealed class NotebookValueFormatter
{
    private int charts;

    /// <summary>Rows shown per table; the rest are counted in a note under it.</summary>
    public int MaxRows { get; init; } = 50;

    /// <summary>Items of a sequence enumerated at most (lazy sequences may be endless); the table note says when cut.</summary>
    public int MaxItems { get; init; } = 100_000;

    /// <summary>Characters shown per table cell; longer text ends with an ellipsis.</summary>
    public int MaxCellChars { get; init; } = 300;

    /// <summary>Formats one value.</summary>
    public FormattedValue Format(object? value)
    {
        switch (value)
        {
            case null:
                return new FormattedValue("<null>", null);
            case string s:
                return new FormattedValue(s, null);
            case NotebookHtmlContent html:
                return new FormattedValue(html.Content, html.Content);
            case GenericChart chart:
                var id = "chart-" + Interlocked.Increment(ref charts).ToString(CultureInfo.InvariantCulture);
                var figure = ChartHtml.FigureJson(chart);
                return new FormattedValue("Plotly chart (" + id + ")", ChartHtml.Render(figure, id, PlotlyScriptSource.Page), ChartHtml.Render(figure, id, PlotlyScriptSource.Cdn)) { IsChart = true };
            case DataFrame frame:
                return FormatFrame(frame);
            case IDictionary dictionary:
                return FormatRows(dictionary.Cast<DictionaryEntry>().Select(e => new object?[] { e.Key, e.Value }), ["Key", "Value"], null);
            case IEnumerable sequence when !IsScalar(value):
                return FormatSequence(sequence);
            default:
                return new FormattedValue(Cell(value), null);
        }
    }

    private FormattedValue FormatFrame(DataFrame frame)
    {
        var headers = frame.Columns.Select(c => c.Name).ToList();
        var rows = LongRange(Math.Min(frame.Rows.Count, MaxRows)).Select(r => frame.Columns.Select(c => c[r]).ToArray());
        return FormatRows(rows, headers, frame.Rows.Count);
    }

    private FormattedValue FormatSequence(IEnumerable sequence)
    {
        // A lazy sequence may be endless: take what a table can show (and a bit to count), say so when cut.
        var items = sequence.Cast<object?>().Take(MaxItems).ToList();
        var cut = items.Count == MaxItems;
        var elementType = ElementType(sequence.GetType(), items);
        if (elementType is null || IsScalarType(elementType))
            return FormatRows(items.Select(i => new[] { i }), ["value"], items.Count, cut);
        var properties = elementType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0).ToList();
        if (properties.Count == 0) return FormatRows(items.Select(i => new[] { i }), ["value"], items.Count, cut);
        return FormatRows(items.Select(i => properties.Select(p => i is null ? null : SafeGet(p, i)).ToArray()), properties.Select(p => p.Name).ToList(), items.Count, cut);
    }

    private FormattedValue FormatRows(IEnumerable<object?[]> rows, IReadOnlyList<string> headers, long? total, bool atLeast = false)
    {
        var html = new StringBuilder("<table class=\"news-table\">\n<thead><tr>");
        foreach (var h in headers) html.Append("<th>").Append(Escape(h)).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        var text = new StringBuilder(string.Join('\t', headers)).Append('\n');
        long shown = 0, count = 0;
        foreach (var row in rows)
        {
            count++;
            if (shown >= MaxRows) continue;
            shown++;
            html.Append("<tr>");
            foreach (var v in row)
            {
                var cell = Shorten(Cell(v));
                html.Append(IsNumber(v) ? "<td class=\"num\">" : cell.Length > 40 ? "<td class=\"long\">" : "<td>").Append(Escape(cell)).Append("</td>");
            }
            html.Append("</tr>\n");
            text.Append(string.Join('\t', row.Select(v => Shorten(Cell(v)).ReplaceLineEndings(" ")))).Append('\n');
        }
        html.Append("</tbody>\n</table>\n");
        var all = total ?? count;
        var note = all > shown
            ? $"{(atLeast ? "at least " : "")}{all.ToString(CultureInfo.InvariantCulture)} rows; first {shown.ToString(CultureInfo.InvariantCulture)} shown, {(all - shown).ToString(CultureInfo.InvariantCulture)} not shown"
            : $"{all.ToString(CultureInfo.InvariantCulture)} row{(all == 1 ? "" : "s")}";
        html.Append("<p class=\"news-table-note\">").Append(Escape(note)).Append("</p>");
        text.Append(note);
        return new FormattedValue(text.ToString(), html.ToString());
    }

    private string Shorten(string s) => s.Length <= MaxCellChars ? s : s[..(MaxCellChars - 1)] + "…";

    /// <summary>HTML-escapes text (all of &lt; &gt; &amp; " ').</summary>
    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A cell's text: ISO dates, invariant numbers (doubles to 4 decimals).</summary>
    public static string Cell(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        float f => f.ToString("0.####", CultureInfo.InvariantCulture),
        _ => FrameWriter.FormatCell(value),
    };

    private static bool IsNumber(object? v) => v is int or long or short or byte or double or float or decimal or uint or ulong;

    private static bool IsScalar(object value) => IsScalarType(value.GetType());

    private static bool IsScalarType(Type t) => t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(TimeSpan) || t == typeof(Guid)
        || (Nullable.GetUnderlyingType(t) is { } u && IsScalarType(u));

    private static Type? ElementType(Type sequenceType, List<object?> items)
    {
        var enumerable = sequenceType.GetInterfaces().Append(sequenceType)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        var declared = enumerable?.GetGenericArguments()[0];
        if (declared is not null && declared != typeof(object)) return declared;
        var types = items.Where(i => i is not null).Select(i => i!.GetType()).Distinct().ToList();
        return types.Count == 1 ? types[0] : null;
    }

    private static object? SafeGet(PropertyInfo p, object item)
    {
        try { return p.GetValue(item); }
        catch (TargetInvocationException e) { return "(" + e.InnerException?.GetType().Name + ")"; }
    }

    private static IEnumerable<long> LongRange(long count)
    {
        for (long i = 0; i < count; i++) yield return i;
    }
}
