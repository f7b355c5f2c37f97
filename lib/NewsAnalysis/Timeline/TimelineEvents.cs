using Microsoft.Data.Analysis;

namespace NewsAnalysis;

/// <summary>One dated event an article tells of: a temporal expression of one of its sentences, resolved against its publication date.</summary>
/// <param name="ArticleId">The article.</param>
/// <param name="Sentence">Index of the sentence in the article.</param>
/// <param name="Expression">The expression as written ("on Tuesday", "Nov 2014", "since 2014").</param>
/// <param name="Start">First day meant, or null when it depends on an unknown publication date.</param>
/// <param name="End">Last day meant (inclusive), or null when unknown.</param>
/// <param name="Granularity">How precise the expression is.</param>
/// <param name="Basis">Absolute (the text gives the year) or relative to the publication date.</param>
/// <param name="Evidence">The sentence the expression was found in.</param>
/// <param name="Family">The kind of wording.</param>
/// <param name="Offset">Character offset of the expression in the article's cleaned text.</param>
/// <param name="Length">Length of the expression.</param>
/// <param name="Anchor">The date relative expressions were resolved against, or null when unknown.</param>
public sealed record TimelineEvent(
    string ArticleId,
    int Sentence,
    string Expression,
    DateTime? Start,
    DateTime? End,
    TimelineGranularity Granularity,
    TimelineBasis Basis,
    string Evidence,
    TemporalFamily Family,
    int Offset,
    int Length,
    DateTime? Anchor);

/// <summary>Extracts the dated events of articles and lays them out as DataFrames (the Timeline column contract).</summary>
public static class TimelineEvents
{
    /// <summary>The events of one article, resolved against <paramref name="anchor"/> (null: relative expressions stay unresolved).</summary>
    public static IReadOnlyList<TimelineEvent> FromArticle(Article article, DateTime? anchor)
    {
        ArgumentNullException.ThrowIfNull(article);
        var events = new List<TimelineEvent>();
        foreach (var sentence in article.Sentences)
            foreach (var e in TemporalExtractor.Extract(sentence.Text, anchor))
                events.Add(new TimelineEvent(article.Id, sentence.Index, e.Text, e.Start, e.End, e.Granularity, e.Basis,
                    sentence.Text, e.Family, sentence.Start + e.Offset, e.Length, anchor?.Date));
        return events;
    }

    /// <summary>The events of one article, resolved against its own publication date (<see cref="Article.Published"/>).</summary>
    public static IReadOnlyList<TimelineEvent> FromArticle(Article article) => FromArticle(article, article?.Published);

    /// <summary>
    /// The events of every article in corpus order, each resolved against the article's publication date, or against
    /// <paramref name="fallbackAnchor"/> when the article has none (leave it null to keep such events unresolved).
    /// </summary>
    public static IReadOnlyList<TimelineEvent> FromCorpus(NewsCorpus corpus, DateTime? fallbackAnchor = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        // With a result store in effect (ArticleResultStore.Use, NEWSANALYSIS_CACHE), only new articles are read.
        return ArticleResultStore.WithCurrent(store => store.Events(corpus, fallbackAnchor),
            () => corpus.Articles.SelectMany(a => FromArticle(a, a.Published ?? fallbackAnchor)).ToList());
    }

    /// <summary>
    /// One row per event: <c>ArticleId, Sentence, Expression, Start, End, Granularity, Basis, Evidence</c> (the contract),
    /// then <c>Family, Offset, Length, Anchor</c>. Granularity, Basis and Family are lower-case words ("day", "relative", "month-day").
    /// </summary>
    public static DataFrame ToFrame(IEnumerable<TimelineEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var rows = events as IReadOnlyList<TimelineEvent> ?? events.ToList();
        return new DataFrame(
            new StringDataFrameColumn("ArticleId", rows.Select(e => e.ArticleId)),
            new Int32DataFrameColumn("Sentence", rows.Select(e => e.Sentence)),
            new StringDataFrameColumn("Expression", rows.Select(e => e.Expression)),
            new DateTimeDataFrameColumn("Start", rows.Select(e => e.Start)),
            new DateTimeDataFrameColumn("End", rows.Select(e => e.End)),
            new StringDataFrameColumn("Granularity", rows.Select(e => Word(e.Granularity))),
            new StringDataFrameColumn("Basis", rows.Select(e => Word(e.Basis))),
            new StringDataFrameColumn("Evidence", rows.Select(e => e.Evidence)),
            new StringDataFrameColumn("Family", rows.Select(e => Word(e.Family))),
            new Int32DataFrameColumn("Offset", rows.Select(e => e.Offset)),
            new Int32DataFrameColumn("Length", rows.Select(e => e.Length)),
            new DateTimeDataFrameColumn("Anchor", rows.Select(e => e.Anchor)));
    }

    /// <summary>The columns of <see cref="ToFrame"/> and <see cref="Frame"/>, for <see cref="WriteFrameRows"/>.</summary>
    public static IReadOnlyList<FrameRowColumn> FrameColumns { get; } =
    [
        new("ArticleId", typeof(string)), new("Sentence", typeof(int)), new("Expression", typeof(string)),
        new("Start", typeof(DateTime)), new("End", typeof(DateTime)), new("Granularity", typeof(string)),
        new("Basis", typeof(string)), new("Evidence", typeof(string)), new("Family", typeof(string)),
        new("Offset", typeof(int)), new("Length", typeof(int)), new("Anchor", typeof(DateTime)),
    ];

