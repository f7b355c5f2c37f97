using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsAnalysis;

/// <summary>
/// Finds temporal expressions in English news text ("April 7, 2021", "Nov 2014", "since 2014", "the 1980s",
/// "March 18", "February 5-6", "on Tuesday", "last month", "recent months") and resolves them to dates against an
/// anchor, normally the article's publication date.
/// </summary>
/// <remarks>
/// Written by hand because the one .NET date recogniser (Microsoft.Recognizers.Text.DateTime) does not restore on
/// the package mirror. Each family is one named regular expression below, tried in order of specificity; a later
/// match that overlaps an earlier one is dropped. Resolution rules (see docs/timeline.md):
/// <list type="bullet">
/// <item>A weekday is the most recent such day on or before the anchor, or the next one on or after it when the
/// clause is in the future tense ("will meet on Monday"); "last"/"next" Friday are strictly before/after.</item>
/// <item>A month or month-day without a year takes the occurrence nearest the anchor (so within about six months),
/// the latest one on or before it when the clause looks back ("said", "signed", "last", "since", "earlier in"),
/// the earliest on or after it when it looks ahead ("will", "due", "next", "until").</item>
/// <item>"last month" is the calendar month before the anchor, "last week" the Monday–Sunday week before it,
/// "recent months" the three months up to it (days: 7 days, weeks: 4 weeks, years: 3 years).</item>
/// <item>Without an anchor, relative expressions are kept with null dates: nothing is invented.</item>
/// </list>
/// </remarks>
public static partial class TemporalExtractor
{
    // ---------------------------------------------------------------- building blocks
    private const string MonthFull = "January|February|March|April|May|June|July|August|September|October|November|December";

    private static readonly string[] MonthNames = MonthFull.Split('|');

    // A month: full names are capitalised ("may" and "march" are ordinary words); abbreviations may end in a full stop.
    private const string Month = @"(?<month>(?:" + MonthFull + @")\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)";

    private const string WeekdayNames = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";

    // "Tuesday, " before a date: part of the date, not a weekday expression of its own.
    private const string WeekdayPrefix = @"(?:(?<weekday>" + WeekdayNames + @"),?\s+)?";

    // A year from 1800 to 2099 standing as a whole number.
    private const string Year = @"(?<year>(?:1[89]|20)\d\d)\b";

    // Range joiners between two days or two years.
    private const string RangeJoin = @"\s*(?:-|–|to|and)\s*";

    // Part of a month or decade: "early March", "mid-February", "the end of May", "late 1990s".
    private const string Part = @"(?<part>(?i:early|mid|middle of|late|end of|beginning of|start of))";

    private const string NumberWords = "(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|few)";

    // Words after a number that make it a quantity, not a year ("1900 jobs", "2000 percent").
    private const string QuantityWords =
        @"%|(?i:per\s?cent|percent|million|billion|bn\b|m\b|km\b|kilomet|miles?\b|metres?\b|meters?\b|people|jobs|units|tonnes|troops|staff|" +
        @"workers|employees|members|homes|copies|votes|points|pounds|dollars|euros|times\b|feet\b|kg\b|hectares|acres|cars|shares)";

    // Words after a weekday that make it part of a name ("the Sunday Times", "Sunday programme", "Monday Night Football").
    private const string NotANameAfterWeekday =
        @"(?!\s+(?:Times|Telegraph|Mirror|Express|Herald|Post|Mail|Independent|Observer|People|Sport|Tribune|Star|Night\s+(?:Live|Football)|programme|paper|newspaper|edition|league|school))";

    // A day of the month, 1 to 31, with an optional ordinal suffix ("21st"); the second day of a range.
    private const string DayOfMonth = @"(?<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b";
    private const string DayOfMonth2 = @"(?<day2>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b";

    // ---------------------------------------------------------------- the families, most specific first
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    // 9/11 · the September 11 attacks · 11 September attacks: a day named by its date, not this year's September 11
    [GeneratedRegex(@"\b9/11\b|\b(?:September\s+11(?:th)?|11(?:th)?\s+(?:of\s+)?September)(?=\s+(?:attacks?|terror|hijack|bombings|atrocit|commission))", Options)]
    private static partial Regex NamedDayRegex();

