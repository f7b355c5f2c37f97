namespace NewsAnalysis.Tests;

/// <summary>One test per expression family of <see cref="TemporalExtractor"/>, plus the false friends.</summary>
public class TimelineExtractorTests
{
    // Wednesday 21 February 2018 (the publication date of seed 001).
    private static readonly DateTime Wed = new(2018, 2, 21);

    private static TemporalExpression One(string text, DateTime? anchor = null)
    {
        var found = TemporalExtractor.Extract(text, anchor ?? Wed);
        Assert.True(found.Count == 1, $"expected one expression in \"{text}\", found: " + string.Join(" | ", found.Select(f => f.Text)));
        Assert.Equal(found[0].Text, text.Substring(found[0].Offset, found[0].Length));
        return found[0];
    }

    /// <summary>The one expression of <paramref name="text"/> is <paramref name="expression"/>, covering start..end, with this granularity and basis.</summary>
    private static TemporalExpression Expect(string text, string expression, string start, string end, TimelineGranularity granularity, TimelineBasis basis)
    {
        var e = One(text);
        Assert.Equal(expression, e.Text);
        AssertDates(e, start, end);
        Assert.Equal(granularity, e.Granularity);
        Assert.Equal(basis, e.Basis);
        return e;
    }

    private static void AssertDates(TemporalExpression e, string start, string end)
    {
        Assert.Equal(DateTime.Parse(start), e.Start);
        Assert.Equal(DateTime.Parse(end), e.End);
    }

    [Theory]
    [InlineData("Lavrov arrived in Islamabad, Pakistan, April 7, 2021.", "April 7, 2021", "2021-04-07")]
    [InlineData("Published in Dawn, February 21st, 2018", "February 21st, 2018", "2018-02-21")]
    [InlineData("Published in Daily Times, April 25th 2018.", "April 25th 2018", "2018-04-25")]
    [InlineData("The deal was signed on 7 April 2021 in Moscow.", "on 7 April 2021", "2021-04-07")]
    [InlineData("It was agreed on the 18th of March 2019 here.", "18th of March 2019", "2019-03-18")]
    [InlineData("The accord dated Sept. 5, 2017 lapsed.", "Sept. 5, 2017", "2017-09-05")]
    [InlineData("Talks began on Tuesday, April 6, 2021, in Kabul.", "on Tuesday, April 6, 2021", "2021-04-06")]
    [InlineData("The file is stamped 2021-04-07.", "2021-04-07", "2021-04-07")]
    [InlineData("Relations changed after 9/11, he said.", "after 9/11", "2001-09-11")]
    [InlineData("He sang after the September 11 attacks in New York.", "September 11", "2001-09-11")]
    public void Timeline_full_dates_are_absolute_days(string text, string expression, string date)
    {
        var e = Expect(text, expression, date, date, TimelineGranularity.Day, TimelineBasis.Absolute);
        // The year is given, so no publication date is needed.
        Assert.Equal(e.Start, One(text, DateTime.MinValue).Start);
        Assert.Equal(e.Start, TemporalExtractor.Extract(text, null).Single().Start);
    }

    [Fact]
    public void Timeline_full_date_range_with_year()
    {
        var e = One("The summit ran March 1-3, 2021 in Geneva.");
        AssertDates(e, "2021-03-01", "2021-03-03");
        Assert.Equal(TimelineBasis.Absolute, e.Basis);
    }

    [Theory]
    [InlineData("They signed an accord in Nov 2014.", "in Nov 2014", "2014-11-01", "2014-11-30")]
    [InlineData("A deal came in February 2020.", "in February 2020", "2020-02-01", "2020-02-29")]
    [InlineData("Trade grew from Oct 2015 onwards.", "from Oct 2015", "2015-10-01", "2015-10-31")]
    [InlineData("Talks resume in early March 2019.", "in early March 2019", "2019-03-01", "2019-03-10")]
    [InlineData("It ended in late June, 2016.", "in late June, 2016", "2016-06-21", "2016-06-30")]
    [InlineData("An election was held in February of 1974.", "in February of 1974", "1974-02-01", "1974-02-28")]
    public void Timeline_month_and_year(string text, string expression, string start, string end)
    {
        Expect(text, expression, start, end, TimelineGranularity.Month, TimelineBasis.Absolute);
    }

