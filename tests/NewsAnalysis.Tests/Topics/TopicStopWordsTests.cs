namespace NewsAnalysis.Tests;

public class TopicStopWordsTests
{
    [Fact]
    public void Default_feature_list_is_scikit_learns_English_list()
    {
        var words = TopicStopWords.Default;
        Assert.Equal(318, words.Count);     // scikit-learn 1.2.1's ENGLISH_STOP_WORDS
        Assert.Contains("the", words);
        Assert.Contains("bill", words);     // in scikit-learn's list, not in ML.NET's
        Assert.DoesNotContain("said", words);   // reporting verbs, time words and titles stay features
        Assert.DoesNotContain("year", words);
        Assert.DoesNotContain("mr", words);
        Assert.DoesNotContain("russia", words);
        Assert.Equal(words.Order(StringComparer.Ordinal), words);
        Assert.Equal(words.Count, words.Distinct().Count());
    }

    [Fact]
    public void Label_list_joins_ML_NET_English_and_news_words()
    {
        var words = TopicStopWords.NotLabels;
        Assert.Contains("the", words);      // english.txt
        Assert.Contains("said", words);     // news.txt
        Assert.Contains("year", words);
        Assert.Contains("dont", words);     // contractions are written without apostrophes
        Assert.DoesNotContain("mr", words); // titles may open a bigram label ("mr blair")
        Assert.DoesNotContain("russia", words);
        Assert.Equal(words.Order(StringComparer.Ordinal), words);
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

public class TopicTermsLabelTests
{
    [Fact]
    public void Words_kept_as_features_but_not_labels_never_name_a_topic()
    {
        // Two topics; "said" and "blair said" weigh most in topic 0 and "year" in topic 1, as reporting verbs and time
        // words do once scikit-learn's stop list keeps them as features.
        string[] terms = ["said", "blair said", "mr", "mr blair", "blair", "year", "match", "goal"];
        float[][] rows = [[9, 6, 5, 4, 3, 0, 0, 0], [0, 0, 0, 0, 0, 9, 4, 2]];
        var counts = rows.Select(r => new Microsoft.ML.Data.VBuffer<float>(r.Length, r)).ToList();
        var top = TopicTerms.Top(counts, terms, [0, 1], 2, 10);
        Assert.Equal(["mr blair", "blair"], top[0].Select(t => t.Term));
        Assert.Equal(["match", "goal"], top[1].Select(t => t.Term));
        Assert.Equal("mr blair", TopicTerms.Label(top[0], 3));
        // Without the label list the same counts would put "said" first: the filter, not the weights, keeps it out.
        Assert.True(TopicTerms.IsNotTerm("said") && TopicTerms.IsNotTerm("blair said") && TopicTerms.IsNotTerm("said blair"));
        Assert.False(TopicTerms.IsNotTerm("blair") || TopicTerms.IsNotTerm("mr blair") || TopicTerms.IsNotTerm("election"));
    }
}
