namespace NewsAnalysis;

/// <summary>
/// One article as an input gives it, before cleaning and inference: what the JSON, CSV and HTML readers produce,
/// and what callers holding texts in memory pass to <see cref="Corpus.FromRecords"/>.
/// </summary>
/// <param name="Id">Identifier (file name, id field, or row number).</param>
/// <param name="Path">Where it came from (a file path, with <c>#row N</c> for a row).</param>
/// <param name="Text">The raw text of the article.</param>
public sealed record ArticleRecord(string Id, string Path, string Text)
{
    private readonly RowPath path = new(Path);

    /// <summary>Where it came from (a file path, with <c>#row N</c> for a row).</summary>
    public string Path
    {
        get => path.ToString();
        init => path = new(value);
    }

    // The readers' compact form of Path (a row of a collection: the file's string, a label and a number).
    internal RowPath RowPath
    {
        get => path;
        init => path = value;
    }

    /// <summary>The title when the input names one; otherwise it is inferred from the text.</summary>
    public string? Title { get; init; }

    /// <summary>The source when the input names one.</summary>
    public string? Source { get; init; }

    /// <summary>The publication date when the input gives one (basis <see cref="PublishedBasis.Metadata"/>).</summary>
    public DateTime? Published { get; init; }

    /// <summary>The URL when the input gives one.</summary>
    public string? Url { get; init; }

    /// <summary>Other input fields, kept as extra columns (e.g. <c>category</c>).</summary>
    public IReadOnlyDictionary<string, string?> Extra { get; init; } = new Dictionary<string, string?>();
}
