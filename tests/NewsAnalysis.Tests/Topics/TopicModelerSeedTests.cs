namespace NewsAnalysis.Tests;

/// <summary>Topic models of the five seed articles: coverage, ordering, labels, frames, determinism, errors.</summary>
public class TopicModelerSeedTests
{
    private static readonly Lazy<TopicModel> paragraphs = new(() => TopicModeler.Fit(TestData.Seeds));

    [Fact]
    public void Every_paragraph_is_one_unit_in_corpus_order()
    {
        var model = paragraphs.Value;
        var expected = TestData.Seeds.Articles.SelectMany(a => a.Paragraphs.Select(p => (a.Id, p.Index, p.Text))).ToList();
        Assert.Equal(expected, model.Assignments.Select(a => (a.ArticleId, a.Unit, a.Text)).ToList());
        Assert.All(model.Assignments, a => Assert.InRange(a.Topic, -1, model.Topics.Count - 1));
        Assert.Equal(model.Assignments.Count(a => a.Topic >= 0), model.Topics.Sum(t => t.Size));
    }

    [Fact]
    public void Automatic_k_is_the_first_silhouette_peak_of_the_scores_returned()
    {
        var model = paragraphs.Value;
        int cap = Math.Min(10, (int)Math.Sqrt(model.Assignments.Count(a => a.Topic >= 0) / 2.0));   // ⌊√(units/2)⌋
        Assert.Equal(Enumerable.Range(2, cap - 1), model.KScores.Select(s => s.K));
        int peak = TopicClustering.FirstPeak(model.KScores.Select(s => s.Silhouette).ToList());
        Assert.Equal(model.KScores[peak].K, model.K);
        Assert.Equal(model.K, model.Topics.Count);
        Assert.All(model.KScores, s => Assert.InRange(s.Silhouette, -1, 1));
        // Inertia falls as k grows (best of several seeded runs for each k).
        Assert.True(model.KScores[^1].Inertia < model.KScores[0].Inertia);
    }

    [Fact]
    public void Topics_are_numbered_by_size_and_labelled_from_their_top_terms()
    {
        var model = paragraphs.Value;
        Assert.Equal(model.Topics.Select(t => t.Size).OrderDescending(), model.Topics.Select(t => t.Size));
        Assert.Equal(Enumerable.Range(0, model.Topics.Count), model.Topics.Select(t => t.Id));
        foreach (var topic in model.Topics)
        {
            Assert.Equal(topic.Terms.Select(t => t.Weight).OrderDescending(), topic.Terms.Select(t => t.Weight));
            var words = topic.Terms.SelectMany(t => t.Term.Split(' ')).ToHashSet();
            Assert.All(topic.Label.Split(", "), part => Assert.All(part.Split(' '), w => Assert.Contains(w, words)));
            Assert.DoesNotContain(topic.Terms, t => TopicStopWords.Default.Contains(t.Term));
            var members = model.Assignments.Where(a => a.Topic == topic.Id).ToList();
            Assert.All(members, a => Assert.Equal(topic.Label, a.TopicLabel));
            Assert.Equal(Math.Min(3, members.Count), topic.Representatives.Count);
            Assert.All(topic.Representatives, r => Assert.Equal(topic.Id, r.Topic));
            Assert.Equal(members.Max(a => a.Confidence), topic.Representatives[0].Confidence);
        }
    }

    [Fact]
    public void Two_runs_give_identical_assignments_for_both_methods()
    {
        var again = TopicModeler.Fit(TestData.Seeds);
        Assert.Equal(paragraphs.Value.Assignments, again.Assignments);
        var lda = new TopicOptions { Method = TopicMethod.Lda, K = 4 };
        Assert.Equal(TopicModeler.Fit(TestData.Seeds, lda).Assignments, TopicModeler.Fit(TestData.Seeds, lda).Assignments);
    }

    [Fact]
    public void Lda_gives_each_unit_its_most_probable_topic()
    {
        var model = TopicModeler.Fit(TestData.Seeds, new TopicOptions { Method = TopicMethod.Lda, K = 3, Unit = TopicUnit.Article });
        Assert.Equal(5, model.Assignments.Count);
        Assert.All(model.Assignments, a => Assert.InRange(a.Confidence, 1.0 / 3, 1.0));
        Assert.Equal(5, model.Topics.Sum(t => t.Size));
    }

    [Fact]
    public void Sentence_units_cover_every_sentence()
    {
        var model = TopicModeler.Fit(TestData.Seeds, new TopicOptions { Unit = TopicUnit.Sentence, K = 5 });
        Assert.Equal(TestData.Seeds.Articles.Sum(a => a.Sentences.Count), model.Assignments.Count);
        Assert.Equal(5, model.Topics.Count);
    }

