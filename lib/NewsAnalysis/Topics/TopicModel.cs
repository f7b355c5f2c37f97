using System.Globalization;
using Microsoft.Data.Analysis;

namespace NewsAnalysis;

/// <summary>The result of <see cref="TopicModeler.Fit(NewsCorpus, TopicOptions?)"/>: per-unit topics, the topics, and the k-choice scores, as lists and DataFrames.</summary>
public sealed class TopicModel
{
    private readonly IReadOnlyDictionary<string, Article> articles;

    internal TopicModel(NewsCorpus corpus, TopicOptions options, int requestedK, IReadOnlyList<TopicAssignment> assignments,
        IReadOnlyList<TopicInfo> topics, IReadOnlyList<TopicKScore> kScores)
    {
        Corpus = corpus;
        Options = options;
        K = requestedK;
        Assignments = assignments;
        Topics = topics;
        KScores = kScores;
        articles = corpus.ArticlesById;
    }

    /// <summary>
    /// Wall-clock and CPU time of each phase of the fit, in order (boilerplate, features, svd or embeddings and
    /// reduction, map, choice of k, k-means or LDA, terms and labels): where the time went, for benchmarks and
    /// <c>NEWS_TIMINGS=1 news topics</c>. Empty when the input allowed one topic only.
    /// </summary>
    public IReadOnlyList<TopicPhase> Phases { get; internal set; } = [];

    /// <summary>The corpus the model was fitted to.</summary>
    public NewsCorpus Corpus { get; }

    /// <summary>The options used.</summary>
    public TopicOptions Options { get; }

    /// <summary>
    /// How the model came about when a result store was in play (<see cref="TopicModelReuse"/>): the saved
    /// model reused and how many units were assigned to it, or why it was fitted afresh; null for a plain
    /// <see cref="TopicModeler.Fit"/>. The CLI prints it on stderr.
    /// </summary>
    public string? ModelNote { get; internal set; }

    /// <summary>What a saved model needs from the fit (k-means only; null otherwise and after a reuse).</summary>
    internal TopicFitState? FitState { get; set; }

    /// <summary>
    /// How far the units sit from their topic's centroid, fitted units against units assigned to a saved model: one row
    /// per topic, <c>Topic, TopicLabel, Fitted, Assigned, FittedDistance, AssignedDistance</c> (mean cosine distance,
    /// 1 − <see cref="TopicAssignment.Confidence"/>; empty when the topic has no such unit). Assigned units sitting much
    /// farther out than fitted ones say the new articles are not what the model was fitted on: time to refit.
    /// </summary>
    public DataFrame DriftFrame()
    {
        var rows = Topics.Select(t =>
        {
            var members = Assignments.Where(a => a.Topic == t.Id).ToList();
            var fitted = members.Where(a => !a.Assigned).Select(a => 1 - a.Confidence).ToList();
            var assigned = members.Where(a => a.Assigned).Select(a => 1 - a.Confidence).ToList();
            return (t, Fitted: fitted.Count, Assigned: assigned.Count,
                FittedDistance: fitted.Count > 0 ? Math.Round(fitted.Average(), 4) : (double?)null,
                AssignedDistance: assigned.Count > 0 ? Math.Round(assigned.Average(), 4) : (double?)null);
        }).ToList();
        return new DataFrame(
            new Int32DataFrameColumn("Topic", rows.Select(r => r.t.Id)),
            new StringDataFrameColumn("TopicLabel", rows.Select(r => r.t.Label)),
            new Int32DataFrameColumn("Fitted", rows.Select(r => r.Fitted)),
            new Int32DataFrameColumn("Assigned", rows.Select(r => r.Assigned)),
            new DoubleDataFrameColumn("FittedDistance", rows.Select(r => r.FittedDistance)),
            new DoubleDataFrameColumn("AssignedDistance", rows.Select(r => r.AssignedDistance)));
    }

    /// <summary>The k used: given, or chosen at the first peak of the silhouette over <see cref="KScores"/>. <see cref="Topics"/> can be fewer when a cluster came out empty.</summary>
    public int K { get; }

