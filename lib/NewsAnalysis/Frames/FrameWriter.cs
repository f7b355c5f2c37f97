using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using Microsoft.Data.Analysis;

namespace NewsAnalysis;

/// <summary>Writes DataFrames as CSV (UTF-8, invariant culture, ISO dates) or as a JSON array of row objects.</summary>
/// <remarks>Used instead of <c>DataFrame.SaveCsv</c>, which writes ASCII and culture-dependent dates.</remarks>
public static class FrameWriter
{
    /// <summary>
    /// Writes <paramref name="frame"/> as RFC 4180 CSV with a header row. Cells are written as they are (never trimmed);
    /// with <paramref name="spreadsheetSafe"/>, text cells and headers go through <see cref="SpreadsheetSafe"/>.
    /// </summary>
    public static void WriteCsv(DataFrame frame, TextWriter writer, bool spreadsheetSafe = false)
    {
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var column in frame.Columns) csv.WriteField(spreadsheetSafe ? SpreadsheetSafe(column.Name) : column.Name);
        csv.NextRecord();
        var text = frame.Columns.Select(c => spreadsheetSafe && c.DataType == typeof(string)).ToArray();
        for (long r = 0; r < frame.Rows.Count; r++)
        {
            for (int c = 0; c < text.Length; c++)
            {
                var cell = FormatCell(frame.Columns[c][r]);
                csv.WriteField(text[c] ? SpreadsheetSafe(cell) : cell);
            }
            csv.NextRecord();
        }
    }

    /// <summary>
    /// A text cell made inert for spreadsheets (<c>--csv-safe</c>): a cell starting with <c>=</c>, <c>+</c>, <c>-</c>,
    /// <c>@</c>, a tab or a carriage return, which Excel, LibreOffice and Google Sheets would run as a formula, gets a
    /// leading <c>'</c> (OWASP's advice for CSV injection); other cells are returned unchanged.
    /// </summary>
    /// <remarks>
    /// Hand-written rather than CsvHelper's <c>InjectionOptions.Escape</c>, which applies to every field: it would turn the
    /// number -0.4 into the text '-0.4. Callers apply this to text columns only, so numbers stay numbers.
    /// </remarks>
    public static string SpreadsheetSafe(string cell) =>
        cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + cell : cell;

    /// <summary>
    /// Writes <paramref name="frame"/> as a JSON array of objects keyed by column name (nulls kept, numbers as numbers),
    /// UTF-8 with non-ASCII text, apostrophes and angle brackets unescaped.
    /// </summary>
    public static void WriteJson(DataFrame frame, Stream stream)
    {
        // Relaxed escaping: text appears as itself ("Café", "Xi's", "<b>") instead of \u00E9 escapes. Still valid JSON;
        // only unsafe to paste unescaped into HTML or script, which these files and streams are not for.
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartArray();
        for (long r = 0; r < frame.Rows.Count; r++)
        {
            json.WriteStartObject();
            foreach (var column in frame.Columns)
            {
                json.WritePropertyName(column.Name);
                WriteJsonValue(json, column[r]);
            }
            json.WriteEndObject();
            // Utf8JsonWriter keeps everything it wrote until flushed: without this the whole document sat in memory.
            if (json.BytesPending > 1 << 16) json.Flush();
        }
        json.WriteEndArray();
    }

    /// <summary>Formats one cell for text output: dates as ISO 8601 (date only when there is no time of day), numbers invariant.</summary>
    public static string FormatCell(object? value) => value switch
    {
        null => "",
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        double x => x.ToString("R", CultureInfo.InvariantCulture),
        float x => x.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static void WriteJsonValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case bool b: json.WriteBooleanValue(b); break;
            case int i: json.WriteNumberValue(i); break;
            case long l: json.WriteNumberValue(l); break;
            case float f when float.IsFinite(f): json.WriteNumberValue(f); break;
            case double d when double.IsFinite(d): json.WriteNumberValue(d); break;
            case float or double: json.WriteNullValue(); break;
            case uint or short or ushort or byte or sbyte or ulong or decimal:
                json.WriteRawValue(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture)); break;
            default: json.WriteStringValue(FormatCell(value)); break;
        }
    }
}
