namespace NewsAnalysis.Tests;

/// <summary>Conservative, audited cleaning of the seeds and of small made-up texts.</summary>
public class CorpusCleaningTests
{
    [Fact]
    public void Site_chrome_and_size_picker_are_dropped_and_recorded()
    {
        var a = TestData.Seed("003");
        Assert.DoesNotContain("Accessibility links", a.Text);
        Assert.DoesNotContain("Breaking News", a.Text);
        Assert.False(a.Text.TrimEnd().EndsWith("LG", StringComparison.Ordinal));
        var changes = TestData.Seeds.Changes.Where(c => c.ArticleId == a.Id && c.Kind == "drop-chrome").Select(c => c.Before).ToList();
        Assert.Contains("Accessibility links", changes);
        Assert.Contains("XS SM MD LG", changes);
    }

    [Fact]
    public void Captions_stay_out_of_the_body()
    {
        Assert.DoesNotContain("[image:", TestData.Seed("000").Text);
        Assert.DoesNotContain("Sections of gas pipes", TestData.Seed("000").Text);
        Assert.Contains("The US decision to suspend financial aid", TestData.Seed("000").Text);   // text after the marker is kept
        Assert.DoesNotContain("—Reuters", TestData.Seed("001").Text);
        var voa = TestData.Seed("003").Text;
        Assert.DoesNotContain("Handout via Reuters", voa);
        Assert.DoesNotContain("FILE -", voa);
        Assert.DoesNotContain("Sergey Lavrov, April 7, 2021.", voa);
        Assert.Contains("Russia reaffirmed Wednesday", voa);
    }

    [Fact]
    public void Dropped_captions_are_kept_on_the_article_once_each()
    {
        var voa = TestData.Seed("003").Captions;
        Assert.Equal(5, voa.Count);
        Assert.Contains("Russia's Foreign Minister Sergey Lavrov, April 7, 2021.", voa);
        Assert.Equal(voa.Count, voa.Distinct().Count());
        Assert.StartsWith("MOSCOW: Foreign Minister Khawaja Asif", Assert.Single(TestData.Seed("001").Captions));
        Assert.Equal("Sections of gas pipes are seen at the start of construction on a pipeline to transfer natural gas to Pakistan.", Assert.Single(TestData.Seed("000").Captions));
    }

    [Fact]
    public void Link_placeholders_and_published_lines_are_removed()
    {
        Assert.DoesNotContain("<link>", TestData.Seed("000").Text);
        Assert.Contains("fighting against terrorists in our border areas", TestData.Seed("000").Text);
        Assert.DoesNotContain("Published in", TestData.Seed("001").Text);
        Assert.DoesNotContain("Published in", TestData.Seed("002").Text);
    }

    [Fact]
    public void Headline_is_not_repeated_in_the_body()
    {
        var a = TestData.Seed("000");
        Assert.DoesNotContain(a.Title, a.Text);
        Assert.StartsWith("DAVOS (Sputnik)", a.Text);
    }

    [Theory]
    [InlineData("with Russia", "withRussia")]
    [InlineData("told Sputnik in an interview", "Sputniklink")]
    [InlineData("We would welcome", "Wewould")]
    [InlineData("Afghan diaspora", "Afghandiaspora")]
    [InlineData("agenda of the talks", "thetalks")]
    [InlineData("on the rise. Russia has agreed", "rise.Russia")]
    [InlineData("anti-tank missiles", "tankmissiles")]
    public void Glued_words_in_004_are_repaired(string expected, string glued)
    {
        var a = TestData.Seed("004");
        Assert.Contains(expected, a.Text);
        Assert.DoesNotContain(glued, a.Text);
        Assert.Contains(TestData.Seeds.Changes, c => c.ArticleId == a.Id && c.Before.StartsWith(glued[..4], StringComparison.Ordinal));
    }

    [Fact]
    public void Real_words_are_not_split()
    {
        // Words the seeds and BBC texts use whole: compounds, inflections, names, brands.
        var text = "Another counterterrorism drill was codenamed Friendship. Nevertheless the policymakers cannot say whether " +
                   "Newcastle, Blackburn, TimeWarner, iPhone and McDonald outperformed the broadband market within Mothercare.";
        var corpus = Corpus.FromRecords([new ArticleRecord("x", "x", "Title line\n\n" + text)]);
        Assert.Equal(text, corpus.Articles[0].Text);
        Assert.DoesNotContain(corpus.Changes, c => c.Kind == "split-glued-word");
    }

    [Fact]
    public void Glued_words_in_an_article_are_split_when_the_corpus_knows_the_parts()
    {
        var corpus = Corpus.FromRecords([
            new ArticleRecord("a", "a", "Headline here\n\nThe minister met thetalks team inthe capital withRussia and said Wewould return."),
            new ArticleRecord("b", "b", "Other news\n\nRussia and the talks team met again. Russia hosted talks."),
        ]);
        Assert.Equal("The minister met the talks team in the capital with Russia and said We would return.", corpus.Articles[0].Text);
        Assert.Equal(4, corpus.Changes.Count(c => c.ArticleId == "a" && c.Kind == "split-glued-word"));
    }

