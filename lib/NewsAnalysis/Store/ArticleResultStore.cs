using Microsoft.Data.Analysis;
using System.Security.Cryptography;
using System.Text;
using DuckDB.NET.Data;

namespace NewsAnalysis;

/// <summary>How many articles an analysis took from the store and how many it computed, in one call.</summary>
/// <param name="Analysis">The analysis (<c>sentiment</c>, <c>entities</c>, <c>timeline</c>).</param>
/// <param name="Reused">Articles whose results were read from the store.</param>
/// <param name="Computed">Articles analysed now (and stored).</param>
public sealed record ArticleStoreCounts(string Analysis, int Reused, int Computed)
{
    /// <summary>Time spent fingerprinting the articles and making their keys.</summary>
    public TimeSpan KeyTime { get; init; }

    /// <summary>Time spent reading the stored results and decoding those reused.</summary>
    public TimeSpan ReadTime { get; init; }

    /// <summary>Time spent analysing the new articles and committing their results.</summary>
    public TimeSpan ComputeTime { get; init; }
}

/// <summary>
/// An embedded store of per-article results (DuckDB, one file <c>results.duckdb</c> in a cache folder): sentence
/// sentiment, entity mentions and timeline events, each kept under a key made of the analysis's version (code version,
/// lexicon or gazetteer digest, options) and the article's fingerprint (cleaned text and sentences, see
/// <see cref="AnalysisVersions"/>). A rerun analyses only the articles whose key is new, so adding or editing a few
/// articles, or editing the gazetteer (entities only), recomputes only what changed; the results are those of a cold
/// run. New results are committed in batches, each in one transaction: a run killed at any moment leaves the committed
/// batches, and the next run finishes the rest.
/// </summary>
/// <remarks>
/// While a store is <see cref="Current"/> (see <see cref="Use"/>, or the <c>NEWSANALYSIS_CACHE</c> environment
/// variable naming a cache folder), <see cref="SentimentAnalysis.ScoreSentences"/>, <see cref="EntityRecognizer.Recognize(NewsCorpus)"/>
/// and <see cref="TimelineEvents.FromCorpus"/> read and fill it, so every frame built on them (paragraph and article
/// sentiment, entity counts, chronologies) uses it unchanged.
/// </remarks>
public sealed partial class ArticleResultStore : IDisposable
{
    /// <summary>The database file inside the cache folder.</summary>
    public const string FileName = "results.duckdb";

    /// <summary>The environment variable naming a cache folder that the analyses use when no store is <see cref="Use"/>d.</summary>
    public const string EnvironmentVariable = "NEWSANALYSIS_CACHE";

    private const string SchemaVersion = "1";
    // The store chosen with Use in this flow of execution: null when nothing was chosen (NEWSANALYSIS_CACHE then
    // applies), a choice holding null when a run chose no store (--no-cache wins over the variable).
    private static readonly AsyncLocal<Choice?> Scoped = new();

    private sealed record Choice(ArticleResultStore? Store);
    private static readonly Dictionary<string, SharedDatabase> Open_ = new(StringComparer.Ordinal);
    private readonly SharedDatabase database;
    private readonly List<ArticleStoreCounts> counts = [];
    private readonly Dictionary<string, HashSet<UInt128>> used = new(StringComparer.Ordinal);   // per analysis, the result keys used (ResultKeys.Value)
    private bool disposed;

    // One folder's database, shared by the stores of this process; opened now or on another thread (Open's background).
    private sealed class SharedDatabase(Task<DuckDBConnection> opening)
    {
        /// <summary>The open connection, waiting for the opening; throws what the opening threw (the store in use, of another version).</summary>
        public DuckDBConnection Connection => opening.GetAwaiter().GetResult();
        public int References;
        public readonly object Gate = new();

        /// <summary>Whether the database opened (waiting for the opening).</summary>
        public bool Opened
        {
            get
            {
                try { opening.Wait(); }
                catch (AggregateException) { }
                return opening.IsCompletedSuccessfully;
            }
        }

