using System.Text.Json;

namespace NewsAnalysis.Tests;

/// <summary>notebooks/02-sentiment.ipynb: its shape, and the library calls its cells make, run here on the seeds.</summary>
public class SentimentNotebookTests
{
    private static readonly string NotebookPath = Path.Combine(TestData.Root, "notebooks", "02-sentiment.ipynb");

    private static List<(string Type, string Source, bool Parameters, int Outputs)> Cells() =>
        JsonDocument.Parse(File.ReadAllText(NotebookPath)).RootElement.GetProperty("cells").EnumerateArray().Select(c => (
            c.GetProperty("cell_type").GetString()!,
            string.Concat(c.GetProperty("source").EnumerateArray().Select(l => l.GetString())),
            c.GetProperty("metadata").TryGetProperty("tags", out var tags) && tags.EnumerateArray().Any(t => t.GetString() == "parameters"),
            c.TryGetProperty("outputs", out var o) ? o.GetArrayLength() : 0)).ToList();

    [Fact]
    public void SentimentNotebook_IsThinAndCommittedWithoutOutputs()
    {
        var cells = Cells();
        var code = cells.Where(c => c.Type == "code").ToList();
        Assert.StartsWith("#r \"nuget: Microsoft.Data.Analysis, 0.23.1\"", code[0].Source);
        Assert.True(code[1].Parameters);
        Assert.All(code, c => Assert.True(c.Source.Split('\n').Length <= 12, c.Source));
        Assert.All(cells, c => Assert.Equal(0, c.Outputs));
        foreach (var call in new[] { "SentimentAnalysis.ArticleFrame", "SentimentCharts.ArticleTone", "SentimentCharts.SentenceDistribution",
            "SentimentAnalysis.ExtremeSentencesFrame", "EntityAnalysis.Run", "SentimentCharts.EntityTone" })
            Assert.Contains(code, c => c.Source.Contains(call, StringComparison.Ordinal));
    }

    [Fact]
    public void SentimentNotebook_CellsCallsWorkOnTheSeeds()
    {
        // the notebook's cells, in order, with its default parameters
        var corpus = Corpus.Load(TestData.Articles);
        var articles = SentimentAnalysis.ArticleFrame(corpus);
        Assert.Equal(3, Plotly.NET.GenericChart.getTraces(SentimentCharts.ArticleTone(articles)).Length);
        Assert.NotNull(SentimentCharts.SentenceDistribution(SentimentAnalysis.SentenceFrame(corpus)));
        Assert.Equal(10, SentimentAnalysis.ExtremeSentencesFrame(corpus, 5).Rows.Count);
        Assert.True(SentimentAnalysis.ExplanationFrame(corpus).Rows.Count > 100);
        var mentions = EntityAnalysis.Run(corpus).MentionFrame();
        var entities = EntitySentiment.OverallFrame(corpus, mentions);
        var names = ((Microsoft.Data.Analysis.StringDataFrameColumn)entities["Entity"]).ToList();
        Assert.Contains("Russia", names);
        Assert.Contains("United States", names);
        Assert.NotNull(SentimentCharts.EntityTone(entities));
        Assert.True(EntitySentiment.ArticleFrame(corpus, mentions).Rows.Count >= entities.Rows.Count);
    }
}