    [Fact]
    public void Glued_word_repair_can_be_turned_off()
    {
        var corpus = Corpus.Load(TestData.Articles, new CorpusOptions { RepairGluedWords = false });
        Assert.Contains("withRussia", corpus.Articles.Single(a => a.Id.StartsWith("004", StringComparison.Ordinal)).Text);
    }

    [Fact]
    public void Every_change_names_an_article_of_the_corpus()
    {
        var ids = TestData.Seeds.Articles.Select(a => a.Id).ToHashSet();
        Assert.NotEmpty(TestData.Seeds.Changes);
        Assert.All(TestData.Seeds.Changes, c => Assert.Contains(c.ArticleId, ids));
        Assert.Equal(TestData.Seeds.Changes.Count, TestData.Seeds.ChangeFrame().Rows.Count);
    }

    [Fact]
    public void Mojibake_is_repaired_and_recorded()
    {
        var corpus = Corpus.FromRecords([new ArticleRecord("m", "m", "Costs\n\nIt could cost Â£80m, he said. Itâ€™s a lot.")]);
        Assert.Contains("It could cost £80m", corpus.Articles[0].Text);
        Assert.Contains("It’s a lot.", corpus.Articles[0].Text);
        Assert.Equal(2, corpus.Changes.Count(c => c.Kind == "fix-mojibake"));
    }

    [Fact]
    public void Near_duplicates_are_flagged_and_distinct_articles_are_not()
    {
        var seeds = TestData.Seeds.Articles;
        Assert.Empty(TestData.Seeds.NearDuplicates);
        var copy = seeds[1].Text.Replace("Mr Asif is on a four-day visit to Moscow.", "Mr Asif is visiting Moscow.");
        var corpus = Corpus.FromRecords([
            new ArticleRecord("orig", "orig", seeds[1].Text),
            new ArticleRecord("other", "other", seeds[2].Text),
            new ArticleRecord("copy", "copy", copy),
        ]);
        var pair = Assert.Single(corpus.NearDuplicates);
        Assert.Equal(("orig", "copy"), (pair.ArticleId, pair.DuplicateId));
        Assert.InRange(pair.Similarity, 0.8, 1.0);
        Assert.Equal("orig", corpus.Articles[2].DuplicateOf);
        Assert.Null(corpus.Articles[1].DuplicateOf);
        Assert.Equal(1, corpus.NearDuplicateFrame().Rows.Count);
    }

    [Fact]
    public void Bbc_exact_repeats_are_flagged_as_near_duplicates()
    {
        if (TestData.BbcCsv is not { } path) { Assert.Fail("../shared/eval/bbc/bbc-news.csv is missing"); return; }
        var records = BbcSet.Read(path);
        // Texts that occur more than once in the set, counted independently of the detector.
        int repeats = records.GroupBy(r => r.Text, StringComparer.Ordinal).Sum(g => g.Count() - 1);
        Assert.True(repeats > 0);
        var corpus = Corpus.FromRecords(records);
        int flagged = corpus.Articles.Count(a => a.DuplicateOf is not null);
        Assert.True(flagged >= repeats, $"{flagged} flagged, {repeats} exact repeats");
    }
}

public class CorpusParagraphTests
{
    [Theory]
    [InlineData("001", 16)]   // one paragraph per line, "Published in" line dropped, caption dropped
    [InlineData("002", 15)]
    [InlineData("004", 11)]   // one paragraph per line although the file ends with blank lines
    public void Line_separated_seeds_have_one_paragraph_per_line(string id, int paragraphs)
    {
        var a = TestData.Seed(id);
        var path = Directory.GetFiles(TestData.Articles, id + "_*.txt").Single();
        var nonBlank = File.ReadAllLines(path).Count(l => l.Trim().Length > 0);
        Assert.Equal(paragraphs, a.Paragraphs.Count);
        Assert.InRange(nonBlank - a.Paragraphs.Count, 0, 2);
    }

    [Fact]
    public void Blank_line_separated_text_joins_wrapped_lines()
    {
        var corpus = Corpus.FromRecords([new ArticleRecord("w", "w", "A headline\n\nFirst line of a paragraph\nwrapped here.\n\nSecond paragraph.\n\n\n")]);
        Assert.Equal("First line of a paragraph wrapped here.\n\nSecond paragraph.", corpus.Articles[0].Text);
    }
}

public class CorpusGluedPunctuationTests
{
    [Fact]
    public void A_glued_word_before_a_glued_full_stop_gets_both_repairs_in_order()
    {
        var corpus = Corpus.FromRecords([new ArticleRecord("g", "g", "Headline\n\nThey met inthe talks. It ended in thecapital.Russia agreed and thetalks went on.")]);
        Assert.Equal("They met in the talks. It ended in the capital. Russia agreed and the talks went on.", corpus.Articles[0].Text);
    }
}