    /// <summary>
    /// Writes the rows of <see cref="Frame"/> to <paramref name="writer"/> (columns <see cref="FrameColumns"/>) without
    /// building it: the bytes <see cref="FrameWriter"/> writes for that frame. With a result store in effect, an unchanged
    /// input file's rows come from its frame segment, or as the text kept for this writer's format (see
    /// <see cref="ArticleResultStore"/>). Returns the rows written.
    /// </summary>
    public static long WriteFrameRows(NewsCorpus corpus, FrameRowWriter writer, DateTime? fallbackAnchor = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(writer);
        return ArticleResultStore.WriteRows(corpus, SegmentName, SegmentVersion(fallbackAnchor), c => ToFrame(FromCorpus(c, fallbackAnchor)), writer,
            (articles, rows) => WriteEvents(FromCorpus(new NewsCorpus(articles, [], []), fallbackAnchor), rows));
    }

    // An event's row, the values ToFrame gives it.
    private static long WriteEvents(IReadOnlyList<TimelineEvent> events, FrameRowWriter writer)
    {
        foreach (var e in events)
        {
            writer.Write(e.ArticleId);
            writer.Write(e.Sentence);
            writer.Write(e.Expression);
            writer.Write(e.Start);
            writer.Write(e.End);
            writer.Write(Word(e.Granularity));
            writer.Write(Word(e.Basis));
            writer.Write(e.Evidence);
            writer.Write(Word(e.Family));
            writer.Write(e.Offset);
            writer.Write(e.Length);
            writer.Write(e.Anchor);
            writer.EndRow();
        }
        return events.Count;
    }

    private const string SegmentName = "timeline-events";

    private static string SegmentVersion(DateTime? fallbackAnchor) =>
        AnalysisVersions.Timeline + ":" + (fallbackAnchor is { } f ? $"{f.Ticks}:{(int)f.Kind}" : "none");

    /// <summary>The events of <paramref name="corpus"/> as a DataFrame (see <see cref="ToFrame"/>).</summary>
    /// <remarks>With a result store in effect, an unchanged input file's rows are read back as they were (<see cref="ArticleResultStore"/>'s frame segments).</remarks>
    public static DataFrame Frame(NewsCorpus corpus, DateTime? fallbackAnchor = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        return ArticleResultStore.WithCurrent(
            store => store.Segmented(corpus, SegmentName, SegmentVersion(fallbackAnchor), c => ToFrame(FromCorpus(c, fallbackAnchor))),
            () => ToFrame(FromCorpus(corpus, fallbackAnchor)));
    }

    /// <summary>
    /// The dated events in date order (by <c>Start</c>, then <c>End</c>, article and position), the history the articles
    /// tell: <c>Start, End, Granularity, Expression, ArticleId, Sentence, Evidence, Mentions</c>. The same expression with
    /// the same dates in one article (a repeated caption) is one row, <c>Mentions</c> counting how often it occurs;
    /// events without dates are left out (they are in <see cref="Frame"/>).
    /// </summary>
    public static DataFrame Chronology(IEnumerable<TimelineEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var rows = events.Where(e => e.Start is not null)
            .GroupBy(e => (e.ArticleId, e.Expression, e.Start, e.End))
            .Select(g => (First: g.OrderBy(e => e.Offset).First(), Count: g.Count()))
            .OrderBy(r => r.First.Start).ThenBy(r => r.First.End).ThenBy(r => r.First.ArticleId, StringComparer.Ordinal).ThenBy(r => r.First.Offset)
            .ToList();
        return new DataFrame(
            new DateTimeDataFrameColumn("Start", rows.Select(r => r.First.Start)),
            new DateTimeDataFrameColumn("End", rows.Select(r => r.First.End)),
            new StringDataFrameColumn("Granularity", rows.Select(r => Word(r.First.Granularity))),
            new StringDataFrameColumn("Expression", rows.Select(r => r.First.Expression)),
            new StringDataFrameColumn("ArticleId", rows.Select(r => r.First.ArticleId)),
            new Int32DataFrameColumn("Sentence", rows.Select(r => r.First.Sentence)),
            new StringDataFrameColumn("Evidence", rows.Select(r => r.First.Evidence)),
            new Int32DataFrameColumn("Mentions", rows.Select(r => r.Count)));
    }

    /// <summary>The chronology of a corpus (see <see cref="Chronology(IEnumerable{TimelineEvent})"/>).</summary>
    public static DataFrame Chronology(NewsCorpus corpus, DateTime? fallbackAnchor = null) => Chronology(FromCorpus(corpus, fallbackAnchor));

    /// <summary>
    /// One row per article, in date order (undated last): <c>ArticleId, Title, Source, Published, PublishedBasis,
    /// PublishedEvidence, Events</c> (number of events found, dated or not).
    /// </summary>
    public static DataFrame PublicationFrame(NewsCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var articles = corpus.Articles
            .OrderBy(a => a.Published is null).ThenBy(a => a.Published).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
        var counts = articles.Select(a => FromArticle(a).Count).ToList();
        return new DataFrame(
            new StringDataFrameColumn("ArticleId", articles.Select(a => a.Id)),
            new StringDataFrameColumn("Title", articles.Select(a => a.Title)),
            new StringDataFrameColumn("Source", articles.Select(a => a.Source)),
            new DateTimeDataFrameColumn("Published", articles.Select(a => a.Published)),
            new StringDataFrameColumn("PublishedBasis", articles.Select(a => Word(a.PublishedBasis))),
            new StringDataFrameColumn("PublishedEvidence", articles.Select(a => a.PublishedEvidence)),
            new Int32DataFrameColumn("Events", counts));
    }

    /// <summary>An enum value as a lower-case, hyphenated word ("MonthDay" → "month-day").</summary>
    public static string Word<T>(T value) where T : struct, Enum => EnumWords.Hyphenated(value);
}
