using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NewsAnalysis;

/// <summary>A column of a table written row by row: its name and the type of its cells (string, int, double or DateTime).</summary>
/// <param name="Name">The column name (CSV header, JSON property).</param>
/// <param name="DataType">The cell type, as a DataFrame column's <c>DataType</c>: string cells are the text cells of <c>--csv-safe</c>.</param>
public sealed record FrameRowColumn(string Name, Type DataType);

/// <summary>
/// Writes a table one row at a time, in exactly the bytes <see cref="FrameWriter"/> writes for the same DataFrame
/// (CSV as CsvHelper writes it, or the indented JSON array of row objects), so a verb can stream rows as it makes them
/// instead of building the whole table first. Cells are given left to right with the <c>Write</c> overloads, each row
/// closed by <see cref="EndRow"/>, the table by <see cref="Complete"/>.
/// </summary>
public abstract class FrameRowWriter : IDisposable
{
    private readonly bool[] text;
    private int column;
    private string? firstCell;

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
        if (column == 1) firstCell = value;
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
        RowEnded?.Invoke(firstCell);
    }

    /// <summary>Called after each row with its first cell when that is text (else null): kept text tells its articles apart by it.</summary>
    internal Action<string?>? RowEnded { get; set; }

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
        if (column == 0) firstCell = null;
        column++;
        return c.Name;
    }

    /// <summary>
    /// Names the text this writer gives a run of rows (its format, options and columns), so that rows rendered once by a
    /// <see cref="RowsOnly"/> writer can be kept and written again as they are (<see cref="WriteRendered"/>); null when a
    /// run of rows has no text of its own (JSON: a row's separator depends on the rows before it).
    /// </summary>
    internal virtual string? RenderingKey => null;

    /// <summary>A writer of the same kind, options and columns that writes rows only (no header, nothing after them) to <paramref name="into"/>.</summary>
    internal virtual FrameRowWriter RowsOnly(TextWriter into) => throw new NotSupportedException("this writer's rows are not rendered apart");

    /// <summary>
    /// Writes <paramref name="rows"/> rows rendered before by a <see cref="RowsOnly"/> writer of the same
    /// <see cref="RenderingKey"/>: the next <paramref name="length"/> bytes of <paramref name="utf8"/>, their UTF-8 text, as they are.
    /// </summary>
    internal void WriteRendered(Stream utf8, long length, long rows)
    {
        if (column != 0) throw new InvalidOperationException($"row {Rows + 1} is incomplete.");
        WriteRenderedText(utf8, length);
        Rows += rows;
    }

    private protected virtual void WriteRenderedText(Stream utf8, long length) => throw new NotSupportedException("this writer's rows are not rendered apart");

    private protected abstract void WriteNull(string name);
    private protected abstract void WriteText(string name, string value);
    private protected abstract void WriteInt(string name, int value);
    private protected abstract void WriteDouble(string name, double value);
    private protected abstract void EndRecord();
    private protected abstract void Finish();

    /// <remarks>
    /// Writes the text itself, with CsvHelper's rules (the ones <see cref="FrameWriter.WriteCsv"/> goes through: a cell is
    /// quoted when it holds a quote, a comma, a CR or an LF, or starts or ends with a space; quotes are doubled; rows end
    /// in CRLF), rather than through CsvHelper's <c>WriteField</c>: that takes a string per cell, so every number became a
    /// string first, and runs its quoting delegates per cell — on <c>news sentiment --lines</c> (six cells a line) that
    /// was most of the time spent writing. Numbers are formatted straight into a buffer here. The property test
    /// <c>FrameRowWriterTests</c> checks these bytes against FrameWriter's, CsvHelper's, on random tables.
    /// </remarks>
    private sealed class CsvRows : FrameRowWriter
    {
        private static readonly System.Buffers.SearchValues<char> quoted = System.Buffers.SearchValues.Create("\",\r\n");
        private readonly TextWriter writer;
        private readonly bool spreadsheetSafe;
        private readonly char[] number = new char[32];
        private bool rowStarted;

        public CsvRows(TextWriter writer, IReadOnlyList<FrameRowColumn> columns, bool spreadsheetSafe, bool header = true) : base(columns, spreadsheetSafe)
        {
            ArgumentNullException.ThrowIfNull(writer);
            this.writer = writer;
            this.spreadsheetSafe = spreadsheetSafe;
            if (!header) return;
            foreach (var c in columns) Field(spreadsheetSafe ? FrameWriter.SpreadsheetSafe(c.Name) : c.Name);
            EndRecord();
        }

        // Each row stands alone in CSV (its cells, then CRLF), so a run of rows is the same text wherever it goes.
        internal override string? RenderingKey =>
            (spreadsheetSafe ? "csv-safe" : "csv") + "\n" + string.Join("\n", Columns.Select(c => c.Name + "\t" + c.DataType.FullName));

        internal override FrameRowWriter RowsOnly(TextWriter into) => new CsvRows(into, Columns, spreadsheetSafe, header: false);

        private protected override void WriteRenderedText(Stream utf8, long length)
        {
            var bytes = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 16);
            var chars = System.Buffers.ArrayPool<char>.Shared.Rent(1 << 16);
            try
            {
                // A UTF-8 stream writer (a file, standard output) takes the bytes as they are, after what it holds; any
                // other writer gets them decoded a buffer at a time (a character split between two buffers decoded whole).
                var stream = writer is StreamWriter { Encoding.CodePage: 65001 } utf8Writer ? utf8Writer : null;
                stream?.Flush();
                var decoder = Encoding.UTF8.GetDecoder();
                for (long left = length; left > 0;)
                {
                    int read = utf8.Read(bytes, 0, (int)Math.Min(bytes.Length, left));
                    if (read == 0) throw new EndOfStreamException($"rendered rows cut short: {left} of {length} bytes missing");
                    left -= read;
                    if (stream is not null) { stream.BaseStream.Write(bytes, 0, read); continue; }
                    int made = decoder.GetChars(bytes, 0, read, chars, 0, flush: left == 0);
                    writer.Write(chars, 0, made);
                }
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(bytes);
                System.Buffers.ArrayPool<char>.Shared.Return(chars);
            }
        }

        private void Separate()
        {
            if (rowStarted) writer.Write(',');
            rowStarted = true;
        }

        private void Field(string value)
        {
            Separate();
            if (value.Length == 0) return;
            if (value[0] != ' ' && value[^1] != ' ' && !value.AsSpan().ContainsAny(quoted))
            {
                writer.Write(value);
                return;
            }
            writer.Write('"');
            var rest = value.AsSpan();
            for (var q = rest.IndexOf('"'); q >= 0; q = rest.IndexOf('"'))
            {
                writer.Write(rest[..(q + 1)]);
                writer.Write('"');
                rest = rest[(q + 1)..];
            }
            writer.Write(rest);
            writer.Write('"');
        }

        private void Formatted<T>(T value) where T : ISpanFormattable
        {
            Separate();
            // "R" for doubles: the shortest text that reads back as the same number, as FrameWriter.FormatCell writes it.
            if (!value.TryFormat(number, out var written, typeof(T) == typeof(double) ? "R" : default, CultureInfo.InvariantCulture))
                throw new InvalidOperationException($"could not format {value}");
            writer.Write(number, 0, written);
        }

        private protected override void WriteNull(string name) => Separate();
        private protected override void WriteText(string name, string value) => Field(value);
        private protected override void WriteInt(string name, int value) => Formatted(value);
        private protected override void WriteDouble(string name, double value) => Formatted(value);

        private protected override void EndRecord()
        {
            writer.Write("\r\n");
            rowStarted = false;
        }

        private protected override void Finish() => writer.Flush();
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
