using System.Text.RegularExpressions;

namespace NewsAnalysis;

/// <summary>A term left out of the topic features because it carries the source of the articles rather than their subject.</summary>
/// <param name="Term">The word, normalised as the features are (lower case, no accents).</param>
/// <param name="Reason">Why: <c>source</c> (a word of the <c>Source</c> of many articles) or <c>edge</c> (it mostly opens a paragraph or closes the title, as agency tags and datelines do).</param>
/// <param name="Articles">Articles whose title or text holds the word.</param>
/// <param name="EdgeArticles">Articles where it stands at an edge (first three words of a paragraph of 12 words or more, a bracket closing the title) or names the source.</param>
/// <param name="EdgeShare">For <c>edge</c>: the share of all its occurrences that stand at an edge; for <c>source</c>: the share of the articles holding it whose source it names.</param>
public sealed record TopicBoilerplateTerm(string Term, string Reason, int Articles, int EdgeArticles, double EdgeShare);

/// <summary>
/// Finds a corpus's boilerplate terms from the corpus itself: agency tags ("AP -", "(Reuters)", "(AFP)"), datelines
/// ("NEW YORK (Reuters) -") and site names recur at the same places across many articles of every subject, so left in
/// they pull wire items together by agency instead of by topic. A word is boilerplate when it stands at an edge of at
/// least <see cref="TopicOptions.BoilerplateMinArticles"/> articles (and 1 in 100) and at least half of its occurrences
/// are at edges, or when it is a word of the <c>Source</c> of that many articles and of at least half of those holding it.
/// </summary>
/// <remarks>
/// Hand-written: no package on the mirror finds corpus-specific boilerplate; the rule is a count over positions the
/// corpus loader already gives (paragraphs, titles, sources).
/// </remarks>
internal static partial class TopicBoilerplate
{
    private const int EdgeWords = 3;

    // Only paragraphs of at least this many words have edges: in shorter ones every word is near an edge.
    private const int MinParagraphWords = 4 * EdgeWords;

    // A bracket closing a headline: "Prediction Unit Helps Forecast Wildfires (AP)".
    [GeneratedRegex(@"\(([^()]{1,40})\)\s*$")]
    private static partial Regex TitleTag();

    /// <summary>The boilerplate terms of <paramref name="corpus"/>, by decreasing edge count then term; words already in <paramref name="stopWords"/> are not repeated.</summary>
    public static List<TopicBoilerplateTerm> Find(NewsCorpus corpus, IReadOnlyCollection<string> stopWords, int minArticles)
    {
        var stop = stopWords as ISet<string> ?? stopWords.ToHashSet(StringComparer.Ordinal);
        var holding = new Dictionary<string, int>(StringComparer.Ordinal);
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        var edgeOccurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        var edgeArticles = new Dictionary<string, int>(StringComparer.Ordinal);
        var sources = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var atEdge = new HashSet<string>(StringComparer.Ordinal);
        foreach (var article in corpus.Articles)
        {
            seen.Clear();
            atEdge.Clear();
            var texts = article.Paragraphs.Select(p => (Words: Words(p.Text), Paragraph: true)).Prepend((Words(article.Title), false));
            foreach (var (words, paragraph) in texts)
            {
                foreach (var w in words) { occurrences[w] = occurrences.GetValueOrDefault(w) + 1; seen.Add(w); }
                if (paragraph && words.Count >= MinParagraphWords) Edge(words.Take(EdgeWords));
            }
            if (TitleTag().Match(article.Title) is { Success: true } tag) Edge(Words(tag.Groups[1].Value));
            foreach (var w in seen) holding[w] = holding.GetValueOrDefault(w) + 1;
            foreach (var w in atEdge) edgeArticles[w] = edgeArticles.GetValueOrDefault(w) + 1;
            if (article.Source is { Length: > 0 } source)
                foreach (var w in Words(source).Distinct(StringComparer.Ordinal)) sources[w] = sources.GetValueOrDefault(w) + 1;
        }
        int floor = Math.Max(minArticles, (int)Math.Ceiling(corpus.Articles.Count / 100.0));
        var result = new List<TopicBoilerplateTerm>();
        // At an edge of enough articles, and there for at least half of all its occurrences: a subject word opening
        // many paragraphs ("Pakistan" in stories about Pakistan) is said far more often inside them.
        foreach (var (word, count) in edgeArticles)
            if (count >= floor && 2 * edgeOccurrences[word] >= occurrences[word] && !stop.Contains(word))
                result.Add(new TopicBoilerplateTerm(word, "edge", holding[word], count, Math.Round((double)edgeOccurrences[word] / occurrences[word], 3)));
        foreach (var (word, count) in sources)
            if (count >= floor && 2 * count >= holding.GetValueOrDefault(word) && !stop.Contains(word) && !result.Any(r => r.Term == word))
                result.Add(new TopicBoilerplateTerm(word, "source", holding.GetValueOrDefault(word), count,
                    Math.Round((double)count / Math.Max(1, holding.GetValueOrDefault(word)), 3)));
        return result.OrderByDescending(r => r.EdgeArticles).ThenBy(r => r.Term, StringComparer.Ordinal).ToList();

        void Edge(IEnumerable<string> words)
        {
            foreach (var w in words)
            {
                edgeOccurrences[w] = edgeOccurrences.GetValueOrDefault(w) + 1;
                atEdge.Add(w);
            }
        }
    }

    /// <summary>The words of <paramref name="text"/> as the features see them: split as tokens are, normalised, letters only.</summary>
    internal static List<string> Words(string text)
    {
        var result = new List<string>();
        foreach (var range in text.AsSpan().SplitAny(TopicFeatures.SeparatorValues))
        {
            var token = text.AsSpan(range);
            if (token.IsEmpty) continue;
            // ASCII tokens (nearly all) directly: the letters, lower case; others through the full normalisation.
            string word = System.Text.Ascii.IsValid(token)
                ? AsciiLetters(token)
                : new string(TopicStopWords.NormaliseWord(token.ToString()).Where(char.IsLetter).ToArray());
            if (word.Length > 0) result.Add(word);
        }
        return result;
    }

    private static string AsciiLetters(ReadOnlySpan<char> token)
    {
        Span<char> buffer = token.Length <= 64 ? stackalloc char[token.Length] : new char[token.Length];
        int length = 0;
        foreach (var c in token)
        {
            if (c is >= 'a' and <= 'z') buffer[length++] = c;
            else if (c is >= 'A' and <= 'Z') buffer[length++] = (char)(c + 32);
        }
        return length == 0 ? "" : new string(buffer[..length]);
    }
}
