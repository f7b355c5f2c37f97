using System.Diagnostics;

namespace NewsAnalysis.Benchmarks;

/// <summary>
/// Topics: time and peak memory to cluster the 2,225 BBC articles (goal under 5 s) and 100,000 paragraphs made
/// from the BBC set (goal under 60 s and 4 GB), with NMI/ARI against the BBC categories printed beside.
/// </summary>
internal sealed class TopicsBenchmark : IBenchmarkSuite
{
    public string Name => "topics";

    public string Description => "cluster 2,225 BBC articles (goal < 5 s) and 100,000 paragraphs (goal < 60 s, < 4 GB)";

    public void Run(string[] args)
    {
        var records = BbcSet.Read(BenchData.BbcCsv);
        var articles = Corpus.FromRecords(records);
        var categories = articles.Articles.Select(a => a.Extra["category"] ?? "").ToList();
        Console.WriteLine($"BBC set: {articles.Articles.Count:N0} articles; {Environment.ProcessorCount} cores, load average {BenchData.LoadAverage()}");
        // Warm-up (JIT, ML.NET's first-use costs) on the seed articles, so the figures below measure the clustering.
        TopicModeler.Fit(Corpus.Load(BenchData.Articles), new TopicOptions { K = 3 });

        foreach (var (name, options) in new[]
        {
            ("articles, k-means, k = 5", new TopicOptions { Unit = TopicUnit.Article, K = 5 }),
            ("articles, k-means, k auto (2..10)", new TopicOptions { Unit = TopicUnit.Article }),
            ("articles, LDA, k = 5", new TopicOptions { Unit = TopicUnit.Article, K = 5, Method = TopicMethod.Lda }),
        })
        {
            if (args.Length > 0 && !name.Contains(args[0], StringComparison.Ordinal)) continue;
            var cpu = BenchData.CpuTime();
            var watch = Stopwatch.StartNew();
            var model = TopicModeler.Fit(articles, options);
            watch.Stop();
            cpu = BenchData.CpuTime() - cpu;
            var topics = model.Assignments.Select(a => a.Topic.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Console.WriteLine($"{name,-36} {watch.Elapsed.TotalSeconds,6:F2} s (CPU {cpu.TotalSeconds:F2} s)  peak {BenchData.PeakMemoryMb(),6:F0} MB  k = {model.K}  " +
                $"NMI {TopicAgreement.NormalizedMutualInformation(topics, categories):F3}  ARI {TopicAgreement.AdjustedRandIndex(topics, categories):F3}  " +
                $"goal < 5 s: {(watch.Elapsed.TotalSeconds < 5 ? "met" : "MISSED")}  (load average {BenchData.LoadAverage()})");
            Console.WriteLine("    phases: " + string.Join(", ", model.Phases.Select(p => $"{p.Phase} {p.Elapsed.TotalSeconds:F2} s")));
            foreach (var s in model.KScores.Where(_ => model.KScores.Count > 1))
                Console.WriteLine($"    k = {s.K,2}  silhouette {s.Silhouette:F4}  Davies-Bouldin {s.DaviesBouldin:F3}  inertia {s.Inertia:F1}");
            foreach (var t in model.Topics) Console.WriteLine($"    topic {t.Id}: {t.Size,5}  {t.Label}");
        }

        if (args.Length > 0 && !args[0].StartsWith("paragraphs", StringComparison.Ordinal)) return;
        var paragraphs = Corpus.FromRecords(ParagraphRecords(records, 100_000));
        int units = paragraphs.Articles.Sum(a => a.Paragraphs.Count);
        // `topics paragraphs-auto` also times the automatic choice of k (9 values of k × 5 runs) at this scale.
        var runs = new List<(string Name, int? K)> { ("k-means, k = 20", 20) };
        if (args.Length > 0 && args[0] == "paragraphs-auto") runs.Add(("k-means, k auto", null));
        foreach (var (name, k) in runs)
        {
            var cpu = BenchData.CpuTime();
            var w = Stopwatch.StartNew();
            var big = TopicModeler.Fit(paragraphs, new TopicOptions { Unit = TopicUnit.Paragraph, K = k });
            w.Stop();
            cpu = BenchData.CpuTime() - cpu;
            double peak = BenchData.PeakMemoryMb();
            Console.WriteLine($"{units:N0} paragraphs, {name,-16} {w.Elapsed.TotalSeconds,6:F2} s (CPU {cpu.TotalSeconds:F2} s)  peak {peak,6:F0} MB  k = {big.K}  " +
                $"goal < 60 s and < 4 GB: {(w.Elapsed.TotalSeconds < 60 && peak < 4096 ? "met" : "MISSED")}  (load average {BenchData.LoadAverage()})");
            Console.WriteLine("    phases: " + string.Join(", ", big.Phases.Select(p => $"{p.Phase} {p.Elapsed.TotalSeconds:F2} s")));
            foreach (var t in big.Topics) Console.WriteLine($"    topic {t.Id,2}: {t.Size,6}  {t.Label}");
        }
    }

    /// <summary>
    /// Articles whose paragraphs are runs of three BBC sentences, repeated until <paramref name="target"/> paragraphs
    /// exist; each repeat drops a different sentence from every paragraph, so copies vary.
    /// </summary>
    private static List<ArticleRecord> ParagraphRecords(List<ArticleRecord> records, int target)
    {
        var result = new List<ArticleRecord>();
        int made = 0;
        for (int round = 0; made < target; round++)
        {
            foreach (var r in records)
            {
                var sentences = SentenceSplitter.Split(r.Text).Select(s => r.Text.Substring(s.Start, s.Length)).ToList();
                var paragraphs = sentences.Chunk(3).Select(chunk => string.Join(' ', chunk.Where((_, i) => round == 0 || i != round % 3 || chunk.Length == 1)))
                    .Take(target - made).ToList();
                if (paragraphs.Count == 0) break;
                made += paragraphs.Count;
                result.Add(new ArticleRecord($"{r.Id}-{round}", r.Path, string.Join("\n\n", paragraphs)) { Title = sentences[0], Extra = r.Extra });
                if (made >= target) break;
            }
        }
        return result;
    }
}
