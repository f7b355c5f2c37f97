namespace NewsAnalysis.Tests;

/// <summary>Topics: the automatic k range is capped by the number of units, and a clamped or edge k is reported.</summary>
public class TopicsKNoteTests
{
    [Fact]
    public void Topics_automatic_range_is_capped_by_the_square_root_rule()
    {
        var options = TopicOptions.Default;
        Assert.Equal(2, TopicModeler.AutomaticMaxK(options, 5));      // √2.5 < 2: only k = 2
        Assert.Equal(2, TopicModeler.AutomaticMaxK(options, 3));
        Assert.Equal(5, TopicModeler.AutomaticMaxK(options, 50));     // √25
        Assert.Equal(7, TopicModeler.AutomaticMaxK(options, 127));    // √63.5 = 7.97
        Assert.Equal(10, TopicModeler.AutomaticMaxK(options, 2225));  // MaxK
        Assert.Equal(4, TopicModeler.AutomaticMaxK(options with { MaxK = 4 }, 2225));
    }

    [Fact]
    public void Topics_five_articles_auto_k_tries_only_k_2_and_says_so()
    {
        var model = TopicModeler.Fit(TestData.Seeds, new TopicOptions { Unit = TopicUnit.Article });
        Assert.Equal([2], model.KScores.Select(s => s.K));
        Assert.Equal(2, model.K);
        Assert.NotNull(model.KNote);
        Assert.Equal("automatic k = 2 is the only k tried: 5 units allow no more (at most √(units/2)); give k explicitly to compare others.", model.KNote);
    }

    [Fact]
    public void Topics_given_k_above_the_units_is_clamped_and_says_so()
    {
        var model = TopicModeler.Fit(TestData.Seeds, new TopicOptions { Unit = TopicUnit.Article, K = 50 });
        Assert.Equal(5, model.K);
        Assert.Equal("k = 50 asks for more topics than the 5 units with terms; k = 5 was used.", model.KNote);
        Assert.Null(TopicModeler.Fit(TestData.Seeds, new TopicOptions { Unit = TopicUnit.Article, K = 3 }).KNote);
    }

    [Fact]
    public void Topics_given_k_above_the_automatic_range_is_kept_when_the_units_allow_it()
    {
        // The count of distinct units (copies cannot be split) stops once it reaches the k asked for, not at MaxK + 1.
        var model = TopicModeler.Fit(TestData.Seeds, new TopicOptions { K = 12 });
        Assert.Equal(12, model.K);
        Assert.Null(model.KNote);
    }

    [Fact]
    public void Topics_cli_prints_the_note_on_stderr_only()
    {
        var (exit, output, error) = CliRunner.Run("topics", "--data", TestData.Articles, "--unit", "article", "--k", "50", "--summary", "--format", "csv", "--no-cache");
        Assert.Equal(0, exit);
        Assert.Equal("news topics: k = 50 asks for more topics than the 5 units with terms; k = 5 was used.", error.Trim());
        Assert.StartsWith("Topic,TopicLabel,Size,Share,TopTerms", output);
        Assert.Equal(6, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Topics_seed_paragraphs_auto_k_stays_inside_the_capped_range()
    {
        var (exit, _, error) = CliRunner.Run("topics", "--data", TestData.Articles, "--summary", "--format", "csv", "--no-cache");
        Assert.Equal(0, exit);
        var model = TopicModeler.Fit(TestData.Seeds);
        Assert.True(model.KScores[^1].K < 10, "the seed paragraphs no longer try k up to 10");
        Assert.Equal(model.KNote is null ? "" : $"news topics: {model.KNote}", error.Trim());
    }

    [Fact]
    public void Topics_on_a_corpus_without_units_is_one_line_and_exit_code_2()
    {
        using var dir = new CorpusTempFolder();
        dir.Write("empty.txt", "");
        var (exit, output, error) = CliRunner.Run("topics", "--data", dir.Path);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("news topics: Topic modelling needs at least one paragraph; the corpus has none.", error);
        Assert.DoesNotContain("Exception", error); // no stack trace
    }
}
