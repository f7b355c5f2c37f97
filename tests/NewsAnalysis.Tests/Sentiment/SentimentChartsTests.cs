using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Analysis;

namespace NewsAnalysis.Tests;

/// <summary>Chart shape (traces and their values), not pixels.</summary>
public class SentimentChartsTests
{
    private static List<JsonElement> Traces(Plotly.NET.GenericChart chart) =>
        JsonDocument.Parse(Plotly.NET.GenericChart.toJson(chart)).RootElement.GetProperty("data").EnumerateArray().ToList();

    private static List<double> Numbers(JsonElement trace, string axis) => trace.GetProperty(axis).EnumerateArray().Select(v => v.GetDouble()).ToList();

    [Fact]
    public void SentimentChartsArticleTone_HasPositiveNegativeAndCompoundPerArticle()
    {
        var articles = SentimentAnalysis.ArticleFrame(TestData.Seeds);
        var traces = Traces(SentimentCharts.ArticleTone(articles));
        Assert.Equal(["bar", "bar", "scatter"], traces.Select(t => t.GetProperty("type").GetString()));
        Assert.Equal(articles.Columns["Positive"].Cast<double?>().Select(v => v!.Value), Numbers(traces[0], "y"));
        Assert.Equal(articles.Columns["Negative"].Cast<double?>().Select(v => -v!.Value), Numbers(traces[1], "y"));
        Assert.Equal(articles.Columns["Compound"].Cast<double?>().Select(v => v!.Value), Numbers(traces[2], "y"));
        Assert.Equal(5, traces[0].GetProperty("x").GetArrayLength());
    }

    [Fact]
    public void SentimentChartsSentenceDistribution_HasOneHistogramPerArticleHoldingEverySentence()
    {
        var sentences = SentimentAnalysis.SentenceFrame(TestData.Seeds);
        var traces = Traces(SentimentCharts.SentenceDistribution(sentences));
        Assert.Equal(TestData.Seeds.Articles.Count, traces.Count);
        Assert.All(traces, t => Assert.Equal("histogram", t.GetProperty("type").GetString()));
        Assert.Equal(sentences.Rows.Count, traces.Sum(t => t.GetProperty("x").GetArrayLength()));
        Assert.Equal(TestData.Seeds.Articles.Select(a => a.Id), traces.Select(t => t.GetProperty("name").GetString()));
    }

    [Fact]
    public void SentimentChartsSentenceDistribution_OverManyArticlesIsOneHistogramOfEverySentence()
    {
        var corpus = Corpus.FromRecords(Enumerable.Range(0, SentimentCharts.DistributionTracesMax + 1)
            .Select(i => new ArticleRecord($"a{i:D2}", $"a{i:D2}.txt", $"Article {i} is good. It is also bad. Nothing else happened on day {i}.")));
        var sentences = SentimentAnalysis.SentenceFrame(corpus);
        var trace = Assert.Single(Traces(SentimentCharts.SentenceDistribution(sentences)));
        Assert.Equal($"all {SentimentCharts.DistributionTracesMax + 1} articles", trace.GetProperty("name").GetString());
        Assert.Equal(sentences.Columns["Compound"].Cast<double?>().Select(v => v!.Value), Numbers(trace, "x"));
        var few = SentimentAnalysis.SentenceFrame(Corpus.FromRecords(corpus.Articles.Take(SentimentCharts.DistributionTracesMax)
            .Select(a => new ArticleRecord(a.Id, a.Path, a.Text))));
        Assert.Equal(SentimentCharts.DistributionTracesMax, Traces(SentimentCharts.SentenceDistribution(few)).Count);
    }

    [Fact]
    public void SentimentChartsEntityTone_DivergesAroundZeroSortedByTone()
    {
        var corpus = TestData.Seeds;
        string[] names = ["Pakistan", "Russia", "Afghanistan", "India", "Taliban"];
        var rows = corpus.Articles.SelectMany(a => a.Sentences.SelectMany(s => names.Where(n => Regex.IsMatch(s.Text, $@"\b{n}\b")).Select(n => (a.Id, s.Index, n)))).ToList();
        var mentions = new DataFrame(
            new StringDataFrameColumn("ArticleId", rows.Select(r => r.Id)),
            new Int32DataFrameColumn("Sentence", rows.Select(r => r.Index)),
            new StringDataFrameColumn("Entity", rows.Select(r => r.n)),
            new StringDataFrameColumn("Type", rows.Select(_ => "GPE")));
        var overall = EntitySentiment.OverallFrame(corpus, mentions);
        var traces = Traces(SentimentCharts.EntityTone(overall));
        Assert.Equal(2, traces.Count);
        Assert.All(traces, t => Assert.Equal("h", t.GetProperty("orientation").GetString()));
        var negative = Numbers(traces[0], "x");
        var positive = Numbers(traces[1], "x");
        Assert.All(negative, v => Assert.True(v < 0));
        Assert.All(positive, v => Assert.True(v >= 0));
        var all = negative.Concat(positive).ToList();
        Assert.Equal(all.Order(), all);
        Assert.Equal(overall.Columns["Compound"].Cast<double?>().Select(v => v!.Value).Order(), all);
    }
}
