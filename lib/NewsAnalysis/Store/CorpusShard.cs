namespace NewsAnalysis;

/// <summary>
/// A deterministic partition of a corpus into <c>n</c> shards by the content hash of each article (its fingerprint:
/// cleaned text and sentences, see <see cref="AnalysisVersions.Fingerprint"/>), so n processes or batch tasks can each
/// analyse one shard and their per-article results, concatenated, are those of one run over the whole corpus.
/// </summary>
/// <param name="Index">The shard, 1 to <paramref name="Count"/>.</param>
/// <param name="Count">How many shards.</param>
public sealed record CorpusShard(int Index, int Count)
{
    /// <summary>Parses <c>i/n</c> (e.g. <c>2/8</c>), 1 ≤ i ≤ n.</summary>
    /// <exception cref="FormatException">When the text is not of that form.</exception>
    public static CorpusShard Parse(string text)
    {
        var parts = (text ?? "").Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], out var i) && int.TryParse(parts[1], out var n) && n >= 1 && i >= 1 && i <= n)
            return new CorpusShard(i, n);
        throw new FormatException($"shard '{text}' is not i/n with 1 <= i <= n (e.g. 2/8).");
    }

    /// <summary>Whether <paramref name="article"/> belongs to this shard.</summary>
    public bool Contains(Article article) =>
        (int)(BitConverter.ToUInt64(AnalysisVersions.Fingerprint(article), 0) % (ulong)Count) == Index - 1;

    /// <summary>
    /// The articles of <paramref name="corpus"/> in this shard, in corpus order, with their cleaning changes and the
    /// near-duplicate pairs whose later article is in the shard. Rejected inputs go to shard 1 only (so the union lists each once).
    /// </summary>
    public NewsCorpus Select(NewsCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var articles = corpus.Articles.Where(Contains).ToList();
        var ids = articles.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        return new NewsCorpus(articles, Index == 1 ? corpus.Rejected : [], corpus.Changes.Where(c => ids.Contains(c.ArticleId)).ToList())
        {
            NearDuplicates = corpus.NearDuplicates.Where(p => ids.Contains(p.DuplicateId)).ToList(),
        };
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Index}/{Count}";
}
