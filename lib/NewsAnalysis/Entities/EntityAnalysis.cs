using Microsoft.Data.Analysis;

namespace NewsAnalysis;

/// <summary>
/// The entities of a corpus: every mention, counts per article and per source, co-occurrence within sentences,
/// keyword in context, and names the gazetteer lacks. Start with <see cref="Run(NewsCorpus, Gazetteer?, EntityOptions?)"/>.
/// </summary>
public sealed class EntityAnalysis
{
    // Made when first needed: a mention frame read back from the result store's segments needs none of them (and
    // so makes no article of an unchanged input file).
    private readonly Lazy<IReadOnlyList<EntityMention>> mentions;
    private readonly Lazy<Dictionary<Article, int>> articleOrder;
    private readonly Lazy<List<SentenceEntities>> sentenceSets;

    private IReadOnlyDictionary<string, Article> articles => Corpus.ArticlesById;

    private sealed record SentenceEntities(Article Article, int Sentence, string[] Entities);

    private EntityAnalysis(NewsCorpus corpus, EntityRecognizer recognizer)
    {
        Corpus = corpus;
        Recognizer = recognizer;
        mentions = new(() => recognizer.Recognize(corpus));
        articleOrder = new(() =>
        {
            var order = new Dictionary<Article, int>(ReferenceEqualityComparer.Instance);
            for (int i = 0; i < corpus.Articles.Count; i++) order.TryAdd(corpus.Articles[i], i);
            return order;
        });
        sentenceSets = new(() => Mentions
            .GroupBy(m => (m.ArticleId, m.Sentence))
            .Select(g => new SentenceEntities(articles[g.Key.ArticleId], g.Key.Sentence,
                g.Select(m => m.Entity).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray()))
            .ToList());
    }

    /// <summary>Recognises the entities of <paramref name="corpus"/> with <paramref name="gazetteer"/> (default: the project's) and <paramref name="options"/>.</summary>
    public static EntityAnalysis Run(NewsCorpus corpus, Gazetteer? gazetteer = null, EntityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        return new EntityAnalysis(corpus, new EntityRecognizer(gazetteer, options));
    }