    // 2021-04-07
    [GeneratedRegex(@"\b(?<year>(?:1[89]|20)\d\d)-(?<mm>0[1-9]|1[0-2])-(?<day>0[1-9]|[12]\d|3[01])\b", Options)]
    private static partial Regex IsoDateRegex();

    // April 7, 2021 · February 21st, 2018 · April 25th 2018 · Tuesday, March 1-3, 2021 · March 18 · February 5-6 · by May 1
    // (not "March 1,000" nor "May 10 percent")
    [GeneratedRegex($@"\b{WeekdayPrefix}{Month}\s+{DayOfMonth}(?:{RangeJoin}{DayOfMonth2})?(?:,?\s+{Year})?(?![\d,.]\d|\s*(?:%|(?i:per\s?cent|percent)))", Options)]
    private static partial Regex MonthDayRegex();

    // 7 April 2021 · 18th of March · 5-6 February 2019 (not "$5 May..." nor "1,100 May")
    [GeneratedRegex($@"(?<![\d$£€.,])\b{WeekdayPrefix}{DayOfMonth}(?:{RangeJoin}{DayOfMonth2})?\s+(?:of\s+)?{Month}(?:,?\s+{Year})?", Options)]
    private static partial Regex DayMonthRegex();

    // Nov 2014 · February 2020 · early March 2019 · February of 1974
    [GeneratedRegex($@"\b(?:{Part}[\s-]*)?{Month}(?:,?\s+|\s+of\s+){Year}(?![\d,.]\d)", Options)]
    private static partial Regex MonthYearRegex();

    // the 1980s · mid-1990s · the 2000s
    [GeneratedRegex($@"\b(?:{Part}[\s-]*)?(?:the\s+)?(?<decade>(?:1[89]|20)\d0)['’]?s\b", Options)]
    private static partial Regex DecadeRegex();

    // 2011 and 2012 · between 2001 and 2005 · from 1998 to 2004 · 2004-05 (not "2,011-2,012", "2011-2012-2013", "in 2003 to 81")
    [GeneratedRegex($@"(?<![\d$£€.,/-])\b(?<between>(?i:between|from)\s+)?{Year}(?:\s*(?<join>-|–|to|and|until|through)\s*(?<year2>(?:1[89]|20)\d\d)|[-–](?<yy>\d\d))\b(?![\d,.]\d|-\d)", Options)]
    private static partial Regex YearSpanRegex();

    // the last 4 years · the past four years · previous two months
    [GeneratedRegex($@"\b(?:the\s+)?(?i:last|past|previous)\s+(?<n>\d{{1,3}}|{NumberWords})\s+(?<unit>day|week|month|year|decade)s\b", Options)]
    private static partial Regex LastNRegex();

    // two years ago · a month ago · 10 days ago
    [GeneratedRegex($@"\b(?<n>\d{{1,3}}|{NumberWords}|(?i:an?))\s+(?<unit>day|week|month|year|decade)s?\s+ago\b", Options)]
    private static partial Regex AgoRegex();

    // last month · this year · next week · the past year · earlier this year
    [GeneratedRegex(@"\b(?:(?<side>(?i:earlier|later))\s+)?(?<dir>(?i:last|this|next|past|coming))\s+(?<unit>week|month|year|decade)\b", Options)]
    private static partial Regex RelativePeriodRegex();

    // (in) recent months · recent years
    [GeneratedRegex(@"\b(?i:recent)\s+(?<unit>day|week|month|year)s\b", Options)]
    private static partial Regex RecentRegex();

    // yesterday · today · last night (capitalised only when opening the text: "Today" is also a BBC programme)
    [GeneratedRegex(@"\b(?<word>yesterday|today|tomorrow|tonight|last night)\b|^(?<word>Yesterday|Today|Tomorrow|Tonight|Last night)\b", Options)]
    private static partial Regex RelativeDayRegex();

