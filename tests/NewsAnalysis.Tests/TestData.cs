namespace NewsAnalysis.Tests;

/// <summary>Paths to the repository's data, found from the test binary's folder.</summary>
internal static class TestData
{
    /// <summary>The repository root (the folder holding Analysis.sln).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The seed articles under data/articles.</summary>
    public static string Articles => Path.Combine(Root, "data", "articles");

    /// <summary>The BBC evaluation set beside the repository (../shared/eval/bbc/bbc-news.csv), or null when absent.</summary>
    public static string? BbcCsv
    {
        get
        {
            var p = Path.GetFullPath(Path.Combine(Root, "..", "shared", "eval", "bbc", "bbc-news.csv"));
            return File.Exists(p) ? p : null;
        }
    }

    /// <summary>The seed corpus, loaded once per test run.</summary>
    public static NewsCorpus Seeds => seeds.Value;

    /// <summary>The seed article whose id starts with <paramref name="prefix"/> (e.g. "003").</summary>
    public static Article Seed(string prefix) => Seeds.Articles.Single(a => a.Id.StartsWith(prefix, StringComparison.Ordinal));

    private static readonly Lazy<NewsCorpus> seeds = new(() => Corpus.Load(Articles));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Analysis.sln"))) return dir.FullName;
        throw new InvalidOperationException("Analysis.sln not found above " + AppContext.BaseDirectory);
    }
}