    /// <summary>Recognises the entities of <paramref name="corpus"/> with an existing recognizer.</summary>
    public static EntityAnalysis Run(NewsCorpus corpus, EntityRecognizer recognizer)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(recognizer);
        return new EntityAnalysis(corpus, recognizer);
    }

    /// <summary>The corpus analysed.</summary>
    public NewsCorpus Corpus { get; }

    /// <summary>The recognizer used (its gazetteer and options).</summary>
    public EntityRecognizer Recognizer { get; }

    /// <summary>Every mention, by article (corpus order) then offset.</summary>
    public IReadOnlyList<EntityMention> Mentions => mentions.Value;

    /// <summary>One row per mention, exactly <c>ArticleId, Sentence, Entity, Type, Surface, Start, Length</c> (the column contract).</summary>
    public DataFrame MentionFrame() => ArticleResultStore.WithCurrent(
        store => store.Segmented(Corpus, MentionSegments, AnalysisVersions.Entities(Recognizer), c => Run(c, Recognizer).MentionFrameOfMentions()),
        MentionFrameOfMentions);

    private DataFrame MentionFrameOfMentions() => new(
        new StringDataFrameColumn("ArticleId", Mentions.Select(m => m.ArticleId)),
        new Int32DataFrameColumn("Sentence", Mentions.Select(m => m.Sentence)),
        new StringDataFrameColumn("Entity", Mentions.Select(m => m.Entity)),
        new StringDataFrameColumn("Type", Mentions.Select(m => m.Type)),
        new StringDataFrameColumn("Surface", Mentions.Select(m => m.Surface)),
        new Int32DataFrameColumn("Start", Mentions.Select(m => m.Start)),
        new Int32DataFrameColumn("Length", Mentions.Select(m => m.Length)));

    /// <summary>Like <see cref="MentionFrame"/> with a <c>Basis</c> column (alias, shortform, metonym, demonym) saying how each was recognised.</summary>
    public DataFrame MentionDetailFrame()
    {
        var frame = MentionFrame();
        frame.Columns.Add(new StringDataFrameColumn("Basis", Mentions.Select(m => m.Basis.ToString().ToLowerInvariant())));
        return frame;
    }

    /// <summary>One row per article and entity: <c>ArticleId, Title, Source, Entity, Type, Mentions</c>, by article then most mentioned.</summary>
    public DataFrame CountFrame()
    {
        var rows = Mentions.GroupBy(m => (m.ArticleId, m.Entity))
            .Select(g => (Article: articles[g.Key.ArticleId], g.Key.Entity, g.First().Type, Count: g.Count()))
            .OrderBy(r => ArticleOrder(r.Article)).ThenByDescending(r => r.Count).ThenBy(r => r.Entity, StringComparer.Ordinal)
            .ToList();
        return new DataFrame(
            new StringDataFrameColumn("ArticleId", rows.Select(r => r.Article.Id)),
            new StringDataFrameColumn("Title", rows.Select(r => r.Article.Title)),
            new StringDataFrameColumn("Source", rows.Select(r => r.Article.Source)),
            new StringDataFrameColumn("Entity", rows.Select(r => r.Entity)),
            new StringDataFrameColumn("Type", rows.Select(r => r.Type)),
            new Int32DataFrameColumn("Mentions", rows.Select(r => r.Count)));
    }

    /// <summary>One row per entity: <c>Entity, Type, Mentions, Articles, Sentences</c>, most mentioned first.</summary>
    /// <remarks>
    /// With a result store in effect, counted from the mention frame's segments (an unchanged input file's mentions read
    /// back, its articles not made): the counts add up file by file, an article being in one file only.
    /// </remarks>
    public DataFrame SummaryFrame()
    {
        var rows = ArticleResultStore.WithCurrent(
            store => store.SegmentParts(Corpus, MentionSegments, AnalysisVersions.Entities(Recognizer), c => Run(c, Recognizer).MentionFrameOfMentions()) is { } parts
                ? SummaryRows(PartMentions(parts)) : null,
            () => null) ?? SummaryRows(Mentions.Select(m => (m.ArticleId, m.Sentence, m.Entity, m.Type)));
        return new DataFrame(
            new StringDataFrameColumn("Entity", rows.Select(r => r.Entity)),
            new StringDataFrameColumn("Type", rows.Select(r => r.Type)),
            new Int32DataFrameColumn("Mentions", rows.Select(r => r.Count)),
            new Int32DataFrameColumn("Articles", rows.Select(r => r.Articles)),
            new Int32DataFrameColumn("Sentences", rows.Select(r => r.Sentences)));
    }

    private const string MentionSegments = "entities-mentions";

    // Per entity, in the mentions' order: the first mention's type, the mentions, and the distinct articles and sentences.
    private static List<(string Entity, string Type, int Count, int Articles, int Sentences)> SummaryRows(
        IEnumerable<(string ArticleId, int Sentence, string Entity, string Type)> mentions) =>
        mentions.GroupBy(m => m.Entity, StringComparer.Ordinal)
            .Select(g => (Entity: g.Key, g.First().Type, Count: g.Count(),
                Articles: g.Select(m => m.ArticleId).Distinct(StringComparer.Ordinal).Count(),
                Sentences: g.Select(m => (m.ArticleId, m.Sentence)).Distinct().Count()))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Entity, StringComparer.Ordinal).ToList();

    // The mentions the mention frame's parts hold, in order.
    private static IEnumerable<(string ArticleId, int Sentence, string Entity, string Type)> PartMentions(IReadOnlyList<FrameSegments.Part> parts)
    {
        foreach (var part in parts)
        {
            var ids = (string?[])part.Values[Array.IndexOf(part.Names, "ArticleId")];
            var sentences = (int?[])part.Values[Array.IndexOf(part.Names, "Sentence")];
            var entities = (string?[])part.Values[Array.IndexOf(part.Names, "Entity")];
            var types = (string?[])part.Values[Array.IndexOf(part.Names, "Type")];
            for (long r = 0; r < part.Rows; r++) yield return (ids[r]!, sentences[r]!.Value, entities[r]!, types[r]!);
        }
    }

    /// <summary>
    /// One row per source and entity: <c>Source, Entity, Type, Mentions, Articles</c> (articles without a known source
    /// are grouped as <c>(unknown)</c>), by source then most mentioned.
    /// </summary>
    public DataFrame SourceFrame()
    {
        var rows = Mentions.GroupBy(m => (Source: articles[m.ArticleId].Source ?? "(unknown)", m.Entity))
            .Select(g => (g.Key.Source, g.Key.Entity, g.First().Type, Count: g.Count(),
                Articles: g.Select(m => m.ArticleId).Distinct(StringComparer.Ordinal).Count()))
            .OrderBy(r => r.Source, StringComparer.Ordinal).ThenByDescending(r => r.Count).ThenBy(r => r.Entity, StringComparer.Ordinal)
            .ToList();
        return new DataFrame(
            new StringDataFrameColumn("Source", rows.Select(r => r.Source)),
            new StringDataFrameColumn("Entity", rows.Select(r => r.Entity)),
            new StringDataFrameColumn("Type", rows.Select(r => r.Type)),
            new Int32DataFrameColumn("Mentions", rows.Select(r => r.Count)),
            new Int32DataFrameColumn("Articles", rows.Select(r => r.Articles)));
    }

    /// <summary>
    /// Pairs of entities named in the same sentence: <c>EntityA, EntityB, Sentences, Articles</c> (A before B in ordinal
    /// order; <c>Sentences</c> counts sentences naming both), most frequent first. Pairs seen in fewer than
    /// <paramref name="minSentences"/> sentences are left out.
    /// </summary>
    public DataFrame PairFrame(int minSentences = 1)
    {
        var pairs = Pairs().Where(p => p.Sentences >= minSentences).ToList();
        return new DataFrame(
            new StringDataFrameColumn("EntityA", pairs.Select(p => p.A)),
            new StringDataFrameColumn("EntityB", pairs.Select(p => p.B)),
            new Int32DataFrameColumn("Sentences", pairs.Select(p => p.Sentences)),
            new Int32DataFrameColumn("Articles", pairs.Select(p => p.Articles)));
    }

    /// <summary>
    /// The co-occurrence matrix of the <paramref name="top"/> entities named in most sentences (optionally of one
    /// type): cell [i, j] counts sentences naming both; the diagonal counts sentences naming the entity.
    /// </summary>
    public EntityCooccurrence Cooccurrence(int top = 20, EntityType? type = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        var typeName = type is { } t ? Gazetteer.TypeName(t) : null;
        var sentenceCounts = sentenceSets.Value.SelectMany(s => s.Entities).GroupBy(e => e, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var typeOf = Mentions.GroupBy(m => m.Entity, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Type, StringComparer.Ordinal);
        var names = sentenceCounts.Where(kv => typeName is null || typeOf[kv.Key] == typeName)
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(top).Select(kv => kv.Key).ToList();
        var index = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
        var counts = names.Select(_ => new int[names.Count]).ToArray();
        foreach (var s in sentenceSets.Value)
        {
            var present = s.Entities.Where(index.ContainsKey).Select(e => index[e]).ToList();
            foreach (var a in present)
                foreach (var b in present)
                    counts[a][b]++;
        }
        return new EntityCooccurrence(names, names.Select(n => typeOf[n]).ToList(), counts);
    }

    /// <summary>
    /// The sentences that name every one of <paramref name="entities"/> (canonical names or aliases):
    /// <c>ArticleId, Title, Published, Sentence, Text</c>, in corpus order.
    /// </summary>
    /// <exception cref="ArgumentException">When a name is not in the gazetteer.</exception>
    public DataFrame SentencesWith(params string[] entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        var wanted = entities.Select(Resolve).ToList();
        var rows = sentenceSets.Value.Where(s => wanted.All(w => s.Entities.Contains(w, StringComparer.Ordinal)))
            .OrderBy(s => ArticleOrder(s.Article)).ThenBy(s => s.Sentence).ToList();
        return new DataFrame(
            new StringDataFrameColumn("ArticleId", rows.Select(r => r.Article.Id)),
            new StringDataFrameColumn("Title", rows.Select(r => r.Article.Title)),
            new DateTimeDataFrameColumn("Published", rows.Select(r => r.Article.Published)),
            new Int32DataFrameColumn("Sentence", rows.Select(r => r.Sentence)),
            new StringDataFrameColumn("Text", rows.Select(r => r.Article.Sentences[r.Sentence].Text)));
    }

    /// <summary>
    /// Keyword in context: every occurrence of <paramref name="term"/> with <paramref name="width"/> characters either
    /// side (<see cref="KeywordInContext"/> columns). In <see cref="KwicMode.Auto"/>, a term naming a gazetteer entity
    /// (canonical name or alias, e.g. "US") finds that entity under all its names; any other term is a word or phrase
    /// (case-insensitive, whole words, a trailing <c>*</c> matches any ending).
    /// </summary>
    public DataFrame Kwic(string term, int width = KeywordInContext.DefaultWidth, KwicMode mode = KwicMode.Auto)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(term);
        var entity = mode == KwicMode.Text ? null : Recognizer.Gazetteer.Find(term);
        if (entity is null && mode == KwicMode.Entity)
            throw new ArgumentException($"'{term}' is not an entity of the gazetteer ({Recognizer.Gazetteer.Source}).", nameof(term));
        return entity is null
            ? KeywordInContext.Search(Corpus, term, width)
            : KeywordInContext.Frame(Mentions.Where(m => m.Entity == entity.Name).Select(m => (articles[m.ArticleId], m.Start, m.Length)), width);
    }

    /// <summary>Capitalised names in the corpus that the gazetteer lacks, with counts (see <see cref="EntityDiscovery"/>).</summary>
    public DataFrame Discover(int minMentions = 2) => EntityDiscovery.Unknown(Corpus, Recognizer.Gazetteer, minMentions);

    private string Resolve(string name) =>
        Recognizer.Gazetteer.Find(name)?.Name ?? throw new ArgumentException($"'{name}' is not an entity of the gazetteer ({Recognizer.Gazetteer.Source}).", nameof(name));

    private List<(string A, string B, int Sentences, int Articles)> Pairs()
    {
        var counts = new Dictionary<(string, string), (int Sentences, HashSet<string> Articles)>();
        foreach (var s in sentenceSets.Value)
            for (int i = 0; i < s.Entities.Length; i++)
                for (int j = i + 1; j < s.Entities.Length; j++)
                {
                    var key = (s.Entities[i], s.Entities[j]);
                    if (!counts.TryGetValue(key, out var c)) counts[key] = c = (0, new HashSet<string>(StringComparer.Ordinal));
                    c.Articles.Add(s.Article.Id);
                    counts[key] = (c.Sentences + 1, c.Articles);
                }
        return counts.Select(kv => (kv.Key.Item1, kv.Key.Item2, kv.Value.Sentences, kv.Value.Articles.Count))
            .OrderByDescending(p => p.Item3).ThenBy(p => p.Item1, StringComparer.Ordinal).ThenBy(p => p.Item2, StringComparer.Ordinal)
            .ToList();
    }

    private int ArticleOrder(Article article) => articleOrder.Value.GetValueOrDefault(article, int.MaxValue);
}

