using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace NewsAnalysis;

/// <summary>
/// The versions that key the per-article results of <see cref="ArticleResultStore"/>: a code version per analysis
/// (bump it when the analysis's code changes what it returns), the digest of the data it reads (lexicon, gazetteer,
/// options), and the fingerprint of an article as the analyses see it (its cleaned text and sentences). A cleaned
/// article already reflects the corpus rules, so a rule change reaches every analysis through the fingerprint.
/// </summary>
public static class AnalysisVersions
{
    /// <summary>Code version of sentence sentiment (VADER scoring and sentence handling).</summary>
    public const string SentimentCode = "sentiment-1";

    /// <summary>Code version of entity recognition (trie matching and mention resolution).</summary>
    public const string EntitiesCode = "entities-1";

    /// <summary>Code version of temporal expression extraction.</summary>
    public const string TimelineCode = "timeline-1";

    private static readonly ConditionalWeakTable<VaderLexicon, string> LexiconDigests = new();
    private static readonly ConditionalWeakTable<Gazetteer, string> GazetteerDigests = new();
    private static readonly ConditionalWeakTable<Article, byte[]> Fingerprints = new();

    /// <summary>The version of sentence sentiment with <paramref name="analyzer"/>: code version and lexicon digest.</summary>
    public static string Sentiment(VaderSentimentAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        return SentimentCode + ":" + LexiconDigests.GetValue(analyzer.Lexicon, lexicon =>
            Digest(lexicon.Valences.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => p.Key + "\t" + p.Value.ToString("R", CultureInfo.InvariantCulture))));
    }

    /// <summary>The version of entity recognition with <paramref name="recognizer"/>: code version, gazetteer digest and options.</summary>
    public static string Entities(EntityRecognizer recognizer)
    {
        ArgumentNullException.ThrowIfNull(recognizer);
        var gazetteer = GazetteerDigests.GetValue(recognizer.Gazetteer, g => Digest(g.Entries.Select(e =>
            string.Join("\u001f", e.Name, e.TypeName, string.Join('\u001e', e.Aliases), string.Join('\u001e', e.ShortForms),
                string.Join('\u001e', e.Metonyms), string.Join('\u001e', e.Demonyms)))));
        var o = recognizer.Options;
        return $"{EntitiesCode}:{gazetteer}:m{o.Metonymy}s{o.ShortForms}d{o.Demonyms}";
    }

    /// <summary>The version of temporal extraction (the anchor date is part of each article's key).</summary>
    public static string Timeline => TimelineCode;

    /// <summary>
    /// The fingerprint of an article as the per-article analyses read it: its cleaned text and every sentence (index,
    /// paragraph, offsets, text). Not its id, which the results get back when they are read.
    /// </summary>
    public static byte[] Fingerprint(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return Fingerprints.GetValue(article, a =>
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var number = new byte[4];
            void Int(int v) { BitConverter.TryWriteBytes(number, v); hash.AppendData(number); }
            void Text(string s) { Int(s.Length); hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(s.AsSpan())); }
            Text(a.Text);
            Int(a.Sentences.Count);
            foreach (var s in a.Sentences)
            {
                Int(s.Index); Int(s.Paragraph); Int(s.Start); Int(s.Length);
                Text(s.Text);
            }
            return hash.GetHashAndReset();
        });
    }

    /// <summary>
    /// Gives <paramref name="article"/> the fingerprint computed before for an article of the same text and sentences
    /// (the corpus cache keeps it with the cleaned article), so the analyses need not hash it again.
    /// </summary>
    internal static void Remember(Article article, byte[] fingerprint) => Fingerprints.AddOrUpdate(article, fingerprint);

    private static string Digest(IEnumerable<string> lines)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var line in lines) hash.AppendData(Encoding.UTF8.GetBytes(line + "\n"));
        return Convert.ToHexString(hash.GetHashAndReset())[..16];
    }
}
