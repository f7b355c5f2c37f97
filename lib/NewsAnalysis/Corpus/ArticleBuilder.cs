using System.Text;
using System.Text.RegularExpressions;

namespace NewsAnalysis;

/// <summary>
/// Turns an <see cref="ArticleRecord"/> into an <see cref="Article"/>: cleans the text (audited), infers title,
/// source, dateline and publication date from <see cref="CorpusRules"/>, and splits paragraphs and sentences.
/// </summary>
internal sealed partial class ArticleBuilder
{
    private readonly CorpusRules rules;
    private readonly GluedWordRepair? repair;
    private readonly bool inferFromMentions;
    private readonly RulePatterns patterns;
    private readonly StringPool pool = new();   // sources and datelines repeat across a load: one string each

    /// <summary>A builder for a load that cleans <paramref name="articles"/> articles (which picks how its patterns run).</summary>
    public ArticleBuilder(CorpusRules rules, GluedWordRepair? repair, bool inferFromMentions, int articles)
    {
        this.rules = rules;
        this.repair = repair;
        this.inferFromMentions = inferFromMentions;
        patterns = rules.Patterns(articles);
    }

    /// <summary>Cleans and infers one article. <paramref name="metadata"/> (from metadata.csv) overrides what it gives.</summary>
    public Article Process(ArticleRecord record, ArticleRecord? metadata, List<CleaningChange> changes)
    {
        string id = record.Id;
        var raw = FixMojibake(record.Text, id, changes);
        var lines = raw.ReplaceLineEndings("\n").Split('\n');
        var body = new List<string>(lines.Length);
        var captions = new List<string>();
        var rawLines = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string? title = record.Title, titleBasis = record.Title is null ? null : "metadata";
        string? statedLine = null, statedSource = null, statedDate = null;
        bool bodyStarted = false;

        for (int idx = 0; idx < lines.Length; idx++)
        {
            var t = lines[idx].Trim();
            if (t.Length == 0) { body.Add(""); continue; }
            rawLines.Add(t);
            if (rules.ChromeSet.Contains(t)) { changes.Add(new(id, "drop-chrome", t, "")); continue; }
            if (ChromeRunAt(lines, idx) is { } runEnd)
            {
                var run = string.Join(' ', lines[idx..runEnd].Select(l => l.Trim()).Where(l => l.Length > 0));
                foreach (var l in run.Split(' ')) rawLines.Add(l);
                changes.Add(new(id, "drop-chrome", run, ""));
                idx = runEnd - 1;
                continue;
            }
            if (statedLine is null && MatchAny(patterns.Stated, t) is { } stated)
            {
                statedLine = t;
                statedSource = stated.Groups["source"].Success ? stated.Groups["source"].Value.Trim() : null;
                statedDate = stated.Groups["date"].Value;
                changes.Add(new(id, "drop-published-line", t, ""));
                continue;
            }
            if (title is not null && string.Equals(t, title, StringComparison.Ordinal)) { changes.Add(new(id, "drop-duplicate-title", t, "")); continue; }
            if (LastNonBlank(body) is int last && body[last] == t)
            {
                // The same line twice in a row: a photo caption echoed by the page (caption + alt text).
                body.RemoveAt(last);
                captions.Add(t);
                changes.Add(new(id, "drop-repeated-caption", t + "\n" + t, ""));
                continue;
            }
            if (captions.Count > 0 && captions[^1] == t) { changes.Add(new(id, "drop-repeated-caption", t, "")); continue; }
            if (ImageMarker().Match(t) is { Success: true } image)
            {
                captions.Add(image.Groups[1].Value.Trim());
                changes.Add(new(id, "drop-caption", image.Value.Trim(), ""));
                t = t[image.Length..].Trim();
                if (t.Length == 0) continue;
            }
            else if (MatchAny(patterns.Captions, t) is not null)
            {
                captions.Add(t);
                changes.Add(new(id, "drop-caption", t, ""));
                continue;
            }
            if (title is null && !bodyStarted && IsHeadline(t) && HasMoreText(lines, idx))
            {
                title = t;
                titleBasis = "headline";
                continue;
            }
            if (t.Length > 2 && t[0] == '*' && t[^1] == '*' && t.IndexOf('*', 1) == t.Length - 1)
            {
                var plain = t.Trim('*').Trim();
                changes.Add(new(id, "strip-emphasis", t, plain));
                t = plain;
            }
            t = DropPlaceholders(t, id, changes);
            if (t.Length == 0) continue;
            body.Add(t);
            bodyStarted = true;
        }

        var text = JoinParagraphs(body);
        if (string.IsNullOrWhiteSpace(text) && !string.IsNullOrWhiteSpace(raw))
        {
            // Cleaning never empties an article (30 identical paragraphs are not 30 captions of nothing): it keeps its
            // text as it came, paragraph for line, and says so.
            text = JoinParagraphs(lines.Select(l => l.Trim()).ToList());
            captions.Clear();
            changes.Add(new(id, "keep-text", "", "every line would have been removed as chrome, caption or title: the text is kept uncleaned"));
        }
        if (repair is not null) text = repair.Repair(text, id, changes);

        // Dateline: the upper-case place opening the first paragraph.
        string? dateline = null, datelineSource = null;
        int datelineLength = 0;
        int firstParagraphEnd = text.IndexOf("\n\n", StringComparison.Ordinal);
        var firstParagraph = firstParagraphEnd < 0 ? text : text[..firstParagraphEnd];
        if (patterns.Dateline?.Match(firstParagraph) is { Success: true } dl)
        {
            datelineLength = dl.Length;
            dateline = pool.Get(dl.Groups["place"].ValueSpan.Trim());
            if (dl.Groups["source"].Success) datelineSource = pool.Get(dl.Groups["source"].ValueSpan.Trim());
        }

        // Title: metadata, else the headline line, else the lead sentence shortened.
        if (metadata?.Title is { } metaTitle) { title = metaTitle; titleBasis = "metadata"; }
        if (title is null && dateline is null && GluedHeadline.Guess(text, rules.Title) is { } glued) { title = glued; titleBasis = "glued-headline"; }
        if (title is null) title = LeadTitle(firstParagraph, datelineLength, out titleBasis);

        var (source, sourceEvidence) = InferSource(record, metadata, statedSource, statedLine, datelineSource, dateline, text, rawLines);
        source = pool.Get(source);
        var (published, basis, evidence) = InferPublished(record, metadata, statedDate, statedLine, captions, text);
        if (published is { } p && !IsWorkable(p))
        {
            // One article's extreme date (9999-12-31, 0001-01-01) must not overflow the arithmetic of every verb.
            evidence = $"{p:yyyy-MM-dd} ({EnumWords.Hyphenated(basis)}: {evidence ?? "input"}) is outside the years {MinYear}-{MaxYear}: no date";
            published = null;
            basis = PublishedBasis.OutOfRange;
        }

        // The input's own string when cleaning changed nothing (most wire items): one copy of the text in memory, not two.
        if (text.Length == record.Text.Length && string.Equals(text, record.Text, StringComparison.Ordinal)) text = record.Text;
        return new Article(id, record.RowPath.File, title, source, dateline, published, basis, evidence, text,
            metadata?.Url ?? record.Url, record.Extra)
        {
            RowPath = record.RowPath,
            TitleBasis = titleBasis ?? "unknown",
            SourceEvidence = sourceEvidence,
            // Array.Empty, not []: beside a List in a conditional, [] is a new empty List per article (32 bytes a million times).
            Captions = captions.Count == 0 ? Array.Empty<string>() : captions.Distinct(StringComparer.Ordinal).ToList(),
            Layout = ArticleLayout.Of(text),
            Words = WordCounter.Count(text),
        };
    }

