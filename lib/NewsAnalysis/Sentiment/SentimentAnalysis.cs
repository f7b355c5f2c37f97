using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Analysis;

namespace NewsAnalysis;

/// <summary>One sentence's VADER score, with where it sits in its article.</summary>
/// <param name="ArticleId">The article's id.</param>
/// <param name="Sentence">The sentence index in the article.</param>
/// <param name="Paragraph">The paragraph index of the sentence.</param>
/// <param name="Text">The sentence text.</param>
/// <param name="Score">Its VADER score.</param>
public sealed record SentenceSentiment(string ArticleId, int Sentence, int Paragraph, string Text, SentimentScore Score);

/// <summary>
/// Sentiment of a corpus at sentence, paragraph, article and entity level, as DataFrames joined to the article
/// metadata, and the reasons behind each score. Sentences are scored one by one with VADER; a paragraph's or
/// article's score is the mean of its sentences' scores (what VADER's authors advise for longer texts).
/// </summary>
public static class SentimentAnalysis
{
    /// <summary>Scores every sentence of <paramref name="corpus"/> (in article, then sentence order).</summary>
    public static IReadOnlyList<SentenceSentiment> ScoreSentences(NewsCorpus corpus, VaderSentimentAnalyzer? analyzer = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        analyzer ??= VaderSentimentAnalyzer.Default;
        // With a result store in effect (ArticleResultStore.Use, NEWSANALYSIS_CACHE), only new articles are scored.
        return ArticleResultStore.WithCurrent(store => store.ScoreSentences(corpus, analyzer), () =>
            corpus.Articles.SelectMany(a => a.Sentences.Select(s =>
                new SentenceSentiment(a.Id, s.Index, s.Paragraph, s.Text, analyzer.Score(s.Text)))).ToList());
    }

    /// <summary>
    /// One row per sentence: <c>ArticleId, Sentence, Text, Compound, Positive, Neutral, Negative, Label</c>, then
    /// <c>Paragraph, Title, Source, Published</c>.
    /// </summary>
    /// <remarks>With a result store in effect, an unchanged input file's rows are read back as they were (<see cref="ArticleResultStore"/>'s frame segments).</remarks>
    public static DataFrame SentenceFrame(NewsCorpus corpus, VaderSentimentAnalyzer? analyzer = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        analyzer ??= VaderSentimentAnalyzer.Default;
        return ArticleResultStore.WithCurrent(store => store.Segmented(corpus, SentenceSegments, AnalysisVersions.Sentiment(analyzer), c => SentenceFrameOf(c, analyzer)),
            () => SentenceFrameOf(corpus, analyzer));
    }

    private const string SentenceSegments = "sentiment-sentences";

    private static DataFrame SentenceFrameOf(NewsCorpus corpus, VaderSentimentAnalyzer analyzer) => SentenceFrame(corpus, ScoreSentences(corpus, analyzer));

    /// <summary>The sentence frame of already scored sentences.</summary>
    public static DataFrame SentenceFrame(NewsCorpus corpus, IReadOnlyList<SentenceSentiment> sentences)
    {
        var articles = ArticlesById(corpus);
        var frame = new DataFrame(
            new StringDataFrameColumn("ArticleId", sentences.Select(s => s.ArticleId)),
            new Int32DataFrameColumn("Sentence", sentences.Select(s => s.Sentence)),
            new StringDataFrameColumn("Text", sentences.Select(s => s.Text)));
        AddScores(frame, sentences.Select(s => s.Score).ToList());
        frame.Columns.Add(new Int32DataFrameColumn("Paragraph", sentences.Select(s => s.Paragraph)));
        AddMetadata(frame, sentences.Select(s => articles[s.ArticleId]).ToList());
        return frame;
    }

