using Microsoft.Data.Analysis;

namespace NewsAnalysis;

/// <summary>
/// Entity-targeted sentiment: the tone of the sentences that mention each entity, per article and overall.
/// Takes the entity mentions as the Entities concern produces them (columns
/// <c>ArticleId, Sentence, Entity, Type, Surface, Start, Length</c>; only the first four are read), so any recogniser
/// that fills that contract can be plugged in. A sentence mentioning an entity several times counts once.
/// </summary>
public static class EntitySentiment
{
    /// <summary>The mention columns this class reads.</summary>
    public static IReadOnlyList<string> RequiredColumns { get; } = ["ArticleId", "Sentence", "Entity", "Type"];

    /// <summary>
    /// One row per entity and sentence that mentions it: <c>Entity, Type, ArticleId, Sentence, Mentions, Text,
    /// Compound, Positive, Neutral, Negative, Label</c>, by entity, article and sentence.
    /// </summary>
    public static DataFrame SentenceFrame(NewsCorpus corpus, DataFrame mentions, VaderSentimentAnalyzer? analyzer = null)
    {
        var rows = Join(corpus, mentions, analyzer);
        var frame = new DataFrame(
            new StringDataFrameColumn("Entity", rows.Select(r => r.Entity)),
            new StringDataFrameColumn("Type", rows.Select(r => r.Type)),
            new StringDataFrameColumn("ArticleId", rows.Select(r => r.Sentence.ArticleId)),
            new Int32DataFrameColumn("Sentence", rows.Select(r => r.Sentence.Sentence)),
            new Int32DataFrameColumn("Mentions", rows.Select(r => r.Mentions)),
            new StringDataFrameColumn("Text", rows.Select(r => r.Sentence.Text)));
        SentimentAnalysis.AddScores(frame, rows.Select(r => r.Sentence.Score).ToList());
        return frame;
    }

    /// <summary>
    /// One row per entity and article: <c>Entity, Type, ArticleId, Title, Mentions, Sentences, Compound, Positive,
    /// Neutral, Negative, Label, PositiveSentences, NeutralSentences, NegativeSentences</c> (means over the sentences
    /// that mention the entity), by entity then article.
    /// </summary>
    public static DataFrame ArticleFrame(NewsCorpus corpus, DataFrame mentions, VaderSentimentAnalyzer? analyzer = null)
    {
        var articles = SentimentAnalysis.ArticlesById(corpus);
        var groups = Join(corpus, mentions, analyzer)
            .GroupBy(r => (r.Entity, r.Type, r.Sentence.ArticleId))
            .Select(g => (g.Key, Mentions: g.Sum(r => r.Mentions), Scores: g.Select(r => r.Sentence.Score).ToList()))
            .ToList();
        var frame = new DataFrame(
            new StringDataFrameColumn("Entity", groups.Select(g => g.Key.Entity)),
            new StringDataFrameColumn("Type", groups.Select(g => g.Key.Type)),
            new StringDataFrameColumn("ArticleId", groups.Select(g => g.Key.ArticleId)),
            new StringDataFrameColumn("Title", groups.Select(g => articles[g.Key.ArticleId].Title)),
            new Int32DataFrameColumn("Mentions", groups.Select(g => g.Mentions)),
            new Int32DataFrameColumn("Sentences", groups.Select(g => g.Scores.Count)));
        SentimentAnalysis.AddScores(frame, groups.Select(g => SentimentAnalysis.Mean(g.Scores)).ToList());
        SentimentAnalysis.AddLabelCounts(frame, groups.Select(g => g.Scores).ToList());
        return frame;
    }

