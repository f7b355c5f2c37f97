using Xunit;

namespace NewsAnalysis.Tests;

public sealed class SavedTopicModelTests : TempFolderTest
{
    private static List<ArticleRecord> Bbc(int skip, int take) =>
        BbcSet.Read(TestData.BbcCsv ?? throw new InvalidOperationException("../shared/eval/bbc/bbc-news.csv is missing")).Skip(skip).Take(take).ToList();

    private static readonly Lazy<NewsCorpus> Bbc400 = new(() => Corpus.FromRecords(Bbc(0, 400)));

    // Through bytes, as the store keeps it.
    private static SavedTopicModel Saved(TopicModel model) => SavedTopicModel.Read(SavedTopicModel.From(model)!.ToBytes())!;

    [Theory]
    [InlineData(TopicUnit.Paragraph, false)]
    [InlineData(TopicUnit.Sentence, false)]
    [InlineData(TopicUnit.Article, true)]
    public void Assigning_the_units_a_saved_model_was_fitted_on_reproduces_their_topics(TopicUnit unit, bool bbc)
    {
        var corpus = bbc ? Bbc400.Value : TestData.Seeds;
        var fit = TopicModeler.Fit(corpus, new TopicOptions { Unit = unit });
        var again = Saved(fit).Assign(corpus, assignEverything: true);   // projected afresh, not looked up
        Assert.Equal(fit.Assignments.Count, again.Assignments.Count);
        Assert.All(again.Assignments, a => Assert.True(a.Assigned));
        Assert.Equal(fit.Assignments.Select(a => a.Topic), again.Assignments.Select(a => a.Topic));
        Assert.Equal(fit.Topics.Select(t => t.Label), again.Topics.Select(t => t.Label));
        Assert.Equal(fit.Topics.Select(t => t.Size), again.Topics.Select(t => t.Size));
        foreach (var (f, a) in fit.Assignments.Zip(again.Assignments).Where(p => p.First.Topic >= 0))
        {
            Assert.Equal(f.Confidence, a.Confidence, 0.01);
            Assert.Equal(f.X, a.X, 0.01);
            Assert.Equal(f.Y, a.Y, 0.01);
        }
    }

    [Fact]
    public void New_articles_land_in_the_topic_of_their_kind()
    {
        // Fitted on 400 BBC articles; 60 unseen ones are assigned. Each topic is named by the category most of its
        // fitted articles have; the unseen articles should mostly land in a topic of their own category.
        var fit = TopicModeler.Fit(Bbc400.Value, new TopicOptions { Unit = TopicUnit.Article, K = 5 });
        var category = Bbc400.Value.Articles.ToDictionary(a => a.Id, a => a.Extra["category"]);
        var topicCategory = fit.Assignments.Where(a => a.Topic >= 0).GroupBy(a => a.Topic)
            .ToDictionary(g => g.Key, g => g.GroupBy(a => category[a.ArticleId]).MaxBy(c => c.Count())!.Key);
        var unseen = Bbc(400, 60);
        var model = Saved(fit).Assign(Corpus.FromRecords(Bbc(0, 400).Concat(unseen)));
        var assigned = model.Assignments.Where(a => a.Assigned).ToList();
        // BBC repeats a few articles: an unseen article with the text of a fitted one keeps the fitted topic.
        var fittedTexts = fit.Assignments.Select(a => a.Text).ToHashSet();
        var expected = model.Assignments.Where(a => !fittedTexts.Contains(a.Text)).Select(a => a.ArticleId).ToList();
        Assert.InRange(expected.Count, 55, 60);
        Assert.Equal(expected, assigned.Select(a => a.ArticleId));
        // As often as the fitted articles sit in a topic of their own category (k-means' own purity), less a margin.
        double purity = fit.Assignments.Count(a => a.Topic >= 0 && topicCategory[a.Topic] == category[a.ArticleId]) / 400.0;
        double right = assigned.Count(a => a.Topic >= 0 && topicCategory[a.Topic] == unseen.Single(r => r.Id == a.ArticleId).Extra["category"]) / (double)assigned.Count;
        Assert.True(purity >= 0.7, $"the fit itself is poor: {purity:P1} of the fitted articles sit in a topic of their category");
        Assert.True(right >= purity - 0.1, $"only {right:P1} of the unseen articles landed in a topic of their category (fitted: {purity:P1})");
        // The fitted ones keep their fitted topics, confidences and map positions exactly.
        var fitted = model.Assignments.Take(400).ToList();
        Assert.Equal(fit.Assignments.Select(a => (a.ArticleId, a.Topic, a.Confidence, a.X, false)), fitted.Select(a => (a.ArticleId, a.Topic, a.Confidence, a.X, a.Assigned)));
        var drift = model.DriftFrame();
        Assert.Equal(assigned.Count, drift["Assigned"].Cast<int>().Sum());
        Assert.Equal(460 - assigned.Count, drift["Fitted"].Cast<int>().Sum());
    }

