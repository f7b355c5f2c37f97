namespace NewsAnalysis;

/// <summary>
/// Splits news prose into sentences. Written by hand because no package on the mirror does
/// English sentence segmentation: it copes with titles and ranks ("Mr.", "Gen.", "Lt-Gen (retd)"),
/// dotted acronyms ("U.S."), initials ("J. Smith"), decimals ("12.4"), and closing quotes after
/// the full stop.
/// </summary>
public static class SentenceSplitter
{
    // Words that, followed by a full stop, do not end a sentence. Compared case-insensitively.
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft",
        "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cmdr", "adm", "brig", "cdr", "gov", "sen", "rep", "rev", "pres", "hon",
        "retd", "ret", "vs", "etc", "no", "nos", "vol", "fig", "approx", "est", "inc", "ltd", "co", "corp", "dept", "univ",
        "p", "pp", "para", "ch", "sec", "art", "ave", "rd", "blvd", "ed", "eds", "op", "cit", "al",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "e.g", "i.e", "a.m", "p.m", "u.s", "u.k", "u.n", "e.u",
    };

    /// <summary>Splits <paramref name="text"/> into sentence spans (start, length) with surrounding white space trimmed.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static List<(int Start, int Length)> Split(ReadOnlySpan<char> text)
    {
        var result = new List<(int, int)>();
        int start = SkipSpace(text, 0);
        int i = start;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\n' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                // A blank line always ends a sentence (paragraph break, heading).
                Add(result, text, start, i);
                start = i = SkipSpace(text, i);
                continue;
            }
            if (c is '.' or '!' or '?' or '…')
            {
                int end = i + 1;
                while (end < text.Length && text[end] is '.' or '!' or '?' or '…') end++;
                while (end < text.Length && IsCloser(text[end])) end++;
                if (end >= text.Length || (char.IsWhiteSpace(text[end]) && IsBoundary(text, start, i, end)))
                {
                    Add(result, text, start, end);
                    start = i = SkipSpace(text, end);
                    continue;
                }
                i = end;
                continue;
            }
            i++;
        }
        Add(result, text, start, text.Length);
        return result;
    }

    private static bool IsBoundary(ReadOnlySpan<char> text, int sentenceStart, int stop, int afterClosers)
    {
        int next = SkipSpace(text, afterClosers);
        if (next >= text.Length) return true;
        char n = text[next];
        bool nextStartsSentence = char.IsUpper(n) || char.IsDigit(n) || IsOpener(n);
        if (!nextStartsSentence) return false;
        if (text[stop] != '.') return true;

        // The word before the full stop.
        int wordStart = stop;
        while (wordStart > sentenceStart && !char.IsWhiteSpace(text[wordStart - 1]) && text[wordStart - 1] is not '(' and not '"' and not '“' and not '‘') wordStart--;
        var word = text[wordStart..stop];
        if (word.Length == 0) return true;
        if (word.Length == 1 && char.IsUpper(word[0])) return false;                  // initial: "J. Smith"
        if (char.IsDigit(n) && word.Length <= 3 && char.IsLower(word[0])) return false; // "p. 4", "pp. 12", "no. 5"
        if (IsDottedAcronym(word)) return IsLikelySentenceStart(text, next);          // "U.S." then "The ..."?
        var key = word.TrimStart('(').ToString();
        if (Abbreviations.Contains(key)) return false;
        return true;
    }

    // "U.S", "U.N", "e.g": letters separated by dots.
    private static bool IsDottedAcronym(ReadOnlySpan<char> word)
    {
        if (word.Length < 3) return false;
        for (int k = 0; k < word.Length; k++)
        {
            bool letterSlot = k % 2 == 0;
            if (letterSlot ? !char.IsLetter(word[k]) : word[k] != '.') return false;
        }
        return true;
    }

    // After an acronym, only a clearly sentence-opening word starts a new sentence.
    private static bool IsLikelySentenceStart(ReadOnlySpan<char> text, int at)
    {
        int end = at;
        while (end < text.Length && char.IsLetter(text[end])) end++;
        var w = text[at..end];
        foreach (var opener in SentenceOpeners)
            if (w.Equals(opener, StringComparison.Ordinal)) return true;
        return false;
    }

    private static readonly string[] SentenceOpeners =
        ["The", "A", "An", "He", "She", "It", "They", "We", "I", "This", "That", "These", "Those", "But", "And", "In", "On", "At", "As", "If", "When", "While"];

    private static bool IsCloser(char c) => c is '"' or '\'' or '”' or '’' or ')' or ']' or '»';
    private static bool IsOpener(char c) => c is '"' or '\'' or '“' or '‘' or '(' or '[' or '«' or '*' or '—' or '–' or '-';

    private static int SkipSpace(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        return i;
    }

    private static void Add(List<(int, int)> result, ReadOnlySpan<char> text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start) result.Add((start, end - start));
    }
}
