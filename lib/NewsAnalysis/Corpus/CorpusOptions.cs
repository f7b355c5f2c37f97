namespace NewsAnalysis;

/// <summary>Options for <see cref="Corpus.Load(string, CorpusOptions?)"/>.</summary>
public sealed record CorpusOptions
{
    /// <summary>Files larger than this are rejected rather than read. Default 20 MB.</summary>
    public long MaxFileBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>The cleaning and inference rules (default: <c>data/corpus/corpus-rules.yaml</c>, embedded).</summary>
    public CorpusRules Rules { get; init; } = CorpusRules.Default;

    /// <summary>CSV/JSON column holding the text, when it is not one of text/body/content/article/story.</summary>
    public string? CsvTextColumn { get; init; }

    /// <summary>CSV/JSON column holding the title, when it is not title/headline.</summary>
    public string? CsvTitleColumn { get; init; }

    /// <summary>CSV/JSON column holding the publication date, when it is not date/published/....</summary>
    public string? CsvDateColumn { get; init; }

    /// <summary>CSV/JSON column holding the source, when it is not source/publisher.</summary>
    public string? CsvSourceColumn { get; init; }

    /// <summary>CSV/JSON column holding the id, when it is not id.</summary>
    public string? CsvIdColumn { get; init; }

    /// <summary>Repair words glued where a line break was lost ("withRussia"). Default true.</summary>
    public bool RepairGluedWords { get; init; } = true;

    /// <summary>
    /// Infer a publication date from the dates a story mentions when nothing states one (basis <c>inferred</c>).
    /// Default true; false leaves such articles <c>unknown</c>.
    /// </summary>
    public bool InferPublishedFromMentions { get; init; } = true;

    /// <summary>Articles whose estimated word 4-shingle Jaccard similarity reaches this are flagged near-duplicates. Default 0.8.</summary>
    public double NearDuplicateThreshold { get; init; } = 0.8;

    /// <summary>The file beside the articles that overrides inferred title/source/date/url. Default <c>metadata.csv</c>.</summary>
    public string MetadataFileName { get; init; } = "metadata.csv";

    /// <summary>The default options.</summary>
    public static CorpusOptions Default { get; } = new();

    /// <summary>
    /// Starts making <see cref="Default"/> (reading the shipped rules' YAML) and the first corpus-cache key of it (the
    /// rules' JSON) on the thread pool and returns at once, so a process about to load a corpus (the <c>news</c> CLI, at
    /// start) does them beside its start-up: a warm <c>news sentiment</c> on 100,000 articles spent ~0.25 s of its
    /// ~1.2 s on them first. <see cref="Default"/> waits for whatever is still running; an error is raised there, not here.
    /// </summary>
    public static void Preload() => ThreadPool.UnsafeQueueUserWorkItem(_ =>
    {
        // An exception here is raised again at the caller's first use of Default (a type initializer's failure is
        // kept), where it is reported; one let through would end the process from a pool thread.
        try { _ = CorpusCache.OptionsKey(Default); }
        catch (Exception) { }
    }, null);
}
