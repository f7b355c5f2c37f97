namespace NewsAnalysis.Tests;

/// <summary>
/// The seed checks of the timeline issue, on the seed articles' own sentences. The publication dates are given
/// explicitly here (the loader that infers them is built separately): 000 early 2018 (Davos, late January),
/// 001 Wed 2018-02-21, 002 Wed 2018-04-25, 003 Wed 2021-04-07, 004 early March 2019.
/// </summary>
public class TimelineSeedTests
{
    private static readonly DateTime Anchor000 = new(2018, 1, 25);
    private static readonly DateTime Anchor001 = new(2018, 2, 21);
    private static readonly DateTime Anchor002 = new(2018, 4, 25);
    private static readonly DateTime Anchor003 = new(2021, 4, 7);
    private static readonly DateTime Anchor004 = new(2019, 3, 5);

    /// <summary>The events of one seed article, resolved against <paramref name="anchor"/>.</summary>
    private static IReadOnlyList<TimelineEvent> Events(string prefix, DateTime? anchor) => TimelineEvents.FromArticle(TestData.Seed(prefix), anchor);

    private static TimelineEvent Single(IReadOnlyList<TimelineEvent> events, string expression, string evidence)
    {
        var matches = events.Where(e => e.Expression.EndsWith(expression, StringComparison.Ordinal) && e.Evidence.Contains(evidence, StringComparison.Ordinal)).ToList();
        Assert.True(matches.Count == 1, $"expected one event '{expression}' in a sentence with '{evidence}', found {matches.Count}: "
            + string.Join(" | ", events.Select(e => e.Expression)));
        return matches[0];
    }

    private static void AssertSpan(TimelineEvent e, string start, string end, TimelineGranularity granularity, TimelineBasis basis)
    {
        Assert.Equal(DateTime.Parse(start), e.Start);
        Assert.Equal(DateTime.Parse(end), e.End);
        Assert.Equal(granularity, e.Granularity);
        Assert.Equal(basis, e.Basis);
    }

    [Fact]
    public void Timeline_001_on_Tuesday_is_the_day_before_a_Wednesday_publication()
    {
        Assert.Equal(DayOfWeek.Wednesday, Anchor001.DayOfWeek);
        var e = Single(Events("001", Anchor001), "on Tuesday", "announced setting up of a commission");
        AssertSpan(e, "2018-02-20", "2018-02-20", TimelineGranularity.Day, TimelineBasis.Relative);
        Assert.Equal(0, e.Sentence);
        Assert.Equal("on Tuesday", TestData.Seed("001").Text.Substring(e.Offset, e.Length));
    }

    private static readonly Dictionary<string, DateTime> Anchors = new()
    {
        ["000"] = Anchor000, ["001"] = Anchor001, ["002"] = Anchor002, ["003"] = Anchor003, ["004"] = Anchor004,
    };

