using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsAnalysis;

/// <summary>
/// Finds the dates a story mentions ("April 7, 2021", "7 April 2021", "On January 19", "February 5-6", years,
/// and well-known events from the rules) and infers when it was published: the latest date mentioned, where a
/// day and month without a year take the year the story names most often (ties: the latest).
/// </summary>
internal static partial class DateMentions
{
    private const string Months = "January|February|March|April|May|June|July|August|September|October|November|December";

    [GeneratedRegex($@"\b(?<month>{Months})\s+(?<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-–]\s*(?<day2>\d{{1,2}}))?,?\s+(?<year>\d{{4}})\b|\b(?<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?<month>{Months}),?\s+(?<year>\d{{4}})\b")]
    private static partial Regex FullDate();

    [GeneratedRegex($@"\b(?<month>{Months})\s+(?<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-–]\s*(?<day2>\d{{1,2}}))?\b(?!,?\s+\d{{4}})(?![-.,]?\d)|\b(?<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?<month>{Months})\b(?!,?\s+\d{{4}})")]
    private static partial Regex MonthDay();

    // A year the story places events in ("in 2018", "since 2014", "2011 and 2012"), not an adjective ("the 2007 World Cup").
    [GeneratedRegex(@"\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Ff]rom|[Uu]ntil|[Ee]arly|[Ll]ate|[Mm]id-?|[Yy]ear|and|of)\s+(?<year>19[5-9]\d|20\d\d)\b(?![\d.,]\d)")]
    private static partial Regex Year();

    /// <summary>Full dates (day, month and year) in <paramref name="text"/>, with the words they were read from.</summary>
    public static IEnumerable<(DateTime Date, string Words)> FullDates(string text)
    {
        foreach (Match m in FullDate().Matches(text))
            if (ToDate(m, int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture)) is { } d) yield return (d, m.Value);
    }

    /// <summary>The latest date the story mentions, or null when it mentions none with a known year.</summary>
    public static (DateTime Date, string Evidence)? Infer(string text, CorpusRules rules)
    {
        var candidates = new List<(DateTime Date, string Evidence)>();
        foreach (var (d, w) in FullDates(text)) candidates.Add((d, $"'{w}'"));
        var years = new Dictionary<int, int>();
        foreach (Match m in Year().Matches(text))
        {
            int y = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
            years[y] = years.GetValueOrDefault(y) + 1;
        }
        foreach (var e in rules.Events)
        {
            if (e.Phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w => text.Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                candidates.Add((e.Date, $"event '{e.What}'"));
                years[e.Date.Year] = years.GetValueOrDefault(e.Date.Year) + 1;
            }
        }
        if (years.Count > 0)
        {
            int year = years.OrderByDescending(kv => kv.Value).ThenByDescending(kv => kv.Key).First().Key;
            foreach (Match m in MonthDay().Matches(text))
                if (ToDate(m, year) is { } d) candidates.Add((d, $"'{m.Value.Trim()}' in {year} (the year the story names most)"));
        }
        if (candidates.Count == 0) return null;
        var best = candidates.OrderByDescending(c => c.Date).First();
        return (best.Date, $"latest date mentioned: {best.Evidence}");
    }

    private static DateTime? ToDate(Match m, int year)
    {
        if (year is < 1900 or > 2099) return null;
        int month = DateTime.ParseExact(m.Groups["month"].Value, "MMMM", CultureInfo.InvariantCulture).Month;
        var dayGroup = m.Groups["day2"].Success ? m.Groups["day2"] : m.Groups["day"];
        int day = int.Parse(dayGroup.Value, CultureInfo.InvariantCulture);
        return day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateTime(year, month, day) : null;
    }
}
