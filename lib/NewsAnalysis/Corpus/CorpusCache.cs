using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace NewsAnalysis;

/// <summary>What one corpus load took from the corpus cache of a result store, and where its time went.</summary>
/// <param name="FilesReused">Input files whose articles came from the cache (content and options unchanged).</param>
/// <param name="FilesRead">Input files read and parsed (new, changed, or not in the cache).</param>
/// <param name="ArticlesReused">Articles taken from the cache as they were cleaned before.</param>
/// <param name="ArticlesCleaned">Articles cleaned now (new, edited, or whose id, row number, metadata row or glued-word vocabulary answers moved).</param>
public sealed record CorpusCacheCounts(int FilesReused, int FilesRead, int ArticlesReused, int ArticlesCleaned)
{
    /// <summary>Hashing the input files.</summary>
    public TimeSpan CheckTime { get; init; }

    /// <summary>Reading and decoding the cached files' entries, and parsing the files read.</summary>
    public TimeSpan ReadTime { get; init; }

    /// <summary>Unique ids, the vocabulary, checking cached articles, cleaning the others and splitting sentences.</summary>
    public TimeSpan CleanTime { get; init; }

    /// <summary>Near-duplicate detection over the whole corpus.</summary>
    public TimeSpan FinishTime { get; init; }

    /// <summary>Encoding and writing the changed files' entries and removing the entries of files gone.</summary>
    public TimeSpan WriteTime { get; init; }
}

/// <summary>
/// The corpus cache: what <see cref="Corpus.Load(string, CorpusOptions?)"/> builds per input file, kept beside the result
/// store's database (folder <c>corpus</c> of the cache folder, an entry per input file in at most 256 bucket files: plain
/// files read 10x faster than DuckDB blobs of a few MB, measured), so a rerun reads and cleans only what changed and
/// still returns exactly what a cold load returns. Per file, keyed by its path, the SHA-256 of its content and a key of
/// the corpus options and the library build: the records' ids before they are made unique, the rejected rows, the word
/// counts of its raw texts (the glued-word vocabulary is their sum) and each article as cleaning left it (before
/// sentence splitting and near-duplicate marking), with its cleaning changes, the id and metadata.csv row it was
/// cleaned with, and every answer the glued-word repair got from the corpus vocabulary.
/// </summary>
/// <remarks>
/// Why a cached article is the cold load's: cleaning (<see cref="ArticleBuilder.Process"/>) is a deterministic
/// function of the record (fixed by the file's content, path and the options), its final id, its metadata.csv row,
/// the options, and the vocabulary's answers to the words the repair looks up. The first three are checked (key, id,
/// row digest; in a changed file, each record against the digest of the record its article was cleaned from, made
/// with the same options: <see cref="RecordDigest"/>); the answers are recorded while cleaning (<see cref="CorpusVocabulary.Log"/>) and asked again of the
/// new corpus's vocabulary: when every answer is the same, the repair takes the same path. The answers saturate at 2
/// (the repair asks only "none, once, or twice or more"), so a word's count growing does not re-clean its articles.
/// A reused article keeps its paragraphs and sentences (<see cref="ArticleLayout"/>) and word count as stored: both are
/// functions of the cleaned text alone (<see cref="ArticleLayout.Of"/> and <see cref="WordCounter.Count"/> read nothing
/// else, no option, no rule), and the library build in the key covers their code. Anything else is recomputed on every
/// load: unique ids, the vocabulary and near-duplicates (these when first needed: see <see cref="CorpusArticles"/>). A file that changes while it is read is not stored; a cached file found changed when it must
/// be read again makes the load fall back to a cold one. Each bucket is written to a temporary file renamed over the
/// old one, so a killed run leaves every entry the old or the new one, each valid for its own key (an unreadable entry
/// or bucket is a miss). While the store is open, its database lock keeps other processes out of the folder; two loads
/// of one process writing the same bucket at once can lose an entry (a miss later), never mix one.
/// </remarks>
internal static class CorpusCache
{
    /// <summary>The folder, inside the store's cache folder, that holds one file per input file.</summary>
    internal const string FolderName = "corpus";

    // Writes (and the removal of leftovers) of this process, one at a time: other processes are kept out by the store's database lock.
    private static readonly object WriteGate = new();

    // Bump when the entry's layout changes (the library build is part of the key too, so code changes need no bump).
    private const string Format = "corpus-cache-6";   // 6: each article's record digest

    private sealed class Unit(string file, Hashed? hashed, int first, int bucket)
    {
        public string File { get; } = file;
        public int Bucket { get; } = bucket;
        public Hashed? Hashed { get; } = hashed;   // null: the file could not be hashed, nothing is stored for it
        public string? Digest => Hashed?.Digest;
        public int First { get; } = first;
        public int Count { get; set; }
        public List<string> RawIds { get; set; } = [];   // the records' ids before they are made unique
        public Entry? Cached { get; set; }
        public Entry? Previous { get; set; }   // a changed file's entry as it was (read whole): its articles whose record is unchanged are reused
        public int[]? From { get; set; }   // each article's place in the entry it was reused from (Cached or Previous), or -1 when cleaned now
        public List<ArticleRecord>? Records { get; set; }
        public List<RejectedInput> Rejected { get; set; } = [];
        public VocabularyPart? Vocabulary { get; set; }
        public StoredArticle?[] Articles { get; set; } = [];
        public bool Storable { get; set; }
        public bool Changed { get; set; }
        public bool Lazy { get; set; }   // every article reused and left undecoded until read (see CorpusArticles)
        public bool Summarized { get; set; }   // reused whole on its entry's summary: its articles were never read, not even skimmed
    }

    // An entry as read: its summary only (Articles null: the file's checks answer for every article), skimmed (each
    // article's checks, changes, signature and fingerprint, no article made) or whole; ArticleBytes are its articles'
    // part (MakeArticles reads them again whole).
    private sealed record Entry(List<string> Ids, VocabularyPart Vocabulary, List<RejectedInput> Rejected, StoredArticle?[]? Articles, ReadOnlyMemory<byte> Payload, ReadOnlyMemory<byte> ArticleBytes)
    {
        public Summary? Summary { get; init; }
    }

    // What a file's articles share, written when they share it (every final id the row's own, one metadata row, every
    // article with its signature and fingerprint): the metadata digest, every vocabulary answer any of them got, and
    // their cleaning changes (article index and change). When the new corpus agrees with these, every article holds and
    // none is read. The entry ends with the XxHash3 of the articles' bytes, checked instead of skimming them.
    private sealed record Summary(string Metadata, VocabularyAnswer[] Answers, (int Article, string Kind, string Before, string After)[] Changes);

    private static Summary? SummaryOf(Unit u)
    {
        var articles = u.Articles;
        if (articles.Length == 0 || !Array.TrueForAll(articles, a => a is { Signature: not null, Fingerprint: not null })) return null;
        var metadata = articles[0]!.Metadata;
        for (int j = 0; j < articles.Length; j++)
            if (articles[j]!.Id != u.RawIds[j] || articles[j]!.Metadata != metadata) return null;
        var changes = new List<(int, string, string, string)>();
        for (int j = 0; j < articles.Length; j++)
            foreach (var (kind, before, after) in articles[j]!.Changes) changes.Add((j, kind, before, after));
        return new Summary(metadata, articles.SelectMany(a => a!.Answers).Distinct().ToArray(), [.. changes]);
    }

