namespace NewsAnalysis;

/// <summary>
/// The paragraphs and sentences of one article's text as numbers only: <c>[P, start, length (P times),
/// start, length, paragraph (per sentence)]</c>. <see cref="Article.Paragraphs"/> and <see cref="Article.Sentences"/>
/// read it through views that make each <see cref="TextSpan"/>/<see cref="SentenceSpan"/> (and its text) when asked.
/// A loaded wire item of two sentences held ~520 bytes of span objects, lists and sentence strings; this is ~100
/// (docs/corpus.md, "Speed and memory"). It keeps the text it was made from, so an article copied with another
/// <see cref="Article.Text"/> keeps the spans it had.
/// </summary>
internal sealed class ArticleLayout(string text, int[] bounds)
{
    /// <summary>Splits <paramref name="text"/> into paragraphs (separated by a blank line) and sentences.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static ArticleLayout Of(string text)
    {
        var paragraphs = new List<(int Start, int Length)>(1);
        var sentences = new List<(int Start, int Length, int Paragraph)>(2);
        int pos = 0;
        while (pos < text.Length)
        {
            int end = text.IndexOf("\n\n", pos, StringComparison.Ordinal);
            if (end < 0) end = text.Length;
            if (end > pos)
            {
                int p = paragraphs.Count;
                paragraphs.Add((pos, end - pos));
                foreach (var (s, len) in SentenceSplitter.Split(text.AsSpan(pos, end - pos))) sentences.Add((pos + s, len, p));
            }
            pos = end + 2;
        }
        var bounds = new int[1 + 2 * paragraphs.Count + 3 * sentences.Count];
        bounds[0] = paragraphs.Count;
        int k = 1;
        foreach (var (s, len) in paragraphs) { bounds[k++] = s; bounds[k++] = len; }
        foreach (var (s, len, p) in sentences) { bounds[k++] = s; bounds[k++] = len; bounds[k++] = p; }
        return new ArticleLayout(text, bounds);
    }

    /// <summary>
    /// The layout <paramref name="bounds"/> describe for <paramref name="text"/> (as <see cref="Bounds"/> gave them), or
    /// null when they do not describe one: a count that does not fit, or a span outside the text.
    /// </summary>
    public static ArticleLayout? FromBounds(string text, int[] bounds) => Fits(text.Length, bounds) ? new ArticleLayout(text, bounds) : null;

    /// <summary>Whether <paramref name="bounds"/> describe a layout of a text of <paramref name="textLength"/> chars (see <see cref="FromBounds"/>).</summary>
    public static bool Fits(int textLength, ReadOnlySpan<int> bounds)
    {
        if (bounds.Length == 0 || bounds[0] < 0 || bounds[0] > (bounds.Length - 1) / 2) return false;
        int paragraphs = bounds[0];
        if ((bounds.Length - 1 - 2 * paragraphs) % 3 != 0) return false;
        static bool Inside(int textLength, int start, int length) => start >= 0 && length > 0 && start <= textLength - length;
        for (int k = 1; k < 1 + 2 * paragraphs; k += 2)
            if (!Inside(textLength, bounds[k], bounds[k + 1])) return false;
        for (int k = 1 + 2 * paragraphs; k < bounds.Length; k += 3)
            if (!Inside(textLength, bounds[k], bounds[k + 1]) || (uint)bounds[k + 2] >= (uint)paragraphs) return false;
        return true;
    }

    /// <summary>The numbers this layout is made of (see the class remarks); <see cref="FromBounds"/> makes it again.</summary>
    public int[] Bounds => bounds;

    public int ParagraphCount => bounds[0];

    public int SentenceCount => (bounds.Length - 1 - 2 * bounds[0]) / 3;

    public TextSpan Paragraph(int i)
    {
        int k = 1 + 2 * i;
        return new TextSpan(i, bounds[k], bounds[k + 1], new SpanText(text, bounds[k], bounds[k + 1]));
    }

    public SentenceSpan Sentence(int i)
    {
        int k = 1 + 2 * bounds[0] + 3 * i;
        return new SentenceSpan(i, bounds[k + 2], bounds[k], bounds[k + 1], new SpanText(text, bounds[k], bounds[k + 1]));
    }

    public IReadOnlyList<TextSpan> Paragraphs => new IndexedView<ArticleLayout, TextSpan>(this, ParagraphCount, static (l, i) => l.Paragraph(i));

    public IReadOnlyList<SentenceSpan> Sentences => new IndexedView<ArticleLayout, SentenceSpan>(this, SentenceCount, static (l, i) => l.Sentence(i));
}
