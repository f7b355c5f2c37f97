using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Analysis;

namespace NewsAnalysis;

/// <summary>What <see cref="EntityAnalysis.Kwic"/> looks for.</summary>
public enum KwicMode
{
    /// <summary>An entity when the term names one in the gazetteer, else a word or phrase.</summary>
    Auto,
    /// <summary>Always a word or phrase, as written.</summary>
    Text,
    /// <summary>Always an entity (error when the gazetteer has none by that name).</summary>
    Entity,
}

/// <summary>
/// Keyword in context: each occurrence of a word or phrase with the text either side, as a frame
/// <c>ArticleId, Title, Published, Sentence, Start, Left, Match, Right</c> (line breaks in the context become spaces).
/// </summary>
public static class KeywordInContext
{
    /// <summary>Characters of context either side by default.</summary>
    public const int DefaultWidth = 40;

    /// <summary>
    /// Every occurrence of <paramref name="term"/> in <paramref name="corpus"/>: case-insensitive, whole words, any white
    /// space between the words of a phrase; a trailing <c>*</c> on a word matches any ending (<c>pipe*</c>).
    /// </summary>
    /// <exception cref="ArgumentException">When the term is empty or the width negative.</exception>
    public static DataFrame Search(NewsCorpus corpus, string term, int width = DefaultWidth)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var regex = Pattern(term);
        var hits = corpus.Articles.SelectMany(a => regex.Matches(a.Text).Select(m => (a, m.Index, m.Length)));
        return Frame(hits, width);
    }

    /// <summary>The regular expression a search term becomes (see <see cref="Search"/>).</summary>
    public static Regex Pattern(string term)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(term);
        var words = term.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var body = string.Join(@"\s+", words.Select(w => w.Length > 1 && w.EndsWith('*') ? Regex.Escape(w[..^1]) + @"[\p{L}\p{N}]*" : Regex.Escape(w)));
        return new Regex(@"(?<![\p{L}\p{N}])" + body + @"(?![\p{L}\p{N}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    /// <summary>Builds the KWIC frame for given spans (article, offset, length), in the order given.</summary>
    public static DataFrame Frame(IEnumerable<(Article Article, int Start, int Length)> hits, int width = DefaultWidth)
    {
        ArgumentNullException.ThrowIfNull(hits);
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        var rows = hits.ToList();
        return new DataFrame(
            new StringDataFrameColumn("ArticleId", rows.Select(r => r.Article.Id)),
            new StringDataFrameColumn("Title", rows.Select(r => r.Article.Title)),
            new DateTimeDataFrameColumn("Published", rows.Select(r => r.Article.Published)),
            new Int32DataFrameColumn("Sentence", rows.Select(r => SentenceIndex(r.Article, r.Start))),
            new Int32DataFrameColumn("Start", rows.Select(r => r.Start)),
            new StringDataFrameColumn("Left", rows.Select(r => Flatten(r.Article.Text, r.Start - Math.Min(width, r.Start), r.Start))),
            new StringDataFrameColumn("Match", rows.Select(r => Flatten(r.Article.Text, r.Start, r.Start + r.Length))),
            new StringDataFrameColumn("Right", rows.Select(r => Flatten(r.Article.Text, r.Start + r.Length, r.Start + r.Length + Math.Min(width, r.Article.Text.Length - r.Start - r.Length)))));
    }

    /// <summary>
    /// Index of the sentence of <paramref name="article"/> holding <paramref name="offset"/>: the last one starting at or
    /// before it (0 when none does or the article has no sentences).
    /// </summary>
    public static int SentenceIndex(Article article, int offset)
    {
        ArgumentNullException.ThrowIfNull(article);
        var sentences = article.Sentences;
        int lo = 0, hi = sentences.Count - 1, found = 0;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            if (sentences[mid].Start <= offset) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found;
    }

    private static string Flatten(string text, int start, int end)
    {
        var sb = new StringBuilder(end - start);
        for (int i = start; i < end; i++) sb.Append(char.IsWhiteSpace(text[i]) ? ' ' : text[i]);
        return sb.ToString();
    }
}