    // on Tuesday · Wednesday · last Friday (not "Tuesdays", "Good Friday", "the Sunday Times", "Mail on Sunday")
    [GeneratedRegex($@"(?<!(?:Good|Black|Super|Easter|Ash|Holy|Shrove|Cyber|Bloody|Mail on)\s)\b(?<weekday>{WeekdayNames})\b{NotANameAfterWeekday}", Options)]
    private static partial Regex WeekdayRegex();

    // in March · mid-February · Earlier in February · by May · the end of June
    // (a month alone must follow a preposition or a part word: "May I", "March on" are not dates)
    [GeneratedRegex($@"\b(?:{Part}[\s-]*)?(?<month>{MonthFull})\b(?!\s*\d)", Options)]
    private static partial Regex MonthRegex();

    // in 2012 · the 2005 election · since 2014 (not "$2000", "1,100", "1900 jobs", "2018/19", "COVID-19")
    [GeneratedRegex($@"(?<![\d$£€¥.,/:-])\b{Year}(?![\d,.:/]\d|-\d|\s*(?:{QuantityWords}))", Options)]
    private static partial Regex YearRegex();

    // The families above, most specific first. Their expressions are generated at build time (GeneratedRegex) and
    // compiled ahead of time with the library: with RegexOptions.Compiled every process compiled each one again at its
    // first match (a rerun extracting 1,000 new articles' events spent ~0.3 s of its main thread there).
    private static readonly TemporalPattern[] Patterns =
    [
        new(TemporalFamily.NamedDay, NamedDayRegex(), text => HasAny(text, "9/11", "September")),
        new(TemporalFamily.IsoDate, IsoDateRegex(), HasDigit),
        new(TemporalFamily.MonthDay, MonthDayRegex(), HasDigit),
        new(TemporalFamily.DayMonth, DayMonthRegex(), HasDigit),
        new(TemporalFamily.MonthYear, MonthYearRegex(), HasDigit),
        new(TemporalFamily.Decade, DecadeRegex(), text => HasAny(text, "0s", "0's", "0’s")),
        new(TemporalFamily.YearSpan, YearSpanRegex(), HasDigit),
        new(TemporalFamily.LastN, LastNRegex(), text => HasAny(text, "ast ", "revious ")),
        new(TemporalFamily.Ago, AgoRegex(), text => HasAny(text, " ago")),
        new(TemporalFamily.RelativePeriod, RelativePeriodRegex(), text => HasAny(text, "week", "month", "year", "decade")),
        new(TemporalFamily.Recent, RecentRegex(), text => HasAny(text, "ecent ")),
        new(TemporalFamily.RelativeDay, RelativeDayRegex(), text => HasAny(text, "day", "Day", "night", "morrow")),
        new(TemporalFamily.Weekday, WeekdayRegex(), text => HasAny(text, "day")),
        new(TemporalFamily.Month, MonthRegex(), text => HasAny(text, MonthNames)),
        new(TemporalFamily.Year, YearRegex(), HasDigit),
    ];

    /// <summary>The family patterns in the order they are tried (for the benchmark's per-family timings).</summary>
    internal static IEnumerable<(TemporalFamily Family, Regex Regex, Func<string, bool> Needs)> FamilyPatterns => Patterns.Select(p => (p.Family, p.Regex, p.Needs));

    // Words that govern a temporal expression and are kept with it ("on Tuesday", "since 2014", "last March").
    private static readonly HashSet<string> Cues = new(StringComparer.OrdinalIgnoreCase)
    {
        "on", "in", "by", "since", "until", "till", "from", "during", "before", "after", "through", "throughout", "last", "next", "this",
    };

