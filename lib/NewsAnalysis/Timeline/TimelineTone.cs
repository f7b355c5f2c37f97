using Microsoft.Data.Analysis;

namespace NewsAnalysis;

/// <summary>Joins the entity and sentiment frames (by their column contracts) into the tone towards each entity per article.</summary>
public static class TimelineTone
{
    /// <summary>
    /// The tone towards each entity in each article: the mean <c>Compound</c> of the sentences that mention it.
    /// </summary>
    /// <param name="mentions">Entity mentions: <c>ArticleId, Sentence, Entity</c> (one row per mention).</param>
    /// <param name="sentenceSentiment">Sentence sentiment: <c>ArticleId, Sentence, Compound</c>.</param>
    /// <returns>
    /// <c>ArticleId, Entity, Compound, Sentences</c> (number of scored sentences mentioning the entity), ordered by article
    /// then entity; the input of <see cref="TimelineCharts.EntityToneOverTime"/>. Mentions in sentences without a score are left out.
    /// </returns>
    public static DataFrame EntityTone(DataFrame mentions, DataFrame sentenceSentiment)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        ArgumentNullException.ThrowIfNull(sentenceSentiment);
        var scoreIds = TimelineColumns.Strings(sentenceSentiment, "ArticleId");
        var scoreSentences = TimelineColumns.Ints(sentenceSentiment, "Sentence");
        var scores = TimelineColumns.Doubles(sentenceSentiment, "Compound");
        var score = new Dictionary<(string, int), double>();
        for (int i = 0; i < scoreIds.Count; i++)
            if (scoreIds[i] is { } id && scoreSentences[i] is { } s && scores[i] is { } c) score[(id, s)] = c;

        var ids = TimelineColumns.Strings(mentions, "ArticleId");
        var sentences = TimelineColumns.Ints(mentions, "Sentence");
        var entities = TimelineColumns.Strings(mentions, "Entity");
        // One vote per sentence: an entity named twice in a sentence does not count that sentence twice.
        var rows = Enumerable.Range(0, ids.Count)
            .Where(i => ids[i] is not null && entities[i] is not null && sentences[i] is not null && score.ContainsKey((ids[i]!, sentences[i]!.Value)))
            .Select(i => (Article: ids[i]!, Entity: entities[i]!, Sentence: sentences[i]!.Value))
            .Distinct()
            .GroupBy(r => (r.Article, r.Entity))
            .OrderBy(g => g.Key.Article, StringComparer.Ordinal).ThenBy(g => g.Key.Entity, StringComparer.Ordinal)
            .Select(g => (g.Key.Article, g.Key.Entity, Compound: g.Average(r => score[(r.Article, r.Sentence)]), Count: g.Count()))
            .ToList();
        return new DataFrame(
            new StringDataFrameColumn("ArticleId", rows.Select(r => r.Article)),
            new StringDataFrameColumn("Entity", rows.Select(r => r.Entity)),
            new DoubleDataFrameColumn("Compound", rows.Select(r => r.Compound)),
            new Int32DataFrameColumn("Sentences", rows.Select(r => r.Count)));
    }
}
