using System.Text.Json;

namespace NewsAnalysis.Tests;

public class EntitiesChartTests
{
    private static JsonElement Figure(Plotly.NET.GenericChart chart) =>
        JsonDocument.Parse(Plotly.NET.GenericChart.toFigureJson(chart)).RootElement.Clone();

    [Fact]
    public void Heatmap_is_one_square_trace_over_the_matrix()
    {
        var m = EntitiesTestData.Seeds.Cooccurrence(8);
        var data = Figure(EntityCharts.Heatmap(m)).GetProperty("data");
        Assert.Equal(1, data.GetArrayLength());
        var trace = data[0];
        Assert.Equal("heatmap", trace.GetProperty("type").GetString());
        Assert.Equal(m.Entities, trace.GetProperty("x").EnumerateArray().Select(e => e.GetString()!));
        var z = trace.GetProperty("z").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetInt32()).ToArray()).ToArray();
        Assert.Equal(8, z.Length);
        Assert.All(z, row => Assert.Equal(8, row.Length));
        Assert.Equal(m.Counts[0][1], z[0][1]);
        Assert.Equal(0, z[2][2]);   // the diagonal is blank
    }

    [Fact]
    public void Network_has_one_line_per_pair_named_together_and_one_marker_trace_per_type()
    {
        var m = EntitiesTestData.Seeds.Cooccurrence(10);
        var data = Figure(EntityCharts.Network(m)).GetProperty("data").EnumerateArray().ToList();
        int pairs = 0;
        for (int i = 0; i < 10; i++) for (int j = i + 1; j < 10; j++) if (m.Counts[i][j] > 0) pairs++;
        var lines = data.Where(t => t.GetProperty("mode").GetString() == "lines").ToList();
        var nodes = data.Where(t => t.GetProperty("mode").GetString() == "markers+text").ToList();
        Assert.Equal(pairs, lines.Count);
        Assert.Equal(m.Types.Distinct().Count(), nodes.Count);
        Assert.Equal(10, nodes.Sum(n => n.GetProperty("text").GetArrayLength()));
        Assert.All(nodes, n => Assert.Equal(n.GetProperty("x").GetArrayLength(), n.GetProperty("marker").GetProperty("size").GetArrayLength()));
    }

    [Fact]
    public void A_corpus_naming_no_entity_still_draws_every_chart()
    {
        var corpus = Corpus.FromRecords([new ArticleRecord("a", "a.txt", "The council met on Tuesday and agreed a budget for next year.")]);
        var analysis = EntityAnalysis.Run(corpus);
        var m = analysis.Cooccurrence(10);
        Assert.Empty(m.Entities);
        var network = Figure(EntityCharts.Network(m)).GetProperty("data");
        Assert.Equal("no entities", Assert.Single(network.EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(0, Figure(EntityCharts.Network(m)).GetProperty("data")[0].GetProperty("x").GetArrayLength());
        Assert.Equal(1, Figure(EntityCharts.Heatmap(m)).GetProperty("data").GetArrayLength());
        Assert.Equal(0, Figure(EntityCharts.Mentions(analysis, 5)).GetProperty("data")[0].GetProperty("y").GetArrayLength());
    }

    [Fact]
    public void Mentions_chart_has_one_bar_per_entity_up_to_top()
    {
        var data = Figure(EntityCharts.Mentions(EntitiesTestData.Seeds, 7)).GetProperty("data");
        Assert.Equal(7, data[0].GetProperty("y").GetArrayLength());
        Assert.Equal("Pakistan", data[0].GetProperty("y")[6].GetString());   // most mentioned on top
    }
}