    [Theory]
    // 001, published Wednesday 2018-02-21
    [InlineData("001", "Nov 2014", "signed a defence cooperation", "2014-11-01", "2014-11-30", TimelineGranularity.Month, TimelineBasis.Absolute)]
    [InlineData("001", "Oct 2015", "inked military-technical", "2015-10-01", "2015-10-31", TimelineGranularity.Month, TimelineBasis.Absolute)]
    [InlineData("001", "the past four years", "six visits to Russia", "2014-02-22", "2018-02-21", TimelineGranularity.Year, TimelineBasis.Relative)]
    // 003, published Wednesday 2021-04-07
    [InlineData("003", "March 18", "described the March 18 Moscow meeting", "2021-03-18", "2021-03-18", TimelineGranularity.Day, TimelineBasis.Relative)]
    [InlineData("003", "February 2020", "landmark agreement", "2020-02-01", "2020-02-29", TimelineGranularity.Month, TimelineBasis.Absolute)]
    [InlineData("003", "Wednesday", "Russia reaffirmed Wednesday", "2021-04-07", "2021-04-07", TimelineGranularity.Day, TimelineBasis.Relative)]
    [InlineData("003", "last month", "The latest gathering happened", "2021-03-01", "2021-03-31", TimelineGranularity.Month, TimelineBasis.Relative)]
    [InlineData("003", "last year", "all-time high", "2020-01-01", "2020-12-31", TimelineGranularity.Year, TimelineBasis.Relative)]
    [InlineData("003", "recent months", "several Afghan peace meetings", "2021-01-08", "2021-04-07", TimelineGranularity.Month, TimelineBasis.Relative)]
    [InlineData("003", "in 2012", "last visited Pakistan", "2012-01-01", "2012-12-31", TimelineGranularity.Year, TimelineBasis.Absolute)]
    [InlineData("003", "the 1980s", "armed resistance", "1980-01-01", "1989-12-31", TimelineGranularity.Decade, TimelineBasis.Absolute)]
    // 000, published in late January 2018 (inferred)
    [InlineData("000", "January 1", "accused Islamabad", "2018-01-01", "2018-01-01", TimelineGranularity.Day, TimelineBasis.Relative)]
    [InlineData("000", "January 4", "Department of State", "2018-01-04", "2018-01-04", TimelineGranularity.Day, TimelineBasis.Relative)]
    [InlineData("000", "January 19", "Kamilov", "2018-01-19", "2018-01-19", TimelineGranularity.Day, TimelineBasis.Relative)]
    [InlineData("000", "in March", "due to take place", "2018-03-01", "2018-03-31", TimelineGranularity.Month, TimelineBasis.Relative)]
    [InlineData("000", "2011 and 2012", "fighting against terrorists", "2011-01-01", "2012-12-31", TimelineGranularity.Year, TimelineBasis.Absolute)]
    [InlineData("000", "this year", "joint drills would take place", "2018-01-01", "2018-12-31", TimelineGranularity.Year, TimelineBasis.Relative)]
    // 002, published Wednesday 2018-04-25
    [InlineData("002", "Earlier in February", "Khawaja Asif visited Moscow", "2018-02-01", "2018-02-28", TimelineGranularity.Month, TimelineBasis.Relative)]
    // 004, published in early March 2019 (inferred)
    [InlineData("004", "February 5-6", "intra-Afghan conference", "2019-02-05", "2019-02-06", TimelineGranularity.Day, TimelineBasis.Relative)]
    [InlineData("004", "mid-February", "deadly attack", "2019-02-11", "2019-02-20", TimelineGranularity.Month, TimelineBasis.Relative)]
    [InlineData("004", "last month", "Tensions between India and Pakistan", "2019-02-01", "2019-02-28", TimelineGranularity.Month, TimelineBasis.Relative)]
    [InlineData("004", "since 2014", "counter-terror drills", "2014-01-01", "2019-03-05", TimelineGranularity.Year, TimelineBasis.Absolute)]
    public void Timeline_seed_expression_resolves(string seed, string expression, string evidence, string start, string end, TimelineGranularity granularity, TimelineBasis basis)
    {
        AssertSpan(Single(Events(seed, Anchors[seed]), expression, evidence), start, end, granularity, basis);
    }

    [Fact]
    public void Timeline_003_May_1_is_the_2021_deadline_both_times()
    {
        var mayFirst = Events("003", Anchor003).Where(e => e.Expression == "by May 1").ToList();
        Assert.Equal(2, mayFirst.Count); // the deal's deadline and Biden's remark
        Assert.All(mayFirst, e => AssertSpan(e, "2021-05-01", "2021-05-01", TimelineGranularity.Day, TimelineBasis.Relative));
    }

