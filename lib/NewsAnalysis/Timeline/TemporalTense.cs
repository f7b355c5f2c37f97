namespace NewsAnalysis;

/// <summary>Which way from the publication date an undated expression points, judged from nearby words.</summary>
internal enum TemporalTense
{
    /// <summary>No clue: take the nearest occurrence.</summary>
    Neutral,
    /// <summary>Looking back ("said on Tuesday", "last March", "earlier in February").</summary>
    Past,
    /// <summary>Looking ahead ("will meet on Tuesday", "due to take place in March", "next May").</summary>
    Future,
}

/// <summary>
/// A small tense heuristic. It reads the words of the same clause just before the expression (or, when the
/// expression opens its clause, just after it): a future marker ("will", "due", "scheduled", "next") makes it
/// <see cref="TemporalTense.Future"/>, otherwise a past-tense verb ("said", "signed", "accused") makes it
/// <see cref="TemporalTense.Past"/>. Hand-written because no parser or tagger is available on the package mirror.
/// </summary>
internal static class TemporalTenseGuess
{
    private const int Window = 5;

    private static readonly HashSet<string> FutureMarkers = new(StringComparer.OrdinalIgnoreCase)
    {
        "will", "shall", "won't", "due", "scheduled", "expected", "planned", "planning", "plans", "plan",
        "upcoming", "next", "going", "intends", "aims", "hopes", "forthcoming",
    };

    // Past-tense verbs that do not end in -ed. Regular verbs are recognised by their ending.
    private static readonly HashSet<string> IrregularPast = new(StringComparer.OrdinalIgnoreCase)
    {
        "said", "told", "was", "were", "had", "did", "met", "held", "came", "went", "took", "made", "began", "saw",
        "won", "lost", "left", "gave", "got", "rose", "fell", "spoke", "wrote", "sent", "struck", "paid", "sold",
        "bought", "brought", "thought", "found", "became", "ran", "shot", "led", "flew", "knew",
        "grew", "drew", "threw", "broke", "chose", "stood", "understood", "sought", "fought", "taught", "caught",
        "meant", "felt", "kept", "slept", "spent", "built", "heard", "ago", "earlier", "since",
    };

    // Words ending in -ed that are not (usually) past-tense verbs of the clause.
    private static readonly HashSet<string> NotPast = new(StringComparer.OrdinalIgnoreCase)
    {
        "need", "needed", "indeed", "speed", "seed", "feed", "united", "based", "armed", "alleged", "so-called",
        "detailed", "limited", "advanced", "related", "proposed", "supposed", "concerned", "interested", "red", "bed",
    };

    /// <summary>Guesses the tense of the clause holding <c>text[start..end)</c>, given the governing word (lower case) if any.</summary>
    public static TemporalTense Guess(string text, int start, int end, string? cue)
    {
        switch (cue)
        {
            case "last" or "since" or "earlier in" or "earlier" or "after": return TemporalTense.Past;
            case "next" or "later in" or "until" or "till": return TemporalTense.Future;
            case "by": return TemporalTense.Neutral; // a deadline ("leave by May 1") may lie either side
        }
        var before = WordsBefore(text, start);
        var words = before.Count > 0 ? before : WordsAfter(text, end);
        if (words.Any(FutureMarkers.Contains)) return TemporalTense.Future;
        return words.Any(IsPastVerb) ? TemporalTense.Past : TemporalTense.Neutral;
    }

    private static bool IsPastVerb(string word) =>
        IrregularPast.Contains(word)
        || (word.Length >= 5 && word.EndsWith("ed", StringComparison.Ordinal) && !word.Contains('-')
            && char.IsLower(word[0]) && !NotPast.Contains(word));

    private static bool IsClauseBreak(char c) => c is ',' or ';' or ':' or '(' or ')' or '"' or '“' or '”' or '—' or '–' or '\n';

    private static List<string> WordsBefore(string text, int start)
    {
        int clauseStart = start;
        while (clauseStart > 0 && !IsClauseBreak(text[clauseStart - 1])) clauseStart--;
        var words = Tokens(text, clauseStart, start);
        return words.Count > Window ? words.GetRange(words.Count - Window, Window) : words;
    }

    private static List<string> WordsAfter(string text, int end)
    {
        int from = end;
        while (from < text.Length && (char.IsWhiteSpace(text[from]) || text[from] == ',')) from++; // "On January 1, Trump accused"
        int clauseEnd = from;
        while (clauseEnd < text.Length && !IsClauseBreak(text[clauseEnd])) clauseEnd++;
        var words = Tokens(text, from, clauseEnd);
        return words.Count > Window + 1 ? words.GetRange(0, Window + 1) : words;
    }

    private static List<string> Tokens(string text, int from, int to)
    {
        var words = new List<string>();
        foreach (var raw in text[from..to].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var w = raw.Trim('.', '!', '?', '\'', '‘', '’', '[', ']');
            if (w.EndsWith("'ll", StringComparison.Ordinal) || w.EndsWith("’ll", StringComparison.Ordinal)) w = "will";
            if (w.Length > 0) words.Add(w);
        }
        return words;
    }
}
