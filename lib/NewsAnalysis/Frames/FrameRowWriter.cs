using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;

namespace NewsAnalysis;

/// <summary>A column of a table written row by row: its name and the type of its cells (string, int, double or DateTime).</summary>
/// <param name="Name">The column name (CSV header, JSON property).</param>
/// <param name="DataType">The cell type, as a DataFrame column's <c>DataType</c>: string cells are the text cells of <c>--csv-safe</c>.</param>
public sealed record FrameRowColumn(string Name, Type DataType);

/// <summary>
/// Writes a table one row at a time, in exactly the bytes <see cref="FrameWriter"/> writes for the same DataFrame
/// (CSV through CsvHelper, or the indented JSON array of row objects), so a verb can stream rows as it makes them
/// instead of building the whole table first. Cells are given left to right with the <c>Write</c> overloads, each row
/// closed by <see cref="EndRow"/>, the table by <see cref="Complete"/>.
/// </summary>
public abstract class FrameRowWriter : IDisposable
{
    private readonly bool[] text;
    private int column;

    private protected FrameRowWriter(IReadOnlyList<FrameRowColumn> columns, bool spreadsheetSafe)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0) throw new ArgumentException("A table needs at least one column.", nameof(columns));
        Columns = columns;
        text = columns.Select(c => spreadsheetSafe && c.DataType == typeof(string)).ToArray();
    }

    /// <summary>The columns, in order.</summary>
    public IReadOnlyList<FrameRowColumn> Columns { get; }

    /// <summary>Rows written so far.</summary>
    public long Rows { get; private set; }

    /// <summary>
    /// CSV to <paramref name="writer"/>, as <see cref="FrameWriter.WriteCsv"/>: the header now, then each row;
    /// <paramref name="spreadsheetSafe"/> applies <see cref="FrameWriter.SpreadsheetSafe"/> to string columns and headers.
    /// </summary>
    public static FrameRowWriter Csv(TextWriter writer, IReadOnlyList<FrameRowColumn> columns, bool spreadsheetSafe = false) =>
        new CsvRows(writer, columns, spreadsheetSafe);

    /// <summary>The JSON array of row objects to <paramref name="stream"/>, as <see cref="FrameWriter.WriteJson"/>.</summary>
    public static FrameRowWriter Json(Stream stream, IReadOnlyList<FrameRowColumn> columns) => new JsonRows(stream, columns);

    /// <summary>The next cell: text (null is an empty CSV cell, a JSON null).</summary>
    public void Write(string? value)
    {
        var name = Next(typeof(string));
        if (value is null) WriteNull(name);
        else WriteText(name, text[column - 1] ? FrameWriter.SpreadsheetSafe(value) : value);
    }

    /// <summary>The next cell: an integer.</summary>
    public void Write(int value) => WriteInt(Next(typeof(int)), value);

    /// <summary>The next cell: a number (null or not finite: an empty CSV cell, a JSON null; CSV keeps NaN and ∞ as FrameWriter does).</summary>
    public void Write(double? value)
    {
        var name = Next(typeof(double));
        if (value is { } x) WriteDouble(name, x);
        else WriteNull(name);
    }

    /// <summary>The next cell: a date (ISO 8601, date only when there is no time of day), null when unknown.</summary>
    public void Write(DateTime? value)
    {
        var name = Next(typeof(DateTime));
        if (value is { } d) WriteText(name, FrameWriter.FormatCell(d));
        else WriteNull(name);
    }

    /// <summary>Closes the current row (every column must have had its cell).</summary>
    public void EndRow()
    {
        if (column != Columns.Count) throw new InvalidOperationException($"row {Rows + 1}: {column} of {Columns.Count} cells written.");
        EndRecord();
        column = 0;
        Rows++;
    }

    /// <summary>Ends the table and flushes everything to the target.</summary>
    public void Complete()
    {
        if (column != 0) throw new InvalidOperationException($"row {Rows + 1} is incomplete.");
        Finish();
    }

    /// <summary>Releases the underlying writer (without completing the table).</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the underlying writer.</summary>
    protected virtual void Dispose(bool disposing) { }

    private string Next(Type type)
    {
        if (column >= Columns.Count) throw new InvalidOperationException($"row {Rows + 1}: more cells than the {Columns.Count} columns.");
        var c = Columns[column];
        if (c.DataType != type) throw new InvalidOperationException($"column '{c.Name}' holds {c.DataType.Name}, not {type.Name}.");
        column++;
        return c.Name;
    }

    private protected abstract void WriteNull(string name);
    private protected abstract void WriteText(string name, string value);
    private protected abstract void WriteInt(string name, int value);
    private protected abstract void WriteDouble(string name, double value);
    private protected abstract void EndRecord();
    private protected abstract void Finish();

    private sealed class CsvRows : FrameRowWriter
    {
        private readonly CsvWriter csv;

        public CsvRows(TextWriter writer, IReadOnlyList<FrameRowColumn> columns, bool spreadsheetSafe) : base(columns, spreadsheetSafe)
        {
            csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
            foreach (var c in columns) csv.WriteField(spreadsheetSafe ? FrameWriter.SpreadsheetSafe(c.Name) : c.Name);
            csv.NextRecord();
        }

        private protected override void WriteNull(string name) => csv.WriteField("");
        private protected override void WriteText(string name, string value) => csv.WriteField(value);
        private protected override void WriteInt(string name, int value) => csv.WriteField(value.ToString(CultureInfo.InvariantCulture));
        private protected override void WriteDouble(string name, double value) => csv.WriteField(value.ToString("R", CultureInfo.InvariantCulture));
        private protected override void EndRecord() => csv.NextRecord();
        private protected override void Finish() => csv.Flush();
        protected override void Dispose(bool disposing) { if (disposing) csv.Dispose(); }
    }

    private sealed class JsonRows : FrameRowWriter
    {
        private const int FlushBytes = 1 << 16;
        private readonly Utf8JsonWriter json;
        private readonly JsonEncodedText[] names;

        public JsonRows(Stream stream, IReadOnlyList<FrameRowColumn> columns) : base(columns, false)
        {
            // FrameWriter.WriteJson's options: indented, text as itself (see the reasons there).
            json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            names = columns.Select(c => JsonEncodedText.Encode(c.Name, JavaScriptEncoder.UnsafeRelaxedJsonEscaping)).ToArray();
            json.WriteStartArray();
        }

        private JsonEncodedText Name() => names[column - 1];

        private void Property()
        {
            if (column == 1) json.WriteStartObject();
            json.WritePropertyName(Name());
        }

        private protected override void WriteNull(string name) { Property(); json.WriteNullValue(); }
        private protected override void WriteText(string name, string value) { Property(); json.WriteStringValue(value); }
        private protected override void WriteInt(string name, int value) { Property(); json.WriteNumberValue(value); }

        private protected override void WriteDouble(string name, double value)
        {
            Property();
            if (double.IsFinite(value)) json.WriteNumberValue(value);
            else json.WriteNullValue();
        }

        private protected override void EndRecord()
        {
            json.WriteEndObject();
            // Utf8JsonWriter keeps everything until flushed: hand the bytes on every 64 KB so memory stays bounded.
            if (json.BytesPending >= FlushBytes) json.Flush();
        }

        private protected override void Finish()
        {
            json.WriteEndArray();
            json.Flush();
        }

        protected override void Dispose(bool disposing) { if (disposing) json.Dispose(); }
    }
}

/// <summary>
/// A write-only stream that hands UTF-8 bytes on to a <see cref="TextWriter"/> (standard output, or a test's
/// <see cref="StringWriter"/>), so JSON written as bytes can go to a text writer chunk by chunk. A multi-byte character
/// split between two writes is decoded whole.
/// </summary>
public sealed class Utf8TextWriterStream(TextWriter writer) : Stream
{
    private readonly Decoder decoder = new UTF8Encoding(false).GetDecoder();
    private char[] chars = new char[4096];

    /// <inheritdoc />
    public override bool CanRead => false;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => true;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var needed = decoder.GetCharCount(buffer, flush: false);
        if (chars.Length < needed) chars = new char[Math.Max(needed, chars.Length * 2)];
        var n = decoder.GetChars(buffer, chars, flush: false);
        writer.Write(chars, 0, n);
    }

    /// <inheritdoc />
    public override void Flush() => writer.Flush();

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();
}
