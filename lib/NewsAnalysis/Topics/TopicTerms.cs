using Microsoft.ML.Data;

namespace NewsAnalysis;

/// <summary>Class-based TF-IDF (as in BERTopic): the terms that set each topic apart, and labels made of them.</summary>
internal static class TopicTerms
{
    /// <summary>
    /// Words that are features but never a topic's term on their own: titles. They mark stories told through named
    /// people (politics, courts), which helps the clustering (issue #12: listing them as stop words lowered BBC
    /// agreement over five seeds), but "mr" names no subject, so a label shows "mr blair" or "blair", never "mr".
    /// </summary>
    internal static readonly HashSet<string> NotTerms = new(["mr", "mrs", "ms", "dr"], StringComparer.Ordinal);

    private static readonly Lazy<HashSet<string>> notLabels = new(() => TopicStopWords.NotLabels.ToHashSet(StringComparer.Ordinal));

    /// <summary>
    /// Whether <paramref name="term"/> may not be a topic's term: a title on its own (<see cref="NotTerms"/>; "mr blair" may),
    /// or a unigram or bigram holding a word of <see cref="TopicStopWords.NotLabels"/> ("said", "blair said"): the features
    /// keep such words (they help the clustering), the labels never show them.
    /// </summary>
    internal static bool IsNotTerm(string term)
    {
        if (NotTerms.Contains(term)) return true;
        var words = notLabels.Value.GetAlternateLookup<ReadOnlySpan<char>>();
        var span = term.AsSpan();
        int space = span.IndexOf(' ');
        return space < 0 ? words.Contains(span) : words.Contains(span[..space]) || words.Contains(span[(space + 1)..]);
    }

    /// <summary>
    /// For each topic, its top terms by c-TF-IDF: tf(t, c) / |c| × log(1 + A / f(t)), where tf(t, c) is the count of
    /// term t in the topic's units, |c| the topic's total count, A the mean total count per topic and f(t) the term's
    /// count over all topics. Ties go to the term that sorts first. Terms for which <see cref="IsNotTerm"/> holds are left out.
    /// </summary>
    public static List<TopicTerm>[] Top(IReadOnlyList<VBuffer<float>> counts, string[] terms, int[] topicOfUnit, int k, int top)
    {
        var perTopic = new double[k][];
        for (int c = 0; c < k; c++) perTopic[c] = new double[terms.Length];
        for (int u = 0; u < counts.Count; u++)
        {
            int topic = topicOfUnit[u];
            if (topic < 0) continue;
            var values = counts[u].GetValues();
            if (counts[u].IsDense) { for (int t = 0; t < values.Length; t++) perTopic[topic][t] += values[t]; }
            else
            {
                var indices = counts[u].GetIndices();
                for (int x = 0; x < indices.Length; x++) perTopic[topic][indices[x]] += values[x];
            }
        }
        var overall = new double[terms.Length];
        foreach (var row in perTopic) for (int t = 0; t < terms.Length; t++) overall[t] += row[t];
        double meanWords = overall.Sum() / Math.Max(1, k);
        var result = new List<TopicTerm>[k];
        for (int c = 0; c < k; c++)
        {
            double words = perTopic[c].Sum();
            var row = perTopic[c];
            result[c] = Enumerable.Range(0, terms.Length)
                .Where(t => row[t] > 0 && !IsNotTerm(terms[t]))
                .Select(t => new TopicTerm(terms[t], row[t] / words * Math.Log(1 + meanWords / overall[t])))
                .OrderByDescending(x => x.Weight).ThenBy(x => x.Term, StringComparer.Ordinal)
                .Take(top).ToList();
        }
        return result;
    }

    /// <summary>
    /// A label from the top terms: the first <paramref name="count"/> distinct terms, where a bigram among the top
    /// terms replaces its two words when both were taken ("united, states" becomes "united states"), and a term
    /// repeating a word already taken is skipped (so "prime minister" is not followed by "minister").
    /// </summary>
    public static string Label(IReadOnlyList<TopicTerm> terms, int count)
    {
        var chosen = new List<string>();
        foreach (var term in terms)
        {
            var parts = term.Term.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 1 && parts.All(chosen.Contains))
            {
                int at = parts.Min(p => chosen.IndexOf(p));
                chosen.RemoveAll(parts.Contains);
                chosen.Insert(at, term.Term);
                continue;
            }
            var taken = chosen.SelectMany(c => c.Split(' ')).ToHashSet(StringComparer.Ordinal);
            if (parts.Any(taken.Contains)) continue;
            chosen.Add(term.Term);
        }
        return chosen.Count == 0 ? "(no terms)" : string.Join(", ", chosen.Take(count));
    }
}
