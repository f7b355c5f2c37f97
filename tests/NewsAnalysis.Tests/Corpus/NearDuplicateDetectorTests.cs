namespace NewsAnalysis.Tests;

/// <summary>
/// Near-duplicate detection against a plain reading of its rules (<see cref="NearDuplicateDetector"/>'s summary): exact
/// copies pair with the first of their text; the others are grouped per band by the band's values, each member compared
/// with the group's first <see cref="NearDuplicateDetector.CandidatesPerBucket"/> earlier members, and each article keeps
/// its earliest matches. The reference is written without the detector's sorting, hashing and match pool.
/// </summary>
public class NearDuplicateDetectorTests
{
    private const int Hashes = NearDuplicateDetector.Hashes, Bands = 8, Rows = Hashes / Bands;

    [Fact]
    public void The_pairs_and_marks_are_those_the_rules_give_on_a_corpus_of_repeats()
    {
        var texts = RepeatedStories();
        var options = new CorpusOptions { RepairGluedWords = false };
        var corpus = Corpus.FromRecords(texts.Select((t, i) => new ArticleRecord($"a{i:D3}", $"a{i:D3}", t) { Title = "Story" }), options);
        var articles = corpus.Articles;
        Assert.Equal(texts.Count, articles.Count);

        var expected = Reference(articles.Select(a => a.Text).ToList(), options.NearDuplicateThreshold, out int largestGroup);
        var actual = corpus.NearDuplicates.Select(p => (p.ArticleId, p.DuplicateId, p.Similarity)).ToList();
        Assert.Equal(expected.Select(p => (articles[p.Earlier].Id, articles[p.Later].Id, p.Similarity)).ToList(), actual);

        // The corpus exercises every rule: copies, near copies below 1, buckets past the cap, articles at the cap.
        Assert.Contains(expected, p => p.Similarity == 1.0 && articles[p.Earlier].Text == articles[p.Later].Text);
        Assert.Contains(expected, p => p.Similarity < 1.0);
        Assert.True(largestGroup > NearDuplicateDetector.CandidatesPerBucket + 1, $"largest band group {largestGroup}");
        Assert.Contains(expected.GroupBy(p => p.Later), g => g.Count() == NearDuplicateDetector.CandidatesPerBucket);

        // Each article is marked a duplicate of its earliest match, and only matched articles are marked.
        var firstMatch = expected.GroupBy(p => p.Later).ToDictionary(g => g.Key, g => articles[g.Min(p => p.Earlier)].Id);
        for (int i = 0; i < articles.Count; i++)
            Assert.Equal(firstMatch.GetValueOrDefault(i), articles[i].DuplicateOf);
        Assert.Equal(actual, corpus.NearDuplicates.Select(p => (p.ArticleId, p.DuplicateId, p.Similarity)).ToList());   // read twice: the same
    }

    // Sixty stories of sixty words, most told several times with a word changed (near an end: similar to the story;
    // in the middle: less so, and two tellings changed in different places may not reach the threshold) or not at
    // all, every fourth story twenty times; shuffled.
    private static List<string> RepeatedStories()
    {
        var random = new Random(7);
        string[] vocabulary = ["army", "talks", "minister", "moscow", "islamabad", "deal", "helicopters", "exercise", "defence",
            "officials", "said", "on", "monday", "the", "a", "new", "joint", "training", "agreement", "signed", "visit", "navy",
            "weapons", "border", "security", "cooperation", "meeting", "week", "region", "forces", "counter", "terrorism"];
        string Word() => vocabulary[random.Next(vocabulary.Length)];
        var texts = new List<string>();
        for (int s = 0; s < 60; s++)
        {
            var story = Enumerable.Range(0, 60).Select(_ => Word()).ToArray();
            int told = s % 4 == 0 ? 20 : 1 + s % 5;
            for (int v = 0; v < told; v++)
            {
                var words = (string[])story.Clone();
                if (v > 0 && v % 7 != 3)
                {
                    if (v % 3 == 1) words[20 + v * 3 % 30] = Word();
                    else words[v % 3 == 0 ? 59 - v % 4 : v % 2] = Word();
                }
                texts.Add(char.ToUpperInvariant(words[0][0]) + string.Join(' ', words)[1..] + ".");
            }
        }
        return texts.OrderBy(_ => random.Next()).ToList();
    }

    private static List<(int Earlier, int Later, double Similarity)> Reference(List<string> texts, double threshold, out int largestGroup)
    {
        var pairs = new List<(int Earlier, int Later, double Similarity)>();
        var firstOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var stand = new List<int>();
        for (int i = 0; i < texts.Count; i++)
        {
            if (firstOf.TryGetValue(texts[i], out int first)) pairs.Add((first, i, 1.0));
            else { firstOf[texts[i]] = i; stand.Add(i); }
        }
        var signature = stand.ToDictionary(i => i, i =>
        {
            var s = new uint[Hashes];
            Assert.True(NearDuplicateDetector.Signature(texts[i], s));
            return s;
        });
        var found = stand.ToDictionary(i => i, _ => new SortedDictionary<int, double>());
        largestGroup = 0;
        for (int b = 0; b < Bands; b++)
        {
            foreach (var group in stand.GroupBy(i => string.Join(',', signature[i].Skip(b * Rows).Take(Rows))))
            {
                var members = group.OrderBy(i => i).ToList();
                largestGroup = Math.Max(largestGroup, members.Count);
                for (int p = 1; p < members.Count; p++)
                    foreach (var earlier in members.Take(Math.Min(p, NearDuplicateDetector.CandidatesPerBucket)))
                    {
                        double similarity = signature[earlier].Zip(signature[members[p]]).Count(x => x.First == x.Second) / (double)Hashes;
                        if (similarity >= threshold) found[members[p]][earlier] = Math.Round(similarity, 3);
                    }
            }
        }
        foreach (var (later, matches) in found)
            pairs.AddRange(matches.Take(NearDuplicateDetector.CandidatesPerBucket).Select(m => (m.Key, later, m.Value)));
        return pairs.OrderBy(p => p.Later).ThenBy(p => p.Earlier).ToList();
    }
}
