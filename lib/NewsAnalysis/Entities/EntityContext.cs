namespace NewsAnalysis;

/// <summary>
/// The context rules of entity recognition, read from the words around a match: is a capital used as its government
/// ("Moscow maintains contacts") or as a place ("a visit to Moscow")? Is an all-caps short form like "IS" marked as a
/// name ("(IS)", "IS group")? Is a sentence shouting (an all-caps headline, where "US" may be the word "us")?
/// </summary>
internal static class EntityContext
{
    // Before a capital, these make it a place: "in Moscow", "from Islamabad".
    private static readonly HashSet<string> PlacePrepositions = new(StringComparer.Ordinal)
    {
        "in", "at", "near", "inside", "outside", "around", "across", "into", "via", "from", "through", "within", "throughout", "of", "toward", "towards",
    };

    // Before a capital (directly, or before "to"): movement to or presence at the place.
    private static readonly HashSet<string> TravelWords = new(StringComparer.Ordinal)
    {
        "visit", "visits", "visited", "visiting", "trip", "trips", "travel", "travels", "travelled", "traveled", "travelling", "traveling",
        "journey", "flew", "fly", "flies", "flying", "flight", "flights", "arrived", "arrive", "arrives", "arriving", "return", "returned",
        "returns", "returning", "came", "come", "comes", "coming", "went", "go", "goes", "going", "moved", "move", "headed", "heading",
        "back", "way", "toured", "tour", "reached", "reach", "left", "leave", "leaving", "landed", "based", "located", "relocated",
        "head", "heads", "entered", "enter", "enters", "occupy", "occupied", "occupies", "moving",
    };

    // After a capital, these make it a modifier of a place or event: "the Moscow meeting", "Washington correspondent".
    private static readonly HashSet<string> PlaceNouns = new(StringComparer.Ordinal)
    {
        "meeting", "meetings", "talks", "conference", "summit", "format", "airport", "office", "offices", "bureau", "correspondent",
        "residents", "resident", "streets", "street", "metro", "mayor", "region", "suburb", "suburbs", "outskirts", "hotel", "court",
        "university", "declaration", "time", "police", "club", "skyline", "marathon", "stock", "market", "markets", "exchange",
        "film", "festival", "motor", "show", "games", "olympics", "derby", "zoo", "museum", "studio", "station", "hospital",
    };

    // Capitalised words that start sentences rather than names: "But Washington says".
    private static readonly HashSet<string> SentenceWords = new(StringComparer.Ordinal)
    {
        "the", "but", "and", "or", "so", "yet", "then", "now", "meanwhile", "however", "still", "also", "when", "while", "if", "as",
        "because", "since", "after", "before", "why", "how", "what", "where", "that", "this", "both", "even", "only", "last", "earlier",
        "later", "today", "yesterday", "officially", "though", "although", "whether", "unless", "until", "once", "here", "there",
    };

    // After an all-caps short form ("IS"), these mark it as the group's name.
    private static readonly HashSet<string> GroupCues = new(StringComparer.Ordinal)
    {
        "group", "militants", "militant", "fighters", "jihadists", "extremists", "terrorists", "threat", "militia", "insurgents",
        "attack", "attacks", "affiliate", "branch", "loyalists", "supporters", "members", "commander", "commanders", "leader",
        "leaders", "propaganda", "claimed", "stronghold", "strongholds", "territory",
    };

    /// <summary>
    /// True when the place name at [start, end) is used as its government: possessive ("Moscow's readiness"), subject or
    /// object of an action ("Moscow maintains", "accused Islamabad", "talks with Washington"); false when it is a place
    /// ("in Moscow", "visit to Moscow", "visited Moscow", "the Moscow meeting") or part of a longer name ("George Washington").
    /// </summary>
    public static bool IsGovernmentUse(string text, int start, int end)
    {
        if (end + 1 < text.Length && text[end] == '-' && char.IsLetter(text[end + 1])) return false;   // "Moscow-based"
        if (IsPossessive(text, end)) return true;
        var before = WordsBefore(text, start, 4);
        var after = WordAfter(text, end);
        if (before.Count > 0 && IsCapitalised(before[0]) && !SentenceWords.Contains(before[0].ToLowerInvariant())
            && !PlacePrepositions.Contains(before[0].ToLowerInvariant()) && !TravelWords.Contains(before[0].ToLowerInvariant()))
            return false;                                                                                  // "George Washington"
        if (after is not null && IsCapitalised(after)) return false;                                      // "Washington Post"
        if (InListOfNames(text, start, end)) return false;                                                // "Munich, Paris, Stockholm"
        if (after == "in" && WordAfter(text, SkipWord(text, end)) is { } country && IsCapitalised(country)) return false; // "Kabul in Afghanistan"
        int k = before.Count > 0 && before[0].Equals("the", StringComparison.OrdinalIgnoreCase) ? 1 : 0;   // "to the White House"
        if (k < before.Count)
        {
            var p = before[k].ToLowerInvariant();
            if (PlacePrepositions.Contains(p) || TravelWords.Contains(p)) return false;
            if (p == "to" && before.Skip(k + 1).Any(w => TravelWords.Contains(w.ToLowerInvariant()))) return false;
        }
        if (after is not null && PlaceNouns.Contains(after)) return false;
        return true;
    }

