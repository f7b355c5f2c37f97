namespace NewsAnalysis;

/// <summary>Entry point: loads a folder or file of news articles.</summary>
public static class Corpus
{
    /// <summary>
    /// Loads every article under <paramref name="path"/> (a folder, searched recursively, or a single file).
    /// Every file ends up either as one or more articles or as a row of <see cref="NewsCorpus.Rejected"/>;
    /// a <c>metadata.csv</c> beside the articles overrides their inferred title, source, date and url.
    /// </summary>
    /// <exception cref="FileNotFoundException">When <paramref name="path"/> does not exist.</exception>
    public static NewsCorpus Load(string path, CorpusOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= CorpusOptions.Default;
        string full = System.IO.Path.GetFullPath(path);
        List<string> files;
        if (Directory.Exists(full))
            files = Directory.EnumerateFiles(full, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false })
                .Order(StringComparer.Ordinal).ToList();
        else if (File.Exists(full))
            files = [full];
        else
            throw new FileNotFoundException($"No such file or folder: '{path}' (resolved to '{full}').", full);

        var records = new List<ArticleRecord>();
        var rejected = new List<RejectedInput>();
        var metadata = new Dictionary<string, Dictionary<string, ArticleRecord>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            try
            {
                if (string.Equals(System.IO.Path.GetFileName(file), options.MetadataFileName, StringComparison.OrdinalIgnoreCase) && Directory.Exists(full))
                {
                    metadata[System.IO.Path.GetDirectoryName(file)!] = CorpusReaders.ReadMetadata(file, options, rejected);
                    continue;
                }
                ReadFile(file, options, records, rejected);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                rejected.Add(new(file, $"cannot read: {e.Message}"));
            }
        }
        RejectUnknownMetadataRows(files, metadata, rejected);
        return Build(records, rejected, options, r =>
        {
            var dir = System.IO.Path.GetDirectoryName(StripRow(r.Path));
            return dir is not null && metadata.TryGetValue(dir, out var m) && m.TryGetValue(System.IO.Path.GetFileName(StripRow(r.Path)), out var meta) ? meta : null;
        });
    }

    // A metadata.csv row naming a file its folder does not hold overrides nothing: say so rather than ignore it.
    private static void RejectUnknownMetadataRows(List<string> files, Dictionary<string, Dictionary<string, ArticleRecord>> metadata, List<RejectedInput> rejected)
    {
        foreach (var (dir, rows) in metadata.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var present = files.Where(f => System.IO.Path.GetDirectoryName(f) == dir).Select(System.IO.Path.GetFileName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var row in rows.Values.Where(r => !present.Contains(r.Id)).OrderBy(r => LineOf(r.Path)))
                rejected.Add(new(row.Path, $"names '{row.Id}', which is not in the folder"));
        }
    }

    private static int LineOf(string metadataRowPath) =>
        int.TryParse(metadataRowPath[(metadataRowPath.LastIndexOf(' ') + 1)..], out var n) ? n : 0;

    private static string StripRow(string path) => path.IndexOf('#') is var i and >= 0 ? path[..i] : path;

    private static void ReadFile(string file, CorpusOptions options, List<ArticleRecord> records, List<RejectedInput> rejected)
    {
        var info = new FileInfo(file);
        var ext = System.IO.Path.GetExtension(file).ToLowerInvariant();
        if (!CorpusReaders.Extensions.Contains(ext))
        {
            rejected.Add(new(file, ext.Length == 0 ? "unsupported file type (no extension)" : $"unsupported file type '{ext}'"));
            return;
        }
        if (info.Length == 0) { rejected.Add(new(file, "empty file")); return; }
        if (info.Length > options.MaxFileBytes) { rejected.Add(new(file, $"file is {info.Length:N0} bytes, over the {options.MaxFileBytes:N0}-byte limit")); return; }
        int before = records.Count, rejectedBefore = rejected.Count;
        if (ext == ".csv")
        {
            // Streamed: a large CSV is never held whole in memory, as bytes or as a string.
            using var reader = InputDecoder.OpenText(file, out var why);
            if (reader is null) { rejected.Add(new(file, why!)); return; }
            CorpusReaders.ReadCsv(System.IO.Path.GetFileNameWithoutExtension(file), file, reader, options, records, rejected);
        }
        else
        {
            var text = InputDecoder.Decode(File.ReadAllBytes(file), out var reason);
            if (text is null) { rejected.Add(new(file, reason!)); return; }
            CorpusReaders.Read(file, ext, text, options, records, rejected);
        }
        if (records.Count == before && rejected.Count == rejectedBefore) rejected.Add(new(file, "no article found in the file"));
    }

    /// <summary>
    /// Builds a corpus from articles already in memory (cleaned, titled and split like loaded files), optionally with
    /// options (rules, glued-word repair, duplicate threshold).
    /// </summary>
    public static NewsCorpus FromRecords(IEnumerable<ArticleRecord> records, CorpusOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        return Build(records.ToList(), [], options ?? CorpusOptions.Default, _ => null);
    }

    // Ids key every frame (ArticleId), so they must be unique: a repeated id (same file name in two folders, the same
    // id field in two files) gets "~2", "~3", ... in corpus order.
    private static void MakeIdsUnique(List<ArticleRecord> records)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in records) seen.TryAdd(r.Id, 0);
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < records.Count; i++)
        {
            var id = records[i].Id;
            if (used.Add(id)) continue;
            int n = Math.Max(seen[id], 1);
            string candidate;
            do candidate = $"{id}~{++n}"; while (seen.ContainsKey(candidate) || !used.Add(candidate));
            seen[id] = n;
            records[i] = records[i] with { Id = candidate };
        }
    }

    private static NewsCorpus Build(List<ArticleRecord> records, List<RejectedInput> rejected, CorpusOptions options, Func<ArticleRecord, ArticleRecord?> metadataFor)
    {
        MakeIdsUnique(records);
        GluedWordRepair? repair = null;
        if (options.RepairGluedWords)
        {
            var vocabulary = CorpusVocabulary.Build(records.Select(r => r.Text).ToList());
            repair = new GluedWordRepair(vocabulary, options.Rules);
        }
        var builder = new ArticleBuilder(options.Rules, repair, options.InferPublishedFromMentions);
        var articles = new Article[records.Count];
        var changeLists = new List<CleaningChange>[records.Count];
        Parallel.For(0, records.Count, () => 0, (i, _, n) =>
        {
            changeLists[i] = [];
            articles[i] = builder.Process(records[i], metadataFor(records[i]), changeLists[i]);
            records[i] = null!;   // the list is ours: let the raw text go as soon as the article is built (peak memory)
            return n;
        }, _ => { });
        var pairs = NearDuplicateDetector.Find(articles, options.NearDuplicateThreshold);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < articles.Length; i++) index.TryAdd(articles[i].Id, i);
        foreach (var p in pairs)
        {
            int i = index[p.DuplicateId];
            if (articles[i].DuplicateOf is null) articles[i] = articles[i] with { DuplicateOf = p.ArticleId };
        }
        return new NewsCorpus(articles, rejected, changeLists.SelectMany(c => c).ToList()) { NearDuplicates = pairs };
    }
}