    [Fact]
    public void Timeline_003_false_friends_in_the_text_give_no_event()
    {
        var article = TestData.Seed("003");
        var events = Events("003", Anchor003);
        foreach (var text in new[] { "march of ISIL", "1,100-kilometer", "$2 billion", "12.4 billion", "$790 million", "46 percent", "COVID-19", "Sputnik V" })
        {
            int at = article.Text.IndexOf(text, StringComparison.Ordinal);
            Assert.True(at >= 0, text);
            Assert.DoesNotContain(events, e => e.Offset < at + text.Length && at < e.Offset + e.Length);
        }
        // The pipeline sentence holds numbers but only one date word.
        var pipeline = article.Sentences.First(s => s.Text.Contains("1,100-kilometer", StringComparison.Ordinal));
        Assert.Equal(["Wednesday"], events.Where(e => e.Sentence == pipeline.Index).Select(e => e.Expression));
    }

    [Fact]
    public void Timeline_000_resolves_the_same_with_a_later_early_2018_anchor()
    {
        // The loader may infer a different day in early 2018; the January days must stay in 2018.
        var events = Events("000", new DateTime(2018, 2, 15));
        Assert.Equal(new DateTime(2018, 1, 1), Single(events, "January 1", "accused Islamabad").Start);
        Assert.Equal(new DateTime(2018, 1, 4), Single(events, "January 4", "Department of State").Start);
    }

    [Fact]
    public void Timeline_004_February_5_6_is_a_two_day_span_in_2019()
    {
        var e = Single(Events("004", Anchor004), "February 5-6", "intra-Afghan conference");
        Assert.Equal(2019, e.Start!.Value.Year);
        Assert.Equal(1, (e.End!.Value - e.Start.Value).Days);
        Assert.Equal("On February 5-6", TestData.Seed("004").Text.Substring(e.Offset, e.Length));
    }

    [Fact]
    public void Timeline_without_a_publication_date_relative_events_stay_unresolved()
    {
        var events = Events("003", null);
        var march18 = Single(events, "March 18", "described the March 18 Moscow meeting");
        Assert.Null(march18.Start);
        Assert.Null(march18.End);
        Assert.Equal(TimelineBasis.Relative, march18.Basis);
        Assert.All(events.Where(e => e.Basis == TimelineBasis.Relative), e => Assert.Null(e.Start));
        // Absolute ones are still dated.
        Assert.Equal(new DateTime(2020, 2, 1), Single(events, "February 2020", "landmark agreement").Start);
        var since = Single(Events("004", null), "since 2014", "counter-terror drills");
        Assert.Equal(new DateTime(2014, 1, 1), since.Start);
        Assert.Null(since.End); // runs to an unknown publication date
    }
}

/// <summary>Invariants of the events on the whole BBC set (2,225 articles, anchored on a fixed date).</summary>
public class TimelineBbcTests
{
    [Fact]
    public void Timeline_bbc_events_point_at_their_text_and_have_ordered_dates()
    {
        if (TestData.BbcCsv is not { } path) { Assert.Fail("../shared/eval/bbc/bbc-news.csv is missing"); return; }
        // Publication dates are not inferred here, so that every relative event resolves against the one fixed anchor.
        var corpus = Corpus.FromRecords(BbcSet.Read(path), new CorpusOptions { InferPublishedFromMentions = false });
        var anchor = new DateTime(2005, 6, 30);
        var events = TimelineEvents.FromCorpus(corpus, anchor);
        Assert.True(events.Count > 5000, $"only {events.Count} events");
        var byId = corpus.Articles.ToDictionary(a => a.Id);
        foreach (var e in events)
        {
            Assert.Equal(e.Expression, byId[e.ArticleId].Text.Substring(e.Offset, e.Length));
            Assert.NotNull(e.Start);
            Assert.True(e.Start <= e.End, $"{e.Expression}: {e.Start} > {e.End}");
            Assert.Equal(anchor, e.Anchor);
        }
        // Every family occurs in real news text.
        foreach (var family in Enum.GetValues<TemporalFamily>().Where(f => f is not TemporalFamily.IsoDate and not TemporalFamily.NamedDay))
            Assert.Contains(events, e => e.Family == family);
        // Relative events resolve within a few years of the anchor ("recent years", "the past 50 years" reach further back).
        Assert.All(events.Where(e => e.Basis == TimelineBasis.Relative && e.Family is TemporalFamily.Weekday or TemporalFamily.MonthDay or TemporalFamily.DayMonth),
            e => Assert.InRange(e.Start!.Value, anchor.AddYears(-1), anchor.AddYears(1)));
    }
}

