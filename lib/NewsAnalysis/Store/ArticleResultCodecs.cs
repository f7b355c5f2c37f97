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
    public static List<SentenceSentiment> ReadSentiment(BinaryReader r, Article article)
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
    private static SentenceSpan SentenceAt(Article article, int index) =>
        index < article.Sentences.Count && article.Sentences[index].Index == index ? article.Sentences[index] : article.Sentences.First(s => s.Index == index);

    public static void WriteMentions(BinaryWriter w, List<EntityMention> rows)
    {
        w.Write(rows.Count);
        foreach (var m in rows)
        {
            w.Write(m.Sentence); w.Write(m.Entity); w.Write(m.Type); w.Write(m.Surface);
            w.Write(m.Start); w.Write(m.Length); w.Write((int)m.Basis);
        }
    }

    public static List<EntityMention> ReadMentions(BinaryReader r, Article article)
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

    public static List<TimelineEvent> ReadEvents(BinaryReader r, Article article)
    {
        int n = r.ReadInt32();
        var rows = new List<TimelineEvent>(n);
        for (int i = 0; i < n; i++)
            rows.Add(new TimelineEvent(article.Id, r.ReadInt32(), r.ReadString(), Date(r), Date(r),
                (TimelineGranularity)r.ReadInt32(), (TimelineBasis)r.ReadInt32(), r.ReadString(), (TemporalFamily)r.ReadInt32(),
                r.ReadInt32(), r.ReadInt32(), Date(r)));
        return rows;
    }

    private static void Date(BinaryWriter w, DateTime? d)
    {
        w.Write(d.HasValue);
        if (d.HasValue) w.Write(d.Value.ToBinary());
    }

    private static DateTime? Date(BinaryReader r) => r.ReadBoolean() ? DateTime.FromBinary(r.ReadInt64()) : null;
}
