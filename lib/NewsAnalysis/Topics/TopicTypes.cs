namespace NewsAnalysis;

/// <summary>One unit (article, paragraph or sentence) and the topic it was given.</summary>
/// <param name="ArticleId">The article the unit belongs to.</param>
/// <param name="Unit">The unit's index in its article: paragraph or sentence index, 0 for a whole article.</param>
/// <param name="Topic">The topic (0 is the largest), or −1 when the unit has no feature terms (too short, only stop words).</param>
/// <param name="TopicLabel">The topic's label, or <c>(no terms)</c>.</param>
/// <param name="Confidence">k-means: cosine similarity to the topic's centroid; LDA: the topic's probability in the unit.</param>
/// <param name="X">First coordinate on the topic map (first principal component of the TF-IDF vectors).</param>
/// <param name="Y">Second coordinate on the topic map (second principal component).</param>
/// <param name="Text">The unit's text.</param>
public sealed record TopicAssignment(string ArticleId, int Unit, int Topic, string TopicLabel, double Confidence, double X, double Y, string Text)
{
    /// <summary>
    /// True when the unit was assigned to a saved model's nearest centroid (<see cref="SavedTopicModel.Assign"/>), false
    /// when the model was fitted on it.
    /// </summary>
    public bool Assigned { get; init; }
}

/// <summary>A term that characterises a topic, with its class-based TF-IDF weight.</summary>
/// <param name="Term">A word or a two-word phrase (normalised: lower case, no accents).</param>
/// <param name="Weight">c-TF-IDF weight: the term's share of the topic's words times log(1 + A / f), A the mean words per topic, f the term's frequency overall.</param>
public sealed record TopicTerm(string Term, double Weight);

/// <summary>One topic: label, size, top terms and most representative units.</summary>
/// <param name="Id">Topic number; topics are numbered by decreasing size from 0.</param>
/// <param name="Label">The top distinctive terms joined by commas.</param>
/// <param name="Size">Number of units in the topic.</param>
/// <param name="Terms">Top terms by c-TF-IDF weight.</param>
/// <param name="Representatives">The units closest to the topic (highest confidence), best first.</param>
public sealed record TopicInfo(int Id, string Label, int Size, IReadOnlyList<TopicTerm> Terms, IReadOnlyList<TopicAssignment> Representatives);

/// <summary>How well k-means clustered the units for one k; the scores behind the automatic choice of k.</summary>
/// <param name="K">Number of clusters.</param>
/// <param name="Silhouette">Mean silhouette on a seeded sample of units (−1..1, higher is better); the criterion for choosing k.</param>
/// <param name="DaviesBouldin">Davies–Bouldin index over all units (lower is better), reported alongside.</param>
/// <param name="Inertia">Sum of squared distances of units to their centroid (always falls as k grows).</param>
public sealed record TopicKScore(int K, double Silhouette, double DaviesBouldin, double Inertia);

/// <summary>
/// One phase of a fit and the time it took: <paramref name="Elapsed"/> wall-clock, <paramref name="Cpu"/> the process's CPU
/// time over the phase (all threads, so it can exceed the wall time when both cores work).
/// </summary>
/// <param name="Phase">What ran: <c>boilerplate</c>, <c>features</c>, <c>svd</c>, <c>map</c>, <c>choose k</c>, <c>k-means</c>, <c>lda</c>, <c>terms and labels</c>, ...</param>
/// <param name="Elapsed">Wall-clock time of the phase.</param>
/// <param name="Cpu">CPU time of the process during the phase.</param>
public sealed record TopicPhase(string Phase, TimeSpan Elapsed, TimeSpan Cpu);
