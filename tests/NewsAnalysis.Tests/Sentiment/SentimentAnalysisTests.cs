using System.Globalization;
using Microsoft.Data.Analysis;

namespace NewsAnalysis.Tests;

public class SentimentAnalysisTests
{
    private static readonly IReadOnlyDictionary<string, SentimentScore> Expected =
        VaderReference.Read("seeds").ToDictionary(r => r.Key, r => r.Expected, StringComparer.Ordinal);

    [Fact]
    public void SentimentSentenceFrame_FollowsTheContractAndTheReference()
    {
        var frame = SentimentAnalysis.SentenceFrame(TestData.Seeds);
        Assert.Equal(["ArticleId", "Sentence", "Text", "Compound", "Positive", "Neutral", "Negative", "Label", "Paragraph", "Title", "Source", "Published"],
            frame.Columns.Select(c => c.Name));
        Assert.Equal(TestData.Seeds.Articles.Sum(a => a.Sentences.Count), frame.Rows.Count);
        var checkedRows = 0;
        for (long r = 0; r < frame.Rows.Count; r++)
        {
            var compound = (double)frame["Compound"][r];
            Assert.Equal(compound >= 0.05 ? "positive" : compound <= -0.05 ? "negative" : "neutral", frame["Label"][r]);
            if (!Expected.TryGetValue((string)frame["Text"][r], out var e)) continue;
            Assert.Equal(e.Compound, compound);
            Assert.Equal(e.Negative, (double)frame["Negative"][r]);
            checkedRows++;
        }
        Assert.True(checkedRows > 100);
        var article = TestData.Seeds.Articles[0];
        Assert.Equal(article.Title, frame["Title"][0]);
    }

    [Fact]
    public void SentimentArticleFrame_IsTheMeanOfItsSentences()
    {
        var frame = SentimentAnalysis.ArticleFrame(TestData.Seeds);
        Assert.Equal(["ArticleId", "Title", "Source", "Published", "Compound", "Positive", "Neutral", "Negative", "Label", "Sentences"],
            frame.Columns.Select(c => c.Name).Take(10));
        Assert.Equal(5, frame.Rows.Count);
        for (var i = 0; i < TestData.Seeds.Articles.Count; i++)
        {
            var a = TestData.Seeds.Articles[i];
            var compounds = a.Sentences.Select(s => Expected.TryGetValue(s.Text, out var e) ? e.Compound : (double?)null).ToList();
            if (compounds.Any(c => c is null)) continue; // a sentence the cleaner changed since the file was made
            Assert.Equal(Math.Round(compounds.Average()!.Value, 4), (double)frame["Compound"][i], 4);
            Assert.Equal(a.Sentences.Count, frame["Sentences"][i]);
            Assert.Equal(a.Sentences.Count, (int)frame["PositiveSentences"][i] + (int)frame["NeutralSentences"][i] + (int)frame["NegativeSentences"][i]);
        }
    }

    [Fact]
    public void SentimentParagraphFrame_CoversEveryParagraphAndSentence()
    {
        var frame = SentimentAnalysis.ParagraphFrame(TestData.Seeds);
        Assert.Equal(TestData.Seeds.Articles.Sum(a => a.Paragraphs.Count), frame.Rows.Count);
        Assert.Equal(TestData.Seeds.Articles.Sum(a => a.Sentences.Count), frame.Columns["Sentences"].Cast<int>().Sum());
    }

    [Fact]
    public void SentimentExplain_ShowsTerrorismPullingACooperationSentenceNegative()
    {
        // "Russia reaffirmed Wednesday it will enhance security cooperation with Pakistan ... to fight terrorism, ..."
        var sentence = TestData.Seeds.Articles.SelectMany(a => a.Sentences).Select(s => s.Text)
            .First(t => t.Contains("enhance security cooperation", StringComparison.Ordinal) && t.Contains("terrorism", StringComparison.Ordinal));
        var explanation = VaderSentimentAnalyzer.Default.Explain(sentence);
        Assert.Equal("negative", explanation.Score.Label);
        var terrorism = Assert.Single(explanation.Words, w => w.Word == "terrorism");
        Assert.Equal(LexiconEntry("terrorism"), terrorism.LexiconValence);
        Assert.Equal(explanation.Words.Min(w => w.CompoundEffect), terrorism.CompoundEffect); // the strongest pull
        Assert.Contains(explanation.Words, w => w.Word == "security" && w.CompoundEffect > 0);
        Assert.Equal(explanation.Score.Compound, Recompose(explanation), 4);
        Assert.StartsWith("terrorism -", SentimentAnalysis.Reasons(explanation));
    }

