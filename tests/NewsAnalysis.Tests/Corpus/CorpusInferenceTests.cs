using System.Globalization;
namespace NewsAnalysis.Tests;

/// <summary>Title, source, dateline and publication date inferred from the seed articles by the rules in data/corpus.</summary>
public class CorpusInferenceTests
{
    [Theory]
    [InlineData("000", "Sputnik", "DAVOS")]
    [InlineData("001", "Dawn", "ISLAMABAD")]
    [InlineData("002", "Daily Times", "ISLAMABAD")]
    [InlineData("003", "VOA", null)]
    [InlineData("004", "Sputnik", "RAWALPINDI")]
    public void Source_and_dateline_of_each_seed(string id, string source, string? dateline)
    {
        var a = TestData.Seed(id);
        Assert.Equal(source, a.Source);
        Assert.Equal(dateline, a.Dateline);
        Assert.False(string.IsNullOrEmpty(a.SourceEvidence));
    }

    [Fact]
    public void Source_evidence_says_where_it_was_read()
    {
        Assert.Contains("DAVOS (Sputnik)", TestData.Seed("000").SourceEvidence);
        Assert.Contains("Published in Dawn, February 21st, 2018", TestData.Seed("001").SourceEvidence);
        Assert.Contains("told Sputnik", TestData.Seed("004").SourceEvidence);
        Assert.StartsWith("site template", TestData.Seed("003").SourceEvidence);
    }

    [Fact]
    public void A_photo_credit_is_not_the_source()
    {
        // 003 carries "(Ministry of Foreign Affairs/Handout via Reuters)" and mentions the Sputnik vaccine.
        var a = TestData.Seed("003");
        Assert.NotEqual("Reuters", a.Source);
        Assert.NotEqual("Sputnik", a.Source);
    }

    [Theory]
    [InlineData("001", 2018, 2, 21, PublishedBasis.Stated)]
    [InlineData("002", 2018, 4, 25, PublishedBasis.Stated)]
    [InlineData("003", 2021, 4, 7, PublishedBasis.Stated)]
    public void Stated_dates(string id, int y, int m, int d, PublishedBasis basis)
    {
        var a = TestData.Seed(id);
        Assert.Equal(new DateTime(y, m, d), a.Published);
        Assert.Equal(basis, a.PublishedBasis);
        Assert.False(string.IsNullOrEmpty(a.PublishedEvidence));
    }

    [Fact]
    public void Dated_photo_caption_dates_003_and_file_photos_do_not()
    {
        var a = TestData.Seed("003");
        Assert.StartsWith("photo caption", a.PublishedEvidence);
        Assert.DoesNotContain("FILE", a.PublishedEvidence);
    }

    [Theory]
    [InlineData("000", 2018)]
    [InlineData("004", 2019)]
    public void Sputnik_dates_are_inferred_early_in_the_year(string id, int year)
    {
        var a = TestData.Seed(id);
        Assert.Equal(PublishedBasis.Inferred, a.PublishedBasis);
        Assert.NotNull(a.Published);
        Assert.Equal(year, a.Published!.Value.Year);
        Assert.InRange(a.Published.Value.Month, 1, 4);
        Assert.StartsWith("latest date mentioned", a.PublishedEvidence);
    }

    [Fact]
    public void Inference_from_mentions_can_be_turned_off()
    {
        var corpus = Corpus.Load(TestData.Articles, new CorpusOptions { InferPublishedFromMentions = false });
        Assert.Equal([PublishedBasis.Unknown, PublishedBasis.Stated, PublishedBasis.Stated, PublishedBasis.Stated, PublishedBasis.Unknown],
            corpus.Articles.Select(a => a.PublishedBasis));
    }

    [Fact]
    public void Headline_titles_skip_chrome_captions_and_duplicates()
    {
        Assert.Equal("Pakistan decides to take military relations with Russia to a new era: Report", TestData.Seed("000").Title);
        Assert.Equal("headline", TestData.Seed("000").TitleBasis);
        Assert.Equal("Russia, Pakistan Agree to Boost Military Cooperation Against Terror, Sea Piracy", TestData.Seed("003").Title);
        Assert.Equal("headline", TestData.Seed("003").TitleBasis);
    }

