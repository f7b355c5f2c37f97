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
        var rejected = new List<RejectedInput>();
        List<string> files;
        bool folder = Directory.Exists(full);
        if (folder)
            files = CorpusWalker.Walk(full, rejected);
        else if (File.Exists(full) || FileNode.Of(full, follow: false) is not null)
            files = [full];
        else
            throw new FileNotFoundException($"No such file or folder: '{path}' (resolved to '{full}').", full);

        // With a result store in effect, unchanged files and articles come from its corpus cache (identical to this cold load).
        if (ArticleResultStore.WithCurrent(store => CorpusCache.Load(store, full, folder, files, options, rejected), () => null) is { } cached)
            return cached;
        var records = new List<ArticleRecord>();
        var recordFiles = new List<string>();   // the file each record came from (a path may hold '#': never parsed back)
        var metadata = new Dictionary<string, Dictionary<string, ArticleRecord>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            try
            {
                if (string.Equals(System.IO.Path.GetFileName(file), options.MetadataFileName, StringComparison.OrdinalIgnoreCase) && folder)
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
            while (recordFiles.Count < records.Count) recordFiles.Add(file);
        }
        RejectUnknownMetadataRows(files, metadata, rejected);
        return Build(records, rejected, options, i => MetadataOf(recordFiles[i], metadata));
    }

    /// <summary>The metadata.csv row (of the file's folder) that overrides what the articles of <paramref name="file"/> give, or null.</summary>
    internal static ArticleRecord? MetadataOf(string file, Dictionary<string, Dictionary<string, ArticleRecord>> metadata)
    {
        var dir = System.IO.Path.GetDirectoryName(file);
        return dir is not null && metadata.TryGetValue(dir, out var m) && m.TryGetValue(System.IO.Path.GetFileName(file), out var meta) ? meta : null;
    }

    // A metadata.csv row naming a file its folder does not hold overrides nothing: say so rather than ignore it.
    internal static void RejectUnknownMetadataRows(List<string> files, Dictionary<string, Dictionary<string, ArticleRecord>> metadata, List<RejectedInput> rejected)
    {
        if (metadata.Count == 0) return;
        var byFolder = files.GroupBy(f => System.IO.Path.GetDirectoryName(f) ?? "", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(System.IO.Path.GetFileName).ToHashSet(StringComparer.OrdinalIgnoreCase), StringComparer.Ordinal);
        foreach (var (dir, rows) in metadata.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var present = byFolder.GetValueOrDefault(dir) ?? [];
            foreach (var row in rows.Values.Where(r => !present.Contains(r.Id)).OrderBy(r => LineOf(r.Path)))
                rejected.Add(new(row.Path, $"names '{row.Id}', which is not in the folder"));
        }
    }

    private static int LineOf(string metadataRowPath) =>
        int.TryParse(metadataRowPath[(metadataRowPath.LastIndexOf(' ') + 1)..], out var n) ? n : 0;

    internal static void ReadFile(string file, CorpusOptions options, List<ArticleRecord> records, List<RejectedInput> rejected)
    {
        var node = FileNode.Of(file, follow: true);
        if (node is null) { rejected.Add(new(file, "vanished before it was read (or a dangling link)")); return; }
        if (node.Kind != FileKind.Regular) { rejected.Add(new(file, $"not a regular file ({node.Kind})")); return; }
        var ext = System.IO.Path.GetExtension(file).ToLowerInvariant();
        if (!CorpusReaders.Extensions.Contains(ext))
        {
            rejected.Add(new(file, ext.Length == 0 ? "unsupported file type (no extension)" : $"unsupported file type '{ext}'"));
            return;
        }
        if (node.Size == 0) { rejected.Add(new(file, "empty file")); return; }
        int before = records.Count, rejectedBefore = rejected.Count;
        if (CorpusReaders.IsCollection(ext))
        {
            // A collection (CSV, JSON Lines, JSON array) is streamed row by row: no whole-file cap, memory bounded by a row.
            CorpusReaders.ReadCollection(file, ext, options, records, rejected);
        }
        else
        {
            if (node.Size > options.MaxFileBytes) { rejected.Add(new(file, OverLimit(node.Size, options))); return; }
            var bytes = BoundedRead(file, options.MaxFileBytes, out var tooLong);
            if (tooLong) { rejected.Add(new(file, OverLimit(bytes.Length, options))); return; }
            var text = InputDecoder.Decode(bytes, out var reason);
            if (text is null) { rejected.Add(new(file, reason!)); return; }
            CorpusReaders.Read(file, ext, text, options, records, rejected);
        }
        if (records.Count == before && rejected.Count == rejectedBefore) rejected.Add(new(file, "no article found in the file"));
    }

    internal static string OverLimit(long size, CorpusOptions options) =>
        $"file is {(size > options.MaxFileBytes ? $"{size:N0} bytes" : "growing")}, over the {options.MaxFileBytes:N0}-byte limit for one article (--max-file-size)";

    /// <summary>
    /// Reads at most <paramref name="cap"/> bytes of <paramref name="file"/> (a file that grew past its stated size
    /// since it was listed sets <paramref name="tooLong"/>): the buffer is sized by the cap, never by what the file claims.
    /// </summary>
    internal static byte[] BoundedRead(string file, long cap, out bool tooLong)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, cap + 1 - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > cap) { tooLong = true; return []; }
        }
        tooLong = false;
        return buffer.ToArray();
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
        if (AllDistinct(records.Count, i => records[i].Id)) return;
        var ids = records.Select(r => r.Id).ToList();
        RenameRepeats(ids);
        for (int i = 0; i < records.Count; i++)
            if (!ReferenceEquals(ids[i], records[i].Id)) records[i] = records[i] with { Id = ids[i] };
    }

    /// <summary>Makes <paramref name="ids"/> unique in place ("~2", "~3", ... in order); an id left as it was stays the same instance.</summary>
    internal static void MakeIdsUnique(List<string> ids)
    {
        if (!AllDistinct(ids.Count, i => ids[i])) RenameRepeats(ids);
    }

    private static void RenameRepeats(List<string> ids)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in ids) seen.TryAdd(id, 0);
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < ids.Count; i++)
        {
            var id = ids[i];
            if (used.Add(id)) continue;
            int n = Math.Max(seen[id], 1);
            string candidate;
            do candidate = $"{id}~{++n}"; while (seen.ContainsKey(candidate) || !used.Add(candidate));
            seen[id] = n;
            ids[i] = candidate;
        }
    }

    // Most inputs repeat no id: one set, sized once, finds that (a million rows: ~25 MB briefly, not ~120 MB; 100,000
    // ids of a warm corpus-cache load: ~20 ms, not 73).
    private static bool AllDistinct(int count, Func<int, string> idAt)
    {
        var distinct = new HashSet<string>(count, StringComparer.Ordinal);
        for (int i = 0; i < count; i++) if (!distinct.Add(idAt(i))) return false;
        return true;
    }

    private static NewsCorpus Build(List<ArticleRecord> records, List<RejectedInput> rejected, CorpusOptions options, Func<int, ArticleRecord?> metadataFor)
    {
        MakeIdsUnique(records);
        GluedWordRepair? repair = null;
        if (options.RepairGluedWords)
        {
            var vocabulary = CorpusVocabulary.Build(records.Select(r => r.Text).ToList());
            repair = new GluedWordRepair(vocabulary, options.Rules);
        }
        long chars = 0;
        foreach (var r in records) chars += r.Text.Length;
        var builder = new ArticleBuilder(options.Rules, repair, options.InferPublishedFromMentions, records.Count);
        var articles = new Article[records.Count];
        var changeLists = new List<CleaningChange>?[records.Count];
        Parallel.For(0, records.Count, () => 0, (i, _, n) =>
        {
            var changes = new List<CleaningChange>();
            articles[i] = builder.Process(records[i], metadataFor(i), changes);
            if (changes.Count > 0) changeLists[i] = changes;   // most articles change nothing: no list kept for them
            records[i] = null!;   // the list is ours: let the raw text go as soon as the article is built (peak memory)
            return n;
        }, _ => { });
        // A big load: the raw records just died (in the oldest generation, where the GC would leave them for a while)
        // and near-duplicate detection is about to take ~170 bytes an article. One compacting collection that hands
        // the freed memory back first keeps the peak down: 1,000,000 wire rows 1,300 -> ~1,070 MB, for ~1 s of CPU.
        if (chars >= CollectAfterBuildChars) GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return Finish(articles, changeLists, rejected, options);
    }

    /// <summary>The corpus of built articles: near-duplicates found and marked, cleaning changes in article order.</summary>
    internal static NewsCorpus Finish(Article[] articles, List<CleaningChange>?[] changeLists, List<RejectedInput> rejected, CorpusOptions options)
    {
        var pairs = NearDuplicates(articles, i => articles[i].Id, (later, earlierId) => articles[later].MarkDuplicateOf(earlierId), options, null, null);
        return new NewsCorpus(articles, rejected, Changes(changeLists)) { NearDuplicates = pairs };
    }

    /// <summary>
    /// The near-duplicate pairs of <paramref name="articles"/> (ids by <paramref name="idOf"/>, without reading an
    /// article; with the signatures and fingerprints known, see <see cref="NearDuplicateDetector.Find"/>), each later
    /// article marked through <paramref name="markDuplicate"/> (the first mark of an article holds).
    /// </summary>
    internal static IReadOnlyList<NearDuplicatePair> NearDuplicates(IReadOnlyList<Article> articles, Func<int, string> idOf, Action<int, string> markDuplicate,
        CorpusOptions options, uint[]?[]? signatures, byte[][]? fingerprints)
    {
        var found = NearDuplicateDetector.Find(articles, options.NearDuplicateThreshold, signatures, fingerprints);
        foreach (var (earlier, later, _) in found) markDuplicate(later, idOf(earlier));
        // Each pair made when read: a corpus full of repeats has several per article (3.8 million at 1,000,000 wire
        // rows), ~180 MB as objects at the peak of the load, 16 bytes each as positions.
        return new IndexedView<((int Earlier, int Later, double Similarity)[] Found, Func<int, string> IdOf), NearDuplicatePair>((found, idOf), found.Length,
            static (s, i) => new(s.IdOf(s.Found[i].Earlier), s.IdOf(s.Found[i].Later), s.Found[i].Similarity));
    }

    /// <summary>The cleaning changes of every article, in article order.</summary>
    internal static List<CleaningChange> Changes(List<CleaningChange>?[] changeLists)
    {
        // A loop, not SelectMany(c => c ?? []): that made an empty list and an enumerator per unchanged article (~70 MB).
        var changes = new List<CleaningChange>();
        foreach (var c in changeLists) if (c is not null) changes.AddRange(c);
        return changes;
    }

    /// <summary>Texts of at least this many characters in all (64 MB of strings) get a collection after building.</summary>
    internal const long CollectAfterBuildChars = 32L * 1024 * 1024;
}
