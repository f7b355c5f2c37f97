using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsAnalysis;

/// <summary>
/// The rules that drive cleaning and inference (chrome lines, caption patterns, dateline and
/// "Published in" patterns, outlets, site templates, date formats, dated events), read from
/// <c>data/corpus/corpus-rules.yaml</c> (embedded in the library) or from a file of the same shape.
/// </summary>
public sealed partial class CorpusRules
{
    /// <summary>Whole lines that are site chrome.</summary>
    public List<string> ChromeLines { get; set; } = [];

    /// <summary>Runs of consecutive lines that together are chrome (e.g. XS, SM, MD, LG).</summary>
    public List<List<string>> ChromeRuns { get; set; } = [];

    /// <summary>Inline placeholders left where a link or embed was stripped (e.g. <c>&lt;link&gt;</c>).</summary>
    public List<string> Placeholders { get; set; } = [];

    /// <summary>Placeholder words that may be glued to the word before them (e.g. "Sputniklink").</summary>
    public List<string> GluedPlaceholderWords { get; set; } = [];

    /// <summary>Function words: a glued-word split yielding one is strong evidence of a lost space.</summary>
    public List<string> FunctionWords { get; set; } = [];

    /// <summary>Regular expressions recognising photo captions and credits.</summary>
    public List<string> CaptionPatterns { get; set; } = [];

    /// <summary>Captions (file photos) whose date does not date the article.</summary>
    public List<string> UndatedCaptionPatterns { get; set; } = [];

    /// <summary>Limits on what counts as a headline line.</summary>
    public TitleRules Title { get; set; } = new();

    /// <summary>The dateline pattern (groups <c>place</c> and optional <c>source</c>).</summary>
    public string DatelinePattern { get; set; } = "";

    /// <summary>Publication statements (groups <c>source</c> and <c>date</c>).</summary>
    public List<string> StatedPatterns { get; set; } = [];

    /// <summary>Outlets that may be named as the one reporting.</summary>
    public List<string> Outlets { get; set; } = [];

    /// <summary>Patterns naming the reporting outlet; <c>{outlet}</c> stands for any of <see cref="Outlets"/>.</summary>
    public List<string> OutletPatterns { get; set; } = [];

    /// <summary>Site templates recognised by their chrome.</summary>
    public List<SiteTemplateRule> SiteTemplates { get; set; } = [];

    /// <summary>Date formats tried, invariant culture, after ordinal suffixes are removed.</summary>
    public List<string> DateFormats { get; set; } = [];

    /// <summary>Well-known dated events that supply a year to stories that give only day and month.</summary>
    public List<DatedEventRule> Events { get; set; } = [];

    /// <summary>The rules shipped with the library (<c>data/corpus/corpus-rules.yaml</c>).</summary>
    public static CorpusRules Default => defaultRules.Value;

    private static readonly Lazy<CorpusRules> defaultRules = new(() => Parse(ReadResource("corpus-rules.yaml")));

    /// <summary>Reads rules from a YAML file of the same shape as <c>data/corpus/corpus-rules.yaml</c>.</summary>
    /// <exception cref="InvalidDataException">When the file is not valid rules YAML (the message names the file).</exception>
    public static CorpusRules FromFile(string path)
    {
        try { return Parse(File.ReadAllText(path)); }
        catch (YamlDotNet.Core.YamlException e) { throw new InvalidDataException($"Rules file '{path}' is not valid: {e.Message}", e); }
    }

    /// <summary>Parses rules YAML.</summary>
    public static CorpusRules Parse(string yaml)
    {
        var rules = CorpusRulesYaml.Read(yaml);
        rules.Compile();
        return rules;
    }

    // ---- compiled forms, built once ----
    internal HashSet<string> ChromeSet { get; private set; } = [];
    private RulePatterns interpreted = RulePatterns.None;
    private Lazy<RulePatterns> compiled = new(RulePatterns.None);

    /// <summary>Articles cleaned by one builder from which the rules' patterns run compiled (see <see cref="Patterns"/>).</summary>
    internal const int CompiledPatternsFrom = 5_000;

    /// <summary>
    /// The rules' regular expressions for a builder about to clean <paramref name="articles"/> articles: compiled to IL
    /// for a big load (faster per match), interpreted for a few (a compiled pattern is compiled again by the JIT at its
    /// first match in each process: ~0.15 s of a rerun that cleans 1,000 new articles). Both match the same.
    /// </summary>
    internal RulePatterns Patterns(int articles) => articles >= CompiledPatternsFrom ? compiled.Value : interpreted;
    internal string[] Formats { get; private set; } = [];

