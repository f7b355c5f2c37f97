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
}
