using Microsoft.Data.Analysis;

namespace NewsAnalysis;

/// <summary>Summaries of a corpus by source and by publication day (the overview notebook's tables).</summary>
public static class CorpusOverview
{
    /// <summary>The label used for articles whose source is not known.</summary>
    public const string UnknownSource = "(unknown)";

    /// <summary>The article frame without the bulky <c>Text</c> and machine-specific <c>Path</c> columns: one readable row per article.</summary>
    public static DataFrame ArticleTable(NewsCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var frame = corpus.ArticleFrame();
        foreach (var name in new[] { "Text", "Path" })
            if (frame.Columns.IndexOf(name) >= 0) frame.Columns.Remove(name);
        return frame;
    }

    /// <summary>One row per source (ordinal order): <c>Source, Articles, Words, Undated, FirstPublished, LastPublished</c>.</summary>
    public static DataFrame SourceFrame(NewsCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var groups = corpus.Articles
            .GroupBy(a => string.IsNullOrWhiteSpace(a.Source) ? UnknownSource : a.Source!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        return new DataFrame(
            new StringDataFrameColumn("Source", groups.Select(g => g.Key)),
            new Int32DataFrameColumn("Articles", groups.Select(g => g.Count())),
            new Int32DataFrameColumn("Words", groups.Select(g => g.Sum(a => a.Words))),
            new Int32DataFrameColumn("Undated", groups.Select(g => g.Count(a => a.Published is null))),
            new DateTimeDataFrameColumn("FirstPublished", groups.Select(g => g.Min(a => a.Published))),
            new DateTimeDataFrameColumn("LastPublished", groups.Select(g => g.Max(a => a.Published))));
    }

    /// <summary>Dated articles counted per calendar day, in date order (undated articles are not in it).</summary>
    public static IReadOnlyList<(DateTime Day, int Articles)> PublicationDays(NewsCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        return corpus.Articles.Where(a => a.Published is not null)
            .GroupBy(a => a.Published!.Value.Date)
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Count()))
            .ToList();
    }
}