    /// <summary>True when an all-caps short form at [start, end) is marked as a name: bracketed ("(IS)", "[IS]") or followed by a cue ("IS group").</summary>
    public static bool HasNameCue(string text, int start, int end)
    {
        if (start > 0 && end < text.Length && text[start - 1] is '(' or '[' && text[end] is ')' or ']') return true;
        var after = WordAfter(text, end);
        return after is not null && GroupCues.Contains(after);
    }

    /// <summary>True when the letters of text[start, end) are mostly upper case (an all-caps headline or caption).</summary>
    public static bool IsShouting(string text, int start, int end)
    {
        int upper = 0, lower = 0;
        for (int i = start; i < end; i++)
        {
            if (char.IsUpper(text[i])) upper++;
            else if (char.IsLower(text[i])) lower++;
        }
        return upper > lower;
    }

    /// <summary>True when every letter of <paramref name="form"/> is upper case and it has at least one.</summary>
    public static bool IsAllCaps(string form) => form.Any(char.IsLetter) && !form.Any(char.IsLower);

    // A name in a list of capitalised names: "Munich, Paris, Stockholm", "London, Frankfurt and Paris", "Moscow, Russia".
    private static bool InListOfNames(string text, int start, int end)
    {
        int i = start;
        while (i > 0 && text[i - 1] == ' ') i--;
        if (i > 0 && text[i - 1] == ',' && IsListedName(text, i - 1)) return true;
        if (WordsBefore(text, i, 1) is ["and" or "or"])
        {
            int j = i - 3;   // before "and"/"or" (both end at i)
            if (text[i - 2] == 'o') j = i - 2;
            int k = j;
            while (k > 0 && text[k - 1] == ' ') k--;
            int wordStart = k;
            while (wordStart > 0 && char.IsLetter(text[wordStart - 1])) wordStart--;
            int m = wordStart;
            while (m > 0 && text[m - 1] == ' ') m--;
            if (wordStart < k && char.IsUpper(text[wordStart]) && m > 0 && text[m - 1] == ',') return true;
        }
        return end < text.Length && text[end] == ',' && WordAfter(text, end + 1) is { } next && IsCapitalised(next) && !Calendar.Contains(next);
    }

    // The word ending right before the comma at <paramref name="comma"/> is a capitalised name (not a day or month).
    private static bool IsListedName(string text, int comma) =>
        WordsBefore(text, comma, 1) is [var w] && IsCapitalised(w) && !Calendar.Contains(w);

    private static readonly HashSet<string> Calendar = new(StringComparer.Ordinal)
    {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May",
        "June", "July", "August", "September", "October", "November", "December",
    };

    private static int SkipWord(string text, int pos)
    {
        while (pos < text.Length && text[pos] is ' ' or '\t') pos++;
        while (pos < text.Length && char.IsLetterOrDigit(text[pos])) pos++;
        return pos;
    }

    private static bool IsPossessive(string text, int end) =>
        end + 1 < text.Length && text[end] is '\'' or '’' && text[end + 1] == 's' && (end + 2 == text.Length || !char.IsLetterOrDigit(text[end + 2]));

    private static bool IsCapitalised(string word) => word.Length > 0 && char.IsUpper(word[0]);

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '-' or '\'' or '’';

    /// <summary>Up to <paramref name="count"/> words before <paramref name="pos"/>, nearest first, stopping at punctuation.</summary>
    internal static List<string> WordsBefore(string text, int pos, int count)
    {
        var words = new List<string>(count);
        int i = pos;
        while (words.Count < count)
        {
            while (i > 0 && text[i - 1] is ' ' or '\t') i--;
            int end = i;
            while (i > 0 && IsWordChar(text[i - 1])) i--;
            if (i == end) break;                      // punctuation, line break or start of text
            words.Add(text[i..end]);
        }
        return words;
    }

    /// <summary>The word right after <paramref name="pos"/> (spaces skipped), or null when punctuation or the end comes first.</summary>
    internal static string? WordAfter(string text, int pos)
    {
        int i = pos;
        while (i < text.Length && text[i] is ' ' or '\t') i++;
        int start = i;
        while (i < text.Length && char.IsLetterOrDigit(text[i])) i++;
        return i == start ? null : text[start..i];
    }
}
