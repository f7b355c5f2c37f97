using System.CommandLine;

namespace NewsAnalysis.Cli;

/// <summary>The <c>--cache</c> and <c>--no-cache</c> options of the per-article verbs, and the store they open.</summary>
internal static class StoreOptions
{
    public static Option<DirectoryInfo?> Cache() => new("--cache")
    {
        Description = "Folder of the per-article result store (default: $XDG_CACHE_HOME/newsanalysis/<digest of the data path>, ~/.cache when unset). Unchanged articles are read from it, not analysed again.",
    };

    public static Option<bool> NoCache() => new("--no-cache") { Description = "Analyse every article afresh, without reading or writing the result store." };

    /// <summary>
    /// Runs <paramref name="action"/> with the result store of the --data value in effect (see
    /// <see cref="ArticleResultStore.Use"/>), or without one for --no-cache.
    /// </summary>
    public static T Run<T>(ParseResult parse, Option<string> data, Option<DirectoryInfo?> cache, Option<bool> noCache, Func<T> action)
    {
        if (parse.GetValue(noCache)) { using (ArticleResultStore.Use(null)) return action(); }
        var folder = Folder(parse, data, cache);
        using var store = ArticleResultStore.Open(folder);
        using (ArticleResultStore.Use(store)) return action();
    }

    /// <summary>The cache folder: --cache, else the default one of the data path.</summary>
    public static string Folder(ParseResult parse, Option<string> data, Option<DirectoryInfo?> cache) =>
        parse.GetValue(cache)?.FullName ?? ArticleResultStore.DefaultFolder(CommonOptions.ResolveData(parse.GetValue(data)!));
}
