namespace NewsAnalysis;

/// <summary>Turns raw article text into an <see cref="Article"/>: title, cleaned body, paragraphs, sentences.</summary>
internal static class ArticleBuilder
{
    public static Article FromPlainText(string id, string path, string raw, List<CleaningChange> changes)
    {
        var lines = raw.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        string title = lines.Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? id;
        var body = new List<string>();
        bool seenTitle = false;
        foreach (var line in lines)
        {
            var t = line.Trim();
            if (!seenTitle && t == title) { seenTitle = true; continue; }
            if (t == title) { changes.Add(new(id, "drop-duplicate-title", t, "")); continue; }
            body.Add(t);
        }
        var text = JoinParagraphs(body);
        return Build(new Article(id, path, title, null, null, null, PublishedBasis.Unknown, null, text, null,
            new Dictionary<string, string?>()));
    }

    public static Article FromRecord(ArticleRecord record, List<CleaningChange> changes)
    {
        if (record.Title is null)
        {
            var a = FromPlainText(record.Id, record.Path, record.Text, changes);
            return a with { Source = record.Source, Published = record.Published, Url = record.Url, Extra = record.Extra,
                PublishedBasis = record.Published is null ? PublishedBasis.Unknown : PublishedBasis.Metadata };
        }
        var lines = record.Text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Select(l => l.Trim()).ToList();
        return Build(new Article(record.Id, record.Path, record.Title, record.Source, null, record.Published,
            record.Published is null ? PublishedBasis.Unknown : PublishedBasis.Metadata, null, JoinParagraphs(lines), record.Url, record.Extra));
    }

    /// <summary>Joins body lines into paragraphs separated by one blank line.</summary>
    internal static string JoinParagraphs(IReadOnlyList<string> lines)
    {
        bool blankSeparated = lines.Any(l => l.Length == 0);
        var paragraphs = new List<string>();
        var current = new List<string>();
        foreach (var line in lines)
        {
            if (line.Length == 0 || !blankSeparated)
            {
                if (!blankSeparated && line.Length > 0) current.Add(line);
                if (current.Count > 0) { paragraphs.Add(string.Join(' ', current)); current.Clear(); }
                continue;
            }
            current.Add(line);
        }
        if (current.Count > 0) paragraphs.Add(string.Join(' ', current));
        return string.Join("\n\n", paragraphs);
    }

    /// <summary>Fills paragraphs, sentences and word count from <see cref="Article.Text"/>.</summary>
    public static Article Build(Article article)
    {
        var text = article.Text;
        var paragraphs = new List<TextSpan>();
        var sentences = new List<SentenceSpan>();
        int pos = 0;
        while (pos < text.Length)
        {
            int end = text.IndexOf("\n\n", pos, StringComparison.Ordinal);
            if (end < 0) end = text.Length;
            if (end > pos)
            {
                int p = paragraphs.Count;
                paragraphs.Add(new TextSpan(p, pos, end - pos, text[pos..end]));
                foreach (var (s, len) in SentenceSplitter.Split(text.AsSpan(pos, end - pos)))
                    sentences.Add(new SentenceSpan(sentences.Count, p, pos + s, len, text.Substring(pos + s, len)));
            }
            pos = end + 2;
        }
        return article with { Paragraphs = paragraphs, Sentences = sentences, Words = WordCounter.Count(text) };
    }
}
