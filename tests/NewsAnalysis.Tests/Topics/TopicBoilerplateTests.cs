namespace NewsAnalysis.Tests;

/// <summary>Boilerplate terms (agency tags, datelines, site names) are found from the corpus, reported, and kept out of the topics.</summary>
public class TopicBoilerplateTests
{
    private static readonly string[] Cricket = ["cricket", "batsman", "wicket", "bowler", "innings", "century", "spinner", "umpire", "pitch", "stumps"];
    private static readonly string[] Budget = ["budget", "deficit", "treasury", "spending", "taxes", "borrowing", "surplus", "revenue", "inflation", "bonds"];
    private static readonly string[] Filler = ["early", "strong", "local", "final", "second", "major", "crowd", "season", "report", "plans"];

    /// <summary>Wire items on two subjects, half from each agency, each opening with the agency's dateline.</summary>
    private static NewsCorpus WireItems()
    {
        var random = new Random(7);
        var records = new List<ArticleRecord>();
        for (int i = 0; i < 60; i++)
        {
            var subject = i % 2 == 0 ? Cricket : Budget;
            string lead = i % 4 < 2 ? "LONDON (Reuters) - " : "AP - ";
            var words = Enumerable.Range(0, 18).Select(j => j % 3 == 2 ? Filler[random.Next(Filler.Length)] : subject[random.Next(subject.Length)]);
            records.Add(new ArticleRecord($"wire-{i:D2}", "mem", lead + string.Join(' ', words) + ".")
            {
                Title = $"{subject[i % subject.Length]} news item {i} ({(i % 4 < 2 ? "Reuters" : "AP")})",
                Extra = new Dictionary<string, string?> { ["subject"] = subject == Cricket ? "cricket" : "budget" },
            });
        }
        return Corpus.FromRecords(records);
    }

    [Fact]
    public void Agency_tags_and_datelines_are_reported_as_boilerplate_and_subjects_are_not()
    {
        var model = TopicModeler.Fit(WireItems(), new TopicOptions { Unit = TopicUnit.Article, K = 2 });
        var terms = model.Boilerplate.Select(b => b.Term).ToList();
        Assert.Contains("reuters", terms);
        Assert.Contains("ap", terms);
        Assert.Contains("london", terms);
        Assert.DoesNotContain(terms, t => Cricket.Contains(t) || Budget.Contains(t) || Filler.Contains(t));
        var reuters = model.Boilerplate.Single(b => b.Term == "reuters");
        Assert.Equal(30, reuters.Articles);
        Assert.True(reuters.EdgeArticles >= 15, $"reuters at an edge of {reuters.EdgeArticles} articles");
        Assert.Equal(["Term", "Reason", "Articles", "EdgeArticles", "EdgeShare"], model.BoilerplateFrame().Columns.Select(c => c.Name));
        Assert.DoesNotContain(model.Topics.SelectMany(t => t.Terms), t => t.Term.Split(' ').Any(terms.Contains));
        var subjects = model.Assignments.Select(a => model.Article(a).Extra["subject"] ?? "").ToList();
        Assert.Equal(1.0, TopicAgreement.NormalizedMutualInformation(model.Assignments.Select(a => a.Topic).ToList(), subjects), 3);
    }

    [Fact]
    public void Boilerplate_can_be_kept_and_the_seed_articles_have_none()
    {
        // Every term of a topic (TopTerms large): the agency words are features when kept, and absent when dropped.
        var options = new TopicOptions { Unit = TopicUnit.Article, K = 2, TopTerms = 100_000 };
        var kept = TopicModeler.Fit(WireItems(), options with { DropBoilerplate = false });
        Assert.Empty(kept.Boilerplate);
        Assert.Contains(kept.Topics.SelectMany(t => t.Terms), t => t.Term == "reuters");
        Assert.DoesNotContain(TopicModeler.Fit(WireItems(), options).Topics.SelectMany(t => t.Terms), t => t.Term.Split(' ').Contains("reuters"));
        Assert.Empty(TopicModeler.Fit(TestData.Seeds, new TopicOptions { Unit = TopicUnit.Article }).Boilerplate);
    }
}