    /// <summary>
    /// One row per paragraph: <c>ArticleId, Paragraph, Text, Compound, Positive, Neutral, Negative, Label, Sentences</c>
    /// (means over the paragraph's sentences), then <c>Title, Source, Published</c>.
    /// </summary>
    public static DataFrame ParagraphFrame(NewsCorpus corpus, VaderSentimentAnalyzer? analyzer = null)
    {
        var sentences = ScoreSentences(corpus, analyzer);
        var byParagraph = sentences.ToLookup(s => (s.ArticleId, s.Paragraph));
        var rows = corpus.Articles.SelectMany(a => a.Paragraphs.Select(p => (Article: a, Paragraph: p, Scores: byParagraph[(a.Id, p.Index)].Select(s => s.Score).ToList()))).ToList();
        var frame = new DataFrame(
            new StringDataFrameColumn("ArticleId", rows.Select(r => r.Article.Id)),
            new Int32DataFrameColumn("Paragraph", rows.Select(r => r.Paragraph.Index)),
            new StringDataFrameColumn("Text", rows.Select(r => r.Paragraph.Text)));
        AddScores(frame, rows.Select(r => Mean(r.Scores)).ToList());
        frame.Columns.Add(new Int32DataFrameColumn("Sentences", rows.Select(r => r.Scores.Count)));
        AddMetadata(frame, rows.Select(r => r.Article).ToList());
        return frame;
    }

    /// <summary>
    /// One row per article: <c>ArticleId, Title, Source, Published, Compound, Positive, Neutral, Negative, Label, Sentences</c>
    /// (means over the article's sentences), then the counts <c>PositiveSentences, NeutralSentences, NegativeSentences</c>.
    /// </summary>
    public static DataFrame ArticleFrame(NewsCorpus corpus, VaderSentimentAnalyzer? analyzer = null)
    {
        var byArticle = ScoreSentences(corpus, analyzer).ToLookup(s => s.ArticleId, StringComparer.Ordinal);
        var rows = corpus.Articles.Select(a => (Article: a, Scores: byArticle[a.Id].Select(s => s.Score).ToList())).ToList();
        var frame = new DataFrame(
            new StringDataFrameColumn("ArticleId", rows.Select(r => r.Article.Id)),
            new StringDataFrameColumn("Title", rows.Select(r => r.Article.Title)),
            new StringDataFrameColumn("Source", rows.Select(r => r.Article.Source)),
            new DateTimeDataFrameColumn("Published", rows.Select(r => r.Article.Published)));
        AddScores(frame, rows.Select(r => Mean(r.Scores)).ToList());
        frame.Columns.Add(new Int32DataFrameColumn("Sentences", rows.Select(r => r.Scores.Count)));
        AddLabelCounts(frame, rows.Select(r => r.Scores).ToList());
        return frame;
    }

    /// <summary>
    /// Why one text scores as it does: one row per word with a nonzero valence, <c>Position, Word, LexiconValence,
    /// Valence, CompoundEffect, Rules</c>, strongest effect first.
    /// </summary>
    public static DataFrame ExplainFrame(string text, VaderSentimentAnalyzer? analyzer = null)
    {
        var explanation = (analyzer ?? VaderSentimentAnalyzer.Default).Explain(text);
        var words = OrderByEffect(explanation.Words).ToList();
        return new DataFrame(
            new Int32DataFrameColumn("Position", words.Select(w => w.Position)),
            new StringDataFrameColumn("Word", words.Select(w => w.Word)),
            new DoubleDataFrameColumn("LexiconValence", words.Select(w => w.LexiconValence)),
            new DoubleDataFrameColumn("Valence", words.Select(w => (double?)w.Valence)),
            new DoubleDataFrameColumn("CompoundEffect", words.Select(w => (double?)w.CompoundEffect)),
            new StringDataFrameColumn("Rules", words.Select(w => RulesText(w.Rules))));
    }

    /// <summary>
    /// The words behind every sentence of <paramref name="corpus"/>: <c>ArticleId, Sentence, Position, Word,
    /// LexiconValence, Valence, CompoundEffect, Rules</c>, in text order.
    /// </summary>
    public static DataFrame ExplanationFrame(NewsCorpus corpus, VaderSentimentAnalyzer? analyzer = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        analyzer ??= VaderSentimentAnalyzer.Default;
        var rows = corpus.Articles.SelectMany(a => a.Sentences.SelectMany(s =>
            analyzer.Explain(s.Text).Words.Select(w => (a.Id, s.Index, Word: w)))).ToList();
        return new DataFrame(
            new StringDataFrameColumn("ArticleId", rows.Select(r => r.Id)),
            new Int32DataFrameColumn("Sentence", rows.Select(r => r.Index)),
            new Int32DataFrameColumn("Position", rows.Select(r => r.Word.Position)),
            new StringDataFrameColumn("Word", rows.Select(r => r.Word.Word)),
            new DoubleDataFrameColumn("LexiconValence", rows.Select(r => r.Word.LexiconValence)),
            new DoubleDataFrameColumn("Valence", rows.Select(r => (double?)r.Word.Valence)),
            new DoubleDataFrameColumn("CompoundEffect", rows.Select(r => (double?)r.Word.CompoundEffect)),
            new StringDataFrameColumn("Rules", rows.Select(r => RulesText(r.Word.Rules))));
    }