    [Fact]
    public void SentimentExplain_NamesTheRules()
    {
        var e = VaderSentimentAnalyzer.Default.Explain("The plot was good, but the characters are uncompelling and the dialog is not great.");
        var good = Assert.Single(e.Words, w => w.Word == "good");
        Assert.Equal(SentimentRules.BeforeBut, good.Rules);
        Assert.Equal(LexiconEntry("good") * 0.5, good.Valence, 4);
        var great = Assert.Single(e.Words, w => w.Word == "great");
        Assert.Equal(SentimentRules.Negated | SentimentRules.AfterBut, great.Rules);
        Assert.Equal(LexiconEntry("great") * -0.74 * 1.5, great.Valence, 4);
        var caps = VaderSentimentAnalyzer.Default.Explain("VADER is VERY SMART, handsome, and FUNNY.");
        Assert.Equal(SentimentRules.AllCaps | SentimentRules.Boosted, Assert.Single(caps.Words, w => w.Word == "SMART").Rules);
        var frame = SentimentAnalysis.ExplainFrame("VADER is not smart, handsome, nor funny.");
        var words = frame.Columns["Word"].Cast<string>().ToList();
        Assert.Equal(["funny", "handsome", "smart"], words.Order(StringComparer.Ordinal));
        Assert.All(frame.Columns["Rules"].Cast<string>(), r => Assert.Equal("negated", r));
    }

    [Fact]
    public void SentimentExtremes_ListMostPositiveThenMostNegativeWithReasons()
    {
        var frame = SentimentAnalysis.ExtremeSentencesFrame(TestData.Seeds, 3);
        Assert.Equal(6, frame.Rows.Count);
        var compounds = frame.Columns["Compound"].Cast<double?>().Select(c => c!.Value).ToList();
        Assert.True(compounds[0] >= compounds[1] && compounds[1] >= compounds[2] && compounds[2] > 0);
        Assert.True(compounds[3] <= compounds[4] && compounds[4] <= compounds[5] && compounds[5] < 0);
        var all = SentimentAnalysis.ScoreSentences(TestData.Seeds);
        Assert.Equal(all.Max(s => s.Score.Compound), compounds[0]);
        Assert.Equal(all.Min(s => s.Score.Compound), compounds[3]);
        Assert.All(frame.Columns["Reasons"].Cast<string>(), r => Assert.Matches(@"^\S.* [+-]\d\.\d\d", r));
    }

    [Fact]
    public void SentimentLexicon_BadInputNamesTheFileAndLine()
    {
        Assert.Throws<FileNotFoundException>(() => VaderLexicon.Load("/no/such/lexicon.txt"));
        var ex = Assert.Throws<FormatException>(() => VaderLexicon.Parse(new StringReader("good\t1.9\nbad-line\n"), "mine.txt"));
        Assert.Contains("mine.txt, line 2", ex.Message);
        Assert.Equal(7506, VaderLexicon.Default.Valences.Count);
        Assert.Throws<FileNotFoundException>(() => VaderEmojiLexicon.Load("/no/such/emoji.txt"));
        var emoji = Assert.Throws<FormatException>(() => VaderEmojiLexicon.Parse(new StringReader("😀\tgrinning face\nno tab here\n"), "emoji.txt"));
        Assert.Contains("emoji.txt, line 2", emoji.Message);
    }

    internal static double LexiconEntry(string word)
    {
        var line = File.ReadLines(Path.Combine(TestData.Root, "data", "lexicons", "vader_lexicon.txt")).Last(l => l.StartsWith(word + "\t", StringComparison.Ordinal));
        return double.Parse(line.Split('\t')[1], CultureInfo.InvariantCulture);
    }

    /// <summary>The compound from the explanation's valences alone (plus the text's ! and ? emphasis): they must account for the whole score.</summary>
    private static double Recompose(SentimentExplanation e)
    {
        var sum = e.Words.Sum(w => w.Valence);
        var bangs = Math.Min(e.Text.Count(c => c == '!'), 4) * 0.292;
        var questions = e.Text.Count(c => c == '?');
        var amp = bangs + (questions > 3 ? 0.96 : questions > 1 ? questions * 0.18 : 0);
        sum = sum > 0 ? sum + amp : sum < 0 ? sum - amp : 0;
        return sum / Math.Sqrt(sum * sum + 15);
    }
}
