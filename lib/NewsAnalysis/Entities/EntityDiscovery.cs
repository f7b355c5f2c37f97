using Microsoft.Data.Analysis;

namespace NewsAnalysis;

/// <summary>
/// Lists capitalised names that the gazetteer lacks, with counts, so a user can extend
/// <c>data/gazetteer/entities.csv</c> in minutes when new articles arrive.
/// </summary>
/// <remarks>
/// A candidate is a run of capitalised words in one sentence (joined by "of", "al", "bin", ...), cut at every span the
/// gazetteer already recognises (any alias, short form, metonym or demonym), without titles at either end ("Foreign
/// Minister"). Title-case headlines and one-letter words are skipped.
/// A sentence's first word is dropped unless the corpus also capitalises it mid-sentence ("The", "But" are dropped;
/// "Kamilov" is kept).
/// </remarks>
public static class EntityDiscovery
{
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "al", "bin", "ibn", "de", "van", "von", "da", "del", "la", "le", "The" };

    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "General", "Lt", "Col", "Colonel", "Major", "Maj", "Capt", "Captain", "President",
        "Vice", "Prime", "Minister", "Ministers", "Foreign", "Defence", "Defense", "Interior", "Finance", "Secretary", "Chief",
        "Commander", "Spokesman", "Spokeswoman", "Senator", "Sen", "Rep", "King", "Queen", "Prince", "Princess", "Sir", "Lord",
        "Lady", "Mullah", "Sheikh", "Ambassador", "Envoy", "Adviser", "Advisor", "Chairman", "Director", "Deputy", "Governor",
        "Mayor", "Judge", "Justice", "Pope", "Chancellor", "Premier", "MP", "FILE", "retd", "Lt-Gen", "Maj-Gen", "Brig",
        "National", "Security", "Staff", "Army", "Colonel-General",
    };

    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "I", "I'm", "I've", "I'd", "I'll", "I’m", "I’ve", "I’d", "I’ll",
    };

    /// <summary>
    /// Names in <paramref name="corpus"/> that <paramref name="gazetteer"/> (default: the project's) does not know, seen at
    /// least <paramref name="minMentions"/> times: <c>Name, Mentions, Articles, Example, SuggestedRow</c> (the first
    /// sentence using it; a CSV row to paste into the gazetteer, see <see cref="SuggestedRow"/>), most frequent first, then by name.
    /// </summary>
    public static DataFrame Unknown(NewsCorpus corpus, Gazetteer? gazetteer = null, int minMentions = 2)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        // Everything the gazetteer could name counts as known, whatever the analysis options.
        var recognizer = new EntityRecognizer(gazetteer, new EntityOptions { Demonyms = true });
        var known = new HashSet<string>(recognizer.Gazetteer.Entries.SelectMany(e => e.Aliases.Concat(e.ShortForms).Concat(e.Metonyms).Concat(e.Demonyms)), StringComparer.Ordinal);

        var perArticle = corpus.Articles.Select(a => (Article: a, Words: Words(a, recognizer.Recognize(a)))).ToList();
        // A word opening a sentence (or a quote) is a name only when the corpus capitalises it mid-sentence more often
        // than it writes it in lower case: "Kamilov" yes, "The", "However" no.
        var capitalisedMid = perArticle.SelectMany(x => x.Words).Where(w => !w.First && w.Capitalised)
            .GroupBy(w => w.Text, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var lowerCase = perArticle.SelectMany(x => x.Words).Where(w => !w.Capitalised && capitalisedMid.ContainsKey(Capitalise(w.Text)))
            .GroupBy(w => w.Text, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var midSentence = capitalisedMid.Where(kv => kv.Value > lowerCase.GetValueOrDefault(kv.Key.ToLowerInvariant()))
            .Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);

        var found = new Dictionary<string, (int Mentions, HashSet<string> Articles, string Example)>(StringComparer.Ordinal);
        foreach (var (article, words) in perArticle)
            foreach (var name in Runs(words, midSentence))
            {
                if (known.Contains(name)) continue;
                if (!found.TryGetValue(name, out var f))
                    f = (0, new HashSet<string>(StringComparer.Ordinal), Shorten(words.First(w => w.Text == name.Split(' ')[0]).SentenceText));
                f.Articles.Add(article.Id);
                found[name] = (f.Mentions + 1, f.Articles, f.Example);
            }
        var rows = found.Where(kv => kv.Value.Mentions >= minMentions)
            .OrderByDescending(kv => kv.Value.Mentions).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        return new DataFrame(
            new StringDataFrameColumn("Name", rows.Select(r => r.Key)),
            new Int32DataFrameColumn("Mentions", rows.Select(r => r.Value.Mentions)),
            new Int32DataFrameColumn("Articles", rows.Select(r => r.Value.Articles.Count)),
            new StringDataFrameColumn("Example", rows.Select(r => r.Value.Example)),
            new StringDataFrameColumn("SuggestedRow", rows.Select(r => SuggestedRow(r.Key))));
    }

    private static readonly HashSet<string> OrganisationWords = new(StringComparer.Ordinal)
    {
        "Ministry", "Council", "Party", "Bank", "Commission", "Committee", "Agency", "Corp", "Corporation", "Company", "Group",
        "Association", "Federation", "Union", "Organisation", "Organization", "Institute", "University", "Office", "Department",
        "Forces", "Army", "Navy", "Court", "Parliament", "Assembly", "League", "Club", "Inc", "Ltd", "News", "Times", "Post",
    };

    private static readonly HashSet<string> PlaceWords = new(StringComparer.Ordinal)
    {
        "Street", "City", "Province", "Valley", "River", "Mountains", "Airport", "Square", "Tomb", "Palace", "Sea", "Ocean",
        "Island", "Islands", "Region", "County", "Lake", "Bridge", "Park",
    };

    /// <summary>
    /// A gazetteer row to paste into <c>entities.csv</c> for <paramref name="name"/>, with a guessed type (check it):
    /// organisation or place by a telling word ("Ministry", "Palace"), person for two or three plain words, else group.
    /// </summary>
    public static string SuggestedRow(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = name.Split(' ');
        var type = words.Any(OrganisationWords.Contains) ? EntityType.Organisation
            : words.Any(PlaceWords.Contains) ? EntityType.Place
            : words.Length is 2 or 3 && words.All(w => w.All(char.IsLetter) && !Connectors.Contains(w) && w.Any(char.IsLower)) ? EntityType.Person
            : EntityType.Group;
        var cell = name.Contains(',') || name.Contains('"') ? "\"" + name.Replace("\"", "\"\"") + "\"" : name;
        return $"{cell},{Gazetteer.TypeName(type)},{cell},,,";
    }

    private sealed record Word(string Text, int Sentence, bool First, bool Capitalised, bool Known, bool Joined, bool Headline, string SentenceText);

    // The words of an article, with whether each opens its sentence, is capitalised, lies in a recognised span, and
    // follows the previous word with only spaces between (so that runs never cross punctuation).
    private static List<Word> Words(Article article, List<EntityMention> mentions)
    {
        var text = article.Text;
        var knownSpan = new bool[text.Length];
        foreach (var m in mentions) Array.Fill(knownSpan, true, m.Start, m.Length);
        var words = new List<Word>();
        foreach (var s in article.Sentences)
        {
            bool headline = IsHeadline(s.Text);
            int i = s.Start, end = s.End, previousEnd = -1;
            bool first = true;
            while (i < end)
            {
                if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
                int start = i;
                while (i < end && (char.IsLetterOrDigit(text[i]) || (text[i] is '-' or '\'' or '’' && i + 1 < end && char.IsLetter(text[i + 1])))) i++;
                var w = text[start..i];
                if (w.EndsWith("’s", StringComparison.Ordinal) || w.EndsWith("'s", StringComparison.Ordinal)) w = w[..^2];
                bool joined = previousEnd >= 0 && text.AsSpan(previousEnd, start - previousEnd).Trim(' ').IsEmpty;
                // After an opening quote, a colon or a dash a word may be capitalised as if it opened a sentence.
                bool opens = first || OpensClause(text, start, s.Start);
                bool capitalised = char.IsUpper(w[0]) && w.Any(char.IsLetter);
                words.Add(new Word(w, s.Index, opens, capitalised, knownSpan[start], joined, headline, s.Text));
                previousEnd = i;
                first = false;
            }
        }
        return words;
    }

    private static IEnumerable<string> Runs(List<Word> words, HashSet<string> midSentence)
    {
        var run = new List<string>();
        for (int k = 0; k <= words.Count; k++)
        {
            var w = k < words.Count ? words[k] : null;
            bool breaks = w is null || !w.Joined || w.Sentence != words[k - 1].Sentence;
            bool nameWord = w is not null && w.Capitalised && !w.Known && w.Text.Length > 1 && !NotNames.Contains(w.Text)
                && (!w.First || midSentence.Contains(w.Text)) && !w.Headline;
            bool connector = w is not null && run.Count > 0 && !breaks && Connectors.Contains(w.Text);
            if (breaks || !(nameWord || connector))
            {
                if (Trimmed(run) is { } name) yield return name;
                run.Clear();
                if (nameWord) run.Add(w!.Text);
                continue;
            }
            run.Add(w!.Text);
        }
    }

    private static string? Trimmed(List<string> run)
    {
        // Titles and connectors at either end are not part of the name: "Foreign Minister Abdulaziz Kamilov".
        int a = 0, b = run.Count;
        while (a < b && (Connectors.Contains(run[a]) || Titles.Contains(run[a]))) a++;
        while (b > a && (Connectors.Contains(run[b - 1]) || Titles.Contains(run[b - 1]))) b--;
        return a < b ? string.Join(' ', run.Skip(a).Take(b - a)) : null;
    }

    private static bool OpensClause(string text, int start, int sentenceStart)
    {
        int i = start;
        while (i > sentenceStart && text[i - 1] == ' ') i--;
        return i > sentenceStart && text[i - 1] is '"' or '“' or '‘' or '\'' or ':' or '—' or '–' or '(';
    }

    private static string Capitalise(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    // A title-case line ("Russia, Pakistan Agree to Boost Military Cooperation"): most of its words are capitalised.
    private static bool IsHeadline(string sentence)
    {
        var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsLetter(w[0])).ToList();
        return words.Count >= 3 && words.Count(w => char.IsUpper(w[0])) * 3 > words.Count * 2;
    }

    private static string Shorten(string sentence) => sentence.Length <= 160 ? sentence.ReplaceLineEndings(" ") : sentence[..159].ReplaceLineEndings(" ") + "…";
}