    // ---------- cleaning helpers ----------

    private int? ChromeRunAt(string[] lines, int idx)
    {
        foreach (var run in rules.ChromeRuns)
        {
            int k = idx, matched = 0;
            while (k < lines.Length && matched < run.Count)
            {
                var t = lines[k].Trim();
                if (t.Length == 0) { k++; continue; }
                if (!string.Equals(t, run[matched], StringComparison.OrdinalIgnoreCase)) break;
                matched++;
                k++;
            }
            if (matched == run.Count && run.Count > 0) return k;
        }
        return null;
    }

    private string DropPlaceholders(string line, string id, List<CleaningChange> changes)
    {
        foreach (var p in rules.Placeholders)
        {
            int at;
            while ((at = line.IndexOf(p, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                int s = at, e = at + p.Length;
                if (s > 0 && line[s - 1] == ' ') s--;
                else if (e < line.Length && line[e] == ' ') e++;
                int cs = Math.Max(0, s - 20), ce = Math.Min(line.Length, e + 20);
                var updated = line.Remove(s, e - s);
                changes.Add(new(id, "drop-placeholder", line[cs..ce], updated.Substring(cs, ce - cs - (e - s))));
                line = updated;
            }
        }
        return line.Trim();
    }

    private static readonly Lazy<Encoding> Cp1252 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    /// <summary>Repairs UTF-8 text that was once decoded as Windows-1252 ("Â£" → "£", "â€™" → "’").</summary>
    internal static string FixMojibake(string text, string id, List<CleaningChange> changes)
    {
        if (text.AsSpan().IndexOfAny('Â', 'Ã', 'â') < 0) return text;
        var cp1252 = Cp1252.Value;
        var strict = new UTF8Encoding(false, true);
        StringBuilder? sb = null;
        int copied = 0;
        Span<byte> bytes = stackalloc byte[4];
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is not ('Â' or 'Ã' or 'â')) continue;
            int need = c == 'â' ? 3 : 2;
            if (i + need > text.Length) continue;
            string? fixedChar = null;
            try
            {
                if (cp1252.GetBytes(text.AsSpan(i, need), bytes) == need)
                {
                    var s = strict.GetString(bytes[..need]);
                    if (s.Length == 1 && s[0] >= 0x80) fixedChar = s;
                }
            }
            catch (ArgumentException) { }
            if (fixedChar is null) continue;
            sb ??= new StringBuilder(text.Length);
            sb.Append(text, copied, i - copied).Append(fixedChar);
            changes.Add(new(id, "fix-mojibake", text.Substring(i, need), fixedChar));
            copied = i + need;
            i += need - 1;
        }
        if (sb is null) return text;
        return sb.Append(text, copied, text.Length - copied).ToString();
    }