    /// <summary>
    /// One row per entity over the whole corpus: <c>Entity, Type, Articles, Mentions, Sentences, Compound, Positive,
    /// Neutral, Negative, Label, PositiveSentences, NeutralSentences, NegativeSentences</c>; most-mentioned first
    /// (by sentences, then entity name).
    /// </summary>
    public static DataFrame OverallFrame(NewsCorpus corpus, DataFrame mentions, VaderSentimentAnalyzer? analyzer = null)
    {
        var groups = Join(corpus, mentions, analyzer)
            .GroupBy(r => (r.Entity, r.Type))
            .Select(g => (g.Key, Articles: g.Select(r => r.Sentence.ArticleId).Distinct().Count(), Mentions: g.Sum(r => r.Mentions),
                Scores: g.Select(r => r.Sentence.Score).ToList()))
            .OrderByDescending(g => g.Scores.Count).ThenBy(g => g.Key.Entity, StringComparer.Ordinal).ThenBy(g => g.Key.Type, StringComparer.Ordinal)
            .ToList();
        var frame = new DataFrame(
            new StringDataFrameColumn("Entity", groups.Select(g => g.Key.Entity)),
            new StringDataFrameColumn("Type", groups.Select(g => g.Key.Type)),
            new Int32DataFrameColumn("Articles", groups.Select(g => g.Articles)),
            new Int32DataFrameColumn("Mentions", groups.Select(g => g.Mentions)),
            new Int32DataFrameColumn("Sentences", groups.Select(g => g.Scores.Count)));
        SentimentAnalysis.AddScores(frame, groups.Select(g => SentimentAnalysis.Mean(g.Scores)).ToList());
        SentimentAnalysis.AddLabelCounts(frame, groups.Select(g => g.Scores).ToList());
        return frame;
    }