/// <summary>A square co-occurrence matrix of entities within sentences.</summary>
/// <param name="Entities">The entities, most frequent first.</param>
/// <param name="Types">Their types, in the same order.</param>
/// <param name="Counts">Counts[i][j]: sentences naming both i and j; the diagonal: sentences naming i.</param>
public sealed record EntityCooccurrence(IReadOnlyList<string> Entities, IReadOnlyList<string> Types, int[][] Counts)
{
    /// <summary>Sentences naming both <paramref name="a"/> and <paramref name="b"/> (0 when either is not in the matrix).</summary>
    public int this[string a, string b]
    {
        get
        {
            int i = IndexOf(a), j = IndexOf(b);
            return i < 0 || j < 0 ? 0 : Counts[i][j];
        }
    }

    /// <summary>The matrix as a frame: an <c>Entity</c> column, then one Int32 column per entity.</summary>
    public DataFrame ToFrame()
    {
        var columns = new List<DataFrameColumn> { new StringDataFrameColumn("Entity", Entities) };
        for (int j = 0; j < Entities.Count; j++)
            columns.Add(new Int32DataFrameColumn(Entities[j], Counts.Select(row => row[j])));
        return new DataFrame(columns);
    }

    private int IndexOf(string name)
    {
        for (int i = 0; i < Entities.Count; i++) if (Entities[i] == name) return i;
        return -1;
    }
}
