namespace NewsAnalysis.Tests;

public class TopicStopWordsTests
{
    [Fact]
    public void Default_list_joins_ML_NET_English_and_news_words()
    {
        var words = TopicStopWords.Default;
        Assert.Contains("the", words);      // english.txt
        Assert.Contains("said", words);     // news.txt
        Assert.Contains("dont", words);     // contractions are written without apostrophes
        Assert.DoesNotContain("russia", words);
        Assert.Equal(words.Order(StringComparer.Ordinal), words);
        Assert.Equal(words.Count, words.Distinct().Count());
    }

    [Fact]
    public void Words_are_normalised_like_tokens()
    {
        Assert.Equal("dont", TopicStopWords.NormaliseWord("Don't"));
        Assert.Equal("cafe", TopicStopWords.NormaliseWord(" Café "));
    }

    [Fact]
    public void Load_reads_a_file_and_names_a_missing_one()
    {
        var path = Path.Combine(Path.GetTempPath(), $"stopwords-{Guid.NewGuid():N}.txt");
        File.WriteAllLines(path, ["# comment", "Zebra", "", "café"]);
        try { Assert.Equal(["cafe", "zebra"], TopicStopWords.Load(path)); }
        finally { File.Delete(path); }
        var e = Assert.Throws<FileNotFoundException>(() => TopicStopWords.Load(path));
        Assert.Contains(path, e.Message);
    }
}
