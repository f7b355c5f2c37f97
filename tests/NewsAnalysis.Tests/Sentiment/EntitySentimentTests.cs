using System.Text.RegularExpressions;
using Microsoft.Data.Analysis;

namespace NewsAnalysis.Tests;

/// <summary>Entity-targeted sentiment on mentions frames built here by plain word matching on the seed sentences.</summary>
public class EntitySentimentTests
{
    private static readonly (string Entity, string Type, string Pattern)[] Names =
    [
        ("Pakistan", "GPE", @"\bPakistan\b"),
        ("Russia", "GPE", @"\bRussia\b"),
        ("Afghanistan", "GPE", @"\bAfghanistan\b"),
        ("United States", "GPE", @"\b(United States|US|U\.S\.)\b"),
        ("Taliban", "ORG", @"\bTaliban\b"),
    ];

    /// <summary>One row per match: ArticleId, Sentence, Entity, Type, Surface, Start, Length (the Entities concern's contract).</summary>
    private static DataFrame Mentions(NewsCorpus corpus)
    {
        var rows = new List<(string Id, int Sentence, string Entity, string Type, string Surface, int Start, int Length)>();
        foreach (var a in corpus.Articles)
            foreach (var s in a.Sentences)
                foreach (var (entity, type, pattern) in Names)
                    foreach (Match m in Regex.Matches(s.Text, pattern))
                        rows.Add((a.Id, s.Index, entity, type, m.Value, s.Start + m.Index, m.Length));
        return new DataFrame(
            new StringDataFrameColumn("ArticleId", rows.Select(r => r.Id)),
            new Int32DataFrameColumn("Sentence", rows.Select(r => r.Sentence)),
            new StringDataFrameColumn("Entity", rows.Select(r => r.Entity)),
            new StringDataFrameColumn("Type", rows.Select(r => r.Type)),
            new StringDataFrameColumn("Surface", rows.Select(r => r.Surface)),
            new Int32DataFrameColumn("Start", rows.Select(r => r.Start)),
            new Int32DataFrameColumn("Length", rows.Select(r => r.Length)));
    }

    [Fact]
    public void EntitySentimentOverall_IsTheMeanOverSentencesThatMentionEachEntity()
    {
        var corpus = TestData.Seeds;
        var expected = VaderReference.Read("seeds").ToDictionary(r => r.Key, r => r.Expected.Compound, StringComparer.Ordinal);
        var frame = EntitySentiment.OverallFrame(corpus, Mentions(corpus));
        Assert.Equal(Names.Length, frame.Rows.Count);
        var sentences = frame.Columns["Sentences"].Cast<int>().ToList();
        Assert.Equal(sentences.OrderDescending(), sentences);
        for (long r = 0; r < frame.Rows.Count; r++)
        {
            var (_, _, pattern) = Names.Single(n => n.Entity == (string)frame["Entity"][r]);
            var mentioning = corpus.Articles.SelectMany(a => a.Sentences).Select(s => s.Text).Where(t => Regex.IsMatch(t, pattern)).ToList();
            Assert.Equal(mentioning.Count, frame["Sentences"][r]);
            Assert.Equal(mentioning.Sum(t => Regex.Matches(t, pattern).Count), frame["Mentions"][r]);
            Assert.Equal(mentioning.Count, (int)frame["PositiveSentences"][r] + (int)frame["NeutralSentences"][r] + (int)frame["NegativeSentences"][r]);
            if (mentioning.All(expected.ContainsKey))
                Assert.Equal(Math.Round(mentioning.Average(t => expected[t]), 4), (double)frame["Compound"][r], 4);
        }
        var pakistan = Row(frame, "Pakistan");
        Assert.True((int)frame["Sentences"][pakistan] > 20);
        Assert.Equal(corpus.Articles.Count(a => a.Sentences.Any(s => Regex.IsMatch(s.Text, @"\bPakistan\b"))), frame["Articles"][pakistan]);
    }

    [Fact]
    public void EntitySentimentByArticle_AddsUpToTheOverall()
    {
        var corpus = TestData.Seeds;
        var mentions = Mentions(corpus);
        var byArticle = EntitySentiment.ArticleFrame(corpus, mentions);
        var overall = EntitySentiment.OverallFrame(corpus, mentions);
        for (long r = 0; r < overall.Rows.Count; r++)
        {
            var entity = (string)overall["Entity"][r];
            var rows = Enumerable.Range(0, (int)byArticle.Rows.Count).Where(i => (string)byArticle["Entity"][i] == entity).ToList();
            Assert.Equal(overall["Articles"][r], rows.Count);
            Assert.Equal((int)overall["Sentences"][r], rows.Sum(i => (int)byArticle["Sentences"][i]));
            Assert.Equal((int)overall["Mentions"][r], rows.Sum(i => (int)byArticle["Mentions"][i]));
        }
        var sentenceLevel = EntitySentiment.SentenceFrame(corpus, mentions);
        Assert.Equal(overall.Columns["Sentences"].Cast<int>().Sum(), sentenceLevel.Rows.Count);
    }

    [Fact]
    public void EntitySentiment_RejectsAMentionsFrameWithoutTheContractColumns()
    {
        var mentions = Mentions(TestData.Seeds);
        mentions.Columns.Remove("Type");
        var ex = Assert.Throws<ArgumentException>(() => EntitySentiment.OverallFrame(TestData.Seeds, mentions));
        Assert.Contains("'Type'", ex.Message);
        var bad = new DataFrame(
            new StringDataFrameColumn("ArticleId", [TestData.Seeds.Articles[0].Id]),
            new Int32DataFrameColumn("Sentence", [9999]),
            new StringDataFrameColumn("Entity", ["Pakistan"]),
            new StringDataFrameColumn("Type", ["GPE"]));
        Assert.Contains("no sentence 9999", Assert.Throws<ArgumentException>(() => EntitySentiment.ArticleFrame(TestData.Seeds, bad)).Message);
    }

    [Fact]
    public void EntitySentimentMatchMentions_FindsWholeWordsWithOffsetsIntoTheArticle()
    {
        var corpus = TestData.Seeds;
        var surfaces = new Dictionary<string, string[]> { ["United States"] = ["United States", "US", "U.S."], ["Pakistan"] = ["Pakistan"] };
        var mentions = EntitySentiment.MatchMentions(corpus, surfaces, "GPE");
        Assert.Equal(["ArticleId", "Sentence", "Entity", "Type", "Surface", "Start", "Length"], mentions.Columns.Select(c => c.Name));
        var articles = corpus.Articles.ToDictionary(a => a.Id);
        for (long r = 0; r < mentions.Rows.Count; r++)
        {
            var article = articles[(string)mentions["ArticleId"][r]];
            var surface = (string)mentions["Surface"][r];
            Assert.Equal(surface, article.Text.Substring((int)mentions["Start"][r], (int)mentions["Length"][r]));
            Assert.Contains(surface, article.Sentences[(int)mentions["Sentence"][r]].Text);
        }
        var pakistan = corpus.Articles.SelectMany(a => a.Sentences).Sum(s => Regex.Matches(s.Text, @"(?<![\p{L}\p{Nd}])Pakistan(?![\p{L}\p{Nd}])").Count);
        Assert.Equal(pakistan, mentions.Columns["Entity"].Cast<string>().Count(e => e == "Pakistan")); // "Pakistani" is not "Pakistan"
    }

    private static int Row(DataFrame frame, string entity) =>
        Enumerable.Range(0, (int)frame.Rows.Count).Single(i => (string)frame["Entity"][i] == entity);
}
