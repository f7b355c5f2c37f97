using System.CommandLine;

namespace NewsAnalysis.Cli;

/// <summary>The <c>--cache</c> and <c>--no-cache</c> options of the per-article verbs, and the store they open.</summary>
internal static class StoreOptions
{
    public static Option<DirectoryInfo?> Cache() => new("--cache")
    {
        Description = "Folder of the per-article result store (default: $XDG_CACHE_HOME/newsanalysis/<digest of the data path>, ~/.cache when unset). Unchanged articles are read from it, not analysed again.",
    };

    public static Option<string?> Shard()
    {
        var option = new Option<string?>("--shard")
        {
            Description = "Analyse shard i of n (i/n, e.g. 2/8): a deterministic partition of the articles by content hash; the n shards' outputs together are the whole run's. Give each shard process its own --cache.",
        };
        option.Validators.Add(result =>
        {
            try { if (result.GetValueOrDefault<string?>() is { } s) CorpusShard.Parse(s); }
            catch (FormatException e) { result.AddError("--" + e.Message); }
        });
        return option;
    }

    private static readonly AsyncLocal<CorpusShard?> CurrentShard = new();

    /// <summary>The corpus of the shard in effect (see <see cref="Run"/>), or <paramref name="corpus"/> itself.</summary>
    public static NewsCorpus ApplyShard(NewsCorpus corpus) => CurrentShard.Value is { } shard ? shard.Select(corpus) : corpus;

    public static Option<bool> NoCache() => new("--no-cache") { Description = "Analyse every article afresh, without reading or writing the result store." };

    /// <summary>
    /// Runs <paramref name="action"/> with the result store of the --data value in effect (see
    /// <see cref="ArticleResultStore.Use"/>), or without one for --no-cache.
    /// </summary>
    public static T Run<T>(ParseResult parse, Option<string> data, Option<DirectoryInfo?> cache, Option<bool> noCache, Func<T> action, Option<string?>? shard = null)
    {
        var chosen = shard is not null && parse.GetValue(shard) is { } s ? CorpusShard.Parse(s) : null;
        CurrentShard.Value = chosen;
        try
        {
            if (!UsesStore(parse, data, noCache)) { using (ArticleResultStore.Use(null)) return action(); }
            var folder = Folder(parse, data, cache);
            using var store = ArticleResultStore.Open(folder, lockWait: null, background: true);   // opened while the corpus loads
            store.Prune = chosen is null;   // a shard sees part of the corpus: it must not drop the others' results
            using (ArticleResultStore.Use(store)) return action();
        }
        finally { CurrentShard.Value = null; }
    }

    /// <summary>
    /// Starts opening the result store that <see cref="Run"/> will use (loading DuckDB's native library, opening or
    /// creating the file) on another thread, so that it overlaps what the verb does before <see cref="Run"/>, such as
    /// loading the corpus; <see cref="Run"/> then finds the database open (stores of one folder share it). Disposing the
    /// handle waits for the opening and lets this reference go. Null with --no-cache, or when the data path does not
    /// exist (no store is made for it; loading reports the path). A store that cannot be opened now (locked by another
    /// process, unreadable) is left to <see cref="Run"/>, which waits for it or reports it as before.
    /// </summary>
    public static IDisposable? OpenAhead(ParseResult parse, Option<string> data, Option<DirectoryInfo?> cache, Option<bool> noCache)
    {
        if (!UsesStore(parse, data, noCache)) return null;
        var folder = Folder(parse, data, cache);
        return new OpeningStore(Task.Run(() =>
        {
            try
            {
                var store = ArticleResultStore.Open(folder, lockWait: TimeSpan.Zero);
                store.Prune = false;   // this reference runs no analysis: nothing of its own to prune
                return store;
            }
            catch (IOException) { return null; }
        }));
    }

    // Not with --no-cache, and no store is made for a data path that does not exist: loading reports the path.
    private static bool UsesStore(ParseResult parse, Option<string> data, Option<bool> noCache) =>
        !parse.GetValue(noCache) && Path.Exists(CommonOptions.ResolveData(parse.GetValue(data)!));

    private sealed class OpeningStore(Task<ArticleResultStore?> opening) : IDisposable
    {
        public void Dispose() => opening.GetAwaiter().GetResult()?.Dispose();
    }

    /// <summary>The cache folder: --cache, else the default one of the data path.</summary>
    public static string Folder(ParseResult parse, Option<string> data, Option<DirectoryInfo?> cache) =>
        parse.GetValue(cache)?.FullName ?? ArticleResultStore.DefaultFolder(CommonOptions.ResolveData(parse.GetValue(data)!));
}
