using System.Globalization;
using System.Text;

namespace NewsAnalysis;

/// <summary>
/// Stop words for topics (<c>data/stopwords/*.txt</c>, embedded into the library at build time): the features leave out
/// scikit-learn's English list (<see cref="Default"/>, the peer's own); topic labels and terms leave out more, ML.NET's
/// English list and the news words (<see cref="NotLabels"/>), so a word kept as a feature, such as "said", never names a
/// topic. Words are normalised as the text is (lower case, no accents, no apostrophes).
/// </summary>
public static class TopicStopWords
{
    private static readonly Lazy<IReadOnlyList<string>> defaults = new(() => Normalise(ReadResource("scikit-learn")));

    private static readonly Lazy<IReadOnlyList<string>> notLabels = new(() =>
        Normalise(ReadResource("english").Concat(ReadResource("news"))));

    /// <summary>
    /// The words left out of the features by default: <c>data/stopwords/scikit-learn.txt</c> (scikit-learn's English list,
    /// the one its <c>TfidfVectorizer(stop_words='english')</c> uses), normalised, sorted, distinct. Reporting verbs, time
    /// and number words stay features: over five seeds they cluster BBC's long articles better when kept (docs/topics.md,
    /// issue #12); they never label a topic (<see cref="NotLabels"/>).
    /// </summary>
    public static IReadOnlyList<string> Default => defaults.Value;

    /// <summary>
    /// Words that never name a topic, whatever the features keep: <c>data/stopwords/english.txt</c> (ML.NET's English list)
    /// and <c>data/stopwords/news.txt</c> (reporting verbs such as "said", time, number and amount words, contractions,
    /// single letters), normalised, sorted, distinct. A topic's terms and label leave out these words and every bigram
    /// holding one ("blair said").
    /// </summary>
    public static IReadOnlyList<string> NotLabels => notLabels.Value;

    /// <summary>Reads a stop-word file (one word per line, <c>#</c> comments) and normalises its words.</summary>
    /// <exception cref="FileNotFoundException">When <paramref name="path"/> does not exist.</exception>
    public static IReadOnlyList<string> Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Stop-word file not found: '{path}'.", path);
        return Normalise(ParseLines(File.ReadAllLines(path)));
    }

    /// <summary>Normalises a word as the feature pipeline normalises tokens: lower case, accents and apostrophes removed.</summary>
    public static string NormaliseWord(string word)
    {
        var decomposed = word.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (c is '\'' or '’' or '‘') continue;
            sb.Append(c);
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    private static IReadOnlyList<string> Normalise(IEnumerable<string> words) =>
        words.Select(NormaliseWord).Where(w => w.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    private static IEnumerable<string> ParseLines(IEnumerable<string> lines) =>
        lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));

    private static IEnumerable<string> ReadResource(string name)
    {
        using var reader = new StreamReader(EmbeddedResources.Open($"NewsAnalysis.stopwords.{name}.txt"), Encoding.UTF8);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line) lines.Add(line);
        return ParseLines(lines).ToList();
    }
}
