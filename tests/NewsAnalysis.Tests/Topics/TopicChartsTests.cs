using System.Text.Json;
using Plotly.NET;

namespace NewsAnalysis.Tests;

/// <summary>The topic charts have the traces and points their models imply.</summary>
public class TopicChartsTests
{
    private static JsonElement Data(GenericChart chart) =>
        JsonDocument.Parse(GenericChart.toJson(chart)).RootElement.GetProperty("data");

    [Fact]
    public void Map_has_one_trace_per_topic_with_titles_on_hover()
    {
        var model = TopicTimeAndSourceTests.Dated.Value;
        var data = Data(TopicCharts.Map(model));
        Assert.Equal(model.Topics.Count, data.GetArrayLength());
        for (int t = 0; t < model.Topics.Count; t++)
        {
            var trace = data[t];
            var members = model.Assignments.Where(a => a.Topic == t).ToList();
            Assert.Equal($"{t}: {model.Topics[t].Label}", trace.GetProperty("name").GetString());
            Assert.Equal(members.Count, trace.GetProperty("x").GetArrayLength());
            Assert.Equal(members.Select(a => model.Article(a).Title), trace.GetProperty("text").EnumerateArray().Select(x => x.GetString()));
        }
    }

    [Fact]
    public void K_choice_plots_silhouette_the_chosen_k_and_Davies_Bouldin()
    {
        var model = TopicModeler.Fit(TestData.Seeds, new TopicOptions { MaxK = 6 });
        var data = Data(TopicCharts.KChoice(model));
        Assert.Equal(3, data.GetArrayLength());
        Assert.Equal([2, 3, 4, 5, 6], data[0].GetProperty("x").EnumerateArray().Select(x => x.GetInt32()));
        Assert.Equal([model.K], data[1].GetProperty("x").EnumerateArray().Select(x => x.GetInt32()));
        Assert.Equal(model.KScores.Select(s => s.DaviesBouldin), data[2].GetProperty("y").EnumerateArray().Select(x => x.GetDouble()));
    }

    [Fact]
    public void Over_time_has_a_line_per_topic_over_every_period()
    {
        var model = TopicTimeAndSourceTests.Dated.Value;
        var data = Data(TopicCharts.OverTime(model));
        Assert.Equal(model.Topics.Count(t => model.Assignments.Any(a => a.Topic == t.Id && a.ArticleId != "undated")), data.GetArrayLength());
        Assert.All(data.EnumerateArray(), trace => Assert.Equal(2, trace.GetProperty("x").GetArrayLength()));
        int total = data.EnumerateArray().Sum(trace => trace.GetProperty("y").EnumerateArray().Sum(y => y.GetInt32()));
        Assert.Equal(model.Assignments.Count(a => a.Topic >= 0) - model.UndatedUnits, total);
    }

    [Fact]
    public void Over_time_without_dates_is_an_empty_chart_not_an_error()
    {
        // The seed texts without their publication dates (cleaned text holds no "Published in" line; nothing is inferred).
        var undated = Corpus.FromRecords(TestData.Seeds.Articles.Select(a => new ArticleRecord(a.Id, a.Path, a.Text) { Title = a.Title }),
            new CorpusOptions { InferPublishedFromMentions = false });
        Assert.All(undated.Articles, a => Assert.Null(a.Published));
        var model = TopicModeler.Fit(undated, new TopicOptions { Unit = TopicUnit.Article, K = 2 });
        Assert.Equal(model.Assignments.Count, model.UndatedUnits);
        var data = Data(TopicCharts.OverTime(model));
        Assert.Equal(1, data.GetArrayLength());
        Assert.Equal("no dated units", data[0].GetProperty("name").GetString());
        Assert.Equal(0, data[0].GetProperty("x").GetArrayLength());
    }
}
