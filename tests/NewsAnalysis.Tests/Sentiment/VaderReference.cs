using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NewsAnalysis.Tests;

/// <summary>One row of an expected file (reference/check-python.py --write; see reference/README.md).</summary>
/// <param name="Key">The sentence text (seeds, README, rules) or the first 16 hex digits of its UTF-8 SHA-1 (BBC).</param>
/// <param name="Expected">The Python reference's scores (vaderSentiment at the revision docs/sentiment.md names).</param>
/// <param name="Js">The npm port vader-sentiment 1.1.3's scores (made once by make-reference.mjs), null for rows added since.</param>
/// <param name="Difference">Why the port and the reference differ (flags of reference/vader-rules.mjs, and <c>lexicon</c>), empty when they agree or unknown.</param>
internal sealed record VaderReferenceRow(string Key, SentimentScore Expected, SentimentScore? Js, string Difference);

/// <summary>Reads the committed expected files of tests/NewsAnalysis.Tests/Sentiment/reference/expected.</summary>
internal static class VaderReference
{
    public static string Folder => Path.Combine(TestData.Root, "tests", "NewsAnalysis.Tests", "Sentiment", "reference");

    public static IReadOnlyList<VaderReferenceRow> Read(string name)
    {
        var path = Path.Combine(Folder, "expected", name + ".tsv");
        var rows = new List<VaderReferenceRow>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            if (line.Length == 0) continue;
            var f = line.Split('\t');
            if (f.Length != 10) throw new FormatException($"{path}: expected 10 tab-separated fields, got {f.Length} in '{line}'.");
            rows.Add(new VaderReferenceRow(Unescape(f[0]), Score(f, 1), f[5].Length == 0 ? null : Score(f, 5), f[9]));
        }
        return rows;
    }

    /// <summary>The key the BBC file uses: 16 hex digits of the text's UTF-8 SHA-1.</summary>
    public static string Sha1Key(string text) => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    private static SentimentScore Score(string[] f, int at) => new(D(f[at]), D(f[at + 1]), D(f[at + 2]), D(f[at + 3]));

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    private static string Unescape(string s)
    {
        if (!s.Contains('\\')) return s;
        var b = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] != '\\' || i + 1 == s.Length) { b.Append(s[i]); continue; }
            b.Append(s[++i] switch { 't' => '\t', 'n' => '\n', 'r' => '\r', var c => c });
        }
        return b.ToString();
    }
}