    [Theory]
    [InlineData("The minister last visited in 2012.", "in 2012", "2012-01-01", "2012-12-31", TimelineGranularity.Year)]
    [InlineData("They fought in 2011 and 2012 alone.", "in 2011 and 2012", "2011-01-01", "2012-12-31", TimelineGranularity.Year)]
    [InlineData("Prices rose between 2001 and 2005.", "between 2001 and 2005", "2001-01-01", "2005-12-31", TimelineGranularity.Year)]
    [InlineData("Profits in the 2004-05 season fell.", "2004-05", "2004-01-01", "2005-12-31", TimelineGranularity.Year)]
    [InlineData("The resistance of the 1980s forced Moscow out.", "the 1980s", "1980-01-01", "1989-12-31", TimelineGranularity.Decade)]
    [InlineData("Growth slowed in the mid-1990s.", "mid-1990s", "1994-01-01", "1996-12-31", TimelineGranularity.Decade)]
    [InlineData("The 2005 election is near.", "2005", "2005-01-01", "2005-12-31", TimelineGranularity.Year)]
    public void Timeline_years_spans_and_decades(string text, string expression, string start, string end, TimelineGranularity granularity)
    {
        Expect(text, expression, start, end, granularity, TimelineBasis.Absolute);
    }

    [Fact]
    public void Timeline_a_year_then_a_count_is_not_a_span()
    {
        Assert.Equal(["in 2003", "last year"], TemporalExtractor.Extract("Films fell from 102 in 2003 to 81 last year.", Wed).Select(f => f.Text));
    }

    [Fact]
    public void Timeline_two_distant_years_joined_by_and_are_two_events()
    {
        var found = TemporalExtractor.Extract("He won in 1998 and 2004.", Wed);
        Assert.Equal(["in 1998", "2004"], found.Select(f => f.Text));
        Assert.Equal(new DateTime(2004, 12, 31), found[1].End);
    }

    [Fact]
    public void Timeline_since_a_year_runs_to_the_publication_date()
    {
        var e = One("They have held two drills since 2014.");
        Assert.Equal("since 2014", e.Text);
        AssertDates(e, "2014-01-01", "2018-02-21");
        Assert.Null(TemporalExtractor.Extract("They have held two drills since 2014.", null).Single().End);
    }

    [Theory]
    [InlineData("On January 1, Trump accused Islamabad.", "On January 1", "2018-01-01", "2018-01-01")]
    [InlineData("Troops must leave by May 1.", "by May 1", "2018-05-01", "2018-05-01")]
    [InlineData("On February 5-6, the capital hosted a conference.", "On February 5-6", "2018-02-05", "2018-02-06")]
    [InlineData("The talks will resume on 3 March.", "on 3 March", "2018-03-03", "2018-03-03")]
    [InlineData("The March 18 meeting is the next step.", "March 18", "2018-03-18", "2018-03-18")]
    public void Timeline_month_day_without_year_takes_the_nearest_year(string text, string expression, string start, string end)
    {
        Expect(text, expression, start, end, TimelineGranularity.Day, TimelineBasis.Relative);
    }

    [Fact]
    public void Timeline_month_day_moves_to_the_adjacent_year_when_the_context_says_so()
    {
        var jan = new DateTime(2018, 1, 10);
        // Past tense in a January story: December is last year's.
        Assert.Equal(new DateTime(2017, 12, 28), One("The deal was signed on December 28.", jan).Start);
        // Nearest occurrence without a tense clue: December 28 is 13 days before, not 11 months after.
        Assert.Equal(new DateTime(2017, 12, 28), One("The December 28 deal stands.", jan).Start);
        // Future tense in a December story: January is next year's.
        Assert.Equal(new DateTime(2019, 1, 15), One("Elections will be held on January 15.", new DateTime(2018, 12, 20)).Start);
        // Past tense pushes a later date of the year back a year.
        Assert.Equal(new DateTime(2017, 3, 18), One("The accord was signed on March 18.", new DateTime(2018, 2, 21)).Start);
    }

