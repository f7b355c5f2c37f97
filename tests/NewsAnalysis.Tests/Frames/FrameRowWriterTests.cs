using System.Text;
using CsCheck;
using Microsoft.Data.Analysis;

namespace NewsAnalysis.Tests;

/// <summary><see cref="FrameRowWriter"/> writes, row by row, exactly the bytes <see cref="FrameWriter"/> (CsvHelper, Utf8JsonWriter) writes for the whole frame.</summary>
public class FrameRowWriterTests
{
    // Cells that exercise quoting, formulas (--csv-safe), non-ASCII, escapes in JSON, and numbers at their edges.
    private static readonly string[] Texts =
        ["", " ", "plain", "a,b", "say \"hi\"", "line\nbreak", "cr\rcr", "=SUM(A1)", "+1", "-2", "@x", "\tTab", "Café ☕", "😀 emoji", "<b>&'</b>", "back\\slash", "\u0001ctl", " lead", "trail "];
    private static readonly double[] Numbers = [0, -0.0, 1, -1, 0.5, 0.1 + 0.2, 1e-7, 123456789.123, double.MaxValue, double.Epsilon, double.NaN, double.PositiveInfinity];

    private static readonly Gen<FrameRowColumn[]> Columns =
        Gen.Int[0, 3].Array[1, 6].Select(kinds => kinds.Select((k, i) => new FrameRowColumn(
            i % 3 == 0 ? $"C{i}" : Texts[(i * 5) % Texts.Length] + i, k switch { 0 => typeof(string), 1 => typeof(int), 2 => typeof(double), _ => typeof(DateTime) })).ToArray());

    private static readonly Gen<string?> TextCell =
        Gen.Frequency((1, Gen.Const((string?)null)), (6, Gen.Int[0, Texts.Length - 1].Select(i => (string?)Texts[i])), (2, Gen.String.Select(s => (string?)s)));
    private static readonly Gen<double?> NumberCell =
        Gen.Frequency((1, Gen.Const((double?)null)), (3, Gen.Int[0, Numbers.Length - 1].Select(i => (double?)Numbers[i])), (3, Gen.Double.Select(d => (double?)d)));
    private static readonly Gen<DateTime?> DateCell =
        Gen.Frequency((1, Gen.Const((DateTime?)null)), (3, Gen.DateTime.Select(d => (DateTime?)d)), (3, Gen.DateTime.Select(d => (DateTime?)d.Date)));

    // A row: one candidate cell of each type per column slot; each column takes the one of its type.
    private static readonly Gen<object?[]> Row = Gen.Select(TextCell, Gen.Int, NumberCell, DateCell, (s, i, d, t) => new object?[] { s, i, d, t }).Array[6]
        .Select(slots => slots.Cast<object?>().ToArray());

    private static readonly Gen<(FrameRowColumn[] Columns, object?[][] Rows)> Tables =
        Gen.Select(Columns, Row.Array[0, 12], (columns, rows) => (columns, rows.Select(r => columns.Select((c, i) => Pick(c.DataType, (object?[])r[i]!)).ToArray()).ToArray()));

    private static object? Pick(Type type, object?[] slot) =>
        type == typeof(string) ? slot[0] : type == typeof(int) ? slot[1] : type == typeof(double) ? slot[2] : slot[3];

    [Fact]
    public void FrameRowWriter_WritesTheBytesOfFrameWriter_CsvJsonAndCsvSafe()
    {
        Tables.Sample(table =>
        {
            var frame = Frame(table.Columns, table.Rows);
            foreach (var safe in new[] { false, true })
            {
                var expected = new StringWriter();
                FrameWriter.WriteCsv(frame, expected, safe);
                var actual = new StringWriter();
                using (var rows = FrameRowWriter.Csv(actual, table.Columns, safe)) { WriteRows(rows, table.Columns, table.Rows); rows.Complete(); }
                Assert.Equal(expected.ToString(), actual.ToString());
            }
            var json = new MemoryStream();
            FrameWriter.WriteJson(frame, json);
            var streamed = new MemoryStream();
            using (var rows = FrameRowWriter.Json(streamed, table.Columns)) { WriteRows(rows, table.Columns, table.Rows); rows.Complete(); }
            Assert.Equal(Encoding.UTF8.GetString(json.ToArray()), Encoding.UTF8.GetString(streamed.ToArray()));
        }, iter: 400);
    }