    // The articles of a skimmed or summarized entry, made (its articles were checked, skimmed or against the hash they
    // were written with, so a failure here means the bytes changed in memory: an error, not a miss).
    private static StoredArticle[] MakeArticles(ReadOnlyMemory<byte> articleBytes, List<string> ids, string file) => ReadArticles(articleBytes, ids, file, skim: false);

    // Their kept values without making them (a summarized file's, for the near-duplicate pass).
    private static StoredArticle[] SkimArticles(ReadOnlyMemory<byte> articleBytes, List<string> ids, string file) => ReadArticles(articleBytes, ids, file, skim: true);

    private static StoredArticle[] ReadArticles(ReadOnlyMemory<byte> articleBytes, List<string> ids, string file, bool skim)
    {
        try
        {
            return ReadArticles(articleBytes.Span, ids, file, skim);
        }
        finally
        {
            MappedFile.KeepAlive(articleBytes);
        }
    }

    private static StoredArticle[] ReadArticles(ReadOnlySpan<byte> articleBytes, List<string> ids, string file, bool skim)
    {
        try
        {
            var r = new EntryReader(articleBytes);
            var pool = new Dictionary<string, string>(StringComparer.Ordinal);
            var articles = new StoredArticle[ids.Count];
            for (int i = 0; i < articles.Length; i++) articles[i] = ReadArticle(ref r, file, ids[i], pool, skim);
            return r.AtEnd ? articles : throw new FormatException("bytes left over");
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"the corpus cache entry of '{file}' was checked but did not decode: {e.Message}", e);
        }
    }

    // Article is null in a skimmed entry.
    private sealed record StoredArticle(string Id, string Metadata, Article? Article, (string Kind, string Before, string After)[] Changes, VocabularyAnswer[] Answers)
    {
        /// <summary>The digest of the record the article was cleaned from (<see cref="RecordDigest"/>): a changed file's row that is the same record is not cleaned again.</summary>
        public UInt128 Record { get; init; }

        /// <summary>The MinHash signature of the text (empty: no words; null: a blank text, or an entry written before every article got one).</summary>
        public uint[]? Signature { get; set; }

        /// <summary>The article's fingerprint for the result store (<see cref="AnalysisVersions.Fingerprint"/>: text and sentences).</summary>
        public byte[]? Fingerprint { get; set; }
    }

    // A file's content hash (with the options key) and its size and modification time when it was hashed.
    private sealed record Hashed(string Digest, (long Length, long Ticks) Stat);

    /// <summary>
    /// Loads <paramref name="files"/> (found under <paramref name="root"/>) with the corpus cache of <paramref name="store"/>:
    /// the corpus a cold load returns. Null when a cached file changed while it was read (load cold then).
    /// </summary>
    public static NewsCorpus? Load(ArticleResultStore store, string root, bool folder, List<string> files, CorpusOptions options, List<RejectedInput> walkerRejected)
    {
        var clock = Stopwatch.StartNew();
        string key = OptionsKey(options);
        string prefix = folder ? Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar : root;
        bool IsMetadata(string file) => folder && string.Equals(Path.GetFileName(file), options.MetadataFileName, StringComparison.OrdinalIgnoreCase);

        var digests = new Hashed?[files.Count];
        Parallel.For(0, files.Count, f => digests[f] = IsMetadata(files[f]) ? null : Digest(files[f], key));
        var cacheFolder = Path.Combine(store.Folder, FolderName);
        var bucketOf = files.Select(BucketOf).ToArray();
        var check = clock.Elapsed;

        var buckets = new Dictionary<string, ReadOnlyMemory<byte>>?[Buckets];
        var unreadable = new bool[Buckets];
        Parallel.For(0, Buckets, b => buckets[b] = ReadBucket(BucketFile(cacheFolder, b), out unreadable[b]));
        var entries = new Entry?[files.Count];
        var previous = new Entry?[files.Count];
        Parallel.For(0, files.Count, f =>
        {
            if (digests[f] is not { } hashed || buckets[bucketOf[f]] is not { } map || !map.TryGetValue(files[f], out var payload)) return;
            entries[f] = Decode(payload, files[f], hashed.Digest, Reading.Summary);
            // A changed file (or an entry that no longer holds): its entry as it was, for the articles whose record is unchanged.
            if (entries[f] is null) previous[f] = Decode(payload, files[f], hashed.Digest, Reading.Whole, anyContent: true);
        });

        // Articles will be cleaned (a file not in the cache): the repair's English word list is read meanwhile.
        var englishWords = options.RepairGluedWords && entries.Any(e => e is null) ? Task.Run(EnglishWords.Preload) : Task.CompletedTask;

        // The cold load's loop, file by file in the same order (rejections in the same order), a cached file's part taken as stored.
        var rejected = new List<RejectedInput>(walkerRejected);
        var metadata = new Dictionary<string, Dictionary<string, ArticleRecord>>(StringComparer.Ordinal);
        var units = new List<Unit>();
        int total = 0;
        for (int f = 0; f < files.Count; f++)
        {
            var file = files[f];
            if (IsMetadata(file))
            {
                try { metadata[Path.GetDirectoryName(file)!] = CorpusReaders.ReadMetadata(file, options, rejected); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { rejected.Add(new(file, $"cannot read: {e.Message}")); }
                continue;
            }
            var unit = new Unit(file, digests[f], total, bucketOf[f]);
            if (entries[f] is { } entry)
            {
                unit.Cached = entry;
                unit.Count = entry.Ids.Count;
                unit.RawIds = entry.Ids;
                unit.Rejected = entry.Rejected;
                unit.Storable = true;
                rejected.AddRange(entry.Rejected);
            }
            else
            {
                var records = new List<ArticleRecord>();
                int before = rejected.Count;
                bool complete = true;
                try { Corpus.ReadFile(file, options, records, rejected); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    rejected.Add(new(file, $"cannot read: {e.Message}"));
                    complete = false;
                }
                unit.Records = records;
                unit.Previous = previous[f];
                unit.Count = records.Count;
                unit.RawIds = records.Select(r => r.Id).ToList();
                unit.Rejected = rejected.GetRange(before, rejected.Count - before);
                // Stored only when the file read is the file hashed (same size and modification time after reading).
                unit.Storable = complete && unit.Hashed is { } h && Stat(file) == h.Stat;
                unit.Changed = true;
            }
            total += unit.Count;
            units.Add(unit);
        }
        Corpus.RejectUnknownMetadataRows(files, metadata, rejected);
        var read = clock.Elapsed;

        // Ids made unique over the whole corpus, and the vocabulary: the sum of each file's word counts.
        var ids = new List<string>(total);
        foreach (var u in units) ids.AddRange(u.RawIds);
        Corpus.MakeIdsUnique(ids);
        CorpusVocabulary? vocabulary = null;
        foreach (var u in units)
            if (u.Cached is null) u.Vocabulary = options.RepairGluedWords ? CorpusVocabulary.Build(u.Records!.Select(r => r.Text).ToList()).Part() : VocabularyPart.Empty;
        if (options.RepairGluedWords) vocabulary = CorpusVocabulary.Sum(units.Select(u => u.Cached?.Vocabulary ?? u.Vocabulary!));

        // Which cached articles still hold: same final id, same metadata row, same vocabulary answers.
        var metadataDigests = units.Select(u => MetadataDigest(Corpus.MetadataOf(u.File, metadata))).ToArray();
        var holds = new bool[units.Count][];
        Parallel.For(0, units.Count, k =>
        {
            var u = units[k];
            u.Articles = new StoredArticle?[u.Count];
            holds[k] = new bool[u.Count];
            if (u.Cached is { Articles: null, Summary: { } summary } entry)
            {
                // Read by its summary: when the file's checks hold, every article holds and none is read; else its
                // articles are skimmed and checked one by one (none, when the skim fails: the file is read again).
                bool sameIds = true;
                for (int j = 0; j < u.Count && sameIds; j++) sameIds = string.Equals(ids[u.First + j], u.RawIds[j], StringComparison.Ordinal);
                if (sameIds && summary.Metadata == metadataDigests[k] && (vocabulary is null || Array.TrueForAll(summary.Answers, vocabulary.Answers)))
                {
                    u.Summarized = true;
                    Array.Fill(holds[k], true);
                    return;
                }
                u.Cached = Decode(entry.Payload, u.File, u.Digest!, Reading.Skim) ?? entry with { Articles = new StoredArticle?[u.Count] };
            }
            bool Holds(StoredArticle s, int j) => s.Id == ids[u.First + j] && s.Metadata == metadataDigests[k]
                && (vocabulary is null || Array.TrueForAll(s.Answers, vocabulary.Answers));
            u.From = new int[u.Count];
            Array.Fill(u.From, -1);
            if (u.Previous is { Articles: { } before } previousEntry)
            {
                // A changed file: an article whose row is the same record (same raw id, fields and row number) is taken as
                // it was cleaned, when its checks hold; a raw id the old file repeats matches none.
                var at = new Dictionary<string, int>(previousEntry.Ids.Count, StringComparer.Ordinal);
                for (int p = 0; p < previousEntry.Ids.Count; p++)
                    if (!at.TryAdd(previousEntry.Ids[p], p)) at[previousEntry.Ids[p]] = -1;
                for (int j = 0; j < u.Count; j++)
                {
                    if (at.TryGetValue(u.RawIds[j], out int p) && p >= 0 && before[p] is { } s && s.Record == RecordDigest(u.Records![j]) && Holds(s, j))
                    {
                        u.Articles[j] = s;
                        holds[k][j] = true;
                        u.From[j] = p;
                    }
                }
                return;
            }
            for (int j = 0; j < u.Count; j++)
            {
                if (u.Cached?.Articles?[j] is { } s && Holds(s, j))
                {
                    u.Articles[j] = s;
                    holds[k][j] = true;
                    u.From[j] = j;
                }
            }
        });
        var work = new List<(int Unit, int Index)>();
        var reused = new List<(int Unit, int Index)>();
        for (int k = 0; k < units.Count; k++)
            for (int j = 0; j < units[k].Count; j++) (holds[k][j] ? reused : work).Add((k, j));
        // The repair (with its English word list) only when there are articles to clean.
        GluedWordRepair? repair = null;
        if (vocabulary is not null && work.Count > 0)
        {
            englishWords.Wait();
            repair = new GluedWordRepair(vocabulary, options.Rules);
        }
        foreach (var k in work.Select(w => w.Unit).Distinct())
        {
            var u = units[k];
            u.Changed = true;
            if (u.Records is not null) continue;
            // An unchanged file with articles to clean again: read once more (the records are not kept), and check it is the file cached.
            var records = new List<RejectedInput>();
            var again = new List<ArticleRecord>();
            try { Corpus.ReadFile(u.File, options, again, records); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
            if (again.Count != u.Count || !again.Select(r => r.Id).SequenceEqual(u.Cached!.Ids, StringComparer.Ordinal) || Stat(u.File) != u.Hashed!.Stat) return null;
            u.Records = again;
        }
        // Entries were skimmed. A file whose every article holds, each with its signature and fingerprint kept, stays
        // undecoded (lazy: CorpusArticles makes its articles when one is first read); the others are decoded whole now.
        Parallel.For(0, units.Count, k =>
        {
            var u = units[k];
            if (u.Cached is not { } entry) return;
            u.Lazy = !u.Changed && (u.Summarized || Array.TrueForAll(u.Articles, s => s!.Signature is not null && s.Fingerprint is not null));
            if (u.Lazy) return;
            var whole = MakeArticles(entry.ArticleBytes, entry.Ids, u.File);
            for (int j = 0; j < u.Count; j++)
                if (u.Articles[j] is { } s) u.Articles[j] = whole[j] with { Signature = s.Signature, Fingerprint = s.Fingerprint };
        });

        var articles = new Article?[total];
        var changeLists = new List<CleaningChange>?[total];
        var builder = new ArticleBuilder(options.Rules, repair, options.InferPublishedFromMentions, work.Count);
        Parallel.For(0, work.Count, w =>
        {
            var (k, j) = work[w];
            var u = units[k];
            int i = u.First + j;
            var record = u.Records![j];
            if (!string.Equals(record.Id, ids[i], StringComparison.Ordinal)) record = record with { Id = ids[i] };
            var changes = new List<CleaningChange>();
            var answers = new List<VocabularyAnswer>();
            CorpusVocabulary.Log = vocabulary is null ? null : answers;
            try { articles[i] = builder.Process(record, Corpus.MetadataOf(u.File, metadata), changes); }
            finally { CorpusVocabulary.Log = null; }
            if (changes.Count > 0) changeLists[i] = changes;
            // Each answer once: the repair asks about the same parts of a run many times, and a vocabulary answers a word alike.
            u.Articles[j] = new StoredArticle(ids[i], metadataDigests[k], articles[i], changes.Select(c => (c.Kind, c.Before, c.After)).ToArray(), answers.Distinct().ToArray())
            {
                Record = RecordDigest(u.Records[j]),
            };
        });
        // A summarized file's changes are in its summary (its final ids are the rows' own).
        foreach (var u in units)
        {
            if (!u.Summarized) continue;
            foreach (var (article, kind, before, after) in u.Cached!.Summary!.Changes)
                (changeLists[u.First + article] ??= []).Add(new CleaningChange(ids[u.First + article], kind, before, after));
        }
        Parallel.For(0, reused.Count, r =>
        {
            var (k, j) = reused[r];
            if (units[k].Summarized) return;
            int i = units[k].First + j;
            var s = units[k].Articles[j]!;
            articles[i] = s.Article;   // with its stored layout and word count (a function of its text: see the remarks); null in a lazy unit
            if (s.Changes.Length > 0) changeLists[i] = s.Changes.Select(c => new CleaningChange(s.Id, c.Kind, c.Before, c.After)).ToList();
        });
        foreach (var u in units) u.Records = null;
        var clean = clock.Elapsed;

        // Near-duplicates run on the kept signatures, with the fingerprints standing for the texts, so that the articles
        // of lazy units are not made.
        var signatures = new uint[]?[total];
        var fingerprints = new byte[total][];
        // Every article made now that has no signature gets one (a blank text none), so its entry keeps it and near-
        // duplicate detection, whenever it runs, reads no text but blank ones; a reused article given one rewrites its entry.
        Parallel.For(0, units.Count, k =>
        {
            var u = units[k];
            if (u.Lazy) return;
            for (int j = 0; j < u.Count; j++)
            {
                var s = u.Articles[j]!;
                if (s.Signature is not null || string.IsNullOrWhiteSpace(s.Article!.Text)) continue;
                var signature = new uint[NearDuplicateDetector.Hashes];
                s.Signature = NearDuplicateDetector.Signature(s.Article.Text, signature) ? signature : [];
                u.Changed = true;
            }
        });
        // A summarized file's signatures and fingerprints stay in its entry until its articles are made or near-duplicates are looked for.
        var summarized = new bool[total];
        foreach (var u in units)
            for (int j = 0; j < u.Count; j++)
            {
                if (u.Summarized) { summarized[u.First + j] = true; continue; }
                signatures[u.First + j] = u.Articles[j]!.Signature;
                fingerprints[u.First + j] = u.Articles[j]!.Fingerprint!;
            }
        Parallel.For(0, total, i => { if (!summarized[i]) fingerprints[i] ??= AnalysisVersions.Fingerprint(articles[i]!); });   // null only for articles made now
        var lazyUnits = new List<CorpusArticles.Unit>();
        foreach (var u in units)
        {
            if (!u.Lazy) continue;
            lazyUnits.Add(LazyUnit(u.First, u.Count, u.Cached!.ArticleBytes, u.Cached.Ids, u.File, fingerprints));
        }
        var unread = units.Where(u => u.Summarized).Select(u => new UnreadUnit(u.First, u.Cached!.ArticleBytes, u.Cached.Ids, u.File)).ToList();
        // Near-duplicates are found when first needed (an article read, or the pairs asked for): a rerun whose frames all
        // come from segments skips the pass.
        var list = new CorpusArticles(articles, lazyUnits, fingerprints, NearDuplicateFinder(ids, options, signatures, fingerprints, unread));
        var corpus = new NewsCorpus(list, rejected, Corpus.Changes(changeLists));
        // The result store's fingerprints: remembered for the articles made now (a lazy unit's when they are made), and
        // kept in the entries of the files that are stored.
        Parallel.For(0, units.Count, k =>
        {
            var u = units[k];
            if (u.Lazy) return;
            for (int j = 0; j < u.Count; j++)
            {
                AnalysisVersions.Remember(list.Raw[u.First + j], fingerprints[u.First + j]);
                if (u.Storable) u.Articles[j]!.Fingerprint ??= fingerprints[u.First + j];
            }
        });
        var finish = clock.Elapsed;

        // The cache is written only while this process holds the store (another process may be writing it otherwise).
        store.WaitOpen();
        var changed = units.Where(u => u.Storable && u.Changed).ToList();
        var rows = new byte[changed.Count][];
        Parallel.For(0, changed.Count, c => rows[c] = Encode(changed[c]));
        // Each bucket touched (a changed file's, or one holding entries of files gone from the folder) rewritten whole.
        var touched = new HashSet<int>();
        for (int r = 0; r < changed.Count; r++)
        {
            (buckets[changed[r].Bucket] ??= new(StringComparer.Ordinal))[changed[r].File] = rows[r];
            touched.Add(changed[r].Bucket);
        }
        if (folder && store.Prune)
        {
            var present = units.Select(u => u.File).ToHashSet(StringComparer.Ordinal);
            for (int b = 0; b < Buckets; b++)
            {
                if (unreadable[b]) touched.Add(b);
                if (buckets[b] is not { } map) continue;
                foreach (var path in map.Keys.Where(p => p.StartsWith(prefix, StringComparison.Ordinal) && !present.Contains(p)).ToList())
                {
                    map.Remove(path);
                    touched.Add(b);
                }
            }
        }
        // Each file's identity for frame segments: the SHA-256 of its entry as it now stands in the cache.
        var written = new Dictionary<Unit, byte[]>();
        for (int r = 0; r < changed.Count; r++) written[changed[r]] = rows[r];
        var identities = new byte[]?[units.Count];
        var origins = new CorpusUnitOrigin?[units.Count];
        Parallel.For(0, units.Count, k =>
        {
            var u = units[k];
            if (written.TryGetValue(u, out var row)) identities[k] = SHA256.HashData(row);
            else if (!u.Changed && u.Cached is { } entry) identities[k] = SHA256.HashData(entry.Payload.Span);
            // A file rewritten with some of its articles as they were: rows kept for its old entry serve those articles.
            if (u.Changed && identities[k] is not null && (u.Cached ?? u.Previous) is { } old && u.From is { } from && Array.Exists(from, p => p >= 0))
                origins[k] = new CorpusUnitOrigin(SHA256.HashData(old.Payload.Span), old.Ids.Count, from);
        });
        corpus.Units = units.Select((u, k) => new CorpusUnit(u.First, u.Count, identities[k]) { Origin = origins[k] }).ToList();
        if (touched.Count > 0)
            lock (WriteGate)
            {
                Directory.CreateDirectory(cacheFolder);
                foreach (var b in touched) WriteBucket(BucketFile(cacheFolder, b), buckets[b]);
                if (folder && store.Prune)
                    foreach (var leftover in Directory.EnumerateFiles(cacheFolder, "*.tmp")) File.Delete(leftover);
            }
        store.AddCorpusLoad(new CorpusCacheCounts(units.Count(u => u.Cached is not null), units.Count(u => u.Cached is null), reused.Count, work.Count)
        {
            CheckTime = check, ReadTime = read - check, CleanTime = clean - read, FinishTime = finish - clean, WriteTime = clock.Elapsed - finish,
        });
        return corpus;
    }

    // The closures the corpus keeps are made here, apart from Load, so that they hold what they read and nothing else: a
    // lambda inside Load shares its captured variables (every entry, bucket and encoded row), which kept them alive as
    // long as the corpus (news sentiment on 100,000 articles, cold: peak 964 -> 819 MB; warm 405 -> 375 MB; measured).
    // A summarized file's articles are made with their kept fingerprints (set in the corpus's array before it reads them).
    private static CorpusArticles.Unit LazyUnit(int first, int count, ReadOnlyMemory<byte> articleBytes, List<string> ids, string file, byte[][] fingerprints) =>
        new(first, count, () =>
        {
            var stored = MakeArticles(articleBytes, ids, file);
            KeepFingerprints(fingerprints, first, stored);
            return Array.ConvertAll(stored, s => s.Article!);
        });

    // A summarized file's kept fingerprints, put in the corpus's array where none is yet (by the pass or the making of
    // its articles, whichever reads them first; the values are the same).
    private static void KeepFingerprints(byte[][] fingerprints, int first, StoredArticle[] stored)
    {
        for (int j = 0; j < stored.Length; j++) Interlocked.CompareExchange(ref fingerprints[first + j], stored[j].Fingerprint!, null!);
    }

    // A file reused on its entry's summary: where its articles' kept values are, for the near-duplicate pass.
    private sealed record UnreadUnit(int First, ReadOnlyMemory<byte> ArticleBytes, List<string> Ids, string File);

    // The near-duplicate pass reads the summarized files' signatures and fingerprints first (skimming their articles).
    private static Func<CorpusArticles, IReadOnlyList<NearDuplicatePair>> NearDuplicateFinder(List<string> ids, CorpusOptions options, uint[]?[] signatures, byte[][] fingerprints,
        List<UnreadUnit> unread) =>
        list =>
        {
            Parallel.ForEach(unread, u =>
            {
                var skimmed = SkimArticles(u.ArticleBytes, u.Ids, u.File);
                for (int j = 0; j < skimmed.Length; j++) signatures[u.First + j] = skimmed[j].Signature;
                KeepFingerprints(fingerprints, u.First, skimmed);
            });
            return Corpus.NearDuplicates(list.Raw, i => ids[i], list.MarkDuplicate, options, signatures, fingerprints);
        };

    // The file's content hash with the options key; null when it cannot be read (the cold path then reports why).
    private static Hashed? Digest(string file, string key)
    {
        try
        {
            if (FileNode.Of(file, follow: true) is not { Kind: FileKind.Regular }) return null;
            var stat = Stat(file);
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.SequentialScan);
            return new Hashed(Convert.ToHexString(SHA256.HashData(stream)) + ":" + key, stat);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    private static (long Length, long Ticks) Stat(string file)
    {
        var info = new FileInfo(file);
        return info.Exists ? (info.Length, info.LastWriteTimeUtc.Ticks) : (-1, 0);
    }

    /// <summary>
    /// Everything a file's articles depend on besides its content and path: the entry's layout, the library build (its code
    /// and embedded word lists and rules) and the corpus options that reach reading and cleaning (all but the
    /// near-duplicate threshold, which is applied to the whole corpus on every load).
    /// </summary>
    internal static string OptionsKey(CorpusOptions options)
    {
        var text = string.Join("\u001f", Format, typeof(CorpusCache).Assembly.ManifestModule.ModuleVersionId,
            options.MaxFileBytes, options.CsvTextColumn ?? "\u0000", options.CsvTitleColumn ?? "\u0000", options.CsvDateColumn ?? "\u0000",
            options.CsvSourceColumn ?? "\u0000", options.CsvIdColumn ?? "\u0000", options.RepairGluedWords, options.InferPublishedFromMentions,
            options.MetadataFileName, JsonSerializer.Serialize(options.Rules, CorpusRulesJson.Default.CorpusRules));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 16);
    }

    // What cleaning reads of a metadata.csv row: title, source, date and url ("" for none).
    private static string MetadataDigest(ArticleRecord? row)
    {
        if (row is null) return "";
        var text = string.Join("\u001f", row.Title ?? "\u0000", row.Source ?? "\u0000", row.Url ?? "\u0000",
            row.Published is { } p ? $"{p.Ticks}:{(int)p.Kind}" : "\u0000");
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 16);
    }

    // Entries are kept in at most 256 bucket files (by the first byte of the SHA-256 of the input's path): one file per
    // input file cost 3 s of system time to write for 10,000 small files; a change rewrites one bucket, not everything.
    private const int Buckets = 256;
    private const string BucketFormat = "corpus-bucket-2";

    private static int BucketOf(string file) => SHA256.HashData(Encoding.UTF8.GetBytes(file))[0];

    private static string BucketFile(string cacheFolder, int bucket) => Path.Combine(cacheFolder, $"{bucket:x2}.bin");

    /// <summary>The input paths the cache folder holds entries for (for tests and reports).</summary>
    internal static List<string> StoredPaths(string cacheFolder) =>
        Enumerable.Range(0, Buckets).SelectMany(b => ReadBucket(BucketFile(cacheFolder, b), out _)?.Keys.AsEnumerable() ?? []).Order(StringComparer.Ordinal).ToList();

    // A bucket: each input path's entry, a slice of the bucket's bytes (not copied). Null when there is none, or when it
    // cannot be read whole (unreadable: a miss for every file in it, rewritten by the next load that prunes or changes it).
    private static Dictionary<string, ReadOnlyMemory<byte>>? ReadBucket(string file, out bool unreadable)
    {
        unreadable = false;
        if (!File.Exists(file)) return null;
        try
        {
            var bytes = MappedFile.Read(file);   // entries are slices of it (kept by lazy units): mapped, not copied
            var r = new EntryReader(bytes.Span);
            if (r.Req() != BucketFormat) { unreadable = true; return null; }
            int n = r.Len();
            var map = new Dictionary<string, ReadOnlyMemory<byte>>(n, StringComparer.Ordinal);
            for (int i = 0; i < n; i++)
            {
                var path = r.Req();
                int length = r.Len();
                map[path] = bytes.Slice(r.Position, length);
                r.Skip(length);
            }
            MappedFile.KeepAlive(bytes);
            if (r.AtEnd) return map;
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException) { }
        unreadable = true;
        return null;
    }

    // Written beside its place and renamed over it (atomic): a killed run leaves the old bucket or the new one, and at
    // most a temporary file, removed by the next load that prunes. An empty bucket is removed.
    private static void WriteBucket(string file, Dictionary<string, ReadOnlyMemory<byte>>? map)
    {
        if (map is null || map.Count == 0) { File.Delete(file); return; }
        var temporary = file + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var w = new BinaryWriter(stream, Encoding.UTF8))
        {
            Str(w, BucketFormat);
            w.Write(map.Count);
            foreach (var (path, payload) in map) { Str(w, path); w.Write(payload.Length); w.Write(payload.Span); }
        }
        File.Move(temporary, file, overwrite: true);
    }

    // ---------- the entry's layout ----------
    // Written with a BinaryWriter, read with EntryReader straight from the bucket's bytes: BinaryReader made a
    // MemoryStream per entry and built every string over 128 bytes through a StringBuilder (decoding was half of a
    // 1%-new rerun's corpus load, measured). Strings that repeat across articles (the input file, row labels, title
    // bases, an id equal to the row's id) are written as a code and read back as one shared string.

    private static byte[] Encode(Unit u)
    {
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            Str(w, Format);
            Str(w, u.File);
            Str(w, u.Digest);
            w.Write(u.RawIds.Count);
            foreach (var id in u.RawIds) Str(w, id);
            var vocabulary = u.Cached?.Vocabulary ?? u.Vocabulary!;
            Str(w, vocabulary.Words);
            w.Write(vocabulary.Counts.Length);
            w.Write(vocabulary.Counts);
            w.Write(u.Rejected.Count);
            foreach (var r in u.Rejected) { Str(w, r.Path); Str(w, r.Reason); }
            // The articles, their length first (a reader of the summary steps over them), then the summary and their hash.
            w.Write(0);
            w.Flush();
            long start = buffer.Position;
            for (int j = 0; j < u.Articles.Length; j++) WriteArticle(w, u.Articles[j]!, u.File, u.RawIds[j]);
            w.Flush();
            long end = buffer.Position;
            var summary = SummaryOf(u);
            w.Write(summary is not null);
            if (summary is not null)
            {
                Str(w, summary.Metadata);
                w.Write(summary.Answers.Length);
                foreach (var answer in summary.Answers) { Str(w, answer.Word); w.Write(answer.Lower); w.Write(answer.Value); }
                w.Write(summary.Changes.Length);
                foreach (var (article, kind, before, after) in summary.Changes) { w.Write(article); Str(w, kind); Str(w, before); Str(w, after); }
            }
            w.Write(System.IO.Hashing.XxHash3.HashToUInt64(buffer.GetBuffer().AsSpan((int)start, (int)(end - start))));
            w.Flush();
            buffer.Position = start - sizeof(int);
            w.Write(checked((int)(end - start)));
        }
        return buffer.ToArray();
    }

    // How much of an entry to read: its summary only when it has one (else as Skim), every article's checks and kept
    // values without making it (Skim), or everything.
    private enum Reading { Summary, Skim, Whole }

    // anyContent: an entry of the file made with the same options whatever its content (a changed file's entry as it
    // was), its articles' hash checked.
    private static Entry? Decode(ReadOnlyMemory<byte> payload, string file, string digest, Reading reading, bool anyContent = false)
    {
        try
        {
            return DecodeEntry(payload, file, digest, reading, anyContent);
        }
        finally
        {
            MappedFile.KeepAlive(payload);
        }
    }

    private static Entry? DecodeEntry(ReadOnlyMemory<byte> payload, string file, string digest, Reading reading, bool anyContent)
    {
        try
        {
            var r = new EntryReader(payload.Span);
            if (r.Str() != Format || r.Str() != file) return null;
            var stored = r.Str();
            // A digest is the content's SHA-256, ':' and the options key.
            if (anyContent ? stored is null || !stored.EndsWith(digest.AsSpan(digest.IndexOf(':')), StringComparison.Ordinal) : stored != digest) return null;
            int n = r.Int32();
            if (n < 0 || n > payload.Length) return null;
            var ids = new List<string>(n);
            for (int i = 0; i < n; i++) ids.Add(r.Req());
            var words = r.Req();
            var vocabulary = new VocabularyPart(words, r.Bytes(r.Len()).ToArray());
            if (!vocabulary.IsWellFormed) return null;
            int rejectedCount = r.Len();
            var rejected = new List<RejectedInput>(rejectedCount);
            for (int i = 0; i < rejectedCount; i++) rejected.Add(new(r.Req(), r.Req()));
            int length = r.Len();
            var articleBytes = payload.Slice(r.Position, length);
            r.Skip(length);
            Summary? summary = null;
            if (r.Bool())
            {
                var metadata = r.Req();
                var answers = new VocabularyAnswer[r.Len()];
                for (int i = 0; i < answers.Length; i++) answers[i] = new(r.Req(), r.Bool(), r.Int32());
                var changes = new (int, string, string, string)[r.Len()];
                for (int i = 0; i < changes.Length; i++)
                {
                    int article = r.Int32();
                    if (article < 0 || article >= n) return null;
                    changes[i] = (article, r.Req(), r.Req(), r.Req());
                }
                summary = new Summary(metadata, answers, changes);
            }
            ulong hash = (ulong)r.Int64();
            if (!r.AtEnd) return null;
            if (anyContent && System.IO.Hashing.XxHash3.HashToUInt64(articleBytes.Span) != hash) return null;
            if (summary is not null && reading == Reading.Summary)
                return System.IO.Hashing.XxHash3.HashToUInt64(articleBytes.Span) == hash
                    ? new Entry(ids, vocabulary, rejected, null, payload, articleBytes) { Summary = summary }
                    : null;
            return new Entry(ids, vocabulary, rejected, ReadArticles(articleBytes, ids, file, reading != Reading.Whole), payload, articleBytes);
        }
        catch (Exception e) when (e is FormatException or InvalidDataException)
        {
            return null;   // an unreadable entry is a miss: the file is read and cleaned afresh
        }
    }

    // The labels of a row's path (RowPath) and the title bases the builder gives, by code (0: none or not one of them).
    private static readonly string[] RowLabels = ["#row ", "#line ", "#item "];
    private static readonly string[] TitleBases = ["headline", "metadata", "lead-sentence", "glued-headline", "unknown"];

    private static void WriteArticle(BinaryWriter w, StoredArticle s, string file, string rawId)
    {
        var a = s.Article ?? throw new InvalidOperationException("a skimmed article is never written");
        // The id: 0 when it is the row's id as read (most articles), else written.
        if (s.Id == rawId) w.Write((byte)0); else { w.Write((byte)1); Str(w, s.Id); }
        Str(w, s.Metadata);
        // The path: the input file (0) or another string (1), then the row label's code (or 0 and the label), and the row number.
        var path = a.RowPath;
        if (path.File == file) w.Write((byte)0); else { w.Write((byte)1); Str(w, path.File); }
        Code(w, RowLabels, path.Label);
        w.Write(path.Number);
        Str(w, a.Title); Str(w, a.Source); Str(w, a.Dateline);
        w.Write(a.Published.HasValue);
        if (a.Published is { } p) { w.Write(p.Ticks); w.Write((byte)p.Kind); }
        w.Write((int)a.PublishedBasis);
        Str(w, a.PublishedEvidence); Str(w, a.Text); Str(w, a.Url);
        w.Write(a.Extra.Count);
        foreach (var (k, v) in a.Extra) { Str(w, k); Str(w, v); }
        Code(w, TitleBases, a.TitleBasis);
        Str(w, a.SourceEvidence);
        w.Write(a.Captions.Count);
        foreach (var c in a.Captions) Str(w, c);
        var bounds = a.Layout?.Bounds;
        w.Write(bounds?.Length ?? -1);
        w.Write(MemoryMarshal.AsBytes((bounds ?? []).AsSpan()));
        w.Write(a.Words);
        w.Write(s.Changes.Length);
        foreach (var (kind, before, after) in s.Changes) { Str(w, kind); Str(w, before); Str(w, after); }
        w.Write(s.Answers.Length);
        foreach (var answer in s.Answers) { Str(w, answer.Word); w.Write(answer.Lower); w.Write(answer.Value); }
        w.Write(s.Signature is null ? -1 : s.Signature.Length);
        w.Write(MemoryMarshal.AsBytes((s.Signature ?? []).AsSpan()));
        w.Write(s.Fingerprint?.Length ?? 0);
        w.Write(s.Fingerprint ?? []);
        Span<byte> record = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128LittleEndian(record, s.Record);
        w.Write(record);
    }

    /// <summary>
    /// A digest of everything cleaning reads from a record (its raw id, path with row number, text, title, source, date,
    /// URL and extra fields, in order): XxHash128 of each value's UTF-16 units after its length (-1 for null).
    /// </summary>
    internal static UInt128 RecordDigest(ArticleRecord record)
    {
        var hash = new System.IO.Hashing.XxHash128();
        void Add(string? value)
        {
            Span<byte> length = stackalloc byte[sizeof(int)];
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, value?.Length ?? -1);
            hash.Append(length);
            if (value is not null) hash.Append(MemoryMarshal.AsBytes(value.AsSpan()));
        }
        Add(record.Id);
        Add(record.Path);
        Add(record.Text);
        Add(record.Title);
        Add(record.Source);
        Add(record.Published is { } p ? p.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + (int)p.Kind : null);
        Add(record.Url);
        Add(record.Extra.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in record.Extra)
        {
            Add(key);
            Add(value);
        }
        return hash.GetCurrentHashAsUInt128();
    }

    // A string of a short list as its place in the list plus one (0 and the string itself for any other, or null).
    private static void Code(BinaryWriter w, string[] known, string? value)
    {
        int k = value is null ? -1 : Array.IndexOf(known, value);
        if (k >= 0) { w.Write((byte)(k + 1)); return; }
        w.Write((byte)0);
        Str(w, value);
    }

    private static string? Code(ref EntryReader r, string[] known)
    {
        int k = r.Byte();
        if (k == 0) return r.Str();
        return k <= known.Length ? known[k - 1] : throw new FormatException("bad code");
    }

    private static readonly IReadOnlyDictionary<string, string?> NoExtra = System.Collections.ObjectModel.ReadOnlyDictionary<string, string?>.Empty;

    // Short values that repeat from article to article (metadata digest, source, dateline, date evidence, extra columns)
    // are read once per entry into pool and shared, as the loader's StringPool shares them.
    private static StoredArticle ReadArticle(ref EntryReader r, string file, string rawId, Dictionary<string, string> pool, bool skim)
    {
        var id = r.Byte() switch { 0 => rawId, 1 => r.Req(), _ => throw new FormatException("bad id") };
        var metadata = r.Str(pool) ?? throw new FormatException("null metadata digest");
        Article? article = null;
        if (skim) SkipBody(ref r); else article = ReadBody(ref r, file, id, pool);
        int changeCount = r.Len();
        var changes = changeCount == 0 ? [] : new (string, string, string)[changeCount];
        for (int i = 0; i < changeCount; i++) changes[i] = (r.Req(), r.Req(), r.Req());
        int answerCount = r.Len();
        var answers = answerCount == 0 ? [] : new VocabularyAnswer[answerCount];
        for (int i = 0; i < answerCount; i++) answers[i] = new(r.Req(), r.Bool(), r.Int32());
        int signatureLength = r.Int32();
        if (signatureLength is not (-1 or 0 or NearDuplicateDetector.Hashes)) throw new FormatException("bad signature");
        uint[]? signature = signatureLength < 0 ? null : MemoryMarshal.Cast<byte, uint>(r.Bytes(signatureLength * sizeof(uint))).ToArray();
        int fingerprintLength = r.Int32();
        if (fingerprintLength is not (0 or 32)) throw new FormatException("bad fingerprint");
        var fingerprint = fingerprintLength == 0 ? null : r.Bytes(fingerprintLength).ToArray();
        var record = System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(r.Bytes(16));
        return new StoredArticle(id, metadata, article, changes, answers) { Signature = signature, Fingerprint = fingerprint, Record = record };
    }

    // The cleaned article: path, title, ..., layout and word count (what WriteArticle writes between the metadata digest and the changes).
    private static Article ReadBody(ref EntryReader r, string file, string id, Dictionary<string, string> pool)
    {
        var pathFile = r.Byte() switch { 0 => file, 1 => r.Req(), _ => throw new FormatException("bad path") };
        var label = Code(ref r, RowLabels);
        int number = r.Int32();
        var title = r.Req();
        var source = r.Str(pool);
        var dateline = r.Str(pool);
        DateTime? published = r.Bool() ? new DateTime(r.Int64(), (DateTimeKind)r.Byte()) : null;
        var basis = (PublishedBasis)r.Int32();
        var evidence = r.Str(pool);
        var text = r.Req();
        var url = r.Str();
        int extraCount = r.Len();
        var extra = extraCount == 0 ? NoExtra : new Dictionary<string, string?>(extraCount, StringComparer.Ordinal);
        for (int i = 0; i < extraCount; i++) ((Dictionary<string, string?>)extra).Add(r.Str(pool) ?? throw new FormatException("null column"), r.Str(pool));
        var titleBasis = Code(ref r, TitleBases) ?? throw new FormatException("null title basis");
        var sourceEvidence = r.Str(pool);
        int captionCount = r.Len();
        var captions = captionCount == 0 ? [] : new string[captionCount];
        for (int i = 0; i < captionCount; i++) captions[i] = r.Req();
        int boundsLength = r.Int32();
        var layout = boundsLength < 0 ? ArticleLayout.Of(text)
            : ArticleLayout.FromBounds(text, MemoryMarshal.Cast<byte, int>(r.Bytes(checked(boundsLength * sizeof(int)))).ToArray()) ?? throw new FormatException("bad layout");
        int words = r.Int32();
        return new Article(id, pathFile, title, source, dateline, published, basis, evidence, text, url, extra)
        {
            RowPath = label is null ? new RowPath(pathFile) : new RowPath(pathFile, label, number),
            TitleBasis = titleBasis,
            SourceEvidence = sourceEvidence,
            Captions = captions,
            Layout = layout,
            Words = words,
        };
    }

    // ReadBody's checks without making anything: every string, code and length, and the layout against the text's length
    // (so an entry that skims is one that decodes whole: CorpusArticles decodes it when an article is first read).
    private static void SkipBody(ref EntryReader r)
    {
        if (r.Byte() switch { 0 => false, 1 => true, _ => throw new FormatException("bad path") }) r.SkipReq();
        SkipCode(ref r, RowLabels, required: false);
        r.Int32();
        r.SkipReq();
        r.SkipStr(); r.SkipStr();
        if (r.Bool()) { r.Int64(); r.Byte(); }
        r.Int32();
        r.SkipStr();
        int textLength = r.SkipReq();
        r.SkipStr();
        int extraCount = r.Len();
        for (int i = 0; i < extraCount; i++) { r.SkipReq(); r.SkipStr(); }
        SkipCode(ref r, TitleBases, required: true);
        r.SkipStr();
        int captionCount = r.Len();
        for (int i = 0; i < captionCount; i++) r.SkipReq();
        int boundsLength = r.Int32();
        if (boundsLength >= 0 && !ArticleLayout.Fits(textLength, MemoryMarshal.Cast<byte, int>(r.Bytes(checked(boundsLength * sizeof(int)))))) throw new FormatException("bad layout");
        r.Int32();
    }

    private static void SkipCode(ref EntryReader r, string[] known, bool required)
    {
        int k = r.Byte();
        if (k == 0) { if (required) r.SkipReq(); else r.SkipStr(); }
        else if (k > known.Length) throw new FormatException("bad code");
    }

    // Strings exactly as they are: UTF-8 when the string has no surrogate (UTF-8 would replace a lone one), else UTF-16
    // units; each with its length in bytes (UTF-8) or units (UTF-16) as a 32-bit number.
    internal static void Str(BinaryWriter w, string? s)
    {
        if (s is null) { w.Write((byte)0); return; }
        if (s.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
        {
            w.Write((byte)1);
            int length = Encoding.UTF8.GetByteCount(s);
            w.Write(length);
            if (length <= 512)
            {
                Span<byte> bytes = stackalloc byte[length];
                Encoding.UTF8.GetBytes(s, bytes);
                w.Write(bytes);
            }
            else w.Write(Encoding.UTF8.GetBytes(s));
            return;
        }
        w.Write((byte)2);
        w.Write(s.Length);
        w.Write(MemoryMarshal.AsBytes(s.AsSpan()));
    }

    /// <summary>
    /// Reads what <c>Str(BinaryWriter, string?)</c> and a BinaryWriter's numbers wrote, from a span (no stream, no
    /// copy but the strings and arrays made). Every count is checked against the bytes left: a cut or damaged entry
    /// throws <see cref="FormatException"/>, never passes for a whole one.
    /// </summary>
    internal ref struct EntryReader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> data = data;
        private int position;

        public readonly int Position => position;

        public readonly bool AtEnd => position == data.Length;

        public ReadOnlySpan<byte> Bytes(int count)
        {
            if (count < 0 || count > data.Length - position) throw new FormatException("entry cut short");
            var span = data.Slice(position, count);
            position += count;
            return span;
        }

        public void Skip(int count) => Bytes(count);

        public byte Byte() => Bytes(1)[0];

        public bool Bool() => Byte() switch { 0 => false, 1 => true, _ => throw new FormatException("bad boolean") };

        public int Int32() => System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(Bytes(4));

        public long Int64() => System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(Bytes(8));

        // A count or length: never negative, never more than the bytes left.
        public int Len()
        {
            int n = Int32();
            return n >= 0 && n <= data.Length - position ? n : throw new FormatException("bad length");
        }

        public string? Str() => Byte() switch
        {
            0 => null,
            1 => Utf8(),
            2 => new string(MemoryMarshal.Cast<byte, char>(Bytes(checked(Len() * 2)))),
            var b => throw new FormatException($"bad string marker {b}"),
        };

        /// <summary>As <see cref="Str()"/>, a UTF-8 string of at most 64 bytes taken from <paramref name="pool"/> (added when new, up to 1,024 of them).</summary>
        public string? Str(Dictionary<string, string> pool)
        {
            if (data.Length - position < 5 || data[position] != 1) return Str();
            int length = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(data.Slice(position + 1, 4));
            if (length is < 0 or > 64) return Str();
            position += 5;
            var bytes = Bytes(length);
            Span<char> chars = stackalloc char[64];
            int n = Encoding.UTF8.GetChars(bytes, chars);
            if (pool.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(chars[..n], out var pooled)) return pooled;
            var made = new string(chars[..n]);
            if (pool.Count < 1024) pool[made] = made;
            return made;
        }

        // A string the layout never leaves null: a null one means the entry is not one this code wrote.
        public string Req() => Str() ?? throw new FormatException("null where a string is required");

        /// <summary>What <see cref="Str()"/> reads, undecoded: the marker (0 null, 1 UTF-8, 2 UTF-16 units) and the bytes.</summary>
        public ReadOnlySpan<byte> StrBytes(out byte marker)
        {
            marker = Byte();
            return marker switch
            {
                0 => [],
                1 => Bytes(Len()),
                2 => Bytes(checked(Len() * 2)),
                var b => throw new FormatException($"bad string marker {b}"),
            };
        }

        /// <summary>Skips what <see cref="Str()"/> reads (checked alike); returns the string's length in chars (-1 for null).</summary>
        public int SkipStr()
        {
            switch (Byte())
            {
                case 0: return -1;
                case 1:
                    var bytes = Bytes(Len());
                    return System.Text.Ascii.IsValid(bytes) ? bytes.Length : Encoding.UTF8.GetCharCount(bytes);
                case 2: { int n = Len(); Bytes(checked(n * 2)); return n; }
                case var b: throw new FormatException($"bad string marker {b}");
            }
        }

        /// <summary>Skips what <see cref="Req"/> reads; returns the string's length in chars.</summary>
        public int SkipReq()
        {
            int n = SkipStr();
            return n >= 0 ? n : throw new FormatException("null where a string is required");
        }

        private string Utf8()
        {
            var bytes = Bytes(Len());
            return bytes.Length == 0 ? "" : Encoding.UTF8.GetString(bytes);
        }
    }
}

