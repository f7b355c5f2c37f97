namespace NewsAnalysis;

/// <summary>The width of the calendar buckets that counts and charts over time aggregate over (timeline charts, topics over time).</summary>
public enum TimelinePeriod
{
    /// <summary>Calendar days.</summary>
    Day,
    /// <summary>Monday-to-Sunday weeks.</summary>
    Week,
    /// <summary>Calendar months.</summary>
    Month,
    /// <summary>Calendar quarters.</summary>
    Quarter,
    /// <summary>Calendar years.</summary>
    Year,
}

/// <summary>Calendar buckets for counts and charts over time (Timeline and Topics): every bucket between the first and last date, empty ones included, so gaps show as gaps.</summary>
public static class TimelinePeriods
{
    /// <summary>The first day of the bucket holding <paramref name="date"/> (weeks start on Monday).</summary>
    public static DateTime Floor(DateTime date, TimelinePeriod period)
    {
        var d = date.Date;
        return period switch
        {
            TimelinePeriod.Day => d,
            TimelinePeriod.Week => d.AddDays(-(((int)d.DayOfWeek + 6) % 7)),
            TimelinePeriod.Month => new DateTime(d.Year, d.Month, 1),
            TimelinePeriod.Quarter => new DateTime(d.Year, (d.Month - 1) / 3 * 3 + 1, 1),
            TimelinePeriod.Year => new DateTime(d.Year, 1, 1),
            _ => throw new ArgumentOutOfRangeException(nameof(period), period, "unknown period"),
        };
    }

    /// <summary>The first day of the bucket after the one starting at <paramref name="bucket"/>.</summary>
    public static DateTime Next(DateTime bucket, TimelinePeriod period) => period switch
    {
        TimelinePeriod.Day => bucket.AddDays(1),
        TimelinePeriod.Week => bucket.AddDays(7),
        TimelinePeriod.Month => bucket.AddMonths(1),
        TimelinePeriod.Quarter => bucket.AddMonths(3),
        TimelinePeriod.Year => bucket.AddYears(1),
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, "unknown period"),
    };

    /// <summary>Every bucket from the one holding the earliest date to the one holding the latest, in order; empty when there are no dates.</summary>
    public static IReadOnlyList<DateTime> Range(IEnumerable<DateTime> dates, TimelinePeriod period)
    {
        ArgumentNullException.ThrowIfNull(dates);
        var list = dates.ToList();
        if (list.Count == 0) return [];
        var buckets = new List<DateTime>();
        var last = Floor(list.Max(), period);
        for (var b = Floor(list.Min(), period); b <= last; b = Next(b, period)) buckets.Add(b);
        return buckets;
    }

    /// <summary>A period that gives a readable number of buckets for dates spread from <paramref name="first"/> to <paramref name="last"/>.</summary>
    public static TimelinePeriod Suggest(DateTime first, DateTime last)
    {
        var days = Math.Abs((last - first).TotalDays);
        return days <= 92 ? TimelinePeriod.Day : days <= 2 * 366 ? TimelinePeriod.Week : days <= 8 * 366 ? TimelinePeriod.Month : TimelinePeriod.Year;
    }
}