    private void Compile()
    {
        ChromeSet = new HashSet<string>(ChromeLines, StringComparer.OrdinalIgnoreCase);
        interpreted = MakePatterns(RegexOptions.CultureInvariant);
        compiled = new(() => MakePatterns(RegexOptions.Compiled | RegexOptions.CultureInvariant));
        Formats = DateFormats.ToArray();
        int iso = Array.IndexOf(Formats, "yyyy-MM-dd");
        IsoDateFirst = iso >= 0 && Formats.Take(iso).All(f => f.Contains("MMM", StringComparison.Ordinal));
        Title.LeadOpenerSet = new HashSet<string>(Title.LeadOpeners, StringComparer.Ordinal);
    }

    private RulePatterns MakePatterns(RegexOptions o)
    {
        var outletAlternatives = string.Join('|', Outlets.OrderByDescending(x => x.Length).Select(Regex.Escape));
        return new(
            CaptionPatterns.Select(p => new Regex(p, o)).ToArray(),
            UndatedCaptionPatterns.Select(p => new Regex(p, o)).ToArray(),
            DatelinePattern.Length > 0 ? new Regex(DatelinePattern, o) : null,
            StatedPatterns.Select(p => new Regex(p, o)).ToArray(),
            OutletPatterns.Select(p => new Regex(p.Replace("{outlet}", outletAlternatives), o)).ToArray());
    }

    /// <summary>Parses a date with <see cref="DateFormats"/> after removing ordinal suffixes ("21st"); null when none fits.</summary>
    public DateTime? ParseDate(string text)
    {
        // An ISO date (a CSV's date column, usually) is tried with its format alone first when no earlier format can read
        // digits: the list tries the month-name formats first, with culture-aware compares (100,000 ISO dates, compiled
        // code: 27 ms through the list, 14 ms this way; more in a process still JIT-compiling). A string that format
        // reads has no letters and no run of spaces for the steps below to change, so the list would read it the same.
        if (IsoDateFirst && DateTime.TryParseExact(text.AsSpan().Trim().TrimEnd('.'), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateStyles, out var iso))
            return iso;
        var s = OrdinalSuffix().Replace(text.Trim().TrimEnd('.'), "$1");
        s = string.Join(' ', s.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (DateTime.TryParseExact(s, Formats, CultureInfo.InvariantCulture, DateStyles, out var d))
            return d.TimeOfDay == TimeSpan.Zero ? d.Date : d;
        return null;
    }

    private const DateTimeStyles DateStyles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal;

    // True when "yyyy-MM-dd" is a format and every format before it names the month in words (see ParseDate).
    private bool IsoDateFirst { get; set; }

    [GeneratedRegex(@"\b(\d{1,2})(?:st|nd|rd|th)\b")]
    private static partial Regex OrdinalSuffix();

    /// <summary>Opens one of the Corpus concern's embedded data files (<c>data/corpus/</c>) by file name.</summary>
    internal static Stream OpenResource(string name) => EmbeddedResources.Open("NewsAnalysis.Corpus." + name);

    private static string ReadResource(string name)
    {
        using var reader = new StreamReader(OpenResource(name));
        return reader.ReadToEnd();
    }
}

/// <summary>Limits on what counts as a headline line.</summary>
public sealed class TitleRules
{
    /// <summary>A headline has at most this many words.</summary>
    public int MaxWords { get; set; } = 25;

    /// <summary>A headline has at most this many characters.</summary>
    public int MaxChars { get; set; } = 160;

    /// <summary>When no line is a headline, the title is the lead sentence cut to this many words.</summary>
    public int LeadWords { get; set; } = 12;

    /// <summary>Words that often open a lead, used to find a headline run into the first sentence.</summary>
    public List<string> LeadOpeners { get; set; } = [];

    internal HashSet<string> LeadOpenerSet { get; set; } = new(StringComparer.Ordinal);

    /// <summary>A one-paragraph text of at least this many words may have its headline glued to the lead.</summary>
    public int GluedHeadlineMinWords { get; set; } = 60;
}

/// <summary>A site recognised by its chrome lines.</summary>
public sealed class SiteTemplateRule
{
    /// <summary>The source to report.</summary>
    public string Source { get; set; } = "";

    /// <summary>Lines that must all be present.</summary>
    public List<string> Markers { get; set; } = [];
}

/// <summary>A well-known dated event.</summary>
public sealed class DatedEventRule
{
    /// <summary>Words that must all occur in the story (case-insensitive).</summary>
    public string Phrase { get; set; } = "";

    /// <summary>The event's date.</summary>
    public DateTime Date { get; set; }

    /// <summary>What the event was, shown as evidence.</summary>
    public string What { get; set; } = "";
}

/// <summary>The regular expressions of <see cref="CorpusRules"/>, built with one set of options.</summary>
internal sealed record RulePatterns(Regex[] Captions, Regex[] UndatedCaptions, Regex? Dateline, Regex[] Stated, Regex[] Outlets)
{
    /// <summary>No patterns (rules not compiled yet).</summary>
    public static readonly RulePatterns None = new([], [], null, [], []);
}
