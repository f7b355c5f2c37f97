namespace NewsAnalysis;

/// <summary>What a topic model clusters: whole articles, their paragraphs or their sentences.</summary>
public enum TopicUnit
{
    /// <summary>One unit per article (title and body together).</summary>
    Article,
    /// <summary>One unit per paragraph of the cleaned text (the default).</summary>
    Paragraph,
    /// <summary>One unit per sentence.</summary>
    Sentence,
}

/// <summary>How units are grouped into topics.</summary>
public enum TopicMethod
{
    /// <summary>k-means (hand-written, weighted, seeded) on L2-normalised TF-IDF vectors reduced by truncated SVD: one topic per unit.</summary>
    KMeans,
    /// <summary>Latent Dirichlet allocation (ML.NET) on term counts: each unit takes its most probable topic.</summary>
    Lda,
    /// <summary>
    /// BERTopic-style: k-means on MiniLM sentence embeddings of the units (cut to <see cref="TopicOptions.EmbeddingWords"/>
    /// words, centred and reduced by PCA), labelled by the same class-based TF-IDF. Slower; cached on disk.
    /// </summary>
    Embeddings,
}

/// <summary>Options of <see cref="TopicModeler.Fit(NewsCorpus, TopicOptions?)"/>. Defaults suit news text.</summary>
public sealed record TopicOptions
{
    /// <summary>The unit clustered. Default <see cref="TopicUnit.Paragraph"/>.</summary>
    public TopicUnit Unit { get; init; } = TopicUnit.Paragraph;

    /// <summary>The method. Default <see cref="TopicMethod.KMeans"/>.</summary>
    public TopicMethod Method { get; init; } = TopicMethod.KMeans;

    /// <summary>The number of topics, or null to choose it over <see cref="MinK"/>..<see cref="MaxK"/>: the first peak of the silhouette (the first k scoring at least as well as k + 1).</summary>
    public int? K { get; init; }

    /// <summary>Smallest k tried when <see cref="K"/> is null. Default 2.</summary>
    public int MinK { get; init; } = 2;

    /// <summary>Largest k tried when <see cref="K"/> is null (capped at the number of units − 1 and at ⌊√(units / 2)⌋: see <see cref="TopicModeler.AutomaticMaxK"/>). Default 10.</summary>
    public int MaxK { get; init; } = 10;

    /// <summary>Seed of every random choice (k-means++ initialisation, the SVD's random sketch, LDA, silhouette sample). Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>k-means runs per k, seeded <see cref="Seed"/>, <see cref="Seed"/>+1, ...; the one with the lowest inertia is kept. Default 10.</summary>
    public int Restarts { get; init; } = 10;

    /// <summary>Singular vectors of the TF-IDF vectors kept for k-means (latent semantic analysis, as scikit-learn's recipe; at least 2). Default 100.</summary>
    public int Dimensions { get; init; } = 100;

    /// <summary>Terms (unigrams and bigrams) must occur in at least this many units to be features. Default 2.</summary>
    public int MinDocumentFrequency { get; init; } = 2;

    /// <summary>
    /// Terms must also occur in at least this share of the units (rounded up), which only bites on large corpora:
    /// with the default 1 in 5,000, 100,000 paragraphs need a term in 20 of them. Rare terms say little about topics,
    /// and the floor keeps the feature count, and so PCA's time, bounded. Default 0.0002.
    /// </summary>
    public double MinDocumentShare { get; init; } = 0.0002;

    /// <summary>Stop words removed before counting, or null for <see cref="TopicStopWords.Default"/> (scikit-learn's English list; labels leave out <see cref="TopicStopWords.NotLabels"/> whatever this holds).</summary>
    public IReadOnlyCollection<string>? StopWords { get; init; }

    /// <summary>
    /// Leave out the corpus's boilerplate terms (agency tags, datelines, site names: words standing at the edges of
    /// many articles, or naming their source; see <see cref="TopicModel.Boilerplate"/>). Default true.
    /// </summary>
    public bool DropBoilerplate { get; init; } = true;