    [Theory]
    [InlineData("001", "Pakistan and Russia on Tuesday announced")]
    [InlineData("002", "Russian authorities said on Tuesday")]
    [InlineData("004", "Pakistan is negotiating defense industry cooperation with Russia")]
    public void Without_a_headline_the_title_is_the_lead_sentence_marked_as_such(string id, string start)
    {
        var a = TestData.Seed(id);
        Assert.Equal("lead-sentence", a.TitleBasis);
        Assert.StartsWith(start, a.Title);
        Assert.DoesNotContain("MOSCOW", a.Title);          // 001's first line is a photo caption
        Assert.DoesNotContain(":", a.Title[..Math.Min(12, a.Title.Length)]);   // dateline removed
        Assert.True(a.Title.Split(' ').Length <= CorpusRules.Default.Title.LeadWords);
    }

    [Fact]
    public void Rules_parse_dates_with_ordinals_and_without_commas()
    {
        var rules = CorpusRules.Default;
        Assert.Equal(new DateTime(2018, 2, 21), rules.ParseDate("February 21st, 2018"));
        Assert.Equal(new DateTime(2018, 4, 25), rules.ParseDate("April 25th 2018."));
        Assert.Equal(new DateTime(2021, 4, 7), rules.ParseDate("2021-04-07"));
        Assert.Null(rules.ParseDate("next Tuesday"));
    }