    [Fact]
    public void A_new_paragraph_near_a_topic_lands_in_it()
    {
        var fit = TopicModeler.Fit(TestData.Seeds, new TopicOptions { K = 4 });
        var saved = Saved(fit);
        // Each topic's best paragraph, reworded: its words in reverse order (so no fitted text matches).
        foreach (var topic in fit.Topics)
        {
            var best = topic.Representatives[0];
            var reworded = string.Join(' ', best.Text.Split(' ').Reverse()) + " and more";
            var corpus = Corpus.FromRecords([new ArticleRecord("new", "new.txt", reworded)]);
            var placed = saved.Assign(corpus).Assignments.Single();
            Assert.True(placed.Assigned);
            Assert.Equal(topic.Id, placed.Topic);
        }
    }

    [Fact]
    public void A_rerun_reuses_the_saved_model_and_assigns_only_the_new_units()
    {
        using var store = ArticleResultStore.Open(Root);
        var cold = TopicModeler.Fit(Bbc400.Value);
        var first = TopicModelReuse.FitOrAssign(Bbc400.Value, null, store);
        Assert.Null(first.ModelNote);   // a first fit is what a run without the store does
        FrameAssert.Equal(cold.UnitFrame(), first.UnitFrame(), "first run");

        var warm = TopicModelReuse.FitOrAssign(Bbc400.Value, null, store);
        Assert.StartsWith("reused the topic model", warm.ModelNote);
        Assert.All(warm.Assignments, a => Assert.False(a.Assigned));
        FrameAssert.Equal(cold.UnitFrame(), warm.UnitFrame(), "warm rerun");
        FrameAssert.Equal(cold.SummaryFrame(), warm.SummaryFrame(), "warm summary");

        var grown = Corpus.FromRecords(Bbc(0, 404));
        var rerun = TopicModelReuse.FitOrAssign(grown, null, store);
        Assert.Equal(grown.Articles.Skip(400).Select(a => a.Id), rerun.Assignments.Where(a => a.Assigned).Select(a => a.ArticleId).Distinct());
        Assert.Contains("mean cosine distance to the centroid: fitted", rerun.ModelNote);
        Assert.Equal(cold.Topics.Select(t => t.Label), rerun.Topics.Select(t => t.Label));

        var refit = TopicModelReuse.FitOrAssign(grown, null, store, refit: true);
        Assert.Contains("--refit", refit.ModelNote);
        FrameAssert.Equal(TopicModeler.Fit(grown).UnitFrame(), refit.UnitFrame(), "refit");
        // The refit replaced the saved model: the grown corpus is now all fitted.
        Assert.All(TopicModelReuse.FitOrAssign(grown, null, store).Assignments, a => Assert.False(a.Assigned));
    }