    /// <summary>A word is boilerplate only when it stands at an edge (or names the source) of at least this many articles, and of 1 in 100. Default 5.</summary>
    public int BoilerplateMinArticles { get; init; } = 5;

    /// <summary>Embeddings: words of each unit given to the encoder (MiniLM reads 256 word pieces at most; the lead says most of a news item). Default 128.</summary>
    public int EmbeddingWords { get; init; } = 128;

    /// <summary>
    /// Embeddings: the folder caching them by text hash, so a rerun does not embed again; null for the default
    /// (<c>NewsAnalysis/embeddings</c> under the user's local application data, <c>~/.local/share</c> on Linux), empty for no cache.
    /// </summary>
    public string? EmbeddingCache { get; init; }

    /// <summary>Top terms kept per topic. Default 10.</summary>
    public int TopTerms { get; init; } = 10;

    /// <summary>Terms joined into a topic's label. Default 3.</summary>
    public int LabelTerms { get; init; } = 3;

    /// <summary>Most representative units kept per topic. Default 3.</summary>
    public int Representatives { get; init; } = 3;

    /// <summary>Units sampled (seeded) to compute the silhouette when choosing k; all units when there are fewer. Default 2,000.</summary>
    public int SilhouetteSample { get; init; } = 2000;

    /// <summary>LDA: tokens read per unit (ML.NET's default of 512 would cut news articles short). Default 100,000.</summary>
    public int LdaMaxTokensPerUnit { get; init; } = 100_000;

    /// <summary>LDA: sampling iterations (ML.NET default 200; 100 halves the time with little change on news). Default 100.</summary>
    public int LdaIterations { get; init; } = 100;

    /// <summary>The default options.</summary>
    public static TopicOptions Default { get; } = new();

    /// <summary>Checks the options, throwing <see cref="ArgumentOutOfRangeException"/> naming the bad value.</summary>
    internal void Validate()
    {
        if (K is < 1) throw new ArgumentOutOfRangeException(nameof(K), K, "k must be at least 1.");
        if (MinK < 2) throw new ArgumentOutOfRangeException(nameof(MinK), MinK, "The smallest k tried must be at least 2.");
        if (MaxK < MinK) throw new ArgumentOutOfRangeException(nameof(MaxK), MaxK, $"The largest k tried must be at least MinK ({MinK}).");
        if (Restarts < 1) throw new ArgumentOutOfRangeException(nameof(Restarts), Restarts, "At least one k-means run is needed.");
        if (Dimensions < 2) throw new ArgumentOutOfRangeException(nameof(Dimensions), Dimensions, "At least 2 dimensions are needed (the map uses the first two).");
        if (MinDocumentFrequency < 1) throw new ArgumentOutOfRangeException(nameof(MinDocumentFrequency), MinDocumentFrequency, "Must be at least 1.");
        if (MinDocumentShare is < 0 or >= 1 || double.IsNaN(MinDocumentShare)) throw new ArgumentOutOfRangeException(nameof(MinDocumentShare), MinDocumentShare, "Must be at least 0 and under 1.");
        if (TopTerms < 1 || LabelTerms < 1 || Representatives < 0)
            throw new ArgumentOutOfRangeException(nameof(TopTerms), "TopTerms and LabelTerms must be at least 1, Representatives at least 0.");
        if (EmbeddingWords < 1) throw new ArgumentOutOfRangeException(nameof(EmbeddingWords), EmbeddingWords, "Must be at least 1.");
        if (BoilerplateMinArticles < 1) throw new ArgumentOutOfRangeException(nameof(BoilerplateMinArticles), BoilerplateMinArticles, "Must be at least 1.");
        if (SilhouetteSample < 2) throw new ArgumentOutOfRangeException(nameof(SilhouetteSample), SilhouetteSample, "Must be at least 2.");
        if (LdaMaxTokensPerUnit < 1 || LdaIterations < 1) throw new ArgumentOutOfRangeException(nameof(LdaIterations), "LDA token cap and iterations must be positive.");
    }
}
