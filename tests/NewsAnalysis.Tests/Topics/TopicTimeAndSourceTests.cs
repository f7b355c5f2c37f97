namespace NewsAnalysis.Tests;

/// <summary>Topics over time and by source, on the seed texts given dates and sources as metadata.</summary>
public class TopicTimeAndSourceTests
{
    internal static readonly Lazy<TopicModel> Dated = new(() =>
    {
        // Dates and sources assigned here (the seed files carry none): articles 0-2 in Jan 2018, 3-4 in Apr 2021.
        var records = TestData.Seeds.Articles.Select((a, i) => new ArticleRecord(a.Id, a.Path, a.Text)
        {
            Title = a.Title,
            Source = i % 2 == 0 ? "Dawn" : "Sputnik",
            Published = i < 3 ? new DateTime(2018, 1, 10 + i) : new DateTime(2021, 4, 7),
        }).ToList();
        records.Add(new ArticleRecord("undated", "mem", "Russia and Pakistan held talks on military cooperation.\n\nPakistan and Russia agreed to boost military cooperation against terrorism.") { Title = "Talks" });
        return TopicModeler.Fit(Corpus.FromRecords(records), new TopicOptions { K = 3 });
    });

    [Fact]
    public void Over_time_counts_every_dated_unit_once_per_month()
    {
        var model = Dated.Value;
        var frame = model.OverTimeFrame(TimelinePeriod.Month);
        var periods = Enumerable.Range(0, (int)frame.Rows.Count).Select(r => (DateTime)frame["Period"][r]!).Distinct().ToList();
        Assert.Equal([new DateTime(2018, 1, 1), new DateTime(2021, 4, 1)], periods);
        int dated = model.Assignments.Count(a => a.Topic >= 0 && a.ArticleId != "undated");
        Assert.Equal(dated, Enumerable.Range(0, (int)frame.Rows.Count).Sum(r => (int)frame["Units"][r]!));
        Assert.Equal(model.Assignments.Count(a => a.Topic >= 0 && a.ArticleId == "undated"), model.UndatedUnits);
        Assert.True(model.UndatedUnits > 0);
    }

    [Theory]
    [InlineData(TimelinePeriod.Day, 2018, 1, 10, 2018, 1, 10)]
    [InlineData(TimelinePeriod.Week, 2018, 1, 10, 2018, 1, 8)]   // a Wednesday; its week starts Monday 8th
    [InlineData(TimelinePeriod.Week, 2018, 1, 14, 2018, 1, 8)]   // the Sunday ends the same week
    [InlineData(TimelinePeriod.Month, 2021, 4, 7, 2021, 4, 1)]
    [InlineData(TimelinePeriod.Year, 2021, 4, 7, 2021, 1, 1)]
    public void Periods_start_where_the_calendar_says(TimelinePeriod period, int y, int m, int d, int ey, int em, int ed)
    {
        Assert.Equal(new DateTime(ey, em, ed), TimelinePeriods.Floor(new DateTime(y, m, d), period));
    }

    [Fact]
    public void Source_frame_splits_units_by_source()
    {
        var model = Dated.Value;
        var frame = model.SourceFrame();
        var bySource = Enumerable.Range(0, (int)frame.Rows.Count)
            .GroupBy(r => (string)frame["Source"][r]!)
            .ToDictionary(g => g.Key, g => g.Sum(r => (int)frame["Units"][r]!));
        Assert.Equal(["(unknown)", "Dawn", "Sputnik"], bySource.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(model.Assignments.Count(a => a.Topic >= 0), bySource.Values.Sum());
    }
}
