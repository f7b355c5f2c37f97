namespace NewsAnalysis.Tests;

public class CorpusOverviewTests
{
    [Fact]
    public void Source_frame_counts_every_article_once_and_undated_ones()
    {
        var corpus = TestData.Seeds;
        var frame = CorpusOverview.SourceFrame(corpus);
        Assert.Equal(["Source", "Articles", "Words", "Undated", "FirstPublished", "LastPublished"], frame.Columns.Select(c => c.Name));
        Assert.Equal(corpus.Articles.Count, Enumerable.Range(0, (int)frame.Rows.Count).Sum(r => (int)frame["Articles"][r]!));
        Assert.Equal(corpus.Articles.Sum(a => a.Words), Enumerable.Range(0, (int)frame.Rows.Count).Sum(r => (int)frame["Words"][r]!));
        Assert.Equal(corpus.Articles.Count(a => a.Published is null), Enumerable.Range(0, (int)frame.Rows.Count).Sum(r => (int)frame["Undated"][r]!));
    }

    [Fact]
    public void Publication_days_group_dated_articles_in_date_order()
    {
        var d1 = new DateTime(2018, 2, 20, 9, 0, 0);
        var d2 = new DateTime(2018, 2, 21);
        Article A(string id, DateTime? published, string? source) =>
            new(id, id + ".txt", "T " + id, source, null, published, published is null ? PublishedBasis.Unknown : PublishedBasis.Metadata, null, "Text.", null, new Dictionary<string, string?>()) { Words = 3 };
        var corpus = new NewsCorpus([A("a", d2, "Dawn"), A("b", d1, "Dawn"), A("c", d1.AddHours(5), null), A("d", null, "Sputnik")], [], []);
        Assert.Equal([(d1.Date, 2), (d2, 1)], CorpusOverview.PublicationDays(corpus));
        var sources = CorpusOverview.SourceFrame(corpus);
        Assert.Equal(["(unknown)", "Dawn", "Sputnik"], Enumerable.Range(0, 3).Select(r => (string)sources["Source"][r]!));
        Assert.Equal(d1, sources["FirstPublished"][1]);
        Assert.Equal(d2, sources["LastPublished"][1]);
        Assert.Null(sources["FirstPublished"][2]);
    }

    [Fact]
    public void Article_table_drops_text_and_path_only()
    {
        var table = CorpusOverview.ArticleTable(TestData.Seeds);
        var full = TestData.Seeds.ArticleFrame();
        Assert.Equal(full.Columns.Select(c => c.Name).Where(n => n is not "Text" and not "Path"), table.Columns.Select(c => c.Name));
        Assert.Equal(full.Rows.Count, table.Rows.Count);
    }

    [Fact]
    public void Corpus_charts_carry_every_article()
    {
        var json = Plotly.NET.GenericChart.toJson(CorpusCharts.ArticleWords(TestData.Seeds));
        foreach (var a in TestData.Seeds.Articles) Assert.Contains(a.Id, json);
        Assert.Contains("Words per article (5 articles)", json);
        // The seeds are all dated (stated or inferred): five publication days, none undated.
        var days = Plotly.NET.GenericChart.toJson(CorpusCharts.PublicationDays(TestData.Seeds));
        Assert.Contains("(0 undated)", days);
        foreach (var a in TestData.Seeds.Articles) Assert.Contains(a.Published!.Value.ToString("yyyy-MM-dd"), days);
    }
}
