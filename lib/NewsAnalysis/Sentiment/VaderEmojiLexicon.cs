using System.Buffers;
using System.Collections.Frozen;
using System.Text;

namespace NewsAnalysis;

/// <summary>
/// VADER's emoji lexicon: emoji → English description (<c>💘</c> → <c>heart with arrow</c>). The default is
/// <c>data/lexicons/emoji_utf8_lexicon.txt</c> of the Python reference (MIT, Hutto), embedded in the library.
/// Before scoring, <see cref="VaderSentimentAnalyzer"/> replaces each emoji by its description, as the reference does.
/// </summary>
/// <remarks>
/// The reference looks the text up one code point at a time, so only entries of a single code point ever apply: an
/// entry such as a flag (two regional indicators) or a skin-tone or ZWJ sequence never matches as a whole, while its
/// parts may match on their own. <see cref="Descriptions"/> holds exactly the entries that can apply.
/// </remarks>
public sealed class VaderEmojiLexicon
{
    private const string ResourceName = "NewsAnalysis.emoji_utf8_lexicon.txt";
    private static readonly Lazy<VaderEmojiLexicon> defaultLexicon = new(LoadEmbedded);

    private readonly SearchValues<char> starts;
    private readonly char lowest;

    private readonly Dictionary<int, string> single;
    private FrozenDictionary<int, string>? descriptions;

    private VaderEmojiLexicon(Dictionary<int, string> single, int entries, string origin)
    {
        this.single = single;
        Entries = entries;
        Origin = origin;
        // The UTF-16 units an applicable emoji starts with: BMP emoji themselves, high surrogates of the others. A text
        // holding none of them is scored as it is (one vectorised scan).
        var units = single.Keys.Select(cp => cp < 0x10000 ? (char)cp : new Rune(cp).ToString()[0]).Distinct().Order().ToArray();
        starts = SearchValues.Create(units);
        lowest = units.Length > 0 ? units[0] : char.MaxValue;
    }

    /// <summary>The emoji lexicon shipped with the library (3,570 entries, 1,212 of a single code point).</summary>
    public static VaderEmojiLexicon Default => defaultLexicon.Value;

    /// <summary>No emoji: texts are scored as they are.</summary>
    public static VaderEmojiLexicon None { get; } = new([], 0, "(none)");

    /// <summary>The entries that apply: code point → description.</summary>
    /// <remarks>Frozen at first use (scoring reads the entries as loaded): a process that only scores does not pay for it.</remarks>
    public FrozenDictionary<int, string> Descriptions
    {
        get
        {
            if (descriptions is null) Interlocked.CompareExchange(ref descriptions, single.ToFrozenDictionary(), null);
            return descriptions;
        }
    }

    /// <summary>How many entries the file has (distinct emoji, of one or more code points).</summary>
    public int Entries { get; }

    /// <summary>Where the lexicon was read from.</summary>
    public string Origin { get; }

    /// <summary>
    /// Reads an emoji lexicon in the reference's format: one entry per line, <c>emoji TAB description [TAB ...]</c>; a
    /// later duplicate replaces an earlier one.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FormatException">A line has no tab; the message names the file and line.</exception>
    public static VaderEmojiLexicon Load(string path)
    {
        return LexiconFile.Load(path, "VADER emoji lexicon", Parse);
    }

    /// <summary>Reads an emoji lexicon from <paramref name="reader"/>; <paramref name="origin"/> names it in errors.</summary>
    public static VaderEmojiLexicon Parse(TextReader reader, string origin)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var all = LexiconFile.Entries(reader, origin, "emoji lexicon", "emoji<TAB>description", (string emoji, ReadOnlySpan<char> field, out string description) =>
        {
            description = field.ToString();
            return emoji.Length > 0;
        });
        var single = new Dictionary<int, string>();
        foreach (var (emoji, description) in all)
            if (Rune.DecodeFromUtf16(emoji, out var rune, out var used) == OperationStatus.Done && used == emoji.Length)
                single[rune.Value] = description;
        return new VaderEmojiLexicon(single, all.Count, origin);
    }

    /// <summary>Whether <paramref name="text"/> may hold an emoji of this lexicon (false: it is scored as it is).</summary>
    public bool MayContain(ReadOnlySpan<char> text)
    {
        if (single.Count == 0) return false;
        // Most texts are plain ASCII, and no emoji is (the shipped lexicon's lowest, ©, is U+00A9): one cheap vectorised
        // scan for a unit at or above the lowest clears them; only the rest pay the lookup in the set of starting units.
        var wide = text.IndexOfAnyInRange(lowest, char.MaxValue);
        return wide >= 0 && text[wide..].ContainsAny(starts);
    }

    /// <summary>
    /// <paramref name="text"/> with each emoji replaced by its description, as the reference's <c>polarity_scores</c>
    /// does: a space before the description unless it follows a plain space (U+0020), none after it.
    /// </summary>
    public string Translate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!MayContain(text)) return text;
        var buffer = new char[Translate(text, [])];
        Translate(text, buffer);
        return new string(buffer);
    }

    /// <summary>
    /// Writes the translation of <paramref name="text"/> to <paramref name="destination"/> and returns its length; with
    /// an empty <paramref name="destination"/>, only measures it.
    /// </summary>
    internal int Translate(ReadOnlySpan<char> text, Span<char> destination)
    {
        var at = 0;
        var previousSpace = true;
        var measure = destination.IsEmpty;
        for (var i = 0; i < text.Length;)
        {
            // A lone surrogate is one code point of its own in Python's str: copied, never an emoji.
            var status = Rune.DecodeFromUtf16(text[i..], out var rune, out var used);
            if (status == OperationStatus.Done && single.TryGetValue(rune.Value, out var description))
            {
                if (!previousSpace)
                {
                    if (!measure) destination[at] = ' ';
                    at++;
                }
                if (!measure) description.CopyTo(destination[at..]);
                at += description.Length;
                previousSpace = false;
            }
            else
            {
                if (status != OperationStatus.Done) used = 1;
                if (!measure) text.Slice(i, used).CopyTo(destination[at..]);
                at += used;
                previousSpace = used == 1 && text[i] == ' ';
            }
            i += used;
        }
        return at;
    }

    private static VaderEmojiLexicon LoadEmbedded()
    {
        using var reader = new StreamReader(EmbeddedResources.Open(ResourceName));
        return Parse(reader, "data/lexicons/emoji_utf8_lexicon.txt (embedded)");
    }
}
