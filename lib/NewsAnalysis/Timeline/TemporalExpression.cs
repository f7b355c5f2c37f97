namespace NewsAnalysis;

/// <summary>How precise a resolved temporal expression is.</summary>
public enum TimelineGranularity
{
    /// <summary>A day or a span of days ("April 7, 2021", "February 5-6", "on Tuesday").</summary>
    Day,
    /// <summary>A week ("last week", "recent weeks").</summary>
    Week,
    /// <summary>A month or part of a month ("Nov 2014", "in March", "mid-February", "last month").</summary>
    Month,
    /// <summary>A year or a span of years ("in 2012", "2011 and 2012", "since 2014", "last year").</summary>
    Year,
    /// <summary>A decade ("the 1980s").</summary>
    Decade,
}

/// <summary>Whether an expression names its date outright or only relative to the publication date.</summary>
public enum TimelineBasis
{
    /// <summary>The text gives the year ("Nov 2014", "April 7, 2021", "the 1980s", "since 2014").</summary>
    Absolute,
    /// <summary>The date follows from the publication date ("on Tuesday", "March 18", "last month", "yesterday").</summary>
    Relative,
}

/// <summary>Which family of wording an expression belongs to (the pattern that found it).</summary>
public enum TemporalFamily
{
    /// <summary>Month and day, with or without a year or a weekday, possibly a range: "April 7, 2021", "February 5-6", "March 18".</summary>
    MonthDay,
    /// <summary>Day then month: "7 April 2021", "18th of March".</summary>
    DayMonth,
    /// <summary>Month and year: "Nov 2014", "February 2020", "early March 2019".</summary>
    MonthYear,
    /// <summary>A day known by its date: "9/11", "the September 11 attacks".</summary>
    NamedDay,
    /// <summary>ISO date: "2021-04-07".</summary>
    IsoDate,
    /// <summary>A decade: "the 1980s", "mid-1990s".</summary>
    Decade,
    /// <summary>A span of years: "2011 and 2012", "between 2001 and 2005", "2004-05".</summary>
    YearSpan,
    /// <summary>A year: "in 2012", "the 2005 election" ("since 2014" runs to the publication date).</summary>
    Year,
    /// <summary>A month named without a year, after a preposition or a part word: "in March", "mid-February", "Earlier in February".</summary>
    Month,
    /// <summary>A weekday: "on Tuesday", "Wednesday", "last Friday".</summary>
    Weekday,
    /// <summary>yesterday, today, tomorrow, tonight, last night.</summary>
    RelativeDay,
    /// <summary>last/this/next/past week, month, year or decade; "earlier this year".</summary>
    RelativePeriod,
    /// <summary>recent days, weeks, months or years.</summary>
    Recent,
    /// <summary>the last/past N days, weeks, months or years.</summary>
    LastN,
    /// <summary>N days, weeks, months or years ago.</summary>
    Ago,
}

/// <summary>One temporal expression found in a piece of text and, when possible, resolved to dates.</summary>
/// <param name="Text">The expression as written, including a governing word such as "on", "in", "by", "since", "last".</param>
/// <param name="Offset">Character offset of <paramref name="Text"/> in the text searched.</param>
/// <param name="Length">Length of <paramref name="Text"/>.</param>
/// <param name="Family">The kind of wording.</param>
/// <param name="Start">First day meant (inclusive), or null when it depends on an unknown publication date.</param>
/// <param name="End">Last day meant (inclusive), or null when unknown (e.g. "since 2014" in an undated article).</param>
/// <param name="Granularity">How precise the expression is.</param>
/// <param name="Basis">Whether the dates come from the text alone or from the publication date.</param>
public sealed record TemporalExpression(
    string Text,
    int Offset,
    int Length,
    TemporalFamily Family,
    DateTime? Start,
    DateTime? End,
    TimelineGranularity Granularity,
    TimelineBasis Basis);