/// <summary>
/// The word counts of one part of a corpus (one input file), compact: its distinct lower-cased words joined by NUL (words
/// are letter runs) and two bytes per word, its count and lower-case count saturated at <see cref="CorpusVocabulary.Saturation"/>.
/// </summary>
internal sealed record VocabularyPart(string Words, byte[] Counts)
{
    /// <summary>No words.</summary>
    public static VocabularyPart Empty { get; } = new("", []);

    /// <summary>Whether there are two counts per word.</summary>
    public bool IsWellFormed => Counts.Length == (Words.Length == 0 ? 0 : 2 * (Words.AsSpan().Count('\0') + 1));
}

/// <summary>One answer the corpus vocabulary gave the glued-word repair: the (lower-cased) word, which count, and the value.</summary>
internal readonly record struct VocabularyAnswer(string Word, bool Lower, int Value);

internal sealed partial class CorpusVocabulary
{
    /// <summary>The most a count answers (the repair compares counts with 1 and 2 only).</summary>
    internal const int Saturation = 2;

    /// <summary>
    /// When set (on the thread cleaning one article), every answer <see cref="Count"/> and <see cref="LowerCount"/>
    /// give is added to it: the corpus cache keeps them to tell whether a new corpus would clean the article the same way.
    /// Thread-static because articles are cleaned in parallel with one shared repair.
    /// </summary>
    [ThreadStatic]
    internal static List<VocabularyAnswer>? Log;