    [Fact]
    public void FrameRowWriter_JsonThroughATextWriter_IsTheSameText()
    {
        // Standard output is a TextWriter: the JSON bytes go through Utf8TextWriterStream in 64 KB pieces, which may cut
        // a multi-byte character; the text must come out whole.
        var columns = new[] { new FrameRowColumn("Text", typeof(string)) };
        var cells = Enumerable.Range(0, 20_000).Select(i => (object?)("é😀 row " + i)).Select(c => new[] { c }).ToArray();
        var bytes = new MemoryStream();
        using (var rows = FrameRowWriter.Json(bytes, columns)) { WriteRows(rows, columns, cells); rows.Complete(); }
        var text = new StringWriter();
        using (var rows = FrameRowWriter.Json(new Utf8TextWriterStream(text), columns)) { WriteRows(rows, columns, cells); rows.Complete(); }
        Assert.True(bytes.Length > 3 * 65536);
        Assert.Equal(Encoding.UTF8.GetString(bytes.ToArray()), text.ToString());
    }

    [Fact]
    public void FrameWriter_Json_HandsItsBytesToTheStreamWhileWriting()
    {
        // Utf8JsonWriter keeps what it wrote until flushed: a frame's JSON must reach the stream in pieces as rows are
        // written (a whole 1,000,000-article table used to sit in memory first), and the pieces make the same document.
        var n = 20_000;
        var frame = new DataFrame(
            new StringDataFrameColumn("Text", Enumerable.Range(0, n).Select(i => "é😀 row " + i)),
            new Int32DataFrameColumn("N", Enumerable.Range(0, n)));
        var stream = new WriteRecordingStream();
        FrameWriter.WriteJson(frame, stream);
        Assert.True(stream.Length > 16 * 65536, $"only {stream.Length} bytes");
        Assert.True(stream.Largest <= 2 * 65536, $"one write of {stream.Largest} bytes out of {stream.Length}");
        using var document = System.Text.Json.JsonDocument.Parse(stream.ToArray());
        Assert.Equal(n, document.RootElement.GetArrayLength());
        Assert.Equal("é😀 row 19999", document.RootElement[n - 1].GetProperty("Text").GetString());
    }

    private sealed class WriteRecordingStream : MemoryStream
    {
        public long Largest { get; private set; }

        // MemoryStream's span overload calls the array one in a derived class: both count, each once.
        public override void Write(byte[] buffer, int offset, int count)
        {
            Largest = Math.Max(Largest, count);
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer) => Write(buffer.ToArray(), 0, buffer.Length);
    }

    [Fact]
    public void FrameRowWriter_RefusesCellsOfTheWrongTypeOrCount()
    {
        using var rows = FrameRowWriter.Csv(new StringWriter(), [new FrameRowColumn("N", typeof(int))]);
        Assert.Throws<InvalidOperationException>(() => rows.Write("text"));
        Assert.Throws<InvalidOperationException>(() => rows.EndRow());
    }

    private static void WriteRows(FrameRowWriter writer, FrameRowColumn[] columns, object?[][] rows)
    {
        foreach (var row in rows)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                var type = columns[c].DataType;
                if (type == typeof(string)) writer.Write((string?)row[c]);
                else if (type == typeof(int)) writer.Write((int)row[c]!);
                else if (type == typeof(double)) writer.Write((double?)row[c]);
                else writer.Write((DateTime?)row[c]);
            }
            writer.EndRow();
        }
    }

    private static DataFrame Frame(FrameRowColumn[] columns, object?[][] rows) => new(columns.Select((c, i) => (DataFrameColumn)(
        c.DataType == typeof(string) ? new StringDataFrameColumn(c.Name, rows.Select(r => (string?)r[i]))
        : c.DataType == typeof(int) ? new Int32DataFrameColumn(c.Name, rows.Select(r => (int?)r[i]))
        : c.DataType == typeof(double) ? new DoubleDataFrameColumn(c.Name, rows.Select(r => (double?)r[i]))
        : new DateTimeDataFrameColumn(c.Name, rows.Select(r => (DateTime?)r[i])))));
}
