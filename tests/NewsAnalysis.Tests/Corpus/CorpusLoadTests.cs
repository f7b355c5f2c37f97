namespace NewsAnalysis.Tests;

public class CorpusLoadTests
{
    [Fact]
    public void Loads_the_five_seed_articles_with_nothing_rejected()
    {
        var corpus = TestData.Seeds;
        Assert.Equal(5, corpus.Articles.Count);
        Assert.Empty(corpus.Rejected);
        var frame = corpus.ArticleFrame();
        Assert.Equal(5, frame.Rows.Count);
        foreach (var name in new[] { "Id", "Path", "Title", "Source", "Dateline", "Published", "PublishedBasis", "PublishedEvidence", "Text", "Words" })
            Assert.Contains(frame.Columns, c => c.Name == name);
    }

    [Fact]
    public void Sentence_offsets_index_the_cleaned_text()
    {
        foreach (var article in TestData.Seeds.Articles)
            foreach (var s in article.Sentences)
                Assert.Equal(s.Text, article.Text.Substring(s.Start, s.Length));
    }

    [Fact]
    public void A_missing_path_is_one_error_naming_it()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => Corpus.Load("no/such/folder"));
        Assert.Contains("no/such/folder", ex.Message);
    }
}

public class CorpusFromRecordsTests
{
    [Fact]
    public void Bbc_set_loads_as_records_with_category_kept()
    {
        if (TestData.BbcCsv is not { } path) { Assert.Fail("../shared/eval/bbc/bbc-news.csv is missing"); return; }
        var corpus = Corpus.FromRecords(BbcSet.Read(path));
        Assert.Equal(2225, corpus.Articles.Count);
        var categories = corpus.Articles.GroupBy(a => a.Extra["category"]).ToDictionary(g => g.Key!, g => g.Count());
        Assert.Equal(510, categories["business"]);
        Assert.Equal(511, categories["sport"]);
        Assert.Contains(corpus.ArticleFrame().Columns, c => c.Name == "category");
    }
}
