using System.Text;

namespace NewsAnalysis;

/// <summary>
/// One input file's rows as the text a row writer gave them (CSV), kept beside the file's frame segment so that a rerun
/// writes that text again instead of reading the segment back, making its strings and formatting every cell (on
/// <c>news sentiment --format csv</c> over 100,000 unchanged articles that was most of the run). The file holds the
/// per-article result keys behind the rows (as a segment does, so pruning keeps those results), the row count and the
/// text as UTF-8.
/// </summary>
internal static class RenderedRows
{
    private const string Format = "rendered-rows-3";   // 2: the keys as numbers (ResultKeys); 3: the head after the text

    // Strict: a lone surrogate has no UTF-8 form, and such a text is not kept (its rows come from the segment).
    private static readonly UTF8Encoding Strict = new(false, throwOnInvalidBytes: true);

    /// <summary>A file's kept rows: the keys behind them, how many rows, and the open file, at the start of their text (UTF-8) of <see cref="TextLength"/> bytes.</summary>
    internal sealed record Kept(ResultKeys Keys, long Rows, FileStream Text, long TextLength) : IDisposable
    {
        public void Dispose() => Text.Dispose();
    }

    /// <summary>The text <paramref name="writer"/> gives the rows of <paramref name="part"/>, as UTF-8; null when it cannot be kept exactly.</summary>
    public static MemoryStream? Render(FrameSegments.Part part, FrameRowWriter writer) =>
        Render(writer, rows => FrameSegments.WriteRows([part], rows), out _);

    /// <summary>
    /// The text <paramref name="write"/> gives when writing rows to a <see cref="FrameRowWriter.RowsOnly"/> writer of
    /// <paramref name="writer"/>'s kind, as UTF-8, and the rows it wrote; null when the text cannot be kept exactly.
    /// </summary>
    public static MemoryStream? Render(FrameRowWriter writer, Func<FrameRowWriter, long> write, out long rows)
    {
        var text = new MemoryStream();
        try
        {
            using var utf8 = new StreamWriter(text, Strict, bufferSize: 1 << 16, leaveOpen: true);
            using var rowsOnly = writer.RowsOnly(utf8);
            rows = write(rowsOnly);
        }
        catch (EncoderFallbackException)
        {
            text.Dispose();
            rows = 0;
            return null;
        }
        text.Position = 0;
        return text;
    }

    /// <summary>
    /// Writes the file's bytes to <paramref name="stream"/>: the text, then its head (format, keys, row count, text
    /// length), then the head's length, so that a rerun reads the head and copies the text through a small buffer (no
    /// array of the whole text to fault in).
    /// </summary>
    public static void Write(Stream stream, ResultKeys keys, long rows, MemoryStream text)
    {
        stream.Write(text.GetBuffer(), 0, (int)text.Length);
        WriteHead(stream, keys, rows, text.Length);
    }

    /// <summary>
    /// Ends a file whose text (<paramref name="textLength"/> bytes) was written to <paramref name="stream"/> as it was
    /// made, a run of rows at a time: its head, then the head's length. The head comes after the text so that the text
    /// of a file too big to hold can be kept as it streams by.
    /// </summary>
    public static void WriteHead(Stream stream, ResultKeys keys, long rows, long textLength)
    {
        using var head = new MemoryStream();
        using (var w = new BinaryWriter(head, Encoding.UTF8, leaveOpen: true))
        {
            CorpusCache.Str(w, Format);
            keys.Write(w);
            w.Write(rows);
            w.Write(textLength);
        }
        Span<byte> length = stackalloc byte[sizeof(int)];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, (int)head.Length);
        stream.Write(head.GetBuffer(), 0, (int)head.Length);
        stream.Write(length);
    }

    /// <summary>
    /// <paramref name="file"/> opened at its text, with its keys and row count; null when it is not a whole file of this
    /// format (cut short, or of another format: the rows then come from the segment). The text is the one this code wrote
    /// (files are written whole and renamed into place); it is copied as it is.
    /// </summary>
    public static Kept? Open(string file)
    {
        FileStream? stream = null;
        try
        {
            stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            Span<byte> length = stackalloc byte[sizeof(int)];
            if (stream.Length < sizeof(int)) return Fail();
            stream.Position = stream.Length - sizeof(int);
            stream.ReadExactly(length);
            int headLength = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(length);
            if (headLength < 0 || headLength > stream.Length - sizeof(int)) return Fail();
            long textEnd = stream.Length - sizeof(int) - headLength;
            var head = new byte[headLength];
            stream.Position = textEnd;
            stream.ReadExactly(head);
            var r = new CorpusCache.EntryReader(head);
            if (r.Str() != Format) return Fail();
            var keys = ResultKeys.Read(ref r);
            long rows = r.Int64();
            long textLength = r.Int64();
            if (rows < 0 || !r.AtEnd || textLength != textEnd) return Fail();
            stream.Position = 0;
            return new Kept(keys, rows, stream, textLength);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException or EndOfStreamException or IOException or UnauthorizedAccessException)
        {
            return Fail();
        }

        Kept? Fail()
        {
            stream?.Dispose();
            return null;
        }
    }
}
