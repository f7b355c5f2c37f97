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
            case ".jsonl" or ".ndjson": ReadJsonLines(id, path, new StringReader(text), options, records, rejected); break;
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
            if (doc.RootElement.ValueKind == JsonValueKind.Object) { FromJsonObject(doc.RootElement, id, new RowPath(path), options, records, rejected); return; }
            if (doc.RootElement.ValueKind != JsonValueKind.Array) { rejected.Add(new(path, $"JSON root is a {doc.RootElement.ValueKind}, expected an object or an array of objects")); return; }
        }
        // An array (read whole when a comment stood before its '['): its items cut out as a streamed array's are.
        ReadJsonArray(id, path, new StringReader(text), options, records, rejected);
    }

    private static void FromJsonObject(JsonElement obj, string defaultId, RowPath where, CorpusOptions options, List<ArticleRecord> records, List<RejectedInput> rejected)
    {
        var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in obj.EnumerateObject())
        {
            try
            {
                fields[p.Name] = p.Value.ValueKind switch
                {
                    JsonValueKind.String => p.Value.GetString(),
                    JsonValueKind.Null or JsonValueKind.Undefined => null,
                    _ => p.Value.GetRawText(),
                };
            }
            catch (InvalidOperationException)
            {
                // Valid JSON but not text: an escaped lone surrogate ("\ud800" without its pair) has no Unicode character.
                rejected.Add(new(where.ToString(), $"{FieldName(p)} holds an unpaired surrogate escape (\\uD800-\\uDFFF), which is not text"));
                return;
            }
        }
        var record = FromFields(fields, defaultId, where, options, out var reason);
        if (record is null) rejected.Add(new(where.ToString(), reason!)); else records.Add(record);
    }

    private static string FieldName(JsonProperty p)
    {
        try { return $"the field \"{p.Name}\""; }
        catch (InvalidOperationException) { return "a field name"; }
    }

    // ---------- collections, streamed ----------
    /// <summary>Whether a file of this extension may hold many articles (CSV, JSON Lines, JSON); such files are streamed.</summary>
    public static bool IsCollection(string ext) => ext is ".csv" or ".jsonl" or ".ndjson" or ".json";

    /// <summary>
    /// Reads a CSV, JSON Lines or JSON file as a stream, row by row: no whole-file cap, memory bounded by one row (a row
    /// over <see cref="CorpusOptions.MaxFileBytes"/> is rejected). A JSON file holding one object is one article and
    /// keeps the single-article cap.
    /// </summary>
    public static void ReadCollection(string path, string ext, CorpusOptions options, List<ArticleRecord> records, List<RejectedInput> rejected)
    {
        string id = Path.GetFileNameWithoutExtension(path);
        using var reader = InputDecoder.OpenText(path, out var why);
        if (reader is null) { rejected.Add(new(path, why!)); return; }
        switch (ext)
        {
            case ".csv": ReadCsv(id, path, reader, options, records, rejected); break;
            case ".json": ReadJsonStream(id, path, reader, options, records, rejected); break;
            default: ReadJsonLines(id, path, reader, options, records, rejected); break;
        }
    }

    private static void ReadJsonStream(string id, string path, TextReader reader, CorpusOptions options, List<ArticleRecord> records, List<RejectedInput> rejected)
    {
        int first;
        while ((first = reader.Peek()) >= 0 && char.IsWhiteSpace((char)first)) reader.Read();
        if (first != '[')
        {
            // One object (or a stray value): one article, read whole under the single-article cap.
            var whole = new StringBuilder();
            var chunk = new char[16 * 1024];
            int n;
            while ((n = reader.Read(chunk, 0, chunk.Length)) > 0)
            {
                whole.Append(chunk, 0, n);
                if (whole.Length > options.MaxFileBytes) { rejected.Add(new(path, Corpus.OverLimit(new FileInfo(path).Length, options))); return; }
            }
            ReadJson(id, path, whole.ToString(), options, records, rejected);
            return;
        }
        ReadJsonArray(id, path, reader, options, records, rejected);
    }

    // An array: items cut out one at a time, each under the single-article cap (a longer item is read past, not held).
    private static void ReadJsonArray(string id, string path, TextReader reader, CorpusOptions options, List<ArticleRecord> records, List<RejectedInput> rejected)
    {
        var itemOptions = new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = JsonArrayItems.MaxDepth };
        int read = 0;
        try
        {
            foreach (var (i, line, text) in JsonArrayItems.Read(reader, options.MaxFileBytes))
            {
                read = i;
                var rowPath = $"{path}#item {i}";
                if (text is null) { rejected.Add(new(rowPath, $"array item {i} (line {line}) is over the {options.MaxFileBytes:N0}-character limit for one article (--max-file-size)")); continue; }
                try
                {
                    using var doc = JsonDocument.Parse(text, itemOptions);
                    if (doc.RootElement.ValueKind != JsonValueKind.Object) { rejected.Add(new(rowPath, $"array item {i} is a {doc.RootElement.ValueKind}, expected an object")); continue; }
                    FromJsonObject(doc.RootElement, $"{id}-{i:D4}", new RowPath(path, "#item ", i), options, records, rejected);
                }
                catch (JsonException e) { rejected.Add(new(rowPath, $"malformed JSON in array item {i} (line {line + (int)(e.LineNumber ?? 0)}): {FirstLine(e.Message)}")); }
            }
        }
        catch (JsonArrayBrokenException e)
        {
            int at = Math.Max(e.Item, read + 1);
            rejected.Add(new($"{path}#item {at}", $"malformed JSON array at line {e.Line}: {e.Message}; the {read:N0} items before it are read, the rest of the file cannot be"));
            return;
        }
        if (read == 0) rejected.Add(new(path, "JSON array is empty"));
    }

    // JSON Lines: one object per line, each line read under the single-article cap (a longer line is skipped, not held).
    private static void ReadJsonLines(string id, string path, TextReader reader, CorpusOptions options, List<ArticleRecord> records, List<RejectedInput> rejected)
    {
        int lineNo = 0, objects = 0, rejectedBefore = rejected.Count;
        var line = new StringBuilder();
        while (true)
        {
            var state = ReadBoundedLine(reader, line, options.MaxFileBytes);
            if (state == LineState.End) break;
            lineNo++;
            var rowPath = $"{path}#line {lineNo}";
            if (state == LineState.TooLong) { rejected.Add(new(rowPath, $"line {lineNo} is over the {options.MaxFileBytes:N0}-character limit for one article (--max-file-size)")); continue; }
            if (IsBlank(line)) continue;
            var text = line.ToString();
            if (text.Contains(InputDecoder.Replacement)) { rejected.Add(new(rowPath, $"undecodable: line {lineNo} has bytes that are not valid {CurrentEncoding(reader).WebName}")); continue; }
            try
            {
                using var doc = JsonDocument.Parse(text);
                if (doc.RootElement.ValueKind != JsonValueKind.Object) { rejected.Add(new(rowPath, $"line {lineNo} is a JSON {doc.RootElement.ValueKind}, expected an object")); continue; }
                objects++;
                FromJsonObject(doc.RootElement, $"{id}-{lineNo:D4}", new RowPath(path, "#line ", lineNo), options, records, rejected);
            }
            catch (JsonException e) { rejected.Add(new(rowPath, $"malformed JSON on line {lineNo}: {FirstLine(e.Message)}")); }
        }
        if (lineNo > 0 && objects == 0 && rejected.Count == rejectedBefore)
            rejected.Add(new(path, "no JSON objects in the file"));
    }

    private static bool IsBlank(StringBuilder s)
    {
        foreach (var chunk in s.GetChunks())
            foreach (var c in chunk.Span)
                if (!char.IsWhiteSpace(c)) return false;
        return true;
    }

    private enum LineState { Line, TooLong, End }

    // The next line (without its \n or \r\n) into line, holding at most max characters: past that the rest of the line
    // is skipped and TooLong returned. Hand-written: TextReader.ReadLine allocates the whole line, however long.
    private static LineState ReadBoundedLine(TextReader reader, StringBuilder line, long max)
    {
        line.Clear();
        bool any = false, tooLong = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            any = true;
            if (c == '\n') break;
            if (tooLong) continue;
            if (line.Length >= max) { tooLong = true; line.Clear(); continue; }
            line.Append((char)c);
        }
        if (!any) return LineState.End;
        if (line.Length > 0 && line[^1] == '\r') line.Length--;
        return tooLong ? LineState.TooLong : LineState.Line;
    }

    // ---------- CSV ----------
    /// <summary>
    /// Reads a CSV file, one article per row (streamed: the reader may be a file). Row numbers are the file's records
    /// after the header, and each rejection names the row's first line. A malformed row that swallowed the lines after it
    /// (a quote never closed) is rejected alone: the lines it swallowed are read again as rows of their own.
    /// </summary>
    public static void ReadCsv(string id, string path, TextReader text, CorpusOptions options, List<ArticleRecord> records, List<RejectedInput> rejected)
    {
        var bad = new List<(int Line, string Field)>();
        int maxField = (int)Math.Min(options.MaxFileBytes, int.MaxValue / 2);
        CsvConfiguration Config(string? delimiter) => new(CultureInfo.InvariantCulture)
        {
            BadDataFound = a => bad.Add((a.Context.Parser?.RawRow ?? 0, a.Field)),
            MissingFieldFound = null,
            DetectDelimiter = delimiter is null,
            Delimiter = delimiter ?? ",",
            HasHeaderRecord = delimiter is null,
            TrimOptions = TrimOptions.None,
            MaxFieldSize = maxField,
        };
        var top = new CsvReader(text, Config(null));
        string[] header;
        try
        {
            if (!top.Read() || !top.ReadHeader() || top.HeaderRecord is not { Length: > 0 } h) { rejected.Add(new(path, "CSV has no header row")); top.Dispose(); return; }
            header = h;
        }
        catch (CsvHelperException e) { rejected.Add(new(path, $"malformed CSV header: {FirstLine(e.Message)}")); top.Dispose(); return; }
        var textColumn = Pick(header, options.CsvTextColumn, TextNames);
        if (textColumn is null)
        {
            rejected.Add(new(path, $"CSV has no text column (looked for {string.Join("/", TextNames)}; has {string.Join(", ", header)}); name it with CorpusOptions.CsvTextColumn"));
            top.Dispose();
            return;
        }
        string delimiter = top.Parser.Delimiter;
        var pick = FieldPick.Of(header, options, textColumn);
        // The readers in use: the file's, and above it the re-reading of lines a malformed row swallowed (line offset).
        var stack = new Stack<(CsvReader Csv, int Offset)>();
        stack.Push((top, 0));
        int row = 0;
        while (stack.Count > 0)
        {
            var (csv, offset) = stack.Peek();
            int badBefore = bad.Count;
            try
            {
                if (!csv.Read()) { csv.Dispose(); stack.Pop(); continue; }
            }
            catch (CsvHelperException e)
            {
                int at = offset + csv.Parser.RawRow;
                rejected.Add(new(path + $"#row {row + 1}", e is MaxFieldSizeException
                    ? $"CSV row {row + 1} (from line {at}) has a field over the {maxField:N0}-character limit (a quote never closed?); the rest of the file is not read"
                    : $"malformed CSV row {row + 1} at line {at}: {FirstLine(e.Message)}; the rest of the file is not read"));
                csv.Dispose();
                stack.Pop();
                while (stack.Count > 0) stack.Pop().Csv.Dispose();
                break;
            }
            row++;
            var where = new RowPath(path, "#row ", row);   // spelled out only for a rejection
            var raw = csv.Parser.RawRecord;   // built on each call: read once
            int lines = raw.AsSpan().Count('\n') + (raw.EndsWith('\n') ? 0 : 1);
            int firstLine = offset + csv.Parser.RawRow - lines + 1;
            string? problem = null;
            if (raw.AsSpan().Count('"') % 2 == 1) problem = "a quoted field is never closed";
            else if (bad.Count > badBefore) problem = $"bad quoting near '{Short(bad[badBefore].Field)}'";
            else if (csv.Parser.Count != header.Length) problem = $"it has {csv.Parser.Count} fields, the header has {header.Length}";
            if (problem is not null)
            {
                rejected.Add(new(where.ToString(), $"malformed CSV row {row} (line {firstLine}): {problem}"));
                int cut = raw.IndexOf('\n');
                if (lines > 1 && cut >= 0 && cut + 1 < raw.Length)
                    stack.Push((new CsvReader(new StringReader(raw[(cut + 1)..]), Config(delimiter)), firstLine));
                continue;
            }
            if (raw.Contains(InputDecoder.Replacement))
            {
                rejected.Add(new(where.ToString(), $"undecodable: row {row} (line {firstLine}) has bytes that are not valid {CurrentEncoding(text).WebName}"));
                continue;
            }
            var fields = new Dictionary<string, string?>(header.Length, StringComparer.OrdinalIgnoreCase);
            for (int c = 0; c < header.Length; c++) fields[header[c]] = csv.Parser[c];
            var record = FromFields(fields, $"{id}-{row:D4}", where, options, out var reason, textColumn, pick);
            if (record is null) rejected.Add(new(where.ToString(), reason!)); else records.Add(record);
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

    /// <summary>Which field holds what, found once per CSV header (per row only for JSON objects, whose keys vary).</summary>
    internal sealed record FieldPick(string? Text, string? Title, string? Date, string? Source, string? Url, string? Id)
    {
        public static FieldPick Of(IEnumerable<string> names, CorpusOptions options, string? textColumn = null)
        {
            var list = names as IReadOnlyList<string> ?? names.ToList();
            return new(textColumn ?? Pick(list, options.CsvTextColumn, TextNames), Pick(list, options.CsvTitleColumn, TitleNames),
                Pick(list, options.CsvDateColumn, DateNames), Pick(list, options.CsvSourceColumn, SourceNames),
                Pick(list, null, UrlNames), Pick(list, options.CsvIdColumn, IdNames));
        }
    }

    private static readonly IReadOnlyDictionary<string, string?> NoExtra = System.Collections.ObjectModel.ReadOnlyDictionary<string, string?>.Empty;

    internal static ArticleRecord? FromFields(Dictionary<string, string?> fields, string defaultId, RowPath where, CorpusOptions options, out string? reason, string? textColumn = null, FieldPick? pick = null)
    {
        reason = null;
        pick ??= FieldPick.Of(fields.Keys, options, textColumn);
        textColumn = pick.Text;
        if (textColumn is null) { reason = $"no text field (looked for {string.Join("/", TextNames)}; has {string.Join(", ", fields.Keys)})"; return null; }
        var text = fields[textColumn];
        if (string.IsNullOrWhiteSpace(text)) { reason = $"empty '{textColumn}' field"; return null; }
        var (titleKey, dateKey, sourceKey, urlKey, idKey) = (pick.Title, pick.Date, pick.Source, pick.Url, pick.Id);
        DateTime? published = null;
        if (dateKey is not null && !string.IsNullOrWhiteSpace(fields[dateKey]))
        {
            // A date that does not parse keeps the article: the value stays as an extra column and the date is inferred.
            published = options.Rules.ParseDate(fields[dateKey]!) ?? ParseIso(fields[dateKey]!);
            if (published is null) dateKey = null;
        }
        Dictionary<string, string?>? extra = null;
        foreach (var (k, v) in fields)
            if (!IsOneOf(k, textColumn, titleKey, dateKey, sourceKey, urlKey, idKey)) (extra ??= new(StringComparer.Ordinal))[k] = v;
        string id = idKey is not null && !string.IsNullOrWhiteSpace(fields[idKey]) ? fields[idKey]!.Trim() : defaultId;
        return new ArticleRecord(id, where.File, text)
        {
            RowPath = where,
            Title = titleKey is null || string.IsNullOrWhiteSpace(fields[titleKey]) ? null : fields[titleKey]!.Trim(),
            Source = sourceKey is null || string.IsNullOrWhiteSpace(fields[sourceKey]) ? null : fields[sourceKey]!.Trim(),
            Url = urlKey is null || string.IsNullOrWhiteSpace(fields[urlKey]) ? null : fields[urlKey]!.Trim(),
            Published = published,
            Extra = extra ?? NoExtra,
        };
    }

    private static bool IsOneOf(string key, params ReadOnlySpan<string?> names)
    {
        foreach (var n in names) if (n is not null && string.Equals(key, n, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>
    /// Reads <c>metadata.csv</c> (file,title,source,published,url) into overrides by file name; each override's
    /// <see cref="ArticleRecord.Path"/> is <c>metadata.csv#line N</c>, its row. An unreadable date is recorded in
    /// <paramref name="rejected"/> and the row's other overrides are kept.
    /// </summary>
    public static Dictionary<string, ArticleRecord> ReadMetadata(string path, CorpusOptions options, List<RejectedInput> rejected)
    {
        var result = new Dictionary<string, ArticleRecord>(StringComparer.OrdinalIgnoreCase);
        var bytes = Corpus.BoundedRead(path, options.MaxFileBytes, out var tooLong);
        if (tooLong) { rejected.Add(new(path, "metadata.csv: " + Corpus.OverLimit(new FileInfo(path).Length, options))); return result; }
        var text = InputDecoder.Decode(bytes, out var reason);
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
