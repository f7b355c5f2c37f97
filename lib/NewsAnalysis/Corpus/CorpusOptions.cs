namespace NewsAnalysis;

/// <summary>Options for <see cref="Corpus.Load(string, CorpusOptions?)"/>.</summary>
public sealed record CorpusOptions
{
    /// <summary>Files larger than this are rejected rather than read. Default 20 MB.</summary>
    public long MaxFileBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>The default options.</summary>
    public static CorpusOptions Default { get; } = new();
}
