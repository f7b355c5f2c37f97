using Microsoft.Data.Analysis;
using Xunit;

namespace NewsAnalysis.Tests;

public sealed class ArticleResultStoreTests : TempFolderTest
{
    private static List<ArticleRecord> Bbc(int skip, int take) =>
        BbcSet.Read(TestData.BbcCsv ?? throw new InvalidOperationException("../shared/eval/bbc/bbc-news.csv is missing")).Skip(skip).Take(take).ToList();

    // Every frame built on the per-article analyses, with whatever store is current.
    private static Dictionary<string, DataFrame> Frames(NewsCorpus corpus, Gazetteer? gazetteer = null)
    {
        var entities = EntityAnalysis.Run(corpus, gazetteer);
        return new()
        {
            ["sentiment sentences"] = SentimentAnalysis.SentenceFrame(corpus),
            ["sentiment paragraphs"] = SentimentAnalysis.ParagraphFrame(corpus),
            ["sentiment articles"] = SentimentAnalysis.ArticleFrame(corpus),
            ["mentions"] = entities.MentionDetailFrame(),
            ["entity counts"] = entities.CountFrame(),
            ["entity pairs"] = entities.PairFrame(),
            ["events"] = TimelineEvents.Frame(corpus),
            ["events anchored"] = TimelineEvents.Frame(corpus, new DateTime(2005, 3, 1)),
        };
    }

    private static Dictionary<string, DataFrame> FramesWith(ArticleResultStore? store, NewsCorpus corpus, Gazetteer? gazetteer = null)
    {
        using (ArticleResultStore.Use(store)) return Frames(corpus, gazetteer);
    }

    private static void AssertSame(Dictionary<string, DataFrame> cold, Dictionary<string, DataFrame> cached)
    {
        foreach (var (name, frame) in cold) FrameAssert.Equal(frame, cached[name], name);
    }

    private static Dictionary<string, ArticleStoreCounts> Last(ArticleResultStore store, int calls) =>
        store.Counts.TakeLast(calls).GroupBy(c => c.Analysis).ToDictionary(g => g.Key, g => new ArticleStoreCounts(g.Key, g.Sum(c => c.Reused), g.Sum(c => c.Computed)));

    [Fact]
    public void A_warm_run_and_a_rerun_on_changed_articles_give_every_frame_of_a_cold_run()
    {
        var first = Corpus.FromRecords(Bbc(0, 300));
        using var store = ArticleResultStore.Open(Root);
        AssertSame(FramesWith(null, first), FramesWith(store, first));   // an empty store: all computed
        int callsPerRun = store.Counts.Count;
        Assert.All(store.Counts.DistinctBy(c => c.Analysis), c => Assert.Equal(0, c.Reused));   // each analysis's first call

        var warm = FramesWith(store, first);
        AssertSame(FramesWith(null, first), warm);
        Assert.All(Last(store, callsPerRun).Values, c => Assert.Equal(0, c.Computed));

        // 1% changed: one article deleted, one edited, two added.
        var records = Bbc(0, 300);
        records.RemoveAt(10);
        records[20] = records[20] with { Text = records[20].Text + "\n\nThe minister said on Tuesday that Russia welcomed the plan." };
        records.AddRange(Bbc(300, 2));
        var second = Corpus.FromRecords(records);
        Assert.Equal(0, store.PruneUnused());   // the first corpus used every stored result
        var cached = FramesWith(store, second);
        AssertSame(FramesWith(null, second), cached);
        Assert.DoesNotContain(first.Articles[10].Id, ((StringDataFrameColumn)cached["sentiment articles"].Columns["ArticleId"]).Cast<string>());
        // Computed now: exactly the articles whose text or sentences the store has not seen.
        var seen = first.Articles.Select(a => Convert.ToHexString(AnalysisVersions.Fingerprint(a))).ToHashSet();
        int fresh = second.Articles.Select(a => Convert.ToHexString(AnalysisVersions.Fingerprint(a))).Where(f => !seen.Contains(f)).Distinct().Count();
        Assert.InRange(fresh, 3, 10);
        Assert.Equal(fresh, Last(store, callsPerRun)["sentiment"].Computed);   // the first of the three sentiment frames computes them
        // Pruned: the store holds the second corpus's results only.
        Assert.True(store.PruneUnused() >= 2 * 2);   // the deleted and the edited article, in sentiment and entities at least
        var stored = store.StoredCounts();
        int distinct = second.Articles.Select(a => Convert.ToHexString(AnalysisVersions.Fingerprint(a))).Distinct().Count();
        Assert.Equal(distinct, stored["sentiment"]);
        Assert.Equal(distinct, stored["entities"]);
    }

    [Fact]
    public void Editing_the_gazetteer_recomputes_the_entity_results_only()
    {
        var corpus = Corpus.FromRecords(Bbc(400, 120));
        using var store = ArticleResultStore.Open(Root);
        store.Prune = false;
        FramesWith(store, corpus);
        int calls = store.Counts.Count;
        var edited = new Gazetteer(Gazetteer.Default.Entries.Append(
            new GazetteerEntry("Michael Howard", EntityType.Person, ["Michael Howard"], ["Howard"], [], [])), "edited");
        Assert.Null(Gazetteer.Default["Michael Howard"]);   // a real edit: the default gazetteer lacks him
        var after = FramesWith(store, corpus, edited);
        var counts = Last(store, calls);
        int distinct = corpus.Articles.Select(a => Convert.ToHexString(AnalysisVersions.Fingerprint(a))).Distinct().Count();
        Assert.Equal(distinct, counts["entities"].Computed);
        Assert.Equal(0, counts["sentiment"].Computed);
        Assert.Equal(0, counts["timeline"].Computed);
        AssertSame(FramesWith(null, corpus, edited), after);
        Assert.Contains("Michael Howard", ((StringDataFrameColumn)after["mentions"].Columns["Entity"]).Cast<string>());
    }

