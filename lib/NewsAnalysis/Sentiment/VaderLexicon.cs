using System.Collections.Frozen;
using System.Globalization;

namespace NewsAnalysis;

/// <summary>
/// The VADER sentiment lexicon: lower-case token → mean valence (-4 … +4). The default is
/// <c>data/lexicons/vader_lexicon.txt</c> (MIT, Hutto &amp; Gilbert 2014), embedded in the library.
/// </summary>
public sealed class VaderLexicon
{
    private const string ResourceName = "NewsAnalysis.vader_lexicon.txt";
    private static readonly Lazy<VaderLexicon> defaultLexicon = new(LoadEmbedded);

    private readonly Dictionary<string, double> entries;
    private FrozenDictionary<string, double>? valences;

    private VaderLexicon(Dictionary<string, double> entries, string origin)
    {
        this.entries = entries;
        Origin = origin;
    }

    /// <summary>The lexicon shipped with the library (7,506 entries).</summary>
    public static VaderLexicon Default => defaultLexicon.Value;

    /// <summary>Every entry: lower-case token → valence.</summary>
    /// <remarks>
    /// Frozen at first use: <see cref="VaderSentimentAnalyzer"/> builds its own table from <see cref="Entries"/>, so a
    /// process that only scores never pays for freezing 7,500 keys.
    /// </remarks>
    public FrozenDictionary<string, double> Valences
    {
        get
        {
            if (valences is null) Interlocked.CompareExchange(ref valences, entries.ToFrozenDictionary(StringComparer.Ordinal), null);
            return valences;
        }
    }

    /// <summary>The entries as read (never modified after loading).</summary>
    internal IReadOnlyDictionary<string, double> Entries => entries;

    /// <summary>Where the lexicon was read from (a path or the embedded resource name).</summary>
    public string Origin { get; }

    /// <summary>
    /// Reads a lexicon in VADER's format: one entry per line, <c>token TAB mean-valence [TAB ...]</c>. As in the
    /// reference, blank lines are skipped and a later duplicate replaces an earlier one.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FormatException">A line has no tab or no number; the message names the file and line.</exception>
    public static VaderLexicon Load(string path)
    {
        return LexiconFile.Load(path, "VADER lexicon", Parse);
    }

    /// <summary>Reads a lexicon from <paramref name="reader"/>; <paramref name="origin"/> names it in errors.</summary>
    public static VaderLexicon Parse(TextReader reader, string origin)
    {
        var entries = LexiconFile.Entries(reader, origin, "lexicon", "token<TAB>valence", (string _, ReadOnlySpan<char> field, out double valence) =>
            double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out valence));
        return new VaderLexicon(entries, origin);
    }

    private static VaderLexicon LoadEmbedded()
    {
        using var reader = new StreamReader(EmbeddedResources.Open(ResourceName));
        return Parse(reader, "data/lexicons/vader_lexicon.txt (embedded)");
    }
}
