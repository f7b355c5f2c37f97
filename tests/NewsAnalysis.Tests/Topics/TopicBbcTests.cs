using Xunit.Abstractions;

namespace NewsAnalysis.Tests;

/// <summary>The BBC set, once per class, loaded as the brief says (the CSV loader proper is another concern's).</summary>
public sealed class TopicBbcFixture
{
    public TopicBbcFixture()
    {
        var path = TestData.BbcCsv ?? throw new InvalidOperationException("The BBC set is missing: expected ../shared/eval/bbc/bbc-news.csv beside the repository.");
        Corpus = NewsAnalysis.Corpus.FromRecords(BbcSet.Read(path));
        Categories = Corpus.Articles.Select(a => a.Extra["category"] ?? "").ToList();
        KFive = TopicModeler.Fit(Corpus, new TopicOptions { Unit = TopicUnit.Article, K = 5 });
    }

    public NewsCorpus Corpus { get; }

    public List<string> Categories { get; }

    public TopicModel KFive { get; }
}

/// <summary>The quality bar on the BBC set at the article level: NMI, ARI, automatic k, determinism.</summary>
public class TopicBbcTests(TopicBbcFixture bbc, ITestOutputHelper output) : IClassFixture<TopicBbcFixture>
{
    [Fact]
    public void Five_topics_agree_with_the_categories()
    {
        var topics = bbc.KFive.Assignments.Select(a => a.Topic).ToList();
        double nmi = TopicAgreement.NormalizedMutualInformation(topics, bbc.Categories);
        double ari = TopicAgreement.AdjustedRandIndex(topics, bbc.Categories);
        output.WriteLine($"BBC, k = 5: NMI {nmi:F3}, ARI {ari:F3}; topics: {string.Join(" | ", bbc.KFive.Topics.Select(t => $"{t.Size} {t.Label}"))}");
        // Floors under the default options' figures (NMI 0.906, ARI 0.929 with scikit-learn's stop list; 0.900, 0.926 with
        // ML.NET's list and news.txt; scikit-learn's recipe, random_state 0: 0.905, 0.929; see the test over seeds below). The
        // hand-written k-means ends at a lower inertia than ML.NET's did (1744.188 against 1744.195), yet a few articles
        // fewer agree: scikit-learn's own KMeans on these points gives 0.896-0.905 over random_state 0-5.
        Assert.True(nmi >= 0.90, $"NMI {nmi:F3} is under 0.90 (ARI {ari:F3}).");
        Assert.True(ari >= 0.925, $"ARI {ari:F3} is under 0.925 (NMI {nmi:F3}).");
        Assert.Equal(2225, topics.Count);
        Assert.DoesNotContain(-1, topics);
        // Titles are features (they mark politics) but never a topic's term on their own ("market, growth, mr" was a label);
        // reporting verbs and time words are features too (scikit-learn's stop list) but never in a term or label.
        Assert.All(bbc.KFive.Topics, t => Assert.DoesNotContain(t.Terms, x => TopicTerms.NotTerms.Contains(x.Term)));
        var notLabels = TopicStopWords.NotLabels.ToHashSet();
        Assert.All(bbc.KFive.Topics, t => Assert.DoesNotContain(t.Terms, x => x.Term.Split(' ').Any(notLabels.Contains)));
        Assert.All(bbc.KFive.Topics, t => Assert.DoesNotContain(t.Label.Split([", ", " "], StringSplitOptions.None), notLabels.Contains));
    }

    [Fact]
    public void Five_topics_agree_with_the_categories_over_seeds()
    {
        // k-means ends in one of several near-equal optima, so one seed's figure can be luck (scikit-learn's recipe gives
        // NMI 0.905, 0.874, 0.901 for random_state 0-2): the default must hold over seeds. Seed 1 is the fixture's fit.
        var scores = new[] { bbc.KFive }.Concat(new[] { 2, 3 }.Select(seed =>
                TopicModeler.Fit(bbc.Corpus, new TopicOptions { Unit = TopicUnit.Article, K = 5, Seed = seed })))
            .Select(m => m.Assignments.Select(a => a.Topic).ToList())
            .Select(t => (Nmi: TopicAgreement.NormalizedMutualInformation(t, bbc.Categories), Ari: TopicAgreement.AdjustedRandIndex(t, bbc.Categories)))
            .ToList();
        output.WriteLine("Seed 1-3: " + string.Join(", ", scores.Select(s => $"NMI {s.Nmi:F3}, ARI {s.Ari:F3}")));
        // Floors under the figures with scikit-learn's stop list (issue #12: 0.906 / 0.929, 0.907 / 0.930, 0.904 / 0.928, mean
        // 0.906 / 0.929; with ML.NET's list and news.txt, titles as features, the mean was 0.904 / 0.929, lowest 0.900 / 0.926).
        Assert.True(scores.Average(s => s.Nmi) >= 0.904, $"mean NMI {scores.Average(s => s.Nmi):F3} is under 0.904.");
        Assert.True(scores.Average(s => s.Ari) >= 0.928, $"mean ARI {scores.Average(s => s.Ari):F3} is under 0.928.");
        Assert.All(scores, s => Assert.True(s.Nmi >= 0.903, $"NMI {s.Nmi:F3} is under 0.903."));
    }

    [Fact]
    public void A_second_run_gives_identical_assignments()
    {
        var again = TopicModeler.Fit(bbc.Corpus, new TopicOptions { Unit = TopicUnit.Article, K = 5 });
        Assert.Equal(bbc.KFive.Assignments.Select(a => a.Topic), again.Assignments.Select(a => a.Topic));
        Assert.Equal(bbc.KFive.Topics.Select(t => t.Label), again.Topics.Select(t => t.Label));
    }

    [Fact]
    public void Automatic_k_lands_between_four_and_eight()
    {
        var model = TopicModeler.Fit(bbc.Corpus, new TopicOptions { Unit = TopicUnit.Article });
        output.WriteLine(string.Join(", ", model.KScores.Select(s => $"k={s.K}: silhouette {s.Silhouette:F4}, DB {s.DaviesBouldin:F3}")));
        output.WriteLine($"chosen k = {model.K}: {model.KReason} {model.KNote}");
        // BBC's silhouette rises with k (sub-topics split off); its first peak was 7 with ML.NET's k-means, 8 with the
        // weighted k-means that reaches lower inertia at every k, 6 once titles were features, 8 with scikit-learn's stop
        // list (silhouette 0.070, 0.072, 0.072, 0.080, 0.079 for k = 5..9; issue #12).
        Assert.InRange(model.K, 4, 8);
        Assert.StartsWith($"k = {model.K} is the first peak of the silhouette over k = 2..10: ", model.KReason);
    }
}
