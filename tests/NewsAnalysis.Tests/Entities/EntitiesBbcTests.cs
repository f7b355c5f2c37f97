using System.Text.RegularExpressions;

namespace NewsAnalysis.Tests;

public class EntitiesBbcTests
{
    private static readonly Lazy<(NewsCorpus Corpus, EntityAnalysis Analysis)> bbc = new(() =>
    {
        var path = TestData.BbcCsv ?? throw new InvalidOperationException("../shared/eval/bbc/bbc-news.csv is missing");
        // Each BBC row is one line: give it a title so the whole row stays the body.
        var corpus = Corpus.FromRecords(BbcSet.Read(path).Select(r => r with { Title = r.Id }));
        return (corpus, EntityAnalysis.Run(corpus, EntitiesTestData.Gazetteer));
    });

    [Fact]
    public void Lowercase_us_in_BBC_prose_is_never_the_United_States()
    {
        var (corpus, analysis) = bbc.Value;
        Assert.Contains(corpus.Articles, a => Regex.IsMatch(a.Text, @"\bus\b"));
        Assert.DoesNotContain(analysis.Mentions, m => m.Surface is "us" or "Us");
        Assert.Contains(analysis.Mentions, m => m.Entity == "United States" && m.Surface == "US");
    }

    [Fact]
    public void Short_forms_in_BBC_only_resolve_where_the_article_names_the_entity_in_full()
    {
        var (_, analysis) = bbc.Value;
        var named = analysis.Mentions.Where(m => m.Basis == EntityMentionBasis.Alias).Select(m => (m.ArticleId, m.Entity)).ToHashSet();
        var shortForms = analysis.Mentions.Where(m => m.Basis == EntityMentionBasis.ShortForm).ToList();
        Assert.NotEmpty(shortForms);   // "Blair" after "Tony Blair", "Bush" after "George W. Bush", ...
        Assert.All(shortForms, m => Assert.Contains((m.ArticleId, m.Entity), named));
        // 2004-2005 articles: no Islamic State (no "IS" matched out of context).
        Assert.DoesNotContain(analysis.Mentions, m => m.Entity == "Islamic State");
    }
}