    [Theory]
    [InlineData("Pakistan and Russia on Tuesday announced a commission.", "on Tuesday", "2018-02-20")]
    [InlineData("Russia reaffirmed Wednesday it will enhance cooperation.", "Wednesday", "2018-02-21")]
    [InlineData("Lavrov said on Monday that talks went well.", "on Monday", "2018-02-19")]
    [InlineData("The ministers met last Wednesday.", "last Wednesday", "2018-02-14")]
    [InlineData("Envoys met on Thursday's summit sidelines.", "on Thursday", "2018-02-15")]
    [InlineData("The ministers will meet on Friday.", "on Friday", "2018-02-23")]
    [InlineData("They are due to sign the pact on Monday.", "on Monday", "2018-02-26")]
    [InlineData("The vote is next Wednesday.", "next Wednesday", "2018-02-28")]
    public void Timeline_weekdays_are_the_most_recent_unless_future(string text, string expression, string date)
    {
        Expect(text, expression, date, date, TimelineGranularity.Day, TimelineBasis.Relative);
    }

    [Theory]
    [InlineData("Spokesman told Sputnik in an interview yesterday.", "yesterday", "2018-02-20", "2018-02-20", TimelineGranularity.Day)]
    [InlineData("Today the talks end.", "Today", "2018-02-21", "2018-02-21", TimelineGranularity.Day)]
    [InlineData("The latest gathering happened last month in Moscow.", "last month", "2018-01-01", "2018-01-31", TimelineGranularity.Month)]
    [InlineData("Trade hit a high last year.", "last year", "2017-01-01", "2017-12-31", TimelineGranularity.Year)]
    [InlineData("Drills would take place this year.", "this year", "2018-01-01", "2018-12-31", TimelineGranularity.Year)]
    [InlineData("Talks are planned for next month.", "next month", "2018-03-01", "2018-03-31", TimelineGranularity.Month)]
    [InlineData("He visited last week.", "last week", "2018-02-12", "2018-02-18", TimelineGranularity.Week)]
    [InlineData("Prices rose earlier this year.", "earlier this year", "2018-01-01", "2018-02-21", TimelineGranularity.Year)]
    [InlineData("Russia has hosted meetings in recent months.", "in recent months", "2017-11-22", "2018-02-21", TimelineGranularity.Month)]
    [InlineData("Ties improved in the last 4 years.", "in the last 4 years", "2014-02-22", "2018-02-21", TimelineGranularity.Year)]
    [InlineData("The plant closed two years ago.", "two years ago", "2016-01-01", "2016-12-31", TimelineGranularity.Year)]
    public void Timeline_relative_words(string text, string expression, string start, string end, TimelineGranularity granularity)
    {
        Expect(text, expression, start, end, granularity, TimelineBasis.Relative);
    }

    [Theory]
    [InlineData("A conference is due to take place in March in Tashkent.", "in March", "2018-03-01", "2018-03-31")]
    [InlineData("Earlier in February, the minister visited Moscow.", "Earlier in February", "2018-02-01", "2018-02-28")]
    [InlineData("An attack came in mid-February in Kashmir.", "in mid-February", "2018-02-11", "2018-02-20")]
    [InlineData("The agreement lapsed last March.", "last March", "2017-03-01", "2017-03-31")]
    [InlineData("Troops stay until the end of May.", "end of May", "2018-05-21", "2018-05-31")]
    public void Timeline_month_alone_needs_a_preposition_and_takes_the_nearest_year(string text, string expression, string start, string end)
    {
        Expect(text, expression, start, end, TimelineGranularity.Month, TimelineBasis.Relative);
    }