    private int Answer(ReadOnlySpan<char> word, bool lower)
    {
        Span<char> buffer = stackalloc char[LowerCase.Max];
        var key = LowerCase.Of(word, buffer);
        int n = counts.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var c) ? Math.Min(lower ? c.Lower : c.All, Saturation) : 0;
        Log?.Add(new VocabularyAnswer(key.ToString(), lower, n));
        return n;
    }

    /// <summary>Whether this vocabulary gives <paramref name="answer"/> again.</summary>
    internal bool Answers(VocabularyAnswer answer) => Answer(answer.Word, answer.Lower) == answer.Value;

    /// <summary>This vocabulary as a part of a corpus's: its words and their counts, saturated (see <see cref="VocabularyPart"/>).</summary>
    internal VocabularyPart Part()
    {
        var words = new StringBuilder();
        var saturated = new byte[counts.Count * 2];
        int i = 0;
        foreach (var (word, n) in counts)
        {
            if (i > 0) words.Append('\0');
            words.Append(word);
            saturated[2 * i] = (byte)Math.Min(n.All, Saturation);
            saturated[2 * i + 1] = (byte)Math.Min(n.Lower, Saturation);
            i++;
        }
        return new VocabularyPart(words.ToString(), saturated);
    }

    /// <summary>
    /// The vocabulary of a corpus made of <paramref name="parts"/>: their counts added up. Counts saturated per part
    /// give the same answers as the whole's exact counts, since min(a + b, 2) = min(min(a, 2) + min(b, 2), 2).
    /// </summary>
    internal static CorpusVocabulary Sum(IEnumerable<VocabularyPart> parts)
    {
        var result = new CorpusVocabulary();
        var lookup = result.counts.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var part in parts)
        {
            var words = part.Words.AsSpan();
            for (int i = 0; i < part.Counts.Length / 2; i++)
            {
                int end = words.IndexOf('\0');
                ref var total = ref CollectionsMarshal.GetValueRefOrAddDefault(lookup, end < 0 ? words : words[..end], out _);
                total.All += part.Counts[2 * i];
                total.Lower += part.Counts[2 * i + 1];
                words = end < 0 ? [] : words[(end + 1)..];
            }
        }
        return result;
    }
}

/// <summary>
/// The rules as JSON for the corpus cache's options key, by code generated at build time: the reflection serializer
/// spent ~80 ms learning the rules' types on every run (a warm <c>news</c> process takes ~1 s). Same text as the
/// reflection serializer writes (tested).
/// </summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(CorpusRules))]
internal sealed partial class CorpusRulesJson : System.Text.Json.Serialization.JsonSerializerContext;
