using System.Text.Json;
using Microsoft.Data.Analysis;
using Plotly.NET;

namespace NewsAnalysis.Tests;

/// <summary>Shape of the timeline charts: traces, x values, hover text, gaps.</summary>
public class TimelineChartsTests
{
    private static JsonElement Figure(GenericChart chart) => JsonDocument.Parse(GenericChart.toFigureJson(chart)).RootElement;

    private static List<JsonElement> Traces(GenericChart chart) => Figure(chart).GetProperty("data").EnumerateArray().ToList();

    private static string?[] Values(JsonElement trace, string name) =>
        trace.GetProperty(name).EnumerateArray().Select(v => v.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.Number => v.GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            _ => v.ToString(),
        }).ToArray();

    private static string Joined(JsonElement trace, string name) => string.Join("|", Values(trace, name).Select(v => v ?? "∅"));

    private static string Title(GenericChart chart) => Figure(chart).GetProperty("layout").GetProperty("title").GetProperty("text").GetString()!;

    private static DataFrame PublicationFrame() => new(
        new StringDataFrameColumn("ArticleId", ["001", "003", "000", "004", "005"]),
        new StringDataFrameColumn("Title", ["Pakistan, Russia set up commission", "Russia, Pakistan agree", "Military relations <new era>", "Defence talks", "Undated"]),
        new StringDataFrameColumn("Source", ["Dawn", "VOA", "Sputnik", "Sputnik", null]),
        new DateTimeDataFrameColumn("Published", [new DateTime(2018, 2, 21), new DateTime(2021, 4, 7), new DateTime(2018, 1, 25), new DateTime(2019, 3, 5), null]),
        new StringDataFrameColumn("PublishedBasis", ["stated", "stated", "inferred", "inferred", "unknown"]));

    [Fact]
    public void Timeline_publications_draw_inferred_dates_hollow_and_count_the_undated()
    {
        var chart = TimelineCharts.Publications(PublicationFrame());
        var traces = Traces(chart);
        Assert.Equal(2, traces.Count);
        var stated = traces.Single(t => t.GetProperty("name").GetString() == "stated date");
        var inferred = traces.Single(t => t.GetProperty("name").GetString() == "inferred date");
        Assert.Equal("2018-02-21|2021-04-07", Joined(stated, "x"));
        Assert.Equal("Dawn|VOA", Joined(stated, "y"));
        Assert.Equal("2018-01-25|2019-03-05", Joined(inferred, "x"));
        Assert.Equal("circle", stated.GetProperty("marker").GetProperty("symbol").GetString());
        Assert.Equal("circle-open", inferred.GetProperty("marker").GetProperty("symbol").GetString());
        var hover = Values(inferred, "hovertext")[0]!;
        Assert.Contains("Military relations &lt;new era&gt;", hover); // escaped: hover text is HTML
        Assert.Contains("Sputnik · 2018-01-25 (inferred)", hover);
        Assert.Contains("1 undated not shown", Title(chart));
        Assert.Equal("date", Figure(chart).GetProperty("layout").GetProperty("xaxis").GetProperty("type").GetString());
    }

    [Fact]
    public void Timeline_events_chart_has_one_colour_per_article_and_spans_as_segments()
    {
        var seeds = TestData.Seeds;
        var anchors = new Dictionary<string, DateTime> { ["001"] = new(2018, 2, 21), ["004"] = new(2019, 3, 5) };
        var events = seeds.Articles.Where(a => anchors.ContainsKey(a.Id[..3]))
            .SelectMany(a => TimelineEvents.FromArticle(a, anchors[a.Id[..3]])).ToList();
        var chart = TimelineCharts.Events(TimelineEvents.ToFrame(events));
        var traces = Traces(chart);
        var id001 = TestData.Seed("001").Id;
        var id004 = TestData.Seed("004").Id;
        // 001 has a day event (on Tuesday) and spans (Nov 2014, Oct 2015, the past four years); 004 a day (yesterday) and spans
        // (February 5-6, since 2014, last month, ...).
        Assert.Equal([id001, id001, id004, id004], traces.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(["markers", "lines", "markers", "lines"], traces.Select(t => t.GetProperty("mode").GetString()));
        Assert.False(traces[1].GetProperty("showlegend").GetBoolean()); // 001's spans share the legend entry of its days
        Assert.True(!traces[2].TryGetProperty("showlegend", out var shown) || shown.GetBoolean()); // 004's days carry its entry
        Assert.False(traces[3].GetProperty("showlegend").GetBoolean());
        var days001 = traces[0];
        Assert.Equal("2018-02-20", Joined(days001, "x")); // on Tuesday
        Assert.Equal(["circle-open"], days001.GetProperty("marker").GetProperty("symbol").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains("announced setting up of a commission", Values(days001, "hovertext")[0]);
        var spans001 = traces[1];
        var x = Values(spans001, "x");
        Assert.Equal(0, x.Length % 3);
        Assert.All(Enumerable.Range(0, x.Length / 3), k => Assert.Null(x[3 * k + 2])); // a gap after every segment
        Assert.Contains("2014-11-01", x);
        Assert.Contains("2014-11-30", x);
        Assert.Equal(days001.GetProperty("marker").GetProperty("color").GetString(), spans001.GetProperty("line").GetProperty("color").GetString());
        Assert.NotEqual(days001.GetProperty("marker").GetProperty("color").GetString(), traces[3].GetProperty("line").GetProperty("color").GetString());
        Assert.Contains(Values(traces[3], "hovertext"), h => h is not null && h.Contains("February 5-6") && h.Contains("2019-02-05 to 2019-02-06"));
    }

    [Fact]
    public void Timeline_events_chart_leaves_out_and_counts_unresolved_events()
    {
        var events = TimelineEvents.FromArticle(TestData.Seed("003"), null);
        int unresolved = events.Count(e => e.Start is null);
        Assert.True(unresolved > 0);
        var chart = TimelineCharts.Events(TimelineEvents.ToFrame(events));
        Assert.Contains($"{unresolved} without a known date", Title(chart));
        int drawn = Traces(chart).Sum(t => Values(t, "x").Count(v => v is not null));
        int dated = events.Count(e => e.Start is not null);
        Assert.Equal(dated, Traces(chart).Where(t => t.GetProperty("mode").GetString() == "markers").Sum(t => Values(t, "x").Length)
            + Traces(chart).Where(t => t.GetProperty("mode").GetString() == "lines").Sum(t => Values(t, "x").Length / 3));
        Assert.True(drawn >= dated);
    }

    private static DataFrame SentimentFrame() => new(
        new StringDataFrameColumn("ArticleId", ["a", "b", "c", "d", "e"]),
        new DateTimeDataFrameColumn("Published", [new DateTime(2018, 1, 25), new DateTime(2018, 1, 30), new DateTime(2018, 4, 25), null, new DateTime(2018, 2, 21)]),
        new DoubleDataFrameColumn("Compound", [0.5, -0.1, 0.3, 0.9, 0.2]));

    [Fact]
    public void Timeline_tone_over_time_breaks_the_mean_line_at_empty_months()
    {
        var traces = Traces(TimelineCharts.ToneOverTime(SentimentFrame(), TimelinePeriod.Month));
        Assert.Equal(2, traces.Count);
        Assert.Equal("2018-01-25|2018-01-30|2018-02-21|2018-04-25", Joined(traces[0], "x")); // undated d left out
        Assert.Equal("0.5|-0.1|0.2|0.3", Joined(traces[0], "y"));
        var mean = traces[1];
        Assert.Equal("2018-01-01|2018-02-01|2018-03-01|2018-04-01", Joined(mean, "x"));
        Assert.Equal("0.2|0.2|∅|0.3", Joined(mean, "y")); // March has no article: a gap, not interpolated
        Assert.False(mean.GetProperty("connectgaps").GetBoolean());
    }

    [Fact]
    public void Timeline_entity_tone_takes_dates_from_the_article_frame_and_keeps_the_top_entities()
    {
        var entity = new DataFrame(
            new StringDataFrameColumn("ArticleId", ["a", "b", "c", "a", "c", "e"]),
            new StringDataFrameColumn("Entity", ["Russia", "Russia", "Russia", "Pakistan", "Pakistan", "India"]),
            new DoubleDataFrameColumn("Compound", [0.4, 0.0, -0.2, 0.6, 0.1, -0.5]));
        var traces = Traces(TimelineCharts.EntityToneOverTime(entity, SentimentFrame(), top: 2));
        Assert.Equal(["Russia", "Pakistan"], traces.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal("0.2|∅|∅|-0.2", Joined(traces[0], "y"));
        Assert.Equal("0.6|∅|∅|0.1", Joined(traces[1], "y"));
        var ex = Assert.Throws<ArgumentException>(() => TimelineCharts.EntityToneOverTime(entity));
        Assert.Contains("Published", ex.Message);
    }

    [Fact]
    public void Timeline_topic_share_is_a_stack_of_shares_with_empty_months_left_empty()
    {
        var topics = new DataFrame(
            new StringDataFrameColumn("ArticleId", ["a", "a", "b", "c", "e"]),
            new Int32DataFrameColumn("Unit", [0, 1, 0, 0, 0]),
            new Int32DataFrameColumn("Topic", [0, 1, 1, 0, 1]),
            new StringDataFrameColumn("TopicLabel", ["military", "energy", "energy", "military", "energy"]));
        var chart = TimelineCharts.TopicShareOverTime(topics, SentimentFrame());
        var traces = Traces(chart);
        Assert.Equal(["energy", "military"], traces.Select(t => t.GetProperty("name").GetString()));
        Assert.All(traces, t => Assert.Equal("bar", t.GetProperty("type").GetString()));
        // January: a has one unit of each, b one of energy → energy 2/3, military 1/3; February: e energy; March: none; April: c military.
        Assert.Equal("0.6666666666666666|1|∅|0", Joined(traces[0], "y"));
        Assert.Equal("0.3333333333333333|0|∅|1", Joined(traces[1], "y"));
        Assert.Equal("stack", Figure(chart).GetProperty("layout").GetProperty("barmode").GetString());
    }

    [Fact]
    public void Timeline_volume_by_source_counts_articles_per_month()
    {
        var chart = TimelineCharts.VolumeBySource(PublicationFrame(), TimelinePeriod.Year);
        var traces = Traces(chart);
        Assert.Equal(["Dawn", "Sputnik", "VOA"], traces.Select(t => t.GetProperty("name").GetString()));
        Assert.All(traces, t => Assert.Equal("2018-01-01|2019-01-01|2020-01-01|2021-01-01", Joined(t, "x")));
        Assert.Equal("1|1|0|0", Joined(traces[1], "y")); // Sputnik: 2018 and 2019
        Assert.Equal("0|0|0|1", Joined(traces[2], "y")); // VOA: 2021
        Assert.Contains("1 undated not shown", Title(chart));
    }

    [Fact]
    public void Timeline_charts_name_a_missing_column()
    {
        var frame = new DataFrame(new StringDataFrameColumn("ArticleId", ["a"]));
        var ex = Assert.Throws<ArgumentException>(() => TimelineCharts.ToneOverTime(frame));
        Assert.Contains("'Published'", ex.Message);
        Assert.Contains("ArticleId", ex.Message);
    }

    [Fact]
    public void Timeline_periods_cover_every_bucket_between_first_and_last()
    {
        var dates = new[] { new DateTime(2018, 2, 21), new DateTime(2018, 1, 25), new DateTime(2018, 4, 25) };
        Assert.Equal([new(2018, 1, 1), new(2018, 2, 1), new(2018, 3, 1), new DateTime(2018, 4, 1)], TimelinePeriods.Range(dates, TimelinePeriod.Month));
        Assert.Equal(new DateTime(2018, 2, 19), TimelinePeriods.Floor(new DateTime(2018, 2, 21), TimelinePeriod.Week)); // a Monday
        Assert.Equal(new DateTime(2018, 4, 1), TimelinePeriods.Floor(new DateTime(2018, 4, 25), TimelinePeriod.Quarter));
        Assert.Empty(TimelinePeriods.Range([], TimelinePeriod.Day));
        Assert.Equal(TimelinePeriod.Month, TimelinePeriods.Suggest(new DateTime(2018, 1, 25), new DateTime(2021, 4, 7)));
    }
}

/// <summary>The calls of notebooks/04-timeline.ipynb, cell by cell, on the seed corpus as it loads today.</summary>
public class TimelineNotebookTests
{
    [Fact]
    public void Timeline_notebook_cells_run_on_the_seed_corpus()
    {
        var corpus = TestData.Seeds;
        var publications = TimelineEvents.PublicationFrame(corpus);
        Assert.Equal(corpus.Articles.Count, publications.Rows.Count);
        var undated = corpus.Articles.Count(a => a.Published is null);
        var pubTitle = Title(TimelineCharts.Publications(corpus));
        Assert.Equal(undated > 0, pubTitle.Contains($"{undated} undated not shown"));

        var events = TimelineEvents.Frame(corpus);
        Assert.True(events.Rows.Count > 30);
        // Absolute events are dated even when no publication date is known: Nov 2014 is drawn.
        var json = GenericChart.toFigureJson(TimelineCharts.Events(events));
        Assert.Contains("2014-11-01", json);
        Assert.True(TimelineEvents.Chronology(corpus).Rows.Count > 0);
        Assert.NotNull(GenericChart.toFigureJson(TimelineCharts.VolumeBySource(corpus)));

        // Tone over time and towards entities, from the sentiment and entity concerns' frames.
        Assert.Equal(2, GenericChart.getTraces(TimelineCharts.ToneOverTime(SentimentAnalysis.ArticleFrame(corpus), TimelinePeriod.Quarter)).Length);
        var entityTone = EntitySentiment.ArticleFrame(corpus, EntityAnalysis.Run(corpus).MentionFrame());
        var toneJson = GenericChart.toFigureJson(TimelineCharts.EntityToneOverTime(entityTone, publications, top: 5, period: TimelinePeriod.Quarter));
        Assert.Contains("Russia", toneJson);
        var topics = TopicModeler.Fit(corpus).UnitFrame();
        Assert.NotEmpty(GenericChart.getTraces(TimelineCharts.TopicShareOverTime(topics, publications, TimelinePeriod.Quarter)));

        var notebook = File.ReadAllText(Path.Combine(TestData.Root, "notebooks", "04-timeline.ipynb"));
        foreach (var call in new[] { "TimelineEvents.PublicationFrame(corpus)", "TimelineCharts.Publications(corpus)", "TimelineEvents.Frame(corpus)", "TimelineCharts.Events(events)", "TimelineEvents.Chronology(corpus)", "TimelineCharts.VolumeBySource(corpus)", "TimelineCharts.ToneOverTime(tone", "TimelineCharts.EntityToneOverTime(entityTone", "TimelineCharts.TopicShareOverTime(topics" })
            Assert.Contains(call, notebook);
    }

    private static string Title(GenericChart chart) =>
        JsonDocument.Parse(GenericChart.toFigureJson(chart)).RootElement.GetProperty("layout").GetProperty("title").GetProperty("text").GetString()!;
}
