namespace NewsAnalysis;

/// <summary>How an article's publication date was established.</summary>
public enum PublishedBasis
{
    /// <summary>No date could be established.</summary>
    Unknown,
    /// <summary>The article states it (e.g. "Published in Dawn, February 21st, 2018") or a dated caption gives it.</summary>
    Stated,
    /// <summary>A metadata field (JSON/CSV column, or <c>metadata.csv</c> beside the articles) gives it.</summary>
    Metadata,
    /// <summary>Inferred from the dates the story itself mentions.</summary>
    Inferred,
    /// <summary>
    /// A date was given or found, but outside the years 1000 to 8999 that date arithmetic (weeks, "next year", decades)
    /// stays within: the article keeps no date, and its evidence names the value and where it came from.
    /// </summary>
    OutOfRange,
}

/// <summary>One article after loading and cleaning.</summary>
/// <param name="Id">Stable identifier: the file name without extension, or the id field / row id of JSON and CSV input.</param>
/// <param name="Path">The file the article came from (with <c>#row</c> or <c>#line</c> suffix for multi-article files).</param>
/// <param name="Title">The headline.</param>
/// <param name="Source">The publisher (e.g. Dawn, Sputnik), or null when unknown.</param>
/// <param name="Dateline">The upper-case place that opens the story (e.g. ISLAMABAD), or null.</param>
/// <param name="Published">Publication date, or null when unknown.</param>
/// <param name="PublishedBasis">How <paramref name="Published"/> was established.</param>
/// <param name="PublishedEvidence">The words the date was read from, or null.</param>
/// <param name="Text">The cleaned body text; paragraphs are separated by a blank line.</param>
/// <param name="Url">The article's URL when the input gave one.</param>
/// <param name="Extra">Columns of the input not mapped to a known field (e.g. a <c>category</c> label), by name.</param>
public sealed record Article(
    string Id,
    string Path,
    string Title,
    string? Source,
    string? Dateline,
    DateTime? Published,
    PublishedBasis PublishedBasis,
    string? PublishedEvidence,
    string Text,
    string? Url,
    IReadOnlyDictionary<string, string?> Extra)
{
    private readonly RowPath path = new(Path);

    /// <summary>The file the article came from (with <c>#row</c> or <c>#line</c> suffix for multi-article files).</summary>
    public string Path
    {
        get => path.ToString();
        init => path = new(value);
    }

    // The loader's compact form of Path (a row of a collection: the file's string, a label and a number).
    internal RowPath RowPath
    {
        get => path;
        init => path = value;
    }

    // Set by the loader: paragraphs and sentences as numbers, spans made when read (memory: docs/corpus.md). A list a
    // caller sets through Paragraphs or Sentences is kept as given and wins over it.
    internal ArticleLayout? Layout { get; init; }

    private readonly IReadOnlyList<TextSpan>? paragraphs;
    private readonly IReadOnlyList<SentenceSpan>? sentences;

    /// <summary>The paragraphs of <see cref="Text"/>, in order.</summary>
    /// <remarks>For a loaded article each item (and its text) is made when read; items compare by value.</remarks>
    public IReadOnlyList<TextSpan> Paragraphs
    {
        get => paragraphs ?? Layout?.Paragraphs ?? [];
        init => paragraphs = value;
    }

    /// <summary>The sentences of <see cref="Text"/>, in order.</summary>
    /// <remarks>For a loaded article each item (and its text) is made when read; items compare by value.</remarks>
    public IReadOnlyList<SentenceSpan> Sentences
    {
        get => sentences ?? Layout?.Sentences ?? [];
        init => sentences = value;
    }

    /// <summary>Number of words in <see cref="Text"/>.</summary>
    public int Words { get; init; }

    /// <summary>
    /// Where <see cref="Title"/> came from: <c>headline</c> (a headline line of the text), <c>metadata</c> (an input
    /// field, HTML meta tag or metadata.csv), <c>lead-sentence</c> (no headline: the lead sentence, shortened),
    /// <c>glued-headline</c> (a headline run into the first sentence, as in the BBC set) or <c>unknown</c>.
    /// </summary>
    public string TitleBasis { get; init; } = "unknown";

    /// <summary>The words <see cref="Source"/> was read from (e.g. <c>stated: 'Published in Dawn, ...'</c>), or null.</summary>
    public string? SourceEvidence { get; init; }

    /// <summary>
    /// Photo captions and credits kept out of <see cref="Text"/> (each once, in order), e.g. for concerns that want
    /// their dates or names. Offsets of <see cref="Sentences"/> never point into them.
    /// </summary>
    public IReadOnlyList<string> Captions { get; init; } = [];

    /// <summary>The id of an earlier article this one nearly duplicates, or null.</summary>
    public string? DuplicateOf
    {
        get => duplicateOf;
        init => duplicateOf = value;
    }

    private string? duplicateOf;

    // The loader marks an article it has not handed out yet in place (the first mark holds): a copy per marked article
    // made ~180 bytes of garbage each, ~150 MB at the peak of a 1,000,000-row load full of repeats.
    internal void MarkDuplicateOf(string earlierId) => duplicateOf ??= earlierId;
}

/// <summary>Two articles whose texts are nearly the same.</summary>
/// <param name="ArticleId">The earlier article (in corpus order).</param>
/// <param name="DuplicateId">The later article that nearly duplicates it.</param>
/// <param name="Similarity">Estimated Jaccard similarity of their word 4-shingles, 0..1.</param>
public sealed record NearDuplicatePair(string ArticleId, string DuplicateId, double Similarity);

/// <summary>A file, or a row of a file, that could not be used as an article.</summary>
/// <param name="Path">The file (with <c>#line N</c> for a row of a JSONL/CSV file).</param>
/// <param name="Reason">Why it was rejected, in words a user can act on.</param>
public sealed record RejectedInput(string Path, string Reason);

/// <summary>One change the cleaner made to an article's text, kept so cleaning can be audited.</summary>
/// <param name="ArticleId">The article changed.</param>
/// <param name="Kind">What kind of change (e.g. <c>drop-chrome</c>, <c>split-glued-word</c>).</param>
/// <param name="Before">The text before.</param>
/// <param name="After">The text after (empty when dropped).</param>
public sealed record CleaningChange(string ArticleId, string Kind, string Before, string After);