    [Theory]
    [InlineData("May I ask a question?")]
    [InlineData("Officials may 1 day regret it.")]
    [InlineData("Theresa May said the talks failed.")]
    [InlineData("They worry about the march of ISIL in the north.")]
    [InlineData("Protesters plan to march on the capital.")]
    [InlineData("March on, said the general.")]
    [InlineData("Reuters 24/7 coverage of the talks.")]
    [InlineData("A 1,100-kilometer gas pipeline will be built.")]
    [InlineData("Trade hit an all-time high of $790 million, an increase of 46 percent.")]
    [InlineData("It can carry 12.4 billion cubic meters and cost 2 billion dollars.")]
    [InlineData("Russia supplied the COVID-19 vaccine Sputnik V and four Mi-35M helicopters.")]
    [InlineData("The firm cut 1900 jobs and paid £2000 each.")]
    [InlineData("Meetings are held on Tuesdays.")]
    [InlineData("The Sunday Times and the Mail on Sunday reported it, as did GMTV's Sunday programme.")]
    [InlineData("Markets crashed on Black Monday and shut for Good Friday.")]
    [InlineData("Imports fell from 102 in the first quarter to 81 later.")]
    public void Timeline_false_friends_are_not_dates(string text)
    {
        Assert.Empty(TemporalExtractor.Extract(text, Wed));
    }

    [Fact]
    public void Timeline_expressions_do_not_overlap_and_come_in_text_order()
    {
        var found = TemporalExtractor.Extract("On Tuesday, February 20, 2018, and in March, after the 1990s and since 2014, talks went on yesterday.", Wed);
        Assert.Equal(["On Tuesday, February 20, 2018", "in March", "after the 1990s", "since 2014", "yesterday"], found.Select(f => f.Text));
        for (int i = 1; i < found.Count; i++) Assert.True(found[i - 1].Offset + found[i - 1].Length <= found[i].Offset);
    }

    [Fact]
    public void Timeline_relative_expressions_without_anchor_have_no_dates()
    {
        foreach (var text in new[] { "He left on Tuesday.", "It happened last month.", "The deal was signed on March 18.", "He met them yesterday.", "Talks are due in March." })
        {
            var e = TemporalExtractor.Extract(text, null).Single();
            Assert.Equal(TimelineBasis.Relative, e.Basis);
            Assert.Null(e.Start);
            Assert.Null(e.End);
        }
    }

    // The families' expressions are generated at build time; they match as the runtime's own parse of the same pattern
    // and options does, on every text of the BBC set and the seeds, and a line for the families they do not reach.
    [Fact]
    public void The_generated_expressions_match_as_the_runtime_parse_of_their_patterns()
    {
        var texts = BbcSet.Read(TestData.BbcCsv ?? throw new InvalidOperationException("../shared/eval/bbc/bbc-news.csv is missing")).Select(r => r.Text)
            .Concat(TestData.Seeds.Articles.Select(a => a.Text))
            .Append("The deal was signed on 2021-04-07, twenty years after the 9/11 attacks and the September 11th hijackings.")
            .ToList();
        foreach (var (family, generated, _) in TemporalExtractor.FamilyPatterns)
        {
            var parsed = new System.Text.RegularExpressions.Regex(generated.ToString(), generated.Options);
            Assert.NotEqual(parsed.GetType(), generated.GetType());   // the generated class, not a runtime parse
            int matches = 0;
            foreach (var text in texts)
            {
                var expected = parsed.Matches(text).Select(m => (m.Index, m.Length, string.Join("|", m.Groups.Values.Select(g => g.Name + "=" + g.Value)))).ToList();
                var actual = generated.Matches(text).Select(m => (m.Index, m.Length, string.Join("|", m.Groups.Values.Select(g => g.Name + "=" + g.Value)))).ToList();
                Assert.Equal(expected, actual);
                matches += actual.Count;
            }
            Assert.True(matches > 0, $"{family}: no match in the BBC set");
        }
    }
}
