using System.Text;

namespace NewsAnalysis;

/// <summary>
/// One input file's rows as the text a row writer gave them (CSV), kept beside the file's frame segment so that a rerun
/// writes that text again instead of reading the segment back, making its strings and formatting every cell (on
/// <c>news sentiment --format csv</c> over 100,000 unchanged articles that was most of the run). The file holds the
/// per-article result keys behind the rows (as a segment does, so pruning keeps those results), the row count, the
/// text as UTF-8 and each article's part of it (its id, bytes and rows), so that when a few of a file's articles are
/// edited the text is put together from the others' bytes and the edited ones' new rows.
/// </summary>
/// <summary>One article's rows in a kept text: its id (the rows' first cell), the length of their text in bytes, and how many.</summary>
internal readonly record struct ArticleRows(string Id, long Length, int Rows);

/// <summary>Rows as the text a row writer gave them (UTF-8), how many, and each article's part of the text in order (null when a row had no id).</summary>
internal sealed record RenderedText(MemoryStream Text, long Rows, List<ArticleRows>? Articles) : IDisposable
{
    public void Dispose() => Text.Dispose();
}

internal static class RenderedRows
{
    // 2: the keys as numbers (ResultKeys); 3: the head after the text; 4: each article's part of the text.
    private const string Format = "rendered-rows-4";

    // Strict: a lone surrogate has no UTF-8 form, and such a text is not kept (its rows come from the segment).
    private static readonly UTF8Encoding Strict = new(false, throwOnInvalidBytes: true);

    /// <summary>A file's kept rows: the keys behind them, how many rows, and the open file, at the start of their text (UTF-8) of <see cref="TextLength"/> bytes.</summary>
    internal sealed record Kept(ResultKeys Keys, long Rows, FileStream Text, long TextLength) : IDisposable
    {
        internal byte[] Head { get; init; } = [];
        internal int ArticlesAt { get; init; }

        /// <summary>Each article's part of the text, in order (read from the head when asked); null when the file does not tell them apart.</summary>
        public List<ArticleRows>? Articles()
        {
            var r = new CorpusCache.EntryReader(Head);
            r.Skip(ArticlesAt);
            int count = r.Int32();
            if (count < 0) return null;
            var articles = new List<ArticleRows>(count);
            for (int i = 0; i < count; i++) articles.Add(new ArticleRows(r.Req(), r.Int64(), r.Int32()));
            return articles;
        }

        public void Dispose() => Text.Dispose();
    }

    /// <summary>The text <paramref name="writer"/> gives the rows of <paramref name="part"/>, as UTF-8; null when it cannot be kept exactly.</summary>
    public static RenderedText? Render(FrameSegments.Part part, FrameRowWriter writer) =>
        Render(writer, rows => FrameSegments.WriteRows([part], rows));

    /// <summary>
    /// The text <paramref name="write"/> gives when writing rows to a <see cref="FrameRowWriter.RowsOnly"/> writer of
    /// <paramref name="writer"/>'s kind, as UTF-8, with the rows it wrote and each article's part (told by the rows'
    /// first cell); null when the text cannot be kept exactly.
    /// </summary>
    public static RenderedText? Render(FrameRowWriter writer, Func<FrameRowWriter, long> write)
    {
        var text = new MemoryStream();
        var articles = new List<ArticleRows>();
        bool apart = true;
        long rows;
        try
        {
            using var utf8 = new StreamWriter(text, Strict, bufferSize: 1 << 16, leaveOpen: true);
            using var rowsOnly = writer.RowsOnly(utf8);
            long end = 0;
            // After each row, its bytes go to the article its first cell names (the row is flushed to measure them).
            rowsOnly.RowEnded = id =>
            {
                utf8.Flush();
                long length = text.Length - end;
                end = text.Length;
                if (id is null) apart = false;
                else if (articles.Count > 0 && string.Equals(articles[^1].Id, id, StringComparison.Ordinal))
                    articles[^1] = articles[^1] with { Length = articles[^1].Length + length, Rows = articles[^1].Rows + 1 };
                else articles.Add(new ArticleRows(id, length, 1));
            };
            rows = write(rowsOnly);
        }
        catch (EncoderFallbackException)
        {
            text.Dispose();
            return null;
        }
        text.Position = 0;
        return new RenderedText(text, rows, apart ? articles : null);
    }

    /// <summary>
    /// Ends a file whose text (<paramref name="textLength"/> bytes) was written to <paramref name="stream"/> as it was
    /// made, a run of rows at a time: its head (format, keys, row count, text length, the articles' parts), then the
    /// head's length. The head comes after the text so that the text of a file too big to hold can be kept as it
    /// streams by, and a rerun reads the head and copies the text through a small buffer.
    /// </summary>
    public static void WriteHead(Stream stream, ResultKeys keys, long rows, long textLength, IReadOnlyList<ArticleRows>? articles)
    {
        using var head = new MemoryStream();
        using (var w = new BinaryWriter(head, Encoding.UTF8, leaveOpen: true))
        {
            CorpusCache.Str(w, Format);
            keys.Write(w);
            w.Write(rows);
            w.Write(textLength);
            w.Write(articles?.Count ?? -1);
            foreach (var a in articles ?? [])
            {
                CorpusCache.Str(w, a.Id);
                w.Write(a.Length);
                w.Write(a.Rows);
            }
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
            int articlesAt = r.Position;
            // The articles' parts are checked (they add up to the text and the rows), not made: a copy needs none of them.
            int count = r.Int32();
            long bytes = 0, articleRows = 0;
            for (int i = 0; i < count; i++)
            {
                r.SkipReq();
                long partLength = r.Int64();
                int partRows = r.Int32();
                if (partLength < 0 || partRows <= 0) return Fail();
                bytes += partLength;
                articleRows += partRows;
            }
            if (rows < 0 || !r.AtEnd || textLength != textEnd || (count >= 0 && (bytes != textLength || articleRows != rows))) return Fail();
            stream.Position = 0;
            return new Kept(keys, rows, stream, textLength) { Head = head, ArticlesAt = articlesAt };
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