        public void Close()
        {
            if (Opened) opening.Result.Dispose();   // one that never opened was reported to whoever used it
        }
    }

    private ArticleResultStore(string folder, SharedDatabase database)
    {
        Folder = folder;
        this.database = database;
    }

    /// <summary>The cache folder.</summary>
    public string Folder { get; }

    /// <summary>
    /// Whether disposing the store drops the stored results of each analysis it ran that none of its calls used (results
    /// of deleted or edited articles, or of an older version), keeping the store the size of the corpus (see
    /// <see cref="PruneUnused"/>). Default true; turn it off when several corpora or shards share one folder.
    /// </summary>
    public bool Prune { get; set; } = true;

    /// <summary>Most articles analysed and committed per transaction (a tenth of the work, at least 100, up to this). Default 2,000.</summary>
    public int BatchSize { get; set; } = 2000;

    /// <summary>What each call since the store was opened reused and computed, in order.</summary>
    public IReadOnlyList<ArticleStoreCounts> Counts { get { lock (counts) return counts.ToList(); } }

    /// <summary>
    /// The default cache folder of a data path: <c>$XDG_CACHE_HOME/newsanalysis/&lt;digest of the full path&gt;</c>
    /// (<c>~/.cache</c> when XDG_CACHE_HOME is unset; the local application data folder on Windows). Kept outside the
    /// data, so the store is never read as an article and the data folder stays read-only.
    /// </summary>
    public static string DefaultFolder(string dataPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataPath);
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataPath));
        var root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg
            : OperatingSystem.IsWindows() ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData)
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(full)))[..16].ToLowerInvariant();
        return Path.Combine(root, "newsanalysis", digest);
    }

    /// <summary>
    /// Opens (creating if needed) the store in <paramref name="folder"/>. Stores of one folder opened in one process
    /// share one database; another process holding it is waited for up to <paramref name="lockWait"/> (default 30 s).
    /// </summary>
    /// <exception cref="IOException">When the folder cannot be created, the file is not a store, or another process keeps it locked.</exception>
    public static ArticleResultStore Open(string folder, TimeSpan? lockWait = null) => Open(folder, lockWait, background: false);

    /// <summary>
    /// <see cref="Open(string, TimeSpan?)"/>, the database opened on another thread when <paramref name="background"/>
    /// (loading DuckDB and opening the file overlap what the caller does first, such as loading the corpus): what the
    /// opening throws is thrown by the first use of the database, or by <see cref="WaitOpen"/>.
    /// </summary>
    public static ArticleResultStore Open(string folder, TimeSpan? lockWait, bool background)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var full = Path.GetFullPath(folder);
        lock (Open_)
        {
            if (!Open_.TryGetValue(full, out var shared))
            {
                try { Directory.CreateDirectory(full); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new IOException($"cannot create the cache folder '{full}': {e.Message}", e);
                }
                var file = Path.Combine(full, FileName);
                var wait = lockWait ?? TimeSpan.FromSeconds(30);
                shared = new SharedDatabase(background ? Task.Run(() => Connect(file, wait)) : Task.FromResult(Connect(file, wait)));
                Open_[full] = shared;
            }
            shared.References++;
            return new ArticleResultStore(full, shared);
        }
    }

    private static DuckDBConnection Connect(string file, TimeSpan lockWait)
    {
        var deadline = DateTime.UtcNow + lockWait;
        while (true)
        {
            var connection = new DuckDBConnection($"Data Source={file}");
            try
            {
                connection.Open();
                // A store this code made says so in one read; only a new (or unfinished) one is set up: the four set-up
                // statements run on every open took ~35 ms of a warm run's CPU (sampled profile of news entities).
                if (Schema(connection) is not { } schema)
                {
                    Execute(connection, "CREATE TABLE IF NOT EXISTS results (analysis VARCHAR NOT NULL, key VARCHAR NOT NULL, payload BLOB NOT NULL)");
                    Execute(connection, "CREATE TABLE IF NOT EXISTS store_info (name VARCHAR PRIMARY KEY, value VARCHAR)");
                    Execute(connection, "CREATE TABLE IF NOT EXISTS models (name VARCHAR PRIMARY KEY, payload BLOB NOT NULL)");
                    Execute(connection, $"INSERT OR IGNORE INTO store_info VALUES ('schema', '{SchemaVersion}')");
                    schema = Schema(connection);
                }
                if (schema != SchemaVersion)
                    throw new IOException($"'{file}' is a result store of another version: delete the folder or choose another with --cache.");
                return connection;
            }
            catch (DuckDBException e)
            {
                connection.Dispose();
                bool locked = e.Message.Contains("lock", StringComparison.OrdinalIgnoreCase);
                if (!locked) throw new IOException($"cannot open the result store '{file}': {e.Message}", e);
                if (DateTime.UtcNow > deadline) throw new IOException($"the result store '{file}' is in use by another process (use another --cache or --no-cache).", e);
                Thread.Sleep(200);
            }
        }
    }

    // The store's schema version; null when the store has none yet (no store_info table, or no schema row in it).
    private static string? Schema(DuckDBConnection connection)
    {
        using var check = connection.CreateCommand();
        check.CommandText = "SELECT count(*) FROM information_schema.tables WHERE table_name = 'store_info' AND table_schema = 'main'";
        if (Convert.ToInt64(check.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0) return null;
        check.CommandText = "SELECT value FROM store_info WHERE name = 'schema'";
        return check.ExecuteScalar() as string;
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Waits until the database is open (see <see cref="Open(string, TimeSpan?, bool)"/>); throws what opening it threw.</summary>
    public void WaitOpen() => _ = database.Connection;

    /// <summary>The store the analyses use now: the one given to <see cref="Use"/> in this flow of execution, else none.</summary>
    public static ArticleResultStore? Current => Scoped.Value?.Store;

    /// <summary>
    /// Makes <paramref name="store"/> the <see cref="Current"/> one until the returned scope is disposed (null: none,
    /// for a run without the cache, even when <c>NEWSANALYSIS_CACHE</c> names one).
    /// </summary>
    public static IDisposable Use(ArticleResultStore? store)
    {
        var previous = Scoped.Value;
        Scoped.Value = new Choice(store);
        return new Scope(() => Scoped.Value = previous);
    }

    private sealed class Scope(Action end) : IDisposable
    {
        private Action? end = end;
        public void Dispose() { end?.Invoke(); end = null; }
    }

    /// <summary>
    /// Runs <paramref name="withStore"/> with the store in effect: the one given to <see cref="Use"/> (none when it was
    /// given null), else the folder named by <c>NEWSANALYSIS_CACHE</c> (opened for this call, never pruned), else
    /// <paramref name="without"/>.
    /// </summary>
    internal static T WithCurrent<T>(Func<ArticleResultStore, T> withStore, Func<T> without)
    {
        if (Scoped.Value is { } choice) return choice.Store is { } store ? withStore(store) : without();
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is not { Length: > 0 } folder) return without();
        using var opened = Open(folder);
        opened.Prune = false;
        return withStore(opened);
    }

    /// <summary>Every sentence of <paramref name="corpus"/> scored (as <see cref="SentimentAnalysis.ScoreSentences"/>), reusing stored scores.</summary>
    public IReadOnlyList<SentenceSentiment> ScoreSentences(NewsCorpus corpus, VaderSentimentAnalyzer? analyzer = null)
    {
        analyzer ??= VaderSentimentAnalyzer.Default;
        return Cached(corpus, "sentiment", AnalysisVersions.Sentiment(analyzer), _ => null,
            a => a.Sentences.Select(s => new SentenceSentiment(a.Id, s.Index, s.Paragraph, s.Text, analyzer.Score(s.Text))).ToList(),
            ArticleResultCodecs.WriteSentiment, ArticleResultCodecs.ReadSentiment);
    }

    /// <summary>The mentions in every article of <paramref name="corpus"/> (as <see cref="EntityRecognizer.Recognize(NewsCorpus)"/>), reusing stored ones.</summary>
    public IReadOnlyList<EntityMention> Recognize(NewsCorpus corpus, EntityRecognizer recognizer)
    {
        ArgumentNullException.ThrowIfNull(recognizer);
        return Cached(corpus, "entities", AnalysisVersions.Entities(recognizer), _ => null, recognizer.Recognize,
            ArticleResultCodecs.WriteMentions, ArticleResultCodecs.ReadMentions);
    }

    /// <summary>The events of every article of <paramref name="corpus"/> (as <see cref="TimelineEvents.FromCorpus"/>), reusing stored ones.</summary>
    public IReadOnlyList<TimelineEvent> Events(NewsCorpus corpus, DateTime? fallbackAnchor = null)
    {
        return Cached(corpus, "timeline", AnalysisVersions.Timeline, a => Anchor(a, fallbackAnchor)?.ToBinary().ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none",
            a => TimelineEvents.FromArticle(a, Anchor(a, fallbackAnchor)).ToList(),
            ArticleResultCodecs.WriteEvents, ArticleResultCodecs.ReadEvents);
    }

    private static DateTime? Anchor(Article a, DateTime? fallback) => a.Published ?? fallback;

    // The per-article cache: keys, one read of the analysis's stored results, the missing articles analysed in
    // parallel batches each committed in one transaction, then (Prune) the unused results dropped.
    private List<T> Cached<T>(NewsCorpus corpus, string analysis, string version, Func<Article, string?> extraKey,
        Func<Article, List<T>> compute, Action<BinaryWriter, List<T>> write, ArticleResultRowsReader<T> read)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ObjectDisposedException.ThrowIf(disposed, this);
        var articles = corpus.Articles;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        TimeSpan keyTime, readTime;
        var keys = new string[articles.Count];
        var versionBytes = Encoding.UTF8.GetBytes(version + "\n");
        Parallel.For(0, articles.Count, i => keys[i] = Key(versionBytes, AnalysisVersions.Fingerprint(articles[i]), extraKey(articles[i])));
        var results = new List<T>?[articles.Count];
        int reused = 0;
        keyTime = clock.Elapsed;
        lock (database.Gate)
        {
            var stored = Load(analysis, keys);
            var missing = new List<int>();
            var firstOfKey = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < articles.Count; i++)
            {
                if (stored.ContainsKey(keys[i])) reused++;
                else if (firstOfKey.TryAdd(keys[i], i)) missing.Add(i);
            }
            Parallel.For(0, articles.Count, i =>
            {
                if (stored.TryGetValue(keys[i], out var payload)) results[i] = Decode(payload, articles[i], read);
            });
            readTime = clock.Elapsed - keyTime;
            var computedPayloads = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            // Tenths of the work, between 100 articles and BatchSize: a killed run loses little, commits stay few.
            int size = Math.Clamp(missing.Count / 10, Math.Min(100, BatchSize), BatchSize);
            for (int start = 0; start < missing.Count; start += size)
            {
                var batch = missing.GetRange(start, Math.Min(size, missing.Count - start));
                var payloads = new byte[batch.Count][];
                Parallel.For(0, batch.Count, b =>
                {
                    var article = articles[batch[b]];
                    results[batch[b]] = compute(article);
                    payloads[b] = Encode(results[batch[b]]!, write);
                });
                Commit(analysis, batch.Select(i => keys[i]).ToList(), payloads);
                for (int b = 0; b < batch.Count; b++) computedPayloads[keys[batch[b]]] = payloads[b];
            }
            // An article with the same text and sentences as an earlier one of this run: decoded from its results.
            for (int i = 0; i < articles.Count; i++)
                results[i] ??= Decode(computedPayloads[keys[i]], articles[i], read);
            var usedKeys = Used(analysis);
            foreach (var key in keys) usedKeys.Add(ResultKeys.Value(key));
            KeyRecorder.Value?.Add((analysis, keys));
            lock (counts) counts.Add(new ArticleStoreCounts(analysis, reused, missing.Count) { KeyTime = keyTime, ReadTime = readTime, ComputeTime = clock.Elapsed - keyTime - readTime });
        }
        var all = new List<T>(results.Sum(r => r!.Count));
        foreach (var r in results) all.AddRange(r!);
        return all;
    }

    // SHA-256 of version, fingerprint and extra one after the other, in one call on a stack buffer (the digest an
    // IncrementalHash fed the three gives, without a native hash object per article).
    private static string Key(byte[] version, byte[] fingerprint, string? extra)
    {
        int length = version.Length + fingerprint.Length + (extra is null ? 0 : Encoding.UTF8.GetByteCount(extra));
        Span<byte> buffer = length <= 1024 ? stackalloc byte[length] : new byte[length];
        version.CopyTo(buffer);
        fingerprint.CopyTo(buffer[version.Length..]);
        if (extra is not null) Encoding.UTF8.GetBytes(extra, buffer[(version.Length + fingerprint.Length)..]);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer, hash);
        return Convert.ToHexString(hash[..16]);
    }

    private static byte[] Encode<T>(List<T> rows, Action<BinaryWriter, List<T>> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true)) write(writer, rows);
        return buffer.ToArray();
    }

    private static List<T> Decode<T>(byte[] payload, Article article, ArticleResultRowsReader<T> read)
    {
        var reader = new ArticleResultReader(payload);
        return read(ref reader, article);
    }

    // The stored results of keys: every result of the analysis read when the keys are many (one scan), else only those
    // asked for, through a temporary table of the keys (a segment of 1,000 new articles read 100,000 results: 0.5 s).
    private Dictionary<string, byte[]> Load(string analysis, string[] keys)
    {
        var stored = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using var command = database.Connection.CreateCommand();
        if (keys.Length > TargetedReadMost)
            command.CommandText = "SELECT key, payload FROM results WHERE analysis = $analysis";
        else
        {
            KeysTable("wanted_keys", keys);
            command.CommandText = "SELECT r.key, r.payload FROM results r JOIN wanted_keys w ON r.key = w.key WHERE r.analysis = $analysis";
        }
        command.Parameters.Add(new DuckDBParameter("analysis", analysis));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            using var blob = reader.GetStream(1);
            var bytes = new byte[blob.Length];
            blob.ReadExactly(bytes);
            stored.TryAdd(reader.GetString(0), bytes);
        }
        return stored;
    }

    private void Commit(string analysis, List<string> keys, byte[][] payloads)
    {
        using var transaction = database.Connection.BeginTransaction();
        using (var appender = database.Connection.CreateAppender("results"))
            for (int i = 0; i < keys.Count; i++)
                appender.CreateRow().AppendValue(analysis).AppendValue(keys[i]).AppendValue(payloads[i]).EndRow();
        transaction.Commit();
    }

    /// <summary>
    /// Drops the stored results of every analysis called since the store was opened (or since the last prune) that none
    /// of those calls used; analyses not called are left as they are. Returns how many results were dropped.
    /// </summary>
    public int PruneUnused()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        int dropped = 0;
        lock (database.Gate)
        {
            foreach (var (analysis, keys) in used) dropped += DeleteAllBut(analysis, keys);
            used.Clear();
            dropped += PruneSegments();
        }
        return dropped;
    }

    // A temporary table of keys (made afresh), filled through the appender, for a join with the results.
    private void KeysTable(string name, IEnumerable<string> keys)
    {
        Execute(database.Connection, $"CREATE OR REPLACE TEMP TABLE {name} (key VARCHAR)");
        using var appender = database.Connection.CreateAppender(name);
        foreach (var key in keys) appender.CreateRow().AppendValue(key).EndRow();
    }

    /// <summary>Most keys read through a temporary table of them; more are read by one scan of the analysis's results.</summary>
    private const int TargetedReadMost = 20_000;

    // Deletes the analysis's results whose key is not in keep, in one transaction; returns how many. A kept key is one
    // used this run, read or written, so normally a stored one: when the store holds no more results than keep, none is
    // stale and the delete (appending every kept key, 0.1-0.4 s for 100,000) is skipped. (Should a segment name keys
    // pruned by a run over another corpus in the same folder, a stale result may stay until a later run.)
    private int DeleteAllBut(string analysis, HashSet<UInt128> keep)
    {
        using (var count = database.Connection.CreateCommand())
        {
            count.CommandText = "SELECT count(*) FROM results WHERE analysis = $analysis";
            count.Parameters.Add(new DuckDBParameter("analysis", analysis));
            if (Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) <= keep.Count) return 0;
        }
        using var transaction = database.Connection.BeginTransaction();
        KeysTable("kept_keys", keep.Select(ResultKeys.Text));
        int deleted;
        using (var command = database.Connection.CreateCommand())
        {
            command.CommandText = "DELETE FROM results WHERE analysis = $analysis AND key NOT IN (SELECT key FROM kept_keys)";
            command.Parameters.Add(new DuckDBParameter("analysis", analysis));
            deleted = command.ExecuteNonQuery();
        }
        Execute(database.Connection, "DROP TABLE kept_keys");
        transaction.Commit();
        return deleted;
    }

    /// <summary>
    /// Keeps <paramref name="payload"/> (a whole fitted model, such as a <see cref="SavedTopicModel"/>) under
    /// <paramref name="name"/>, replacing the one kept before, in one transaction: a killed run leaves the old model or
    /// the new one, never a mix.
    /// </summary>
    public void SaveModel(string name, byte[] payload)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(payload);
        ObjectDisposedException.ThrowIf(disposed, this);
        lock (database.Gate)
        {
            // Delete, then append: a 4.6 MB blob bound as a statement parameter took 1.2 s, through the appender 0.6 s (measured once, under load).
            using var transaction = database.Connection.BeginTransaction();
            using (var command = database.Connection.CreateCommand())
            {
                command.CommandText = "DELETE FROM models WHERE name = $name";
                command.Parameters.Add(new DuckDBParameter("name", name));
                command.ExecuteNonQuery();
            }
            using (var appender = database.Connection.CreateAppender("models"))
                appender.CreateRow().AppendValue(name).AppendValue(payload).EndRow();
            transaction.Commit();
        }
    }

    /// <summary>The model kept under <paramref name="name"/> by <see cref="SaveModel"/>, or null.</summary>
    public byte[]? LoadModel(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ObjectDisposedException.ThrowIf(disposed, this);
        lock (database.Gate)
        {
            using var command = database.Connection.CreateCommand();
            command.CommandText = "SELECT payload FROM models WHERE name = $name";
            command.Parameters.Add(new DuckDBParameter("name", name));
            using var reader = command.ExecuteReader();
            if (!reader.Read()) return null;
            using var blob = reader.GetStream(0);
            var bytes = new byte[blob.Length];
            blob.ReadExactly(bytes);
            return bytes;
        }
    }

    private readonly List<CorpusCacheCounts> corpusLoads = [];

    /// <summary>What each corpus load with this store in effect reused from its corpus cache and what it read and cleaned, in order.</summary>
    public IReadOnlyList<CorpusCacheCounts> CorpusLoads { get { lock (corpusLoads) return corpusLoads.ToList(); } }

    internal void AddCorpusLoad(CorpusCacheCounts counts) { lock (corpusLoads) corpusLoads.Add(counts); }

    /// <summary>Stored results per analysis (rows of the store), for reports and tests.</summary>
    public IReadOnlyDictionary<string, long> StoredCounts()
    {
        lock (database.Gate)
        {
            using var command = database.Connection.CreateCommand();
            command.CommandText = "SELECT analysis, count(*) FROM results GROUP BY analysis ORDER BY analysis";
            using var reader = command.ExecuteReader();
            var result = new Dictionary<string, long>(StringComparer.Ordinal);
            while (reader.Read()) result[reader.GetString(0)] = reader.GetInt64(1);
            return result;
        }
    }

    /// <summary>Closes the store (the database closes when the last store of its folder in this process is disposed).</summary>
    public void Dispose()
    {
        if (disposed) return;
        if (Prune && database.Opened) PruneUnused();
        disposed = true;
        lock (Open_)
        {
            if (--database.References > 0) return;
            Open_.Remove(Folder);
            lock (database.Gate) database.Close();
        }
    }
}