    /// <summary>
    /// Why <see cref="K"/> deserves a look, or null: a given k was lowered to the number of units with terms (or of
    /// distinct units), the automatic choice landed on the largest k it tried (the silhouette was still rising), the
    /// silhouette curve was flat (no k stands out), or the input allowed one topic only. The CLI prints it on stderr.
    /// </summary>
    public string? KNote { get; internal set; }

    /// <summary>
    /// The corpus's boilerplate terms left out of the features (agency tags, datelines, site names), with why and how
    /// often; empty when <see cref="TopicOptions.DropBoilerplate"/> is off or none was found.
    /// </summary>
    public IReadOnlyList<TopicBoilerplateTerm> Boilerplate { get; internal set; } = [];

    /// <summary><see cref="Boilerplate"/> as a frame: <c>Term, Reason, Articles, EdgeArticles, EdgeShare</c>.</summary>
    public DataFrame BoilerplateFrame() => new(
        new StringDataFrameColumn("Term", Boilerplate.Select(b => b.Term)),
        new StringDataFrameColumn("Reason", Boilerplate.Select(b => b.Reason)),
        new Int32DataFrameColumn("Articles", Boilerplate.Select(b => b.Articles)),
        new Int32DataFrameColumn("EdgeArticles", Boilerplate.Select(b => b.EdgeArticles)),
        new DoubleDataFrameColumn("EdgeShare", Boilerplate.Select(b => b.EdgeShare)));

    /// <summary>
    /// Why the automatic choice took <see cref="K"/>: the first peak of the silhouette, with its score against its
    /// neighbours' and the best overall (null when k was given). The per-k scores are in <see cref="KChoiceFrame"/>.
    /// </summary>
    public string? KReason { get; internal set; }

    /// <summary>Every unit, in corpus order, with its topic (−1 for units without feature terms).</summary>
    public IReadOnlyList<TopicAssignment> Assignments { get; }

    /// <summary>The topics, numbered by decreasing size from 0.</summary>
    public IReadOnlyList<TopicInfo> Topics { get; }

    /// <summary>k-means scores per k tried (one row when k was given); the automatic choice takes the first peak of the silhouette.</summary>
    public IReadOnlyList<TopicKScore> KScores { get; }

    /// <summary>Units whose article has no publication date (left out of <see cref="OverTimeFrame"/>).</summary>
    public int UndatedUnits => Assignments.Count(a => a.Topic >= 0 && Article(a).Published is null);

    /// <summary>
    /// One row per unit: <c>ArticleId, Unit, Topic, TopicLabel, Confidence, Assignment</c> (<c>fitted</c>, or
    /// <c>assigned</c> to a saved model, see <see cref="SavedTopicModel"/>), <c>Title, Source, Published</c>, then the
    /// articles' extra input columns (such as <c>category</c>).
    /// </summary>
    public DataFrame UnitFrame()
    {
        var extraNames = Corpus.Articles.SelectMany(a => a.Extra.Keys).Distinct(StringComparer.Ordinal).ToList();
        var columns = new List<DataFrameColumn>
        {
            new StringDataFrameColumn("ArticleId", Assignments.Select(a => a.ArticleId)),
            new Int32DataFrameColumn("Unit", Assignments.Select(a => a.Unit)),
            new Int32DataFrameColumn("Topic", Assignments.Select(a => a.Topic)),
            new StringDataFrameColumn("TopicLabel", Assignments.Select(a => a.TopicLabel)),
            new DoubleDataFrameColumn("Confidence", Assignments.Select(a => Math.Round(a.Confidence, 4))),
            new StringDataFrameColumn("Assignment", Assignments.Select(a => a.Assigned ? "assigned" : "fitted")),
            new StringDataFrameColumn("Title", Assignments.Select(a => Article(a).Title)),
            new StringDataFrameColumn("Source", Assignments.Select(a => Article(a).Source)),
            new DateTimeDataFrameColumn("Published", Assignments.Select(a => Article(a).Published)),
        };
        foreach (var name in extraNames)
        {
            var unique = columns.Any(c => c.Name == name) ? name + "_extra" : name;
            columns.Add(new StringDataFrameColumn(unique, Assignments.Select(a => Article(a).Extra.GetValueOrDefault(name))));
        }
        return new DataFrame(columns);
    }