    [Fact]
    public void Iso_dates_parse_as_the_date_formats_parse_them()
    {
        const DateTimeStyles styles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal;
        DateTime? Reference(CorpusRules rules, string text) =>
            DateTime.TryParseExact(text.Trim().TrimEnd('.'), rules.DateFormats.ToArray(), CultureInfo.InvariantCulture, styles, out var d) ? d : null;
        var texts = Enumerable.Range(0, 800).Select(d => new DateTime(2003, 12, 1).AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Concat(["2005-02-29", "2004-02-29", "2005-13-01", "2005-00-10", "2005-04-31", "0000-01-01", "0001-01-01", "9999-12-31",
                " 2005-01-01. ", "2005 - 01 -  01", "2005-01-01\t", "2005-1-01", "2005/01/01", "2005-01-0a", "\uFF12005-01-01", "2005-01-01T10:00:00", "12005-01-01"]);
        var isoLater = CorpusRules.Parse("dateFormats:\n  - yyyy-dd-MM\n  - yyyy-MM-dd\n");
        foreach (var rules in new[] { CorpusRules.Default, isoLater })
            foreach (var text in texts)
            {
                var (expected, actual) = (Reference(rules, text), rules.ParseDate(text));
                Assert.True(expected == actual, $"{text}: {expected:o} expected, {actual:o} read");
                Assert.Equal(expected?.Kind, actual?.Kind);
            }
        Assert.Equal(new DateTime(2005, 4, 3), isoLater.ParseDate("2005-03-04"));   // the earlier format wins, as before
    }

    [Fact]
    public void A_small_load_s_interpreted_patterns_clean_as_a_big_load_s_compiled_ones()
    {
        var rules = CorpusRules.Default;
        var (few, many) = (rules.Patterns(1), rules.Patterns(CorpusRules.CompiledPatternsFrom));
        Assert.All(few.Captions.Concat(few.Stated).Concat(few.Outlets), r => Assert.False(r.Options.HasFlag(System.Text.RegularExpressions.RegexOptions.Compiled)));
        Assert.All(many.Captions.Concat(many.Stated).Concat(many.Outlets), r => Assert.True(r.Options.HasFlag(System.Text.RegularExpressions.RegexOptions.Compiled)));
        var records = new List<ArticleRecord>();
        foreach (var file in Directory.GetFiles(TestData.Articles).Order(StringComparer.Ordinal)) Corpus.ReadFile(file, CorpusOptions.Default, records, []);
        if (TestData.BbcCsv is { } bbc) records.AddRange(BbcSet.Read(bbc).Where((_, i) => i % 10 == 0));
        Assert.True(records.Count > 200);
        var (interpreted, compiled) = (new ArticleBuilder(rules, null, true, 1), new ArticleBuilder(rules, null, true, CorpusRules.CompiledPatternsFrom));
        foreach (var record in records)
        {
            var (changesA, changesB) = (new List<CleaningChange>(), new List<CleaningChange>());
            var (a, b) = (interpreted.Process(record, null, changesA), compiled.Process(record, null, changesB));
            Assert.Equal((a.Text, a.Title, a.Source, a.Dateline, a.Published, a.PublishedBasis, a.PublishedEvidence, a.SourceEvidence, a.TitleBasis),
                (b.Text, b.Title, b.Source, b.Dateline, b.Published, b.PublishedBasis, b.PublishedEvidence, b.SourceEvidence, b.TitleBasis));
            Assert.Equal(a.Captions, b.Captions);
            Assert.Equal(changesA, changesB);
        }
        Assert.Contains(records.Select(r => interpreted.Process(r, null, [])), a => a.PublishedBasis == PublishedBasis.Stated && a.Source is not null);
    }

    [Fact]
    public void The_shipped_rules_file_is_read_whole()
    {
        var rules = CorpusRules.Default;
        Assert.Contains("Accessibility links", rules.ChromeLines);
        Assert.Equal(["XS", "SM", "MD", "LG"], rules.ChromeRuns.Single());
        Assert.Contains("Former", rules.Title.LeadOpeners);
        Assert.Contains("Sputnik", rules.Outlets);
        Assert.Contains(rules.Events, e => e.Date == new DateTime(2019, 2, 6));
        Assert.Contains("the", rules.FunctionWords);
        Assert.Equal("VOA", rules.SiteTemplates.Single().Source);
    }

    [Fact]
    public void Custom_rules_change_inference_without_code()
    {
        var yaml = File.ReadAllText(Path.Combine(TestData.Root, "data", "corpus", "corpus-rules.yaml"))
            .Replace("  - source: VOA", "  - source: Voice of America");
        var corpus = Corpus.Load(TestData.Articles, new CorpusOptions { Rules = CorpusRules.Parse(yaml) });
        Assert.Equal("Voice of America", corpus.Articles.Single(a => a.Id.StartsWith("003", StringComparison.Ordinal)).Source);
    }

    [Fact]
    public void Custom_date_formats_apply_to_html_meta_dates_too()
    {
        // "21.02.2018" is in no shipped date format; a rules file adding dd.MM.yyyy makes it readable in every format.
        var yaml = File.ReadAllText(Path.Combine(TestData.Root, "data", "corpus", "corpus-rules.yaml"))
            .Replace("dateFormats:\n", "dateFormats:\n  - dd.MM.yyyy\n");
        using var dir = new CorpusTempFolder();
        dir.Write("a.html", "<html><head><meta property=\"article:published_time\" content=\"21.02.2018\"></head>"
            + "<body><article><h1>Talks</h1><p>Pakistan and Russia agreed to expand military cooperation.</p></article></body></html>");
        Assert.Null(Corpus.Load(dir.Path).Articles.Single().Published);
        var custom = Corpus.Load(dir.Path, new CorpusOptions { Rules = CorpusRules.Parse(yaml) }).Articles.Single();
        Assert.Equal(new DateTime(2018, 2, 21), custom.Published);
        Assert.Equal(PublishedBasis.Metadata, custom.PublishedBasis);
    }

    [Fact]
    public void Bbc_texts_get_a_glued_headline_title_shorter_than_the_text()
    {
        if (TestData.BbcCsv is not { } path) { Assert.Fail("../shared/eval/bbc/bbc-news.csv is missing"); return; }
        var corpus = Corpus.FromRecords(BbcSet.Read(path).Take(50));
        Assert.All(corpus.Articles, a =>
        {
            Assert.Equal("glued-headline", a.TitleBasis);
            Assert.StartsWith(a.Title, a.Text);
            Assert.InRange(a.Title.Split(' ').Length, 2, 12);
        });
        // The first BBC row opens "Sella wants Michalak recall Former France centre ...".
        Assert.Equal("Sella wants Michalak recall", corpus.Articles[0].Title);
    }
}

public class CorpusProvenanceFrameTests
{
    [Fact]
    public void Provenance_frame_lists_each_inference_with_its_evidence()
    {
        var frame = TestData.Seeds.ProvenanceFrame();
        Assert.Equal(["Id", "Title", "TitleBasis", "Source", "SourceEvidence", "Dateline", "Published", "PublishedBasis", "PublishedEvidence"],
            frame.Columns.Select(c => c.Name));
        Assert.Equal(5, frame.Rows.Count);
        Assert.Equal("Published in Daily Times, April 25th 2018.", frame.Columns["PublishedEvidence"][2]);
        Assert.Equal("stated", frame.Columns["PublishedBasis"][2]);
    }
}
