using Microsoft.Data.Analysis;

namespace NewsAnalysis;

/// <summary>The result of <see cref="Corpus.Load(string, CorpusOptions?)"/>: the articles, what could not be used, and what cleaning changed.</summary>
public sealed class NewsCorpus
{
    /// <summary>Creates a corpus from already-built parts.</summary>
    public NewsCorpus(IReadOnlyList<Article> articles, IReadOnlyList<RejectedInput> rejected, IReadOnlyList<CleaningChange> changes)
    {
        Articles = articles;
        Rejected = rejected;
        Changes = changes;
    }

    /// <summary>The articles, in stable order (by path, then row).</summary>
    public IReadOnlyList<Article> Articles { get; }

    /// <summary>Every input file (or row) that was not loaded, with the reason.</summary>
    public IReadOnlyList<RejectedInput> Rejected { get; }

    /// <summary>Every change the cleaner made, in order.</summary>
    public IReadOnlyList<CleaningChange> Changes { get; }

    /// <summary>Each article by id (the first, should a hand-built corpus repeat an id), built on first use.</summary>
    internal IReadOnlyDictionary<string, Article> ArticlesById =>
        articlesById ??= Articles.GroupBy(a => a.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    private Dictionary<string, Article>? articlesById;

    /// <summary>
    /// The input files the articles came from, as loaded with the corpus cache of a result store: each file's run of
    /// articles and an identity of everything they are (null when unknown). Null for a corpus loaded without the cache.
    /// </summary>
    internal IReadOnlyList<CorpusUnit>? Units { get; set; }

    /// <summary>Pairs of articles whose texts are nearly the same (see <see cref="CorpusOptions.NearDuplicateThreshold"/>).</summary>
    /// <remarks>For a corpus loaded with the corpus cache, found when first asked for (or when an article is first read).</remarks>
    public IReadOnlyList<NearDuplicatePair> NearDuplicates
    {
        get => nearDuplicates ?? (Articles as CorpusArticles)?.NearDuplicates ?? [];
        init => nearDuplicates = value;
    }

    private readonly IReadOnlyList<NearDuplicatePair>? nearDuplicates;

    /// <summary>
    /// One row per article: <c>Id, Path, Title, Source, Dateline, Published, PublishedBasis,
    /// PublishedEvidence, Url, Text, Words, Paragraphs, Sentences, TitleBasis, SourceEvidence, DuplicateOf</c>,
    /// then one string column per extra input field.
    /// </summary>
    public DataFrame ArticleFrame()
    {
        var extraNames = Articles.SelectMany(a => a.Extra.Keys).Distinct(StringComparer.Ordinal).ToList();
        var columns = new List<DataFrameColumn>
        {
            new StringDataFrameColumn("Id", Articles.Select(a => a.Id)),
            new StringDataFrameColumn("Path", Articles.Select(a => a.Path)),
            new StringDataFrameColumn("Title", Articles.Select(a => a.Title)),
            new StringDataFrameColumn("Source", Articles.Select(a => a.Source)),
            new StringDataFrameColumn("Dateline", Articles.Select(a => a.Dateline)),
            new DateTimeDataFrameColumn("Published", Articles.Select(a => a.Published)),
            new StringDataFrameColumn("PublishedBasis", Articles.Select(a => EnumWords.Hyphenated(a.PublishedBasis))),
            new StringDataFrameColumn("PublishedEvidence", Articles.Select(a => a.PublishedEvidence)),
            new StringDataFrameColumn("Url", Articles.Select(a => a.Url)),
            new StringDataFrameColumn("Text", Articles.Select(a => a.Text)),
            new Int32DataFrameColumn("Words", Articles.Select(a => a.Words)),
            new Int32DataFrameColumn("Paragraphs", Articles.Select(a => a.Paragraphs.Count)),
            new Int32DataFrameColumn("Sentences", Articles.Select(a => a.Sentences.Count)),
            new StringDataFrameColumn("TitleBasis", Articles.Select(a => a.TitleBasis)),
            new StringDataFrameColumn("SourceEvidence", Articles.Select(a => a.SourceEvidence)),
            new StringDataFrameColumn("DuplicateOf", Articles.Select(a => a.DuplicateOf)),
        };
        foreach (var name in extraNames)
        {
            var unique = columns.Any(c => c.Name == name) ? name + "_extra" : name;
            columns.Add(new StringDataFrameColumn(unique, Articles.Select(a => a.Extra.GetValueOrDefault(name))));
        }
        return new DataFrame(columns);
    }

    /// <summary>
    /// Where each article's title, source and date came from: <c>Id, Title, TitleBasis, Source, SourceEvidence,
    /// Dateline, Published, PublishedBasis, PublishedEvidence</c> (the same values as <see cref="ArticleFrame"/>).
    /// </summary>
    public DataFrame ProvenanceFrame()
    {
        var all = ArticleFrame();
        return new DataFrame(new[] { "Id", "Title", "TitleBasis", "Source", "SourceEvidence", "Dateline", "Published", "PublishedBasis", "PublishedEvidence" }
            .Select(name => all.Columns[name]));
    }

    /// <summary>One row per paragraph: <c>ArticleId, Paragraph, Start, Length, Text</c> (offsets into the article's cleaned text).</summary>
    public DataFrame ParagraphFrame()
    {
        var rows = Articles.SelectMany(a => a.Paragraphs.Select(p => (a.Id, p))).ToList();
        return new DataFrame(
            new StringDataFrameColumn("ArticleId", rows.Select(r => r.Id)),
            new Int32DataFrameColumn("Paragraph", rows.Select(r => r.p.Index)),
            new Int32DataFrameColumn("Start", rows.Select(r => r.p.Start)),
            new Int32DataFrameColumn("Length", rows.Select(r => r.p.Length)),
            new StringDataFrameColumn("Text", rows.Select(r => r.p.Text)));
    }

    /// <summary>One row per sentence: <c>ArticleId, Sentence, Paragraph, Start, Length, Text</c> (offsets into the article's cleaned text).</summary>
    public DataFrame SentenceFrame()
    {
        var rows = Articles.SelectMany(a => a.Sentences.Select(s => (a.Id, s))).ToList();
        return new DataFrame(
            new StringDataFrameColumn("ArticleId", rows.Select(r => r.Id)),
            new Int32DataFrameColumn("Sentence", rows.Select(r => r.s.Index)),
            new Int32DataFrameColumn("Paragraph", rows.Select(r => r.s.Paragraph)),
            new Int32DataFrameColumn("Start", rows.Select(r => r.s.Start)),
            new Int32DataFrameColumn("Length", rows.Select(r => r.s.Length)),
            new StringDataFrameColumn("Text", rows.Select(r => r.s.Text)));
    }

    /// <summary>One row per rejected input: <c>Path, Reason</c>.</summary>
    public DataFrame RejectedFrame() => new(
        new StringDataFrameColumn("Path", Rejected.Select(r => r.Path)),
        new StringDataFrameColumn("Reason", Rejected.Select(r => r.Reason)));

    /// <summary>One row per near-duplicate pair: <c>ArticleId, DuplicateId, Similarity</c>.</summary>
    public DataFrame NearDuplicateFrame() => new(
        new StringDataFrameColumn("ArticleId", NearDuplicates.Select(p => p.ArticleId)),
        new StringDataFrameColumn("DuplicateId", NearDuplicates.Select(p => p.DuplicateId)),
        new DoubleDataFrameColumn("Similarity", NearDuplicates.Select(p => p.Similarity)));

    /// <summary>One row per cleaning change: <c>ArticleId, Kind, Before, After</c>.</summary>
    public DataFrame ChangeFrame() => new(
        new StringDataFrameColumn("ArticleId", Changes.Select(c => c.ArticleId)),
        new StringDataFrameColumn("Kind", Changes.Select(c => c.Kind)),
        new StringDataFrameColumn("Before", Changes.Select(c => c.Before)),
        new StringDataFrameColumn("After", Changes.Select(c => c.After)));
}

/// <summary>
/// One input file's articles in a loaded corpus: positions <paramref name="Start"/> to <paramref name="Start"/> +
/// <paramref name="Count"/> - 1, and <paramref name="Identity"/>, the SHA-256 of the corpus cache's entry for the file
/// (its path, content digest, options and library build, and every cleaned article with its final id), or null when
/// the file is not kept. Rows built from these articles alone are the same whenever the identity is.
/// </summary>
internal sealed record CorpusUnit(int Start, int Count, byte[]? Identity)
{
    /// <summary>When the file's entry was rewritten with some of its articles as they were: what it was, else null.</summary>
    public CorpusUnitOrigin? Origin { get; init; }
}

/// <summary>
/// The entry an input file's articles partly came from: its identity (as <see cref="CorpusUnit.Identity"/> was), how
/// many articles it had, and for each article now its place there (-1: cleaned now). Rows kept for that identity give
/// the rows of the articles that came from it.
/// </summary>
internal sealed record CorpusUnitOrigin(byte[] Identity, int Count, int[] From);