    /// <summary>
    /// Mentions of the names you list, found as whole words (case-sensitive) in each sentence: a stand-in for the
    /// Entities concern's recogniser when you know which names to follow. Returns the mentions contract
    /// <c>ArticleId, Sentence, Entity, Type, Surface, Start, Length</c> (offsets into the article text), in text order.
    /// Where two surfaces overlap, the longer one wins.
    /// </summary>
    /// <param name="corpus">The articles.</param>
    /// <param name="surfaces">Entity name → the surface forms that mention it (e.g. "United States" → "United States", "US", "U.S.").</param>
    /// <param name="type">The <c>Type</c> given to every mention.</param>
    public static DataFrame MatchMentions(NewsCorpus corpus, IReadOnlyDictionary<string, string[]> surfaces, string type = "NAME")
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(surfaces);
        var rows = new List<(string Id, int Sentence, string Entity, string Surface, int Start, int Length)>();
        foreach (var article in corpus.Articles)
            foreach (var sentence in article.Sentences)
            {
                var found = new List<(string Entity, string Surface, int At)>();
                foreach (var (entity, forms) in surfaces)
                    foreach (var form in forms.Where(f => f.Length > 0))
                        for (var at = sentence.Text.IndexOf(form, StringComparison.Ordinal); at >= 0; at = sentence.Text.IndexOf(form, at + 1, StringComparison.Ordinal))
                            if (IsWordAt(sentence.Text, at, form.Length)) found.Add((entity, form, at));
                var taken = -1;
                foreach (var m in found.OrderBy(f => f.At).ThenByDescending(f => f.Surface.Length).ThenBy(f => f.Entity, StringComparer.Ordinal))
                {
                    if (m.At < taken) continue; // overlaps a longer or earlier mention
                    rows.Add((article.Id, sentence.Index, m.Entity, m.Surface, sentence.Start + m.At, m.Surface.Length));
                    taken = m.At + m.Surface.Length;
                }
            }
        return new DataFrame(
            new StringDataFrameColumn("ArticleId", rows.Select(r => r.Id)),
            new Int32DataFrameColumn("Sentence", rows.Select(r => r.Sentence)),
            new StringDataFrameColumn("Entity", rows.Select(r => r.Entity)),
            new StringDataFrameColumn("Type", rows.Select(_ => type)),
            new StringDataFrameColumn("Surface", rows.Select(r => r.Surface)),
            new Int32DataFrameColumn("Start", rows.Select(r => r.Start)),
            new Int32DataFrameColumn("Length", rows.Select(r => r.Length)));
    }

    private static bool IsWordAt(string text, int at, int length) =>
        (at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (at + length == text.Length || !char.IsLetterOrDigit(text[at + length]));

    /// <summary>
    /// Reads a mentions CSV with a header (at least <c>ArticleId, Sentence, Entity, Type</c>; <c>Surface, Start,
    /// Length</c> are kept when present), e.g. the CSV output of <c>news entities</c>.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FormatException">A required column is missing or a Sentence/Start/Length cell is not a whole number; names the file and line.</exception>
    public static DataFrame ReadMentionsCsv(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Mentions file not found: '{path}'.", path);
        using var reader = new StreamReader(path);
        using var csv = new CsvHelper.CsvReader(reader, System.Globalization.CultureInfo.InvariantCulture);
        if (!csv.Read() || !csv.ReadHeader()) throw new FormatException($"{path}: empty file, expected a header row.");
        var header = csv.HeaderRecord ?? [];
        foreach (var name in RequiredColumns)
            if (!header.Contains(name, StringComparer.Ordinal))
                throw new FormatException($"{path}: no column '{name}' (expected ArticleId, Sentence, Entity, Type, Surface, Start, Length).");
        string[] textColumns = ["ArticleId", "Entity", "Type", "Surface"];
        string[] numberColumns = ["Sentence", "Start", "Length"];
        var texts = textColumns.Where(header.Contains).ToDictionary(c => c, _ => new List<string?>());
        var numbers = numberColumns.Where(header.Contains).ToDictionary(c => c, _ => new List<int?>());
        while (csv.Read())
        {
            foreach (var (name, values) in texts) values.Add(csv.GetField(name));
            foreach (var (name, values) in numbers)
            {
                var cell = csv.GetField(name);
                if (string.IsNullOrEmpty(cell)) { values.Add(null); continue; }
                if (!int.TryParse(cell, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n))
                    throw new FormatException($"{path}, line {csv.Parser.RawRow}: {name} '{cell}' is not a whole number.");
                values.Add(n);
            }
        }
        var columns = new List<DataFrameColumn>();
        foreach (var name in new[] { "ArticleId", "Sentence", "Entity", "Type", "Surface", "Start", "Length" })
        {
            if (texts.TryGetValue(name, out var t)) columns.Add(new StringDataFrameColumn(name, t));
            else if (numbers.TryGetValue(name, out var n)) columns.Add(new Int32DataFrameColumn(name, n));
        }
        return new DataFrame(columns);
    }

    private sealed record EntitySentence(string Entity, string Type, SentenceSentiment Sentence, int Mentions);

    /// <summary>Each (entity, type, article, sentence) of the mentions with its sentence's score and how often it is mentioned there.</summary>
    private static List<EntitySentence> Join(NewsCorpus corpus, DataFrame mentions, VaderSentimentAnalyzer? analyzer)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(mentions);
        foreach (var name in RequiredColumns)
            if (mentions.Columns.IndexOf(name) < 0)
                throw new ArgumentException($"The mentions frame has no column '{name}' (expected ArticleId, Sentence, Entity, Type, Surface, Start, Length).", nameof(mentions));
        analyzer ??= VaderSentimentAnalyzer.Default;
        var articles = SentimentAnalysis.ArticlesById(corpus);
        var scored = new Dictionary<(string, int), SentenceSentiment>();
        var counts = new Dictionary<(string Entity, string Type, string ArticleId, int Sentence), int>();
        DataFrameColumn idColumn = mentions.Columns["ArticleId"], sentenceColumn = mentions.Columns["Sentence"],
            entityColumn = mentions.Columns["Entity"], typeColumn = mentions.Columns["Type"];
        for (long row = 0; row < mentions.Rows.Count; row++)
        {
            var id = idColumn[row] as string ?? throw new ArgumentException($"Mention row {row}: ArticleId is empty.", nameof(mentions));
            var entity = entityColumn[row] as string ?? throw new ArgumentException($"Mention row {row}: Entity is empty.", nameof(mentions));
            var type = typeColumn[row] as string ?? "";
            var index = sentenceColumn[row] is { } s ? Convert.ToInt32(s, System.Globalization.CultureInfo.InvariantCulture)
                : throw new ArgumentException($"Mention row {row}: Sentence is empty.", nameof(mentions));
            if (!articles.TryGetValue(id, out var article))
                throw new ArgumentException($"Mention row {row}: article '{id}' is not in the corpus.", nameof(mentions));
            if (index < 0 || index >= article.Sentences.Count)
                throw new ArgumentException($"Mention row {row}: article '{id}' has no sentence {index} (it has {article.Sentences.Count}).", nameof(mentions));
            if (!scored.ContainsKey((id, index)))
            {
                var sentence = article.Sentences[index];
                scored[(id, index)] = new SentenceSentiment(id, index, sentence.Paragraph, sentence.Text, analyzer.Score(sentence.Text));
            }
            var key = (entity, type, id, index);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts
            .OrderBy(c => c.Key.Entity, StringComparer.Ordinal).ThenBy(c => c.Key.Type, StringComparer.Ordinal)
            .ThenBy(c => c.Key.ArticleId, StringComparer.Ordinal).ThenBy(c => c.Key.Sentence)
            .Select(c => new EntitySentence(c.Key.Entity, c.Key.Type, scored[(c.Key.ArticleId, c.Key.Sentence)], c.Value))
            .ToList();
    }
}