    /// <summary>
    /// The <paramref name="count"/> most positive and <paramref name="count"/> most negative sentences with their
    /// reasons: <c>ArticleId, Sentence, Text, Compound, Label, Reasons</c>, where Reasons lists the words by effect
    /// on the compound (e.g. <c>terrorism -0.52 (negated); cooperation +0.31</c>). Most positive first, then most negative.
    /// </summary>
    public static DataFrame ExtremeSentencesFrame(NewsCorpus corpus, int count = 5, VaderSentimentAnalyzer? analyzer = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        analyzer ??= VaderSentimentAnalyzer.Default;
        var sentences = ScoreSentences(corpus, analyzer);
        var positive = sentences.Where(s => s.Score.Compound > 0).OrderByDescending(s => s.Score.Compound).ThenBy(s => s.ArticleId, StringComparer.Ordinal).ThenBy(s => s.Sentence).Take(count);
        var negative = sentences.Where(s => s.Score.Compound < 0).OrderBy(s => s.Score.Compound).ThenBy(s => s.ArticleId, StringComparer.Ordinal).ThenBy(s => s.Sentence).Take(count);
        var rows = positive.Concat(negative).ToList();
        return new DataFrame(
            new StringDataFrameColumn("ArticleId", rows.Select(r => r.ArticleId)),
            new Int32DataFrameColumn("Sentence", rows.Select(r => r.Sentence)),
            new StringDataFrameColumn("Text", rows.Select(r => r.Text)),
            new DoubleDataFrameColumn("Compound", rows.Select(r => (double?)r.Score.Compound)),
            new StringDataFrameColumn("Label", rows.Select(r => r.Score.Label)),
            new StringDataFrameColumn("Reasons", rows.Select(r => Reasons(analyzer.Explain(r.Text)))));
    }

    /// <summary>
    /// Scores each line as one text (no sentence splitting): <c>Line, Text, Compound, Positive, Neutral, Negative</c>,
    /// with lines numbered from 1. Empty lines are kept (and score zero), so line numbers match the input.
    /// </summary>
    public static DataFrame LinesFrame(IEnumerable<string> lines, VaderSentimentAnalyzer? analyzer = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        analyzer ??= VaderSentimentAnalyzer.Default;
        var rows = lines.Select((text, i) => (Line: i + 1, Text: text, Score: analyzer.Score(text))).ToList();
        return new DataFrame(
            new Int32DataFrameColumn("Line", rows.Select(r => r.Line)),
            new StringDataFrameColumn("Text", rows.Select(r => r.Text)),
            new DoubleDataFrameColumn("Compound", rows.Select(r => (double?)r.Score.Compound)),
            new DoubleDataFrameColumn("Positive", rows.Select(r => (double?)r.Score.Positive)),
            new DoubleDataFrameColumn("Neutral", rows.Select(r => (double?)r.Score.Neutral)),
            new DoubleDataFrameColumn("Negative", rows.Select(r => (double?)r.Score.Negative)));
    }

    /// <summary>The columns of <see cref="LinesFrame"/>, for writing its rows as they are scored (<see cref="WriteLineRows"/>).</summary>
    public static IReadOnlyList<FrameRowColumn> LineColumns { get; } =
    [
        new("Line", typeof(int)), new("Text", typeof(string)), new("Compound", typeof(double)),
        new("Positive", typeof(double)), new("Neutral", typeof(double)), new("Negative", typeof(double)),
    ];