    /// <summary>One row per topic: <c>Topic, TopicLabel, Size, Share, TopTerms</c> (terms with weights, best first).</summary>
    public DataFrame SummaryFrame()
    {
        int assigned = Math.Max(1, Assignments.Count(a => a.Topic >= 0));
        return new DataFrame(
            new Int32DataFrameColumn("Topic", Topics.Select(t => t.Id)),
            new StringDataFrameColumn("TopicLabel", Topics.Select(t => t.Label)),
            new Int32DataFrameColumn("Size", Topics.Select(t => t.Size)),
            new DoubleDataFrameColumn("Share", Topics.Select(t => Math.Round((double)t.Size / assigned, 4))),
            new StringDataFrameColumn("TopTerms", Topics.Select(t => string.Join(", ",
                t.Terms.Select(x => $"{x.Term} ({x.Weight.ToString("0.000", CultureInfo.InvariantCulture)})")))));
    }

    /// <summary>One row per topic and term: <c>Topic, TopicLabel, Rank, Term, Weight</c>.</summary>
    public DataFrame TermFrame()
    {
        var rows = Topics.SelectMany(t => t.Terms.Select((x, r) => (t, r, x))).ToList();
        return new DataFrame(
            new Int32DataFrameColumn("Topic", rows.Select(r => r.t.Id)),
            new StringDataFrameColumn("TopicLabel", rows.Select(r => r.t.Label)),
            new Int32DataFrameColumn("Rank", rows.Select(r => r.r + 1)),
            new StringDataFrameColumn("Term", rows.Select(r => r.x.Term)),
            new DoubleDataFrameColumn("Weight", rows.Select(r => r.x.Weight)));
    }

    /// <summary>The most representative units of each topic: <c>Topic, TopicLabel, Rank, ArticleId, Unit, Title, Confidence, Text</c>.</summary>
    public DataFrame RepresentativeFrame()
    {
        var rows = Topics.SelectMany(t => t.Representatives.Select((a, r) => (t, r, a))).ToList();
        return new DataFrame(
            new Int32DataFrameColumn("Topic", rows.Select(r => r.t.Id)),
            new StringDataFrameColumn("TopicLabel", rows.Select(r => r.t.Label)),
            new Int32DataFrameColumn("Rank", rows.Select(r => r.r + 1)),
            new StringDataFrameColumn("ArticleId", rows.Select(r => r.a.ArticleId)),
            new Int32DataFrameColumn("Unit", rows.Select(r => r.a.Unit)),
            new StringDataFrameColumn("Title", rows.Select(r => Article(r.a).Title)),
            new DoubleDataFrameColumn("Confidence", rows.Select(r => Math.Round(r.a.Confidence, 4))),
            new StringDataFrameColumn("Text", rows.Select(r => r.a.Text)));
    }

    /// <summary>The k-choice scores: <c>K, Silhouette, DaviesBouldin, Inertia, Chosen</c>.</summary>
    public DataFrame KChoiceFrame() => new(
        new Int32DataFrameColumn("K", KScores.Select(s => s.K)),
        new DoubleDataFrameColumn("Silhouette", KScores.Select(s => double.IsNaN(s.Silhouette) ? (double?)null : s.Silhouette)),
        new DoubleDataFrameColumn("DaviesBouldin", KScores.Select(s => s.DaviesBouldin)),
        new DoubleDataFrameColumn("Inertia", KScores.Select(s => s.Inertia)),
        new BooleanDataFrameColumn("Chosen", KScores.Select(s => s.K == K)));

    /// <summary>The 2-D map: <c>ArticleId, Unit, Topic, TopicLabel, Title, X, Y</c> (units with terms only).</summary>
    public DataFrame MapFrame()
    {
        var rows = Assignments.Where(a => a.Topic >= 0).ToList();
        return new DataFrame(
            new StringDataFrameColumn("ArticleId", rows.Select(a => a.ArticleId)),
            new Int32DataFrameColumn("Unit", rows.Select(a => a.Unit)),
            new Int32DataFrameColumn("Topic", rows.Select(a => a.Topic)),
            new StringDataFrameColumn("TopicLabel", rows.Select(a => a.TopicLabel)),
            new StringDataFrameColumn("Title", rows.Select(a => Article(a).Title)),
            new DoubleDataFrameColumn("X", rows.Select(a => a.X)),
            new DoubleDataFrameColumn("Y", rows.Select(a => a.Y)));
    }