/// <summary>The chronology view of the seed events.</summary>
public class TimelineChronologyTests
{
    [Fact]
    public void Timeline_chronology_orders_dated_events_and_folds_repeated_captions()
    {
        var events = TimelineEvents.FromArticle(TestData.Seed("003"), new DateTime(2021, 4, 7));
        var chronology = TimelineEvents.Chronology(events);
        var starts = Enumerable.Range(0, (int)chronology.Rows.Count).Select(i => (DateTime)chronology["Start"][i]).ToList();
        Assert.Equal(starts.Order().ToList(), starts);
        Assert.Equal(new DateTime(1980, 1, 1), starts[0]); // the 1980s come first
        // "by May 1" appears in two sentences of 003: one row, two mentions.
        var may1 = Enumerable.Range(0, (int)chronology.Rows.Count).Single(i => (string)chronology["Expression"][i] == "by May 1");
        Assert.Equal(2, (int)chronology["Mentions"][may1]);
        Assert.Equal(events.Select(e => (e.Expression, e.Start, e.End)).Distinct().Count(), (int)chronology.Rows.Count);
        // Without a publication date, 002's "on Tuesday" and "Earlier in February" have no dates and are left out
        // (its "Published in Daily Times, April 25th 2018" line is metadata, cleaned out of the text).
        var undated = TimelineEvents.Chronology(TimelineEvents.FromArticle(TestData.Seed("002"), null));
        Assert.Equal(0, undated.Rows.Count);
    }
}

/// <summary>The seed checks end to end: events resolved against the publication dates the corpus loader finds.</summary>
public class TimelineCorpusSeedTests
{
    private static readonly IReadOnlyList<TimelineEvent> Events = TimelineEvents.FromCorpus(TestData.Seeds);

    // The first event of the expression in the article; every other occurrence ("by May 1" twice in 003) resolves alike.
    private static TimelineEvent One(string seed, string expression)
    {
        var matches = Events.Where(e => e.ArticleId.StartsWith(seed, StringComparison.Ordinal) && e.Expression.EndsWith(expression, StringComparison.Ordinal))
            .OrderBy(e => e.Sentence).ToList();
        Assert.NotEmpty(matches);
        Assert.All(matches, m => Assert.Equal((matches[0].Start, matches[0].End), (m.Start, m.End)));
        return matches[0];
    }

    [Theory]
    [InlineData("001", "on Tuesday", "2018-02-20", "2018-02-20")]
    [InlineData("001", "Nov 2014", "2014-11-01", "2014-11-30")]
    [InlineData("001", "Oct 2015", "2015-10-01", "2015-10-31")]
    [InlineData("003", "March 18", "2021-03-18", "2021-03-18")]
    [InlineData("003", "May 1", "2021-05-01", "2021-05-01")]
    [InlineData("003", "February 2020", "2020-02-01", "2020-02-29")]
    [InlineData("004", "February 5-6", "2019-02-05", "2019-02-06")]
    public void Timeline_seed_checks_hold_with_the_loaders_publication_dates(string seed, string expression, string start, string end)
    {
        var e = One(seed, expression);
        Assert.Equal(DateTime.Parse(start), e.Start);
        Assert.Equal(DateTime.Parse(end), e.End);
    }

    [Fact]
    public void Timeline_000_January_dates_fall_in_2018_with_the_inferred_publication_date()
    {
        var seed = TestData.Seeds.Articles.Single(a => a.Id.StartsWith("000", StringComparison.Ordinal));
        Assert.Equal(PublishedBasis.Inferred, seed.PublishedBasis);
        Assert.Equal(new DateTime(2018, 1, 1), One("000", "January 1").Start);
        Assert.Equal(new DateTime(2018, 1, 4), One("000", "January 4").Start);
    }
}