    /// <summary>
    /// Finds the temporal expressions in <paramref name="text"/> (usually one sentence) and resolves them against
    /// <paramref name="anchor"/> (the publication date; null when unknown, which leaves relative expressions unresolved).
    /// </summary>
    /// <returns>The expressions in order of position; none overlap.</returns>
    public static IReadOnlyList<TemporalExpression> Extract(string text, DateTime? anchor)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<TemporalExpression>();
        var day = anchor?.Date;
        foreach (var pattern in Patterns)
        {
            if (!pattern.Needs(text)) continue;
            for (var m = pattern.Regex.Match(text); m.Success; m = m.NextMatch())
            {
                if (found.Any(f => m.Index < f.Offset + f.Length && f.Offset < m.Index + m.Length)) continue;
                // "yesterday" and "today" govern themselves ("went on yesterday" is not "on yesterday").
                var (cueStart, cue) = pattern.Family == TemporalFamily.RelativeDay ? (m.Index, null) : FindCue(text, m.Index);
                var context = new ResolveContext(m, text, cueStart, cue, day);
                if (Resolve(pattern.Family, context) is not { } span) continue;
                if (cue == "since") span = span with { End = day is { } a && a >= span.Start ? a : null };
                found.Add(new TemporalExpression(text[cueStart..(m.Index + m.Length)], cueStart, m.Index + m.Length - cueStart,
                    pattern.Family, span.Start, span.End, span.Granularity, span.Basis));
            }
        }
        found.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        return found;
    }

    // ---------------------------------------------------------------- resolution
    private static TemporalSpan? Resolve(TemporalFamily family, ResolveContext c) => family switch
    {
        TemporalFamily.NamedDay => Absolute(new DateTime(2001, 9, 11), null, TimelineGranularity.Day),
        TemporalFamily.IsoDate => Absolute(SafeDate(c.Int("year"), c.Int("mm"), c.Int("day")), null, TimelineGranularity.Day),
        TemporalFamily.MonthDay or TemporalFamily.DayMonth => ResolveMonthDay(c),
        TemporalFamily.MonthYear => ResolveMonthYear(c),
        TemporalFamily.Decade => ResolveDecade(c),
        TemporalFamily.YearSpan => ResolveYearSpan(c),
        TemporalFamily.Year => c.Int("year") < 1900 && c.Cue is null ? null
            : Absolute(new DateTime(c.Int("year"), 1, 1), new DateTime(c.Int("year"), 12, 31), TimelineGranularity.Year),
        TemporalFamily.LastN => ResolveLastN(c),
        TemporalFamily.Ago => ResolveAgo(c),
        TemporalFamily.RelativePeriod => ResolveRelativePeriod(c),
        TemporalFamily.Recent => ResolveRecent(c),
        TemporalFamily.RelativeDay => ResolveRelativeDay(c),
        TemporalFamily.Weekday => ResolveWeekday(c),
        TemporalFamily.Month => ResolveMonth(c),
        _ => null,
    };

    private static TemporalSpan? Absolute(DateTime? start, DateTime? end, TimelineGranularity granularity) =>
        start is null ? null : new TemporalSpan(start, end ?? start, granularity, TimelineBasis.Absolute);

    private static TemporalSpan Relative(DateTime? start, DateTime? end, TimelineGranularity granularity) =>
        new(start, start is null ? null : end ?? start, granularity, TimelineBasis.Relative);

    private static TemporalSpan? ResolveMonthDay(ResolveContext c)
    {
        int month = MonthNumber(c.Value("month"));
        int day = c.Int("day");
        int day2 = c.Has("day2") ? c.Int("day2") : day;
        if (day2 < day || day2 > MaxDays(month)) return null;
        if (c.Has("year"))
        {
            int year = c.Int("year");
            return Absolute(SafeDate(year, month, day), SafeDate(year, month, day2), TimelineGranularity.Day);
        }
        if (c.Anchor is not { } anchor) return Relative(null, null, TimelineGranularity.Day);
        var tense = TemporalTenseGuess.Guess(c.Text, c.CueStart, c.Match.Index + c.Match.Length, c.Cue);
        int pick = PickYear(anchor, month, day, tense);
        return Relative(SafeDate(pick, month, day), SafeDate(pick, month, day2), TimelineGranularity.Day);
    }

    private static TemporalSpan? ResolveMonthYear(ResolveContext c)
    {
        var (first, last) = MonthPart(c.Int("year"), MonthNumber(c.Value("month")), c.Value("part"));
        return Absolute(first, last, TimelineGranularity.Month);
    }

    private static TemporalSpan? ResolveMonth(ResolveContext c)
    {
        if (!c.Has("part") && c.Cue is null) return null; // "May I", "March on Washington"
        if (c.Anchor is not { } anchor) return Relative(null, null, TimelineGranularity.Month);
        int month = MonthNumber(c.Value("month"));
        var tense = TemporalTenseGuess.Guess(c.Text, c.CueStart, c.Match.Index + c.Match.Length, c.Cue);
        var (first, last) = MonthPart(PickYear(anchor, month, 0, tense), month, c.Value("part"));
        return Relative(first, last, TimelineGranularity.Month);
    }

    private static TemporalSpan? ResolveDecade(ResolveContext c)
    {
        int decade = c.Int("decade");
        var (from, to) = c.Value("part").ToLowerInvariant() switch
        {
            "early" or "beginning of" or "start of" => (0, 3),
            "mid" or "middle of" => (4, 6),
            "late" or "end of" => (7, 9),
            _ => (0, 9),
        };
        return Absolute(new DateTime(decade + from, 1, 1), new DateTime(decade + to, 12, 31), TimelineGranularity.Decade);
    }

    private static TemporalSpan? ResolveYearSpan(ResolveContext c)
    {
        int first = c.Int("year");
        int last = c.Has("year2") ? c.Int("year2") : first / 100 * 100 + c.Int("yy");
        if (last <= first || last - first > 100) return null;
        // "in 1998 and 2004" names two years, not the years between: only consecutive years joined by "and" are a span.
        if (c.Value("join") == "and" && !c.Has("between") && last != first + 1) return null;
        return Absolute(new DateTime(first, 1, 1), new DateTime(last, 12, 31), TimelineGranularity.Year);
    }

    private static TemporalSpan? ResolveLastN(ResolveContext c)
    {
        var unit = c.Value("unit");
        if (CountOf(c.Value("n")) is not { } n || n == 0) return null;
        if (c.Anchor is not { } a) return Relative(null, null, UnitGranularity(unit));
        return Relative(Shift(a, unit, -n).AddDays(1), a, UnitGranularity(unit));
    }

    private static TemporalSpan? ResolveAgo(ResolveContext c)
    {
        var unit = c.Value("unit");
        if (CountOf(c.Value("n")) is not { } n) return null;
        if (c.Anchor is not { } a) return Relative(null, null, UnitGranularity(unit));
        var when = Shift(a, unit, -n);
        var (start, end) = unit switch
        {
            "day" => (when, when),
            "week" => Week(when),
            "month" => (FirstOfMonth(when), LastOfMonth(when)),
            _ => (new DateTime(when.Year, 1, 1), new DateTime(when.Year, 12, 31)),
        };
        return Relative(start, end, UnitGranularity(unit));
    }

    private static TemporalSpan? ResolveRelativePeriod(ResolveContext c)
    {
        var unit = c.Value("unit");
        var dir = c.Value("dir").ToLowerInvariant();
        var side = c.Value("side").ToLowerInvariant();
        if (c.Anchor is not { } a) return Relative(null, null, UnitGranularity(unit));
        if (dir is "past" or "coming")
        {
            // "the past year": the twelve months up to publication; "the coming week": the seven days after.
            return dir == "past"
                ? Relative(Shift(a, unit, -1).AddDays(1), a, UnitGranularity(unit))
                : Relative(a, Shift(a, unit, 1).AddDays(-1), UnitGranularity(unit));
        }
        int step = dir switch { "last" => -1, "next" => 1, _ => 0 };
        var (start, end) = unit switch
        {
            "week" => Week(a.AddDays(7 * step)),
            "month" => (FirstOfMonth(a.AddMonths(step)), LastOfMonth(a.AddMonths(step))),
            "year" => (new DateTime(a.Year + step, 1, 1), new DateTime(a.Year + step, 12, 31)),
            _ => (new DateTime(a.Year / 10 * 10 + 10 * step, 1, 1), new DateTime(a.Year / 10 * 10 + 10 * step + 9, 12, 31)),
        };
        // "earlier this year" runs up to publication, "later this year" from it.
        if (step == 0 && side == "earlier") end = a;
        if (step == 0 && side == "later") start = a;
        return Relative(start, end, UnitGranularity(unit));
    }

    private static TemporalSpan ResolveRecent(ResolveContext c)
    {
        var unit = c.Value("unit");
        if (c.Anchor is not { } a) return Relative(null, null, UnitGranularity(unit));
        // Convention: recent days = 7 days, recent weeks = 4 weeks, recent months = 3 months, recent years = 3 years.
        var start = unit switch
        {
            "day" => a.AddDays(-6),
            "week" => a.AddDays(-27),
            "month" => a.AddMonths(-3).AddDays(1),
            _ => a.AddYears(-3).AddDays(1),
        };
        return Relative(start, a, UnitGranularity(unit));
    }

    private static TemporalSpan ResolveRelativeDay(ResolveContext c)
    {
        if (c.Anchor is not { } a) return Relative(null, null, TimelineGranularity.Day);
        int offset = c.Value("word").ToLowerInvariant() switch
        {
            "yesterday" or "last night" => -1,
            "tomorrow" => 1,
            _ => 0,
        };
        return Relative(a.AddDays(offset), null, TimelineGranularity.Day);
    }

    private static TemporalSpan ResolveWeekday(ResolveContext c)
    {
        if (c.Anchor is not { } a) return Relative(null, null, TimelineGranularity.Day);
        var target = Enum.Parse<DayOfWeek>(c.Value("weekday"));
        int back = ((int)a.DayOfWeek - (int)target + 7) % 7;
        int ahead = ((int)target - (int)a.DayOfWeek + 7) % 7;
        var tense = TemporalTenseGuess.Guess(c.Text, c.CueStart, c.Match.Index + c.Match.Length, c.Cue);
        var date = c.Cue switch
        {
            "last" => a.AddDays(-(back == 0 ? 7 : back)),
            "next" => a.AddDays(ahead == 0 ? 7 : ahead),
            _ => tense == TemporalTense.Future ? a.AddDays(ahead) : a.AddDays(-back),
        };
        return Relative(date, null, TimelineGranularity.Day);
    }

    // ---------------------------------------------------------------- calendar helpers
    /// <summary>
    /// The year of a month (and day; 0 for the whole month) given without one: among the anchor's year and the years
    /// either side, the latest occurrence on or before the anchor (past), the earliest on or after it (future), or the
    /// nearest (neutral; ties go to the past).
    /// </summary>
    private static int PickYear(DateTime anchor, int month, int day, TemporalTense tense)
    {
        int[] years = [anchor.Year - 1, anchor.Year, anchor.Year + 1];
        // Distance in days from the anchor; for a whole month, 0 when the anchor falls inside it.
        long Distance(int y)
        {
            if (day > 0) return (long)(SafeDate(y, month, Math.Min(day, DateTime.DaysInMonth(y, month)))!.Value - anchor).TotalDays;
            var first = new DateTime(y, month, 1);
            var last = LastOfMonth(first);
            return anchor < first ? (long)(first - anchor).TotalDays : anchor > last ? -(long)(anchor - last).TotalDays : 0;
        }
        return tense switch
        {
            TemporalTense.Past => years.Where(y => Distance(y) <= 0).Max(),
            TemporalTense.Future => years.Where(y => Distance(y) >= 0).Min(),
            _ => years.OrderBy(y => Math.Abs(Distance(y))).ThenBy(y => y).First(),
        };
    }

    private static (DateTime First, DateTime Last) MonthPart(int year, int month, string part)
    {
        var first = new DateTime(year, month, 1);
        var last = LastOfMonth(first);
        // Thirds of a month: early 1-10, mid 11-20, late 21-end.
        return part.ToLowerInvariant() switch
        {
            "early" or "beginning of" or "start of" => (first, first.AddDays(9)),
            "mid" or "middle of" => (first.AddDays(10), first.AddDays(19)),
            "late" or "end of" => (first.AddDays(20), last),
            _ => (first, last),
        };
    }

    private static (DateTime, DateTime) Week(DateTime day)
    {
        var monday = TimelinePeriods.Floor(day, TimelinePeriod.Week);
        return (monday, monday.AddDays(6));
    }

    private static DateTime Shift(DateTime a, string unit, int n) => unit switch
    {
        "day" => a.AddDays(n),
        "week" => a.AddDays(7 * n),
        "month" => a.AddMonths(n),
        "year" => a.AddYears(n),
        _ => a.AddYears(10 * n),
    };

    private static TimelineGranularity UnitGranularity(string unit) => unit switch
    {
        "day" => TimelineGranularity.Day,
        "week" => TimelineGranularity.Week,
        "month" => TimelineGranularity.Month,
        "year" => TimelineGranularity.Year,
        _ => TimelineGranularity.Decade,
    };

    private static int? CountOf(string n) => n.ToLowerInvariant() switch
    {
        "a" or "an" or "one" => 1,
        "two" => 2, "three" or "few" or "a few" => 3, "four" => 4, "five" => 5, "six" => 6,
        "seven" => 7, "eight" => 8, "nine" => 9, "ten" => 10, "eleven" => 11, "twelve" => 12,
        var digits => int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null,
    };

    private static int MonthNumber(string name) =>
        Array.FindIndex(MonthNames, full => full.StartsWith(name.TrimEnd('.'), StringComparison.Ordinal)) + 1;

    private static int MaxDays(int month) => DateTime.DaysInMonth(2000, month); // a leap year: February 29 is a date

    private static DateTime FirstOfMonth(DateTime d) => new(d.Year, d.Month, 1);

    private static DateTime LastOfMonth(DateTime d) => new(d.Year, d.Month, DateTime.DaysInMonth(d.Year, d.Month));

    private static DateTime? SafeDate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateTime(year, month, day) : null;

    /// <summary>The governing word just before <paramref name="start"/> ("on", "since", "last", "earlier in"), lower case, and where it starts.</summary>
    private static (int Start, string? Cue) FindCue(string text, int start)
    {
        var (wordStart, word) = PreviousWord(text, start);
        if (word is null || !Cues.Contains(word)) return (start, null);
        var cue = word.ToLowerInvariant();
        if (cue is "in" or "on")
        {
            var (earlierStart, earlier) = PreviousWord(text, wordStart);
            if (earlier is not null && (earlier.Equals("earlier", StringComparison.OrdinalIgnoreCase) || earlier.Equals("later", StringComparison.OrdinalIgnoreCase)))
                return (earlierStart, earlier.ToLowerInvariant() + " in");
        }
        return (wordStart, cue);
    }

    private static (int Start, string? Word) PreviousWord(string text, int start)
    {
        int end = start;
        while (end > 0 && text[end - 1] == ' ') end--;
        if (end == start && start > 0) return (start, null); // glued to something else ("-", "(")
        int begin = end;
        while (begin > 0 && char.IsLetter(text[begin - 1])) begin--;
        if (begin == end || (begin > 0 && !char.IsWhiteSpace(text[begin - 1]) && text[begin - 1] is not '(' and not '"' and not '“')) return (start, null);
        return (begin, text[begin..end]);
    }

    // A family: its regular expression, and a cheap test of words it cannot match without (so most sentences skip most regexes).
    private sealed class TemporalPattern(TemporalFamily family, Regex regex, Func<string, bool> needs)
    {
        public TemporalFamily Family { get; } = family;
        public Regex Regex { get; } = regex;
        public Func<string, bool> Needs { get; } = needs;
    }

    private static bool HasDigit(string text) => text.AsSpan().IndexOfAnyInRange('0', '9') >= 0;

    private static bool HasAny(string text, params string[] words)
    {
        foreach (var w in words)
            if (text.Contains(w, StringComparison.Ordinal)) return true;
        return false;
    }

    private readonly record struct TemporalSpan(DateTime? Start, DateTime? End, TimelineGranularity Granularity, TimelineBasis Basis);

    private sealed record ResolveContext(Match Match, string Text, int CueStart, string? Cue, DateTime? Anchor)
    {
        public bool Has(string group) => Match.Groups[group].Success;
        public string Value(string group) => Match.Groups[group].Success ? Match.Groups[group].Value : "";
        public int Int(string group) => int.Parse(Value(group).TrimEnd('s', 't', 'n', 'd', 'r', 'h'), NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