    /// <summary>Topics by article: <c>ArticleId, Title, Topic, TopicLabel, Units, Share</c> (share of the article's assigned units), by article then topic.</summary>
    public DataFrame ArticleTopicFrame()
    {
        var rows = Assignments.Where(a => a.Topic >= 0)
            .GroupBy(a => (a.ArticleId, a.Topic))
            .Select(g => (g.Key.ArticleId, g.Key.Topic, Units: g.Count()))
            .ToList();
        var totals = rows.GroupBy(r => r.ArticleId).ToDictionary(g => g.Key, g => g.Sum(r => r.Units), StringComparer.Ordinal);
        var articleOrder = Corpus.Articles.Select((a, i) => (a.Id, i)).GroupBy(x => x.Id).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        rows = rows.OrderBy(r => articleOrder[r.ArticleId]).ThenBy(r => r.Topic).ToList();
        return new DataFrame(
            new StringDataFrameColumn("ArticleId", rows.Select(r => r.ArticleId)),
            new StringDataFrameColumn("Title", rows.Select(r => articles[r.ArticleId].Title)),
            new Int32DataFrameColumn("Topic", rows.Select(r => r.Topic)),
            new StringDataFrameColumn("TopicLabel", rows.Select(r => Topics[r.Topic].Label)),
            new Int32DataFrameColumn("Units", rows.Select(r => r.Units)),
            new DoubleDataFrameColumn("Share", rows.Select(r => Math.Round((double)r.Units / totals[r.ArticleId], 4))));
    }

    /// <summary>
    /// Topics over time: <c>Period, Topic, TopicLabel, Units</c>, one row per period (start date, see <see cref="TimelinePeriods.Floor"/>) and topic with at
    /// least one unit, by period then topic. Units of undated articles are left out (<see cref="UndatedUnits"/>).
    /// </summary>
    public DataFrame OverTimeFrame(TimelinePeriod period = TimelinePeriod.Month)
    {
        var rows = Assignments.Where(a => a.Topic >= 0 && Article(a).Published is not null)
            .GroupBy(a => (Period: TimelinePeriods.Floor(Article(a).Published!.Value, period), a.Topic))
            .Select(g => (g.Key.Period, g.Key.Topic, Units: g.Count()))
            .OrderBy(r => r.Period).ThenBy(r => r.Topic).ToList();
        return new DataFrame(
            new DateTimeDataFrameColumn("Period", rows.Select(r => (DateTime?)r.Period)),
            new Int32DataFrameColumn("Topic", rows.Select(r => r.Topic)),
            new StringDataFrameColumn("TopicLabel", rows.Select(r => Topics[r.Topic].Label)),
            new Int32DataFrameColumn("Units", rows.Select(r => r.Units)));
    }

    /// <summary>Topics by source: <c>Source, Topic, TopicLabel, Units</c>; articles without a source count as <c>(unknown)</c>.</summary>
    public DataFrame SourceFrame()
    {
        var rows = Assignments.Where(a => a.Topic >= 0)
            .GroupBy(a => (Source: Article(a).Source ?? "(unknown)", a.Topic))
            .Select(g => (g.Key.Source, g.Key.Topic, Units: g.Count()))
            .OrderBy(r => r.Source, StringComparer.Ordinal).ThenBy(r => r.Topic).ToList();
        return new DataFrame(
            new StringDataFrameColumn("Source", rows.Select(r => r.Source)),
            new Int32DataFrameColumn("Topic", rows.Select(r => r.Topic)),
            new StringDataFrameColumn("TopicLabel", rows.Select(r => Topics[r.Topic].Label)),
            new Int32DataFrameColumn("Units", rows.Select(r => r.Units)));
    }

    /// <summary>The article a unit belongs to.</summary>
    public Article Article(TopicAssignment assignment) => articles[assignment.ArticleId];

}