    [Fact]
    public void Unit_frame_follows_the_column_contract()
    {
        var frame = paragraphs.Value.UnitFrame();
        Assert.Equal(["ArticleId", "Unit", "Topic", "TopicLabel"], frame.Columns.Take(4).Select(c => c.Name));
        Assert.Equal(paragraphs.Value.Assignments.Count, frame.Rows.Count);
        Assert.Equal(TestData.Seeds.Articles[0].Title, frame["Title"][0]);
    }

    [Fact]
    public void Article_topic_shares_add_up_to_one_per_article()
    {
        var frame = paragraphs.Value.ArticleTopicFrame();
        var shares = Enumerable.Range(0, (int)frame.Rows.Count)
            .GroupBy(r => (string)frame["ArticleId"][r]!)
            .Select(g => g.Sum(r => (double)frame["Share"][r]!));
        Assert.Equal(5, shares.Count());
        Assert.All(shares, s => Assert.Equal(1.0, s, 3));
    }

    [Fact]
    public void Custom_stop_words_remove_terms()
    {
        var model = TopicModeler.Fit(TestData.Seeds, new TopicOptions
        {
            K = 3,
            StopWords = TopicStopWords.Default.Concat(["russia", "pakistan"]).ToList(),
        });
        Assert.DoesNotContain(model.Topics.SelectMany(t => t.Terms), t => t.Term.Split(' ').Any(w => w is "russia" or "pakistan"));
    }

    [Fact]
    public void Bad_options_and_too_little_text_are_named()
    {
        var k = Assert.Throws<ArgumentOutOfRangeException>(() => TopicModeler.Fit(TestData.Seeds, new TopicOptions { K = 0 }));
        Assert.Equal("K", k.ParamName);
        var range = Assert.Throws<ArgumentOutOfRangeException>(() => TopicModeler.Fit(TestData.Seeds, new TopicOptions { MinK = 5, MaxK = 3 }));
        Assert.Equal("MaxK", range.ParamName);
    }

    [Fact]
    public void One_unit_is_one_topic_saying_it_is_too_few_to_cluster()
    {
        var one = Corpus.FromRecords([new ArticleRecord("only", "mem", "Just one article about trade. Trade talks resumed.")]);
        var model = TopicModeler.Fit(one, new TopicOptions { Unit = TopicUnit.Article });
        Assert.Equal(1, model.K);
        var topic = Assert.Single(model.Topics);
        Assert.Equal("one topic: too few articles to cluster (0 of 1 with terms shared by 2)", topic.Label);
        Assert.Equal(1, topic.Size);
        Assert.Equal("trade", topic.Terms[0].Term); // the only word said twice
        Assert.Equal(0, Assert.Single(model.Assignments).Topic);
        Assert.Equal(topic.Label, model.SummaryFrame().Columns["TopicLabel"][0]);
    }
}

/// <summary>Corpora too small for the default settings still give an answer (or a clear error), never a crash inside ML.NET.</summary>
public class TopicModelerSmallCorpusTests
{
    [Fact]
    public void Three_articles_make_at_most_three_topics()
    {
        // Terms in every unit weigh nothing under TF-IDF, so each term here is shared by two articles of three.
        var corpus = Corpus.FromRecords(
        [
            new ArticleRecord("a", "mem", "Cricket match report. The cricket team won the match.") { Title = "Cricket" },
            new ArticleRecord("b", "mem", "Cricket match preview. The cricket team plays despite the budget.") { Title = "Preview" },
            new ArticleRecord("c", "mem", "The budget deficit grew, the treasury said.") { Title = "Budget" },
        ]);
        var model = TopicModeler.Fit(corpus, new TopicOptions { Unit = TopicUnit.Article });
        Assert.Equal(3, model.Assignments.Count);
        Assert.InRange(model.Topics.Count, 1, 3);
        Assert.Equal(model.Assignments[0].Topic, model.Assignments[1].Topic);
    }

    [Fact]
    public void Units_without_shared_terms_are_one_topic_naming_the_floor()
    {
        var corpus = Corpus.FromRecords(
        [
            new ArticleRecord("a", "mem", "Cricket scores.") { Title = "One" },
            new ArticleRecord("b", "mem", "Budget deficits.") { Title = "Two" },
        ]);
        var model = TopicModeler.Fit(corpus, new TopicOptions { Unit = TopicUnit.Article });
        Assert.Equal(1, model.K);
        Assert.Equal("one topic: too few articles to cluster (0 of 2 with terms shared by 2)", Assert.Single(model.Topics).Label);
        Assert.Equal([0, 0], model.Assignments.Select(a => a.Topic));
    }
}
