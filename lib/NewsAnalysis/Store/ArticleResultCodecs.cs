using System.Buffers.Binary;
using System.Text;

namespace NewsAnalysis;

/// <summary>
/// The per-article results as the store keeps them: compact binary rows without the article id (the results of an
/// article read back take the id of the article they are read for). Doubles are stored exactly and dates with their
/// kind, so results read back equal the computed ones bit for bit.
/// </summary>
internal static class ArticleResultCodecs
{
    public static void WriteSentiment(BinaryWriter w, List<SentenceSentiment> rows)
    {
        w.Write(rows.Count);
        foreach (var r in rows)
        {
            w.Write(r.Sentence);
            w.Write(r.Score.Compound); w.Write(r.Score.Positive); w.Write(r.Score.Neutral); w.Write(r.Score.Negative);
        }
    }

    // The sentences themselves are part of the key: their paragraph and text come from the article.
    public static List<SentenceSentiment> ReadSentiment(ref ArticleResultReader r, Article article)
    {
        int n = r.ReadInt32();
        var rows = new List<SentenceSentiment>(n);
        for (int i = 0; i < n; i++)
        {
            var s = SentenceAt(article, r.ReadInt32());
            rows.Add(new SentenceSentiment(article.Id, s.Index, s.Paragraph, s.Text,
                new SentimentScore(r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble())));
        }
        return rows;
    }

    // Sentence indexes are positions in the article's list; searched only should a hand-built article differ.
    // One read of the list: a loaded article's Sentences makes a view and each item when read.
    private static SentenceSpan SentenceAt(Article article, int index)
    {
        var sentences = article.Sentences;
        if ((uint)index < (uint)sentences.Count && sentences[index] is var s && s.Index == index) return s;
        return sentences.First(s => s.Index == index);
    }

    public static void WriteMentions(BinaryWriter w, List<EntityMention> rows)
    {
        w.Write(rows.Count);
        foreach (var m in rows)
        {
            w.Write(m.Sentence); w.Write(m.Entity); w.Write(m.Type); w.Write(m.Surface);
            w.Write(m.Start); w.Write(m.Length); w.Write((int)m.Basis);
        }
    }

    public static List<EntityMention> ReadMentions(ref ArticleResultReader r, Article article)
    {
        int n = r.ReadInt32();
        var rows = new List<EntityMention>(n);
        for (int i = 0; i < n; i++)
            rows.Add(new EntityMention(article.Id, r.ReadInt32(), r.ReadString(), r.ReadString(), r.ReadString(),
                r.ReadInt32(), r.ReadInt32(), (EntityMentionBasis)r.ReadInt32()));
        return rows;
    }

    public static void WriteEvents(BinaryWriter w, List<TimelineEvent> rows)
    {
        w.Write(rows.Count);
        foreach (var e in rows)
        {
            w.Write(e.Sentence); w.Write(e.Expression); Date(w, e.Start); Date(w, e.End);
            w.Write((int)e.Granularity); w.Write((int)e.Basis); w.Write(e.Evidence); w.Write((int)e.Family);
            w.Write(e.Offset); w.Write(e.Length); Date(w, e.Anchor);
        }
    }

    public static List<TimelineEvent> ReadEvents(ref ArticleResultReader r, Article article)
    {
        int n = r.ReadInt32();
        var rows = new List<TimelineEvent>(n);
        for (int i = 0; i < n; i++)
            rows.Add(new TimelineEvent(article.Id, r.ReadInt32(), r.ReadString(), Date(ref r), Date(ref r),
                (TimelineGranularity)r.ReadInt32(), (TimelineBasis)r.ReadInt32(), r.ReadString(), (TemporalFamily)r.ReadInt32(),
                r.ReadInt32(), r.ReadInt32(), Date(ref r)));
        return rows;
    }

    private static void Date(BinaryWriter w, DateTime? d)
    {
        w.Write(d.HasValue);
        if (d.HasValue) w.Write(d.Value.ToBinary());
    }

    private static DateTime? Date(ref ArticleResultReader r) => r.ReadBoolean() ? DateTime.FromBinary(r.ReadInt64()) : null;
}

/// <summary>Reads the rows one of <see cref="ArticleResultCodecs"/>' readers reads, from a stored payload.</summary>
internal delegate List<T> ArticleResultRowsReader<T>(ref ArticleResultReader reader, Article article);

/// <summary>
/// Reads what a <see cref="BinaryWriter"/> wrote (the numbers, booleans and length-prefixed UTF-8 strings the codecs
/// write) straight from a payload's bytes, with the names of <see cref="BinaryReader"/>: a rerun decodes one payload
/// per article, and a MemoryStream and BinaryReader per payload were a third of reading the stored results (measured).
/// A payload cut short throws <see cref="EndOfStreamException"/>, as BinaryReader does.
/// </summary>
internal ref struct ArticleResultReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> data = data;
    private int position;

    /// <summary>Whether every byte has been read.</summary>
    public readonly bool AtEnd => position == data.Length;

    private ReadOnlySpan<byte> Take(int count)
    {
        if ((uint)count > (uint)(data.Length - position)) throw new EndOfStreamException("stored result cut short");
        var span = data.Slice(position, count);
        position += count;
        return span;
    }

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public double ReadDouble() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));

    public bool ReadBoolean() => Take(1)[0] != 0;

    /// <summary>A string as <see cref="BinaryWriter.Write(string)"/> writes it: its UTF-8 length in 7-bit groups, then the bytes.</summary>
    public string ReadString()
    {
        int length = 0;
        for (int shift = 0; ; shift += 7)
        {
            if (shift > 28) throw new FormatException("bad string length in a stored result");
            byte b = Take(1)[0];
            length |= (b & 0x7F) << shift;
            if (b < 0x80) break;
        }
        if (length < 0) throw new FormatException("bad string length in a stored result");
        return length == 0 ? "" : Encoding.UTF8.GetString(Take(length));
    }
}