    [Fact]
    public void Changed_options_or_an_unreadable_model_force_a_refit_and_say_why()
    {
        using var store = ArticleResultStore.Open(Root);
        TopicModelReuse.FitOrAssign(TestData.Seeds, null, store);
        var other = TopicModelReuse.FitOrAssign(TestData.Seeds, new TopicOptions { K = 3, Seed = 7 }, store);
        Assert.Contains("fitted with other options: k auto then, 3 now; seed 1 then, 7 now", other.ModelNote);
        FrameAssert.Equal(TopicModeler.Fit(TestData.Seeds, new TopicOptions { K = 3, Seed = 7 }).UnitFrame(), other.UnitFrame(), "k = 3");
        Assert.StartsWith("reused", TopicModelReuse.FitOrAssign(TestData.Seeds, new TopicOptions { K = 3, Seed = 7 }, store).ModelNote);

        // Another unit is another model; other methods are never saved.
        var articles = new TopicOptions { Unit = TopicUnit.Article, K = 2 };
        Assert.Null(TopicModelReuse.FitOrAssign(TestData.Seeds, articles, store).ModelNote);
        Assert.StartsWith("reused", TopicModelReuse.FitOrAssign(TestData.Seeds, articles, store).ModelNote);
        var lda = new TopicOptions { Method = TopicMethod.Lda, K = 2 };
        Assert.Null(TopicModelReuse.FitOrAssign(TestData.Seeds, lda, store).ModelNote);
        Assert.Null(TopicModelReuse.FitOrAssign(TestData.Seeds, lda, store).ModelNote);   // never saved, always fitted
        Assert.Contains("only k-means models are saved", TopicModelReuse.FitOrAssign(TestData.Seeds, lda with { K = 3 }, store, refit: true).ModelNote);

        var bytes = store.LoadModel(TopicModelReuse.ModelName(TopicOptions.Default))!;
        store.SaveModel(TopicModelReuse.ModelName(TopicOptions.Default), bytes[..(bytes.Length / 2)]);
        Assert.Contains("unreadable (the saved topic model is cut short)", TopicModelReuse.FitOrAssign(TestData.Seeds, new TopicOptions { K = 3, Seed = 7 }, store).ModelNote);
    }

    [Fact]
    public void The_topics_verb_reuses_the_model_says_so_and_refits_on_request()
    {
        var data = Path.Combine(Root, "data");
        Directory.CreateDirectory(data);
        foreach (var file in Directory.GetFiles(TestData.Articles)) File.Copy(file, Path.Combine(data, Path.GetFileName(file)));
        var cache = Path.Combine(Root, "cache");
        var cold = CliRunner.Run("topics", "--format", "csv", "--data", data, "--no-cache");
        var first = CliRunner.Run("topics", "--format", "csv", "--data", data, "--cache", cache);
        Assert.Equal(0, first.Exit);
        Assert.Equal(cold.Out, first.Out);
        Assert.DoesNotContain("topic model", first.Err);   // a first fit says nothing about the store

        File.WriteAllText(Path.Combine(data, "zz-new.txt"), "Pakistan and Russia talks\n\nPakistan is negotiating air defense systems and anti-tank missiles with Russia, the army spokesman said.\n\nThe talks on defense cooperation continue.");
        var rerun = CliRunner.Run("topics", "--format", "csv", "--data", data, "--cache", cache);
        Assert.Equal(0, rerun.Exit);
        Assert.Contains("reused the topic model", rerun.Err);
        Assert.Matches(@"news topics: topic 0 \(.+\): \d+ fitted at mean distance [0-9.]+, \d+ assigned at", rerun.Err);
        var rows = rerun.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.All(rows.Where(r => r.StartsWith("zz-new", StringComparison.Ordinal)), r => Assert.Contains(",assigned,", r));
        Assert.All(rows.Where(r => !r.StartsWith("zz-new", StringComparison.Ordinal)), r => Assert.Contains(",fitted,", r));

        var refit = CliRunner.Run("topics", "--format", "csv", "--data", data, "--cache", cache, "--refit");
        Assert.Equal(CliRunner.Run("topics", "--format", "csv", "--data", data, "--no-cache").Out, refit.Out);
        Assert.DoesNotContain(",assigned,", refit.Out);
    }
}