    private static int? LastNonBlank(List<string> body)
    {
        for (int i = body.Count - 1; i >= 0; i--) if (body[i].Length > 0) return i;
        return null;
    }

    private static bool HasMoreText(string[] lines, int idx)
    {
        for (int k = idx + 1; k < lines.Length; k++) if (!string.IsNullOrWhiteSpace(lines[k])) return true;
        return false;
    }

    private bool IsHeadline(string t)
    {
        if (t.Length > rules.Title.MaxChars || t.EndsWith('.') || t.EndsWith(',')) return false;
        if (WordCounter.Count(t) is var n && (n > rules.Title.MaxWords || n == 0)) return false;
        return patterns.Dateline?.IsMatch(t) != true;
    }

    private static Match? MatchAny(Regex[] patterns, string t)
    {
        foreach (var r in patterns) if (r.Match(t) is { Success: true } m) return m;
        return null;
    }

    [GeneratedRegex(@"^\[image:([^\]]*)\]")]
    private static partial Regex ImageMarker();

    // ---------- inference ----------

    private string LeadTitle(string firstParagraph, int skip, out string basis)
    {
        basis = "lead-sentence";
        var first = firstParagraph.AsSpan(Math.Min(skip, firstParagraph.Length));
        var sentences = SentenceSplitter.Split(first);
        if (sentences.Count == 0) { basis = "unknown"; return ""; }
        var lead = first.Slice(sentences[0].Start, sentences[0].Length).ToString();
        var words = lead.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length <= rules.Title.LeadWords) return lead.TrimEnd('.');
        return string.Join(' ', words.Take(rules.Title.LeadWords)).TrimEnd(',', ';', ':') + "…";
    }

    private (string?, string?) InferSource(ArticleRecord record, ArticleRecord? metadata, string? statedSource, string? statedLine,
        string? datelineSource, string? dateline, string text, HashSet<string> rawLines)
    {
        if (metadata?.Source is { } ms) return (ms, "metadata.csv");
        if (record.Source is { } rs) return (rs, "input field");
        if (statedSource is not null) return (statedSource, $"stated: '{statedLine}'");
        if (datelineSource is not null) return (datelineSource, $"dateline: '{dateline} ({datelineSource})'");
        foreach (var r in patterns.Outlets)
            if (r.Match(text) is { Success: true } m) return (m.Groups["source"].Value, $"text: '{m.Value}'");
        foreach (var site in rules.SiteTemplates)
            if (site.Markers.Count > 0 && site.Markers.All(rawLines.Contains))
                return (site.Source, $"site template: chrome lines {string.Join(", ", site.Markers.Select(m => $"'{m}'"))}");
        return (null, null);
    }

    /// <summary>The first year of a publication date kept (dates before it are <see cref="PublishedBasis.OutOfRange"/>).</summary>
    public const int MinYear = 1000;

    /// <summary>The last year of a publication date kept.</summary>
    public const int MaxYear = 8999;

    /// <summary>Whether a publication date lies in the years date arithmetic downstream can shift it without overflow.</summary>
    public static bool IsWorkable(DateTime date) => date.Year is >= MinYear and <= MaxYear;

    private (DateTime?, PublishedBasis, string?) InferPublished(ArticleRecord record, ArticleRecord? metadata, string? statedDate,
        string? statedLine, List<string> captions, string text)
    {
        if (metadata?.Published is { } mp) return (mp, PublishedBasis.Metadata, "metadata.csv");
        if (record.Published is { } rp) return (rp, PublishedBasis.Metadata, "input field");
        if (statedDate is not null && rules.ParseDate(statedDate) is { } sd) return (sd, PublishedBasis.Stated, statedLine);
        (DateTime Date, string Caption)? latest = null;
        foreach (var caption in captions)
        {
            if (MatchAny(patterns.UndatedCaptions, caption) is not null) continue;
            foreach (var (date, _) in DateMentions.FullDates(caption))
                if (latest is null || date > latest.Value.Date) latest = (date, caption);
        }
        if (latest is { } c) return (c.Date, PublishedBasis.Stated, $"photo caption: '{c.Caption}'");
        if (inferFromMentions && DateMentions.Infer(text, rules) is { } inferred) return (inferred.Date, PublishedBasis.Inferred, inferred.Evidence);
        return (null, PublishedBasis.Unknown, null);
    }

    // ---------- layout ----------

    /// <summary>Joins body lines into paragraphs separated by one blank line.</summary>
    internal static string JoinParagraphs(IReadOnlyList<string> lines)
    {
        // Blank lines separate paragraphs only when they occur between text (not just leading or trailing);
        // otherwise every line is a paragraph.
        int first = -1, last = -1;
        for (int i = 0; i < lines.Count; i++)
            if (lines[i].Length > 0) { if (first < 0) first = i; last = i; }
        bool blankSeparated = false;
        for (int i = first + 1; i < last && !blankSeparated; i++) blankSeparated = lines[i].Length == 0;
        var sb = new StringBuilder();
        bool inParagraph = false;
        foreach (var line in lines)
        {
            if (line.Length == 0) { inParagraph = false; continue; }
            if (inParagraph && blankSeparated) sb.Append(' ');
            else if (sb.Length > 0) sb.Append("\n\n");
            sb.Append(line);
            inParagraph = true;
        }
        return sb.ToString();
    }
}
