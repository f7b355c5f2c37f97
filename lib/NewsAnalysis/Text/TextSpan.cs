namespace NewsAnalysis;

/// <summary>A stretch of an article's cleaned text, e.g. a paragraph.</summary>
/// <remarks>
/// A span the loader builds refers to its article's text and makes <see cref="Text"/> when it is first read (then keeps it): a corpus of a
/// million short articles would otherwise hold every paragraph's text twice (docs/corpus.md, "Speed and memory").
/// Equality compares <see cref="Index"/>, <see cref="Start"/>, <see cref="Length"/> and the characters of
/// <see cref="Text"/>, as before.
/// </remarks>
public sealed record TextSpan
{
    private readonly SpanText text;
    private string? made;   // the text once read: a caller reading Text twice (per word, per match) gets one string

    /// <summary>A span whose text is <paramref name="Text"/>.</summary>
    /// <param name="Index">Position among its siblings, from 0.</param>
    /// <param name="Start">Character offset into the article's cleaned text.</param>
    /// <param name="Length">Length in characters.</param>
    /// <param name="Text">The text itself.</param>
    public TextSpan(int Index, int Start, int Length, string Text)
        : this(Index, Start, Length, SpanText.Whole(Text))
    {
    }

    // A span whose text is read from a stretch of another string (the article's) when asked.
    internal TextSpan(int index, int start, int length, SpanText text) => (this.Index, this.Start, this.Length, this.text) = (index, start, length, text);

    /// <summary>Position among its siblings, from 0.</summary>
    public int Index { get; init; }

    /// <summary>Character offset into the article's cleaned text.</summary>
    public int Start { get; init; }

    /// <summary>Length in characters.</summary>
    public int Length { get; init; }

    /// <summary>The text itself (for a span of a loaded article, made from the article's text when first read).</summary>
    public string Text
    {
        get => made ??= text.Text;
        init => (text, made) = (SpanText.Whole(value), value);
    }

    /// <summary>Offset one past the last character.</summary>
    public int End => Start + Length;

    /// <summary>The characters of <see cref="Text"/> without making a string.</summary>
    internal ReadOnlySpan<char> Chars => text.Chars;

    /// <summary>Deconstructs the span as its positional form did.</summary>
    public void Deconstruct(out int Index, out int Start, out int Length, out string Text) =>
        (Index, Start, Length, Text) = (this.Index, this.Start, this.Length, this.Text);

    /// <inheritdoc/>
    public bool Equals(TextSpan? other) =>
        other is not null && Index == other.Index && Start == other.Start && Length == other.Length && Chars.SequenceEqual(other.Chars);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Index, Start, Length, string.GetHashCode(Chars));
}

/// <summary>A sentence of an article's cleaned text.</summary>
/// <remarks>
/// Like <see cref="TextSpan"/>, a sentence the loader builds makes <see cref="Text"/> from its article's text when it
/// is first read; equality compares the numbers and the characters of <see cref="Text"/>.
/// </remarks>
public sealed record SentenceSpan
{
    private readonly SpanText text;
    private string? made;   // the text once read: a caller reading Text twice (per word, per match) gets one string

    /// <summary>A sentence whose text is <paramref name="Text"/>.</summary>
    /// <param name="Index">Position in the article, from 0.</param>
    /// <param name="Paragraph">Index of the paragraph it belongs to.</param>
    /// <param name="Start">Character offset into the article's cleaned text.</param>
    /// <param name="Length">Length in characters.</param>
    /// <param name="Text">The sentence text.</param>
    public SentenceSpan(int Index, int Paragraph, int Start, int Length, string Text)
        : this(Index, Paragraph, Start, Length, SpanText.Whole(Text))
    {
    }

    // A sentence whose text is read from a stretch of another string (the article's) when asked.
    internal SentenceSpan(int index, int paragraph, int start, int length, SpanText text) =>
        (this.Index, this.Paragraph, this.Start, this.Length, this.text) = (index, paragraph, start, length, text);

    /// <summary>Position in the article, from 0.</summary>
    public int Index { get; init; }

    /// <summary>Index of the paragraph it belongs to.</summary>
    public int Paragraph { get; init; }

    /// <summary>Character offset into the article's cleaned text.</summary>
    public int Start { get; init; }

    /// <summary>Length in characters.</summary>
    public int Length { get; init; }

    /// <summary>The sentence text (for a sentence of a loaded article, made from the article's text when first read).</summary>
    public string Text
    {
        get => made ??= text.Text;
        init => (text, made) = (SpanText.Whole(value), value);
    }

    /// <summary>Offset one past the last character.</summary>
    public int End => Start + Length;

    /// <summary>The characters of <see cref="Text"/> without making a string.</summary>
    internal ReadOnlySpan<char> Chars => text.Chars;

    /// <summary>Deconstructs the sentence as its positional form did.</summary>
    public void Deconstruct(out int Index, out int Paragraph, out int Start, out int Length, out string Text) =>
        (Index, Paragraph, Start, Length, Text) = (this.Index, this.Paragraph, this.Start, this.Length, this.Text);

    /// <inheritdoc/>
    public bool Equals(SentenceSpan? other) =>
        other is not null && Index == other.Index && Paragraph == other.Paragraph && Start == other.Start && Length == other.Length
        && Chars.SequenceEqual(other.Chars);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Index, Paragraph, Start, Length, string.GetHashCode(Chars));
}

/// <summary>A stretch of a string, made into a string only when read (the whole string when it covers it: no copy).</summary>
internal readonly struct SpanText(string source, int start, int length)
{
    /// <summary>The whole of <paramref name="text"/>.</summary>
    public static SpanText Whole(string text) => new(text ?? throw new ArgumentNullException(nameof(text)), 0, text.Length);

    public string Text => start == 0 && length == source.Length ? source : source.Substring(start, length);

    public ReadOnlySpan<char> Chars => source.AsSpan(start, length);
}
