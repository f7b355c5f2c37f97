using System.Globalization;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CsvHelper;
using CsvHelper.Configuration;

namespace NewsAnalysis;

/// <summary>Reads one decoded input file into article records (or rejections), by file type.</summary>
internal static class CorpusReaders
{
    /// <summary>File types <see cref="Read"/> understands.</summary>
    public static readonly string[] Extensions = [".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ".ndjson", ".csv"];

    public static void Read(string path, string ext, string text, CorpusOptions options, List<ArticleRecord> records, List<RejectedInput> rejected)
    {
        string id = Path.GetFileNameWithoutExtension(path);
        switch (ext)
        {
            case ".txt": records.Add(new ArticleRecord(id, path, text)); break;
            case ".md" or ".markdown": records.Add(new ArticleRecord(id, path, Markdig.Markdown.ToPlainText(text))); break;
            case ".html" or ".htm": ReadHtml(id, path, text, options, records, rejected); break;
            case ".json": ReadJson(id, path, text, options, records, rejected); break;
            case ".jsonl" or ".ndjson": ReadJsonLines(id, path, text, options, records, rejected); break;
            case ".csv": ReadCsv(id, path, new StringReader(text), options, records, rejected); break;
            default: rejected.Add(new(path, $"unsupported file type '{ext}' (supported: {string.Join(", ", Extensions)})")); break;
        }
    }

    // ---------- HTML ----------
    private static readonly string[] DroppedElements =
        ["script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe", "svg", "button", "figure", "menu", "dialog"];

    private static void ReadHtml(string id, string path, string html, CorpusOptions options, List<ArticleRecord> records, List<RejectedInput> rejected)
    {
        var doc = new HtmlParser().ParseDocument(html);
        string? Meta(params string[] keys)
        {
            foreach (var k in keys)
            {
                var el = doc.QuerySelector($"meta[property='{k}' i], meta[name='{k}' i], meta[itemprop='{k}' i]");
                var v = el?.GetAttribute("content")?.Trim();
                if (!string.IsNullOrEmpty(v)) return v;
            }
            return null;
        }
        var title = Meta("og:title", "twitter:title", "title", "headline")
            ?? Collapse(doc.QuerySelector("h1")?.TextContent) ?? Collapse(doc.Title);
        var dateText = Meta("article:published_time", "datePublished", "date", "pubdate", "publishdate", "dc.date", "dcterms.date")
            ?? doc.QuerySelector("time[datetime]")?.GetAttribute("datetime");
        var source = Meta("og:site_name", "publisher", "application-name", "author");
        var url = doc.QuerySelector("link[rel='canonical']")?.GetAttribute("href") ?? Meta("og:url");

        foreach (var name in DroppedElements)
            foreach (var el in doc.QuerySelectorAll(name).ToList()) el.Remove();
        foreach (var el in doc.QuerySelectorAll("[role='navigation'], [role='banner'], [role='contentinfo'], [aria-hidden='true']").ToList()) el.Remove();
        IElement? root = doc.QuerySelector("article") ?? doc.QuerySelector("main") ?? doc.QuerySelector("[role='main']") ?? doc.Body;
        if (root is null) { rejected.Add(new(path, "HTML has no body")); return; }

        var blocks = root.QuerySelectorAll("p, h1, h2, h3, h4, h5, h6, li, blockquote, pre")
            .Where(e => e.QuerySelector("p, li, blockquote") is null)   // leaf blocks only, no text twice
            .Select(e => Collapse(e.TextContent)).Where(t => t is not null).Cast<string>().ToList();
        if (blocks.Count == 0 && Collapse(root.TextContent) is { } all) blocks.Add(all);
        if (blocks.Count == 0) { rejected.Add(new(path, "HTML has no text outside scripts, styles and navigation")); return; }
        if (title is not null && blocks[0] == title) blocks.RemoveAt(0);
        records.Add(new ArticleRecord(id, path, string.Join("\n\n", blocks))
        {
            Title = title, Source = source, Url = url,
            Published = dateText is null ? null : options.Rules.ParseDate(dateText) ?? ParseIso(dateText),
        });
    }

    private static string? Collapse(string? s)
    {
        if (s is null) return null;
        var t = string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return t.Length == 0 ? null : t;
    }

    private static DateTime? ParseIso(string s) =>
        DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d.UtcDateTime : null;

    // ---------- JSON ----------
    private static void ReadJson(string id, string path, string text, CorpusOptions options, List<ArticleRecord> records, List<RejectedInput> rejected)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }); }
        catch (JsonException e) { rejected.Add(new(path, $"malformed JSON at line {e.LineNumber + 1}: {FirstLine(e.Message)}")); return; }
        using (doc)
        {
            if (doc.RootElement.ValueKind == JsonValueKind.Object) { FromJsonObject(doc.RootElement, id, path, options, records, rejected); return; }
            if (doc.RootElement.ValueKind != JsonValueKind.Array) { rejected.Add(new(path, $"JSON root is a {doc.RootElement.ValueKind}, expected an object or an array of objects")); return; }
            int i = 0;
            foreach (var item in doc.RootElement.EnumerateArray())
            {
                i++;
                var rowPath = $"{path}#item {i}";
                if (item.ValueKind != JsonValueKind.Object) { rejected.Add(new(rowPath, $"array item {i} is a {item.ValueKind}, expected an object")); continue; }
                FromJsonObject(item, $"{id}-{i:D4}", rowPath, options, records, rejected);
            }
            if (i == 0) rejected.Add(new(path, "JSON array is empty"));
        }
    }

    private static void ReadJsonLines(string id, string path, string text, CorpusOptions options, List<ArticleRecord> records, List<RejectedInput> rejected)
    {
        int lineNo = 0, objects = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var rowPath = $"{path}#line {lineNo}";
            try
            {
                using var doc = JsonDocument.Parse(line);
                if (doc.RootElement.ValueKind != JsonValueKind.Object) { rejected.Add(new(rowPath, $"line {lineNo} is a JSON {doc.RootElement.ValueKind}, expected an object")); continue; }
                objects++;
                FromJsonObject(doc.RootElement, $"{id}-{lineNo:D4}", rowPath, options, records, rejected);
            }
            catch (JsonException e) { rejected.Add(new(rowPath, $"malformed JSON on line {lineNo}: {FirstLine(e.Message)}")); }
        }
        if (lineNo > 0 && objects == 0 && !rejected.Any(r => r.Path.StartsWith(path, StringComparison.Ordinal)))
            rejected.Add(new(path, "no JSON objects in the file"));
    }

    private static void FromJsonObject(JsonElement obj, string defaultId, string path, CorpusOptions options, List<ArticleRecord> records, List<RejectedInput> rejected)
    {
        var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in obj.EnumerateObject())
            fields[p.Name] = p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString(),
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                _ => p.Value.GetRawText(),
            };
        var record = FromFields(fields, defaultId, path, options, out var reason);
        if (record is null) rejected.Add(new(path, reason!)); else records.Add(record);
    }

    // ---------- CSV ----------
    /// <summary>Reads a CSV file, one article per row (streamed: the reader may be a file).</summary>
    public static void ReadCsv(string id, string path, TextReader text, CorpusOptions options, List<ArticleRecord> records, List<RejectedInput> rejected)
    {
        var bad = new List<(int Line, string Field)>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = a => bad.Add((a.Context.Parser?.RawRow ?? 0, a.Field)),
            MissingFieldFound = null,
            DetectDelimiter = true,
            TrimOptions = TrimOptions.None,
        };
        using var csv = new CsvReader(text, config);
        string[] header;
        try
        {
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } h) { rejected.Add(new(path, "CSV has no header row")); return; }
            header = h;
        }
        catch (CsvHelperException e) { rejected.Add(new(path, $"malformed CSV header: {FirstLine(e.Message)}")); return; }
        var textColumn = Pick(header, options.CsvTextColumn, TextNames);
        if (textColumn is null)
        {
            rejected.Add(new(path, $"CSV has no text column (looked for {string.Join("/", TextNames)}; has {string.Join(", ", header)}); name it with CorpusOptions.CsvTextColumn"));
            return;
        }
        int row = 0;
        while (true)
        {
            int badBefore = bad.Count;
            try { if (!csv.Read()) break; }
            catch (CsvHelperException e) { rejected.Add(new(path + $"#line {csv.Parser.RawRow}", $"malformed CSV row at line {csv.Parser.RawRow}: {FirstLine(e.Message)}")); break; }

            row++;
            var rowPath = $"{path}#row {row}";
            var raw = csv.Parser.RawRecord;   // built on each call: read once
            if (raw.AsSpan().Count('"') % 2 == 1)
            {
                rejected.Add(new(rowPath, $"malformed CSV row {row} (line {csv.Parser.RawRow - raw.AsSpan().Count('\n') + 1}): a quoted field is never closed"));
                continue;
            }
            if (raw.Contains(InputDecoder.Replacement))
            {
                rejected.Add(new(rowPath, $"undecodable: row {row} (line {csv.Parser.RawRow}) has bytes that are not valid {CurrentEncoding(text).WebName}"));
                continue;
            }
            if (bad.Count > badBefore) { rejected.Add(new(rowPath, $"malformed CSV row {row} (line {bad[badBefore].Line}): bad quoting near '{Short(bad[badBefore].Field)}'")); continue; }
            var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            for (int c = 0; c < header.Length; c++)
                fields[header[c]] = c < csv.Parser.Count ? csv.Parser[c] : null;
            if (csv.Parser.Count != header.Length)
            {
                rejected.Add(new(rowPath, $"CSV row {row} (line {csv.Parser.RawRow}) has {csv.Parser.Count} fields, the header has {header.Length}"));
                continue;
            }
            var record = FromFields(fields, $"{id}-{row:D4}", rowPath, options, out var reason, textColumn);
            if (record is null) rejected.Add(new(rowPath, reason!)); else records.Add(record);
        }
        if (row == 0) rejected.Add(new(path, "CSV has a header but no rows"));
    }

    private static Encoding CurrentEncoding(TextReader reader) => reader is StreamReader sr ? sr.CurrentEncoding : Encoding.UTF8;

    private static string Short(string s) => s.Length <= 40 ? s : s[..40] + "…";

    private static string FirstLine(string s) => s.Split('\n')[0].Trim();

    // ---------- fields shared by JSON and CSV ----------
    internal static readonly string[] TextNames = ["text", "body", "content", "article", "article_text", "story"];
    private static readonly string[] TitleNames = ["title", "headline", "heading"];
    private static readonly string[] DateNames = ["published", "date", "published_at", "publishedAt", "pubDate", "datePublished", "publish_date", "time"];
    private static readonly string[] SourceNames = ["source", "publisher", "outlet", "site", "source_name"];
    private static readonly string[] UrlNames = ["url", "link", "href"];
    private static readonly string[] IdNames = ["id", "article_id", "guid"];

    private static string? Pick(IEnumerable<string> names, string? chosen, string[] common)
    {
        var list = names.ToList();
        if (chosen is not null) return list.FirstOrDefault(n => string.Equals(n, chosen, StringComparison.OrdinalIgnoreCase));
        foreach (var c in common)
            if (list.FirstOrDefault(n => string.Equals(n.Trim(), c, StringComparison.OrdinalIgnoreCase)) is { } hit) return hit;
        return null;
    }

    internal static ArticleRecord? FromFields(Dictionary<string, string?> fields, string defaultId, string path, CorpusOptions options, out string? reason, string? textColumn = null)
    {
        reason = null;
        textColumn ??= Pick(fields.Keys, options.CsvTextColumn, TextNames);
        if (textColumn is null) { reason = $"no text field (looked for {string.Join("/", TextNames)}; has {string.Join(", ", fields.Keys)})"; return null; }
        var text = fields[textColumn];
        if (string.IsNullOrWhiteSpace(text)) { reason = $"empty '{textColumn}' field"; return null; }
        var titleKey = Pick(fields.Keys, options.CsvTitleColumn, TitleNames);
        var dateKey = Pick(fields.Keys, options.CsvDateColumn, DateNames);
        var sourceKey = Pick(fields.Keys, options.CsvSourceColumn, SourceNames);
        var urlKey = Pick(fields.Keys, null, UrlNames);
        var idKey = Pick(fields.Keys, options.CsvIdColumn, IdNames);
        DateTime? published = null;
        if (dateKey is not null && !string.IsNullOrWhiteSpace(fields[dateKey]))
        {
            // A date that does not parse keeps the article: the value stays as an extra column and the date is inferred.
            published = options.Rules.ParseDate(fields[dateKey]!) ?? ParseIso(fields[dateKey]!);
            if (published is null) dateKey = null;
        }
        var used = new HashSet<string>(new[] { textColumn, titleKey, dateKey, sourceKey, urlKey, idKey }.OfType<string>(), StringComparer.OrdinalIgnoreCase);
        var extra = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (k, v) in fields) if (!used.Contains(k)) extra[k] = v;
        string id = idKey is not null && !string.IsNullOrWhiteSpace(fields[idKey]) ? fields[idKey]!.Trim() : defaultId;
        return new ArticleRecord(id, path, text)
        {
            Title = titleKey is null || string.IsNullOrWhiteSpace(fields[titleKey]) ? null : fields[titleKey]!.Trim(),
            Source = sourceKey is null || string.IsNullOrWhiteSpace(fields[sourceKey]) ? null : fields[sourceKey]!.Trim(),
            Url = urlKey is null || string.IsNullOrWhiteSpace(fields[urlKey]) ? null : fields[urlKey]!.Trim(),
            Published = published,
            Extra = extra,
        };
    }

    /// <summary>
    /// Reads <c>metadata.csv</c> (file,title,source,published,url) into overrides by file name; each override's
    /// <see cref="ArticleRecord.Path"/> is <c>metadata.csv#line N</c>, its row. An unreadable date is recorded in
    /// <paramref name="rejected"/> and the row's other overrides are kept.
    /// </summary>
    public static Dictionary<string, ArticleRecord> ReadMetadata(string path, CorpusOptions options, List<RejectedInput> rejected)
    {
        var result = new Dictionary<string, ArticleRecord>(StringComparer.OrdinalIgnoreCase);
        var text = InputDecoder.Decode(File.ReadAllBytes(path), out var reason);
        if (text is null) { rejected.Add(new(path, "metadata.csv: " + reason)); return result; }
        using var csv = new CsvReader(new StringReader(text), new CsvConfiguration(CultureInfo.InvariantCulture) { MissingFieldFound = null, BadDataFound = null });
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null || !csv.HeaderRecord.Contains("file", StringComparer.OrdinalIgnoreCase))
        {
            rejected.Add(new(path, "metadata.csv needs a header with a 'file' column (file,title,source,published,url)"));
            return result;
        }
        var header = csv.HeaderRecord;
        string? Get(string name) => header.FirstOrDefault(h => h.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } h && csv.TryGetField<string>(h, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        while (csv.Read())
        {
            var file = Get("file");
            var line = csv.Parser.RawRow;
            if (file is null) { rejected.Add(new($"{path}#line {line}", $"metadata.csv line {line} has no file name")); continue; }
            DateTime? published = null;
            if (Get("published") is { } p && (published = options.Rules.ParseDate(p) ?? ParseIso(p)) is null)
                rejected.Add(new($"{path}#line {line}", $"metadata.csv line {line}: published '{p}' is not a date (the row's other fields are used)"));
            result[file] = new ArticleRecord(file, $"{path}#line {line}", "") { Title = Get("title"), Source = Get("source"), Published = published, Url = Get("url") };
        }
        return result;
    }
}
