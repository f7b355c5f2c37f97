using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;

namespace NewsAnalysis.Kernel;

/// <summary>
/// Turns cell values into outputs the way a notebook shows them: DataFrames and sequences as HTML tables (rows capped,
/// the cut stated), Plotly.NET charts as interactive HTML with stable ids (chart-1, chart-2, ... per session),
/// everything else as text. Every piece of text from the data is HTML-escaped.
/// DataFrames and charts are recognised by type name and read by reflection: the kernel's runtime holds neither
/// Microsoft.Data.Analysis nor Plotly.NET; the notebook brings in whichever versions its <c>#r</c> lines ask for.
/// </summary>
public sealed class ValueFormatter
{
    private const string DataFrameType = "Microsoft.Data.Analysis.DataFrame";
    private const string ChartType = "Plotly.NET.GenericChart";
    private static readonly ConcurrentDictionary<Assembly, PlotlyScript> PlotlyByAssembly = new();
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
            case HtmlContent html:
                return new FormattedValue(html.Content, html.Content);
            case var _ when Is(value, ChartType) is { } chartType:
                return FormatChart(value, chartType);
            case var _ when Is(value, DataFrameType) is not null:
                return FormatFrame(value);
            case IDictionary dictionary:
                return FormatRows(dictionary.Cast<DictionaryEntry>().Select(e => new object?[] { e.Key, e.Value }), ["Key", "Value"], null);
            case IEnumerable sequence when !IsScalarType(value.GetType()):
                return FormatSequence(sequence);
            default:
                return new FormattedValue(Cell(value), null);
        }
    }

    // The type itself or a base type with this full name (a chart's runtime type is a subclass of GenericChart).
    private static Type? Is(object value, string fullName)
    {
        for (var t = value.GetType(); t is not null; t = t.BaseType)
            if (t.FullName == fullName) return t;
        return null;
    }

    private FormattedValue FormatChart(object chart, Type chartType)
    {
        var toJson = chartType.GetMethod("toJson", BindingFlags.Public | BindingFlags.Static, [chartType])
            ?? throw new InvalidOperationException($"{chartType.Assembly.GetName()} has no GenericChart.toJson(GenericChart).");
        var figure = PlotlyFragment.EscapeForScript((string)toJson.Invoke(null, [chart])!);
        var plotly = PlotlyByAssembly.GetOrAdd(chartType.Assembly, PlotlyFragment.ReadEmbedded);
        var number = Interlocked.Increment(ref charts);
        var id = "chart-" + number.ToString(CultureInfo.InvariantCulture);
        return new FormattedValue(
            "Plotly chart (" + id + ")",
            PlotlyFragment.Render(figure, id, PlotlyScriptSource.Page, plotly),
            PlotlyFragment.Render(figure, id, number == 1 ? PlotlyScriptSource.Inline : PlotlyScriptSource.Shared, plotly))
        { IsChart = true };
    }

    // DataFrame through `dynamic`: Columns (each with Name and a row indexer) and Rows.Count.
    private FormattedValue FormatFrame(dynamic frame)
    {
        var columns = new List<dynamic>();
        foreach (var column in frame.Columns) columns.Add(column);
        var headers = columns.Select(c => (string)c.Name).ToList();
        long count = frame.Rows.Count;
        var rows = LongRange(Math.Min(count, MaxRows)).Select(r => columns.Select(c => (object?)c[r]).ToArray());
        return FormatRows(rows, headers, count);
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

    /// <summary>A cell's text: ISO dates (the time only when there is one), invariant numbers (doubles to 4 decimals).</summary>
    public static string Cell(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        float f => f.ToString("0.####", CultureInfo.InvariantCulture),
        DateTime d => d.ToString(d.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static bool IsNumber(object? v) => v is int or long or short or byte or double or float or decimal or uint or ulong;

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
