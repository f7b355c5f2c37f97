namespace NewsAnalysis;

/// <summary>A stretch of an article's cleaned text, e.g. a paragraph.</summary>
/// <param name="Index">Position among its siblings, from 0.</param>
/// <param name="Start">Character offset into the article's cleaned text.</param>
/// <param name="Length">Length in characters.</param>
/// <param name="Text">The text itself.</param>
public sealed record TextSpan(int Index, int Start, int Length, string Text)
{
    /// <summary>Offset one past the last character.</summary>
    public int End => Start + Length;
}

/// <summary>A sentence of an article's cleaned text.</summary>
/// <param name="Index">Position in the article, from 0.</param>
/// <param name="Paragraph">Index of the paragraph it belongs to.</param>
/// <param name="Start">Character offset into the article's cleaned text.</param>
/// <param name="Length">Length in characters.</param>
/// <param name="Text">The sentence text.</param>
public sealed record SentenceSpan(int Index, int Paragraph, int Start, int Length, string Text)
{
    /// <summary>Offset one past the last character.</summary>
    public int End => Start + Length;
}
