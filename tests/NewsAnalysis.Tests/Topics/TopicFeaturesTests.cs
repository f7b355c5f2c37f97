using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace NewsAnalysis.Tests;

/// <summary>
/// The hand-written features give ML.NET's counts slot for slot: ML.NET's text pipeline (the one the features used
/// before) is the oracle.
/// </summary>
public class TopicFeaturesTests
{
    public static TheoryData<string> Sets => ["seed paragraphs", "seed sentences", "BBC articles 0-399", "awkward text"];

    [Theory]
    [MemberData(nameof(Sets))]
    public void Counts_and_terms_match_the_MLNET_pipeline(string set)
    {
        var (texts, unit) = Texts(set);
        var options = new TopicOptions { Unit = unit };
        string[] extra = ["reuters", "ap"];
        var ours = TopicFeatures.Build(texts, options, extra);
        var (counts, terms) = MlNetCounts(texts, options, extra);
        Assert.Equal(terms, ours.CountTerms);
        Assert.Equal(counts.Length, ours.Counts.Length);
        Assert.True(terms.Length > 10, $"only {terms.Length} terms");
        for (int i = 0; i < counts.Length; i++)
            Assert.Equal(Items(counts[i]), Items(ours.Counts[i]));
    }

    [Fact]
    public void Tokens_are_lower_case_without_accents_digits_punctuation_or_stop_words()
    {
        var tokens = TopicFeatures.Tokens("Café Müller's U.S.-led 2004 talks, “Beyoncé” and the H2O über-fan", new HashSet<string>(["the", "and"]));
        Assert.Equal(["cafe", "mullers", "u", "s", "led", "talks", "beyonce", "ho", "uber", "fan"], tokens);
    }

    private static (float Index, float Value)[] Items(VBuffer<float> v) =>
        v.Items().Where(x => x.Value != 0).Select(x => ((float)x.Key, x.Value)).ToArray();

    private static (List<string> Texts, TopicUnit Unit) Texts(string set)
    {
        var seeds = Corpus.Load(TestData.Articles);
        switch (set)
        {
            case "seed paragraphs": return (seeds.Articles.SelectMany(a => a.Paragraphs.Select(p => p.Text)).ToList(), TopicUnit.Paragraph);
            case "seed sentences": return (seeds.Articles.SelectMany(a => a.Sentences.Select(s => s.Text)).ToList(), TopicUnit.Sentence);
            case "BBC articles 0-399":
                var path = TestData.BbcCsv ?? throw new InvalidOperationException("The BBC set is missing: expected ../shared/eval/bbc/bbc-news.csv beside the repository.");
                return (BbcSet.Read(path).Take(400).Select(r => r.Text).ToList(), TopicUnit.Article);
            default:
                return ([
                    "Café Müller's U.S.-led talks: 2004's “Beyoncé” über-fans — São Paulo, Zürich; naïve façade ½ ×",
                    "AP - Reuters: the São Paulo talks; über-fans of Beyoncé at the café in Zürich, 2004 ... naïve ✓",
                    "Ελληνικά κείμενα και café; Straße, Ærø, Øresund ﬁnance – the U.S.-led 1,000 talks ™ 😀 emoji 😀",
                    "Straße Ærø Øresund ﬁnance talks emoji 😀 ελληνικά κείμενα",
                ], TopicUnit.Paragraph);
        }
    }

    /// <summary>The ML.NET pipeline the features were computed with before (kept here as the oracle).</summary>
    private static (VBuffer<float>[] Counts, string[] Terms) MlNetCounts(List<string> texts, TopicOptions options, string[] extra)
    {
        var ml = new MLContext(seed: 1);
        var stopWords = (options.StopWords ?? TopicStopWords.Default).Concat(extra)
            .Select(TopicStopWords.NormaliseWord).Where(w => w.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        var data = ml.Data.LoadFromEnumerable(texts.Select(t => new UnitText { Text = t }));
        long minDocuments = Math.Max(options.MinDocumentFrequency, (long)Math.Ceiling(options.MinDocumentShare * texts.Count));
        var pipeline = ml.Transforms.Text.TokenizeIntoWords("Tokens", nameof(UnitText.Text), TopicFeatures.Separators)
            .Append(ml.Transforms.Text.NormalizeText("Tokens", "Tokens", TextNormalizingEstimator.CaseMode.Lower,
                keepDiacritics: false, keepPunctuations: false, keepNumbers: false))
            .Append(ml.Transforms.Text.RemoveStopWords("Tokens", "Tokens", stopWords))
            .Append(ml.Transforms.Conversion.MapValueToKey("TokenKeys", "Tokens"))
            .Append(ml.Transforms.Text.ProduceNgrams("AllCounts", "TokenKeys", ngramLength: 2, useAllLengths: true,
                maximumNgramsCount: 10_000_000, weighting: NgramExtractingEstimator.WeightingCriteria.Tf))
            .Append(ml.Transforms.FeatureSelection.SelectFeaturesBasedOnCount("Counts", "AllCounts", minDocuments));
        var transformed = pipeline.Fit(data).Transform(data);
        var column = transformed.Schema["Counts"];
        var rows = new List<VBuffer<float>>();
        using (var cursor = transformed.GetRowCursor([column]))
        {
            var getter = cursor.GetGetter<VBuffer<float>>(column);
            VBuffer<float> buffer = default;
            while (cursor.MoveNext())
            {
                getter(ref buffer);
                VBuffer<float> copy = default;
                buffer.CopyTo(ref copy);
                rows.Add(copy);
            }
        }
        VBuffer<ReadOnlyMemory<char>> names = default;
        column.GetSlotNames(ref names);
        return (rows.ToArray(), names.DenseValues().Select(n => n.ToString().Replace('|', ' ')).ToArray());
    }

    private sealed class UnitText
    {
        public string Text { get; set; } = "";
    }
}