    [Fact]
    public void The_same_text_under_two_ids_is_analysed_once_and_reported_under_each_id()
    {
        var text = "Russia and China signed a trade deal on Monday. Officials in Moscow welcomed it.";
        var corpus = Corpus.FromRecords([new ArticleRecord("a", "a.txt", text), new ArticleRecord("b", "b.txt", text)]);
        using var store = ArticleResultStore.Open(Root);
        var cached = FramesWith(store, corpus);
        AssertSame(FramesWith(null, corpus), cached);
        var sentiment = store.Counts.First(c => c.Analysis == "sentiment");
        Assert.Equal((0, 1), (sentiment.Reused, sentiment.Computed));
        Assert.Equal(new[] { "a", "b" }, ((StringDataFrameColumn)cached["sentiment articles"].Columns["ArticleId"]).Cast<string>());
    }

    [Fact]
    public void A_folder_that_is_not_a_store_is_a_clear_error()
    {
        Directory.CreateDirectory(Root);
        File.WriteAllText(Path.Combine(Root, ArticleResultStore.FileName), "not a database");
        var e = Assert.Throws<IOException>(() => ArticleResultStore.Open(Root));
        Assert.Contains(ArticleResultStore.FileName, e.Message);
    }

    // Opened on another thread (the CLI's way): the same error, from the first use; a corpus load with it writes no
    // corpus cache (it writes only once the store is held), and closing it does not throw again.
    [Fact]
    public void A_folder_that_is_not_a_store_opened_in_the_background_is_the_same_error_at_first_use()
    {
        Directory.CreateDirectory(Root);
        File.WriteAllText(Path.Combine(Root, ArticleResultStore.FileName), "not a database");
        var store = ArticleResultStore.Open(Root, lockWait: null, background: true);
        Assert.Contains(ArticleResultStore.FileName, Assert.Throws<IOException>(store.WaitOpen).Message);
        using (ArticleResultStore.Use(store))
            Assert.Contains(ArticleResultStore.FileName, Assert.Throws<IOException>(() => Corpus.Load(TestData.Articles)).Message);
        Assert.False(Directory.Exists(Path.Combine(Root, CorpusCache.FolderName)));
        store.Dispose();
        using var fine = ArticleResultStore.Open(Path.Combine(Root, "elsewhere"), lockWait: null, background: true);
        using (ArticleResultStore.Use(fine)) Assert.NotEmpty(Corpus.Load(TestData.Articles).Articles);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(Root, "elsewhere", CorpusCache.FolderName)));
    }

    [Fact]
    public void The_default_folder_is_outside_the_data_and_differs_per_data_path()
    {
        var a = ArticleResultStore.DefaultFolder(TestData.Articles);
        Assert.False(Path.GetFullPath(a).StartsWith(Path.GetFullPath(TestData.Articles), StringComparison.Ordinal));
        Assert.NotEqual(a, ArticleResultStore.DefaultFolder(Path.Combine(TestData.Root, "data")));
        Assert.Equal(a, ArticleResultStore.DefaultFolder(TestData.Articles + Path.DirectorySeparatorChar));
    }

    // Opening a store this code made leaves its database file as it was; an unfinished one (a run killed while setting it
    // up) is set up; one of another schema version is refused, naming its file.
    [Fact]
    public void Opening_a_store_writes_nothing_and_one_of_another_version_is_refused()
    {
        var folder = Path.Combine(Root, "store");
        var file = Path.Combine(folder, ArticleResultStore.FileName);
        using (var store = ArticleResultStore.Open(folder)) store.WaitOpen();
        var made = File.ReadAllBytes(file);
        using (var store = ArticleResultStore.Open(folder)) store.WaitOpen();
        Assert.Equal(made, File.ReadAllBytes(file));

        var unfinished = Path.Combine(Root, "unfinished");
        Directory.CreateDirectory(unfinished);
        Sql(Path.Combine(unfinished, ArticleResultStore.FileName), "CREATE TABLE results (analysis VARCHAR NOT NULL, key VARCHAR NOT NULL, payload BLOB NOT NULL)");
        using (var store = ArticleResultStore.Open(unfinished)) store.SaveModel("m", [1, 2, 3]);   // the models table made
        using (var store = ArticleResultStore.Open(unfinished)) Assert.Equal([1, 2, 3], store.LoadModel("m"));

        var other = Path.Combine(Root, "other");
        Directory.CreateDirectory(other);
        Sql(Path.Combine(other, ArticleResultStore.FileName), "CREATE TABLE store_info (name VARCHAR PRIMARY KEY, value VARCHAR); INSERT INTO store_info VALUES ('schema', '0')");
        var error = Assert.Throws<IOException>(() => ArticleResultStore.Open(other).WaitOpen());
        Assert.Contains(Path.Combine(other, ArticleResultStore.FileName), error.Message);
        Assert.Contains("another version", error.Message);

        static void Sql(string database, string sql)
        {
            using var connection = new DuckDB.NET.Data.DuckDBConnection($"Data Source={database}");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }
}
