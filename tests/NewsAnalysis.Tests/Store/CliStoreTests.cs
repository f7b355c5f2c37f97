using System.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace NewsAnalysis.Tests;

public sealed class CliStoreTests(ITestOutputHelper output) : TempFolderTest
{
    private string CopySeeds()
    {
        var data = Path.Combine(Root, "data");
        Directory.CreateDirectory(data);
        foreach (var file in Directory.GetFiles(TestData.Articles)) File.Copy(file, Path.Combine(data, Path.GetFileName(file)));
        return data;
    }

    [Fact]
    public void A_deleted_file_disappears_from_the_results_and_from_the_store()
    {
        var data = CopySeeds();
        var cache = Path.Combine(Root, "cache");
        string[] Args(params string[] more) => ["sentiment", "--level", "article", "--format", "csv", "--data", data, .. more];
        var first = CliRunner.Run(Args("--cache", cache));
        Assert.Equal((0, ""), (first.Exit, first.Err));
        Assert.Equal(first.Out, CliRunner.Run(Args("--no-cache")).Out);

        var deleted = Directory.GetFiles(data).Order(StringComparer.Ordinal).First();
        var id = Path.GetFileNameWithoutExtension(deleted);
        Assert.Contains(id, first.Out);
        File.Delete(deleted);
        var second = CliRunner.Run(Args("--cache", cache));
        Assert.Equal(0, second.Exit);
        Assert.DoesNotContain(id, second.Out);
        Assert.Equal(CliRunner.Run(Args("--no-cache")).Out, second.Out);
        using var store = ArticleResultStore.Open(cache);
        Assert.Equal(Directory.GetFiles(data).Length, store.StoredCounts()["sentiment"]);
    }

    // A data path that does not exist is one clear error naming it, and no result store is made for it (the store is
    // opened while the corpus loads: StoreOptions.OpenAhead and Run both check the path first).
    [Theory]
    [InlineData("sentiment")]
    [InlineData("entities")]
    [InlineData("timeline")]
    [InlineData("topics")]
    public void A_missing_data_path_makes_no_result_store(string verb)
    {
        var cache = Path.Combine(Root, "cache");
        var (exit, _, stderr) = CliRunner.RunProcess(verb, "--data", Path.Combine(Root, "no-such.csv"), "--cache", cache);
        Assert.Equal(2, exit);
        Assert.Contains("no-such.csv", stderr);
        Assert.False(Directory.Exists(cache), $"news {verb} made a result store for a data path that does not exist");
    }

    // news topics loads the corpus with the store in effect, like the per-article verbs: a rerun reads unchanged files
    // from the corpus cache (it had loaded cold every time).
    [Fact]
    public void News_topics_keeps_the_corpus_in_the_corpus_cache()
    {
        var data = CopySeeds();
        var cache = Path.Combine(Root, "cache");
        var first = CliRunner.RunProcess("topics", "--data", data, "--cache", cache, "--k", "2", "--format", "csv");
        Assert.True(first.Exit == 0, first.Err);
        Assert.Equal(Directory.GetFiles(data).Length, CorpusCache.StoredPaths(Path.Combine(cache, CorpusCache.FolderName)).Count);
        var second = CliRunner.RunProcess("topics", "--data", data, "--cache", cache, "--k", "2", "--format", "csv");
        Assert.Equal(first.Out, second.Out);
    }

    [Fact]
    public void The_cache_folder_defaults_outside_the_data_and_no_cache_writes_none()
    {
        var data = CopySeeds();
        var before = Directory.GetFileSystemEntries(data).Length;
        var run = CliRunner.Run("timeline", "--format", "csv", "--data", data, "--no-cache");
        Assert.Equal(0, run.Exit);
        Assert.False(Directory.Exists(ArticleResultStore.DefaultFolder(data)));
        Assert.Equal(before, Directory.GetFileSystemEntries(data).Length);
    }

