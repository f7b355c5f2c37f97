namespace NewsAnalysis.Tests;

/// <summary>The seed corpus analysed once per run, and helpers to find sentences by their content.</summary>
internal static class EntitiesTestData
{
    private static readonly Lazy<EntityAnalysis> analysis = new(() => EntityAnalysis.Run(TestData.Seeds, Gazetteer));
    private static readonly Lazy<EntityAnalysis> plain = new(() => EntityAnalysis.Run(TestData.Seeds, Gazetteer, new EntityOptions { Metonymy = false }));

    /// <summary>The project's gazetteer (data/gazetteer/entities.csv).</summary>
    public static Gazetteer Gazetteer { get; } = Gazetteer.Load(Path.Combine(TestData.Root, "data", "gazetteer", "entities.csv"));

    /// <summary>The seeds with default options.</summary>
    public static EntityAnalysis Seeds => analysis.Value;

    /// <summary>The seeds with metonymy off.</summary>
    public static EntityAnalysis SeedsWithoutMetonymy => plain.Value;

    /// <summary>The one sentence of an article that contains <paramref name="snippet"/>.</summary>
    public static SentenceSpan Sentence(Article article, string snippet) => article.Sentences.Single(s => s.Text.Contains(snippet, StringComparison.Ordinal));

    /// <summary>The mentions of <paramref name="a"/> inside the sentence containing <paramref name="snippet"/>.</summary>
    public static List<EntityMention> MentionsIn(EntityAnalysis a, string articlePrefix, string snippet)
    {
        var article = TestData.Seed(articlePrefix);
        var s = Sentence(article, snippet);
        return a.Mentions.Where(m => m.ArticleId == article.Id && m.Start >= s.Start && m.Start < s.End).ToList();
    }

    /// <summary>The mention whose surface text starts exactly where <paramref name="context"/> puts it: the text of <paramref name="context"/> must occur once in the article, and <paramref name="surface"/> inside it.</summary>
    public static EntityMention? MentionAt(EntityAnalysis a, string articlePrefix, string context, string surface)
    {
        var article = TestData.Seed(articlePrefix);
        int at = article.Text.IndexOf(context, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{context}' not found in {article.Id}");
        Assert.Equal(-1, article.Text.IndexOf(context, at + 1, StringComparison.Ordinal));
        int start = at + context.IndexOf(surface, StringComparison.Ordinal);
        return a.Mentions.SingleOrDefault(m => m.ArticleId == article.Id && m.Start == start);
    }

    /// <summary>Recognises the entities of one text built in memory (as a loaded article would be).</summary>
    public static List<EntityMention> Recognize(string text, EntityOptions? options = null) =>
        new EntityRecognizer(Gazetteer, options).Recognize(Corpus.FromRecords([new ArticleRecord("t", "memory", text) { Title = "Test" }]).Articles[0]);
}