    /// <summary>
    /// Scores each line and writes its row of <see cref="LinesFrame"/> as soon as it is scored (columns
    /// <see cref="LineColumns"/>), so no table is built: the bytes are those of <see cref="FrameWriter"/> writing
    /// <see cref="LinesFrame"/>. Returns the rows written.
    /// </summary>
    /// <remarks>
    /// Lines are scored in chunks of <see cref="LineChunk"/> by this thread and <c>cores − 1</c> workers
    /// (<see cref="OrderedChunkPipeline"/>) while this thread reads the next lines and writes the rows already scored, in
    /// input order; at most <see cref="LineChunksInFlight"/> chunks are held, so memory stays bounded. When reading fails
    /// (a bad byte on line 100,000), every line before it is still scored and written first, then the error is rethrown:
    /// the output is what a line-by-line loop would have left.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]   // a short process runs this loop once: optimise it at once
    public static long WriteLineRows(IEnumerable<string> lines, FrameRowWriter writer, VaderSentimentAnalyzer? analyzer = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(writer);
        var scorer = analyzer ?? VaderSentimentAnalyzer.Default;
        var line = 0;
        return OrderedChunkPipeline.Run(lines, LineChunk, LineChunksInFlight,
            (texts, count) =>
            {
                var scores = new SentimentScore[count];
                for (var i = 0; i < count; i++) scores[i] = scorer.Score(texts[i]);
                return (Texts: texts, Scores: scores);
            },
            done =>
            {
                for (var i = 0; i < done.Scores.Length; i++)
                {
                    writer.Write(++line);
                    writer.Write(done.Texts[i]);
                    WriteShares(writer, done.Scores[i]);
                    writer.EndRow();
                }
            },
            e => e is IOException or InvalidDataException or DecoderFallbackException or FormatException);
    }

    /// <summary>Lines scored together by one thread of <see cref="WriteLineRows"/>.</summary>
    public const int LineChunk = 2048;

    /// <summary>Chunks of <see cref="WriteLineRows"/> read but not yet written, at most.</summary>
    public const int LineChunksInFlight = 4;

    /// <summary>The columns of <see cref="SentenceFrame(NewsCorpus, VaderSentimentAnalyzer?)"/>, for <see cref="WriteSentenceRows"/>.</summary>
    public static IReadOnlyList<FrameRowColumn> SentenceColumns { get; } =
    [
        new("ArticleId", typeof(string)), new("Sentence", typeof(int)), new("Text", typeof(string)),
        new("Compound", typeof(double)), new("Positive", typeof(double)), new("Neutral", typeof(double)),
        new("Negative", typeof(double)), new("Label", typeof(string)), new("Paragraph", typeof(int)),
        new("Title", typeof(string)), new("Source", typeof(string)), new("Published", typeof(DateTime)),
    ];

    /// <summary>
    /// Scores every sentence of <paramref name="corpus"/> and writes its row of the sentence frame at once (columns
    /// <see cref="SentenceColumns"/>): the bytes of <see cref="FrameWriter"/> writing <see cref="SentenceFrame(NewsCorpus, VaderSentimentAnalyzer?)"/>
    /// without building it. Returns the rows written. With a result store in effect, an unchanged input file's rows are
    /// read back from its frame segment (see <see cref="ArticleResultStore"/>), a run of files at a time.
    /// </summary>
    public static long WriteSentenceRows(NewsCorpus corpus, FrameRowWriter writer, VaderSentimentAnalyzer? analyzer = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(writer);
        var va = analyzer ?? VaderSentimentAnalyzer.Default;
        // With a result store in effect, unchanged input files' rows come from their frame segments (the same bytes).
        return ArticleResultStore.WriteRows(corpus, SentenceSegments, AnalysisVersions.Sentiment(va), c => SentenceFrameOf(c, va), writer,
            (articles, rows) => WriteArticleSentenceRows(articles, rows, va));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]   // a short process runs this loop once: optimise it at once
    private static long WriteArticleSentenceRows(IReadOnlyList<Article> articles, FrameRowWriter writer, VaderSentimentAnalyzer analyzer)
    {
        long rows = 0;
        foreach (var article in articles)
        {
            foreach (var sentence in article.Sentences)
            {
                var score = analyzer.Score(sentence.Text);
                writer.Write(article.Id);
                writer.Write(sentence.Index);
                writer.Write(sentence.Text);
                WriteShares(writer, score);
                writer.Write(score.Label);
                writer.Write(sentence.Paragraph);
                writer.Write(article.Title);
                writer.Write(article.Source);
                writer.Write(article.Published);
                writer.EndRow();
                rows++;
            }
        }
        return rows;
    }