    [Fact]
    public void No_cache_wins_over_the_NEWSANALYSIS_CACHE_variable()
    {
        // A child process, so the variable is its own: set for the whole run, as a notebook user would set it.
        var data = CopySeeds();
        var named = Path.Combine(Root, "named-by-variable");
        var run = MeasuredProcess.Run("dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, "news.dll"), "sentiment", "--level", "article", "--format", "csv", "--data", data, "--no-cache"],
            TestData.Root, TimeSpan.FromMinutes(2), new Dictionary<string, string> { [ArticleResultStore.EnvironmentVariable] = named });
        Assert.Equal((0, ""), (run.Exit, run.Err));
        Assert.Contains("Compound", run.Out);
        Assert.False(Directory.Exists(named), $"--no-cache still opened the store named by {ArticleResultStore.EnvironmentVariable}: {named}");
    }

    [Fact]
    public async Task A_run_killed_at_any_moment_leaves_the_store_consistent_and_the_next_run_finishes_the_work()
    {
        // The BBC set as one CSV (2,225 articles): long enough to be killed while it analyses and commits.
        var data = Path.Combine(Root, "data");
        Directory.CreateDirectory(data);
        File.Copy(TestData.BbcCsv ?? throw new InvalidOperationException("../shared/eval/bbc/bbc-news.csv is missing"), Path.Combine(data, "bbc.csv"));
        var cache = Path.Combine(Root, "cache");
        string[] Args(string cacheFolder) => ["entities", "--mentions", "--format", "csv", "--data", data, "--cache", cacheFolder];
        var expected = CliRunner.Run(["entities", "--mentions", "--format", "csv", "--data", data, "--no-cache"]);
        Assert.Equal(0, expected.Exit);

        int total = Corpus.Load(data).Articles.Select(a => Convert.ToHexString(AnalysisVersions.Fingerprint(a))).Distinct().Count();

        // Each run is killed (SIGKILL) as soon as the store's write-ahead log grows, i.e. just after it committed a batch
        // and while it analyses the next; the next run starts from what the killed one left. The log is watched from a
        // loop of its own that sleeps 2 ms (not awaited delays: under a loaded test run the thread pool answered so late
        // that a run had committed every batch before it was killed). A round whose kills all landed after the last
        // batch proves nothing and is started again from an empty store, up to three rounds.
        var wal = Path.Combine(cache, ArticleResultStore.FileName + ".wal");
        var partial = new List<long>();
        for (int round = 0; round < 3 && partial.Count < 2; round++)
        {
            if (Directory.Exists(cache)) Directory.Delete(cache, recursive: true);
            partial.Clear();
            for (int run = 0; run < 6; run++)
            {
                long walBefore = File.Exists(wal) ? new FileInfo(wal).Length : 0;
                using var process = CliRunner.StartProcess(TestData.Root, Args(cache));
                var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
                bool killed = false;
                var deadline = DateTime.UtcNow.AddMinutes(2);
                while (!process.HasExited && DateTime.UtcNow < deadline)
                {
                    if (File.Exists(wal) && new FileInfo(wal).Length > walBefore) { process.Kill(entireProcessTree: true); killed = true; break; }
                    Thread.Sleep(2);
                }
                await process.WaitForExitAsync();
                await drain;
                using var store = ArticleResultStore.Open(cache);   // opens and reads: consistent
                long stored = store.StoredCounts().GetValueOrDefault("entities");
                output.WriteLine($"round {round + 1}, run {run + 1}: {(killed ? "killed" : "finished")}, {stored} of {total} articles stored");
                Assert.InRange(stored, 0, total);
                if (!killed) break;
                if (stored > 0 && stored < total) partial.Add(stored);
            }
        }
        Assert.True(partial.Count >= 2, $"only {partial.Count} run(s) were killed with part of the work stored");
        Assert.Equal(partial.Order(), partial);   // every killed run kept its committed batches and added to them
        var finished = await CliRunner.RunProcessAsync(Args(cache));
        Assert.Equal((0, expected.Out), (finished.Exit, finished.Out));
        using var after = ArticleResultStore.Open(cache);
        Assert.Equal(total, after.StoredCounts()["entities"]);
    }
}