    private static void WriteShares(FrameRowWriter writer, SentimentScore score)
    {
        writer.Write(score.Compound);
        writer.Write(score.Positive);
        writer.Write(score.Neutral);
        writer.Write(score.Negative);
    }

    /// <summary>A one-line account of an explanation: words by effect on the compound, with the rules that shaped them.</summary>
    public static string Reasons(SentimentExplanation explanation) =>
        string.Join("; ", OrderByEffect(explanation.Words).Select(w =>
            w.Word + " " + w.CompoundEffect.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture)
            + (w.Rules == SentimentRules.None ? "" : " (" + RulesText(w.Rules) + ")")));

    /// <summary>The rule flags as lower-case words, e.g. <c>negated, before but</c>.</summary>
    public static string RulesText(SentimentRules rules) => rules == SentimentRules.None ? "" : string.Join(", ",
        Enum.GetValues<SentimentRules>().Where(r => r != SentimentRules.None && rules.HasFlag(r)).Select(r => r switch
        {
            SentimentRules.AllCaps => "all caps",
            SentimentRules.NeverSo => "never so",
            SentimentRules.BeforeBut => "before but",
            SentimentRules.AfterBut => "after but",
            SentimentRules.No => "no",
            _ => r.ToString().ToLowerInvariant(),
        }));

    /// <summary>The mean of scores (compound to 4 decimals, shares to 3), or all zeros for none.</summary>
    public static SentimentScore Mean(IReadOnlyCollection<SentimentScore> scores)
    {
        if (scores.Count == 0) return default;
        return new SentimentScore(
            Math.Round(scores.Average(s => s.Compound), 4),
            Math.Round(scores.Average(s => s.Positive), 3),
            Math.Round(scores.Average(s => s.Neutral), 3),
            Math.Round(scores.Average(s => s.Negative), 3));
    }

    internal static void AddScores(DataFrame frame, IReadOnlyList<SentimentScore> scores)
    {
        frame.Columns.Add(new DoubleDataFrameColumn("Compound", scores.Select(s => (double?)s.Compound)));
        frame.Columns.Add(new DoubleDataFrameColumn("Positive", scores.Select(s => (double?)s.Positive)));
        frame.Columns.Add(new DoubleDataFrameColumn("Neutral", scores.Select(s => (double?)s.Neutral)));
        frame.Columns.Add(new DoubleDataFrameColumn("Negative", scores.Select(s => (double?)s.Negative)));
        frame.Columns.Add(new StringDataFrameColumn("Label", scores.Select(s => s.Label)));
    }

    internal static void AddLabelCounts(DataFrame frame, IReadOnlyList<List<SentimentScore>> groups)
    {
        frame.Columns.Add(new Int32DataFrameColumn("PositiveSentences", groups.Select(g => g.Count(s => s.Label == "positive"))));
        frame.Columns.Add(new Int32DataFrameColumn("NeutralSentences", groups.Select(g => g.Count(s => s.Label == "neutral"))));
        frame.Columns.Add(new Int32DataFrameColumn("NegativeSentences", groups.Select(g => g.Count(s => s.Label == "negative"))));
    }

    internal static Dictionary<string, Article> ArticlesById(NewsCorpus corpus) =>
        corpus.Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);

    private static void AddMetadata(DataFrame frame, IReadOnlyList<Article> articles)
    {
        frame.Columns.Add(new StringDataFrameColumn("Title", articles.Select(a => a.Title)));
        frame.Columns.Add(new StringDataFrameColumn("Source", articles.Select(a => a.Source)));
        frame.Columns.Add(new DateTimeDataFrameColumn("Published", articles.Select(a => a.Published)));
    }

    private static IEnumerable<SentimentWordContribution> OrderByEffect(IEnumerable<SentimentWordContribution> words) =>
        words.OrderByDescending(w => Math.Abs(w.CompoundEffect)).ThenBy(w => w.Position);
}
