using System.Diagnostics;

namespace NewsAnalysis.Benchmarks;

/// <summary>Timeline events extracted per second on the BBC set (2,225 articles), anchored on a fixed date.</summary>
internal sealed class TimelineBenchmark : IBenchmarkSuite
{
    public string Name => "timeline";

    public string Description => "Timeline events from the BBC set (2,225 articles); goal: all articles in under 1 s.";

    public void Run(string[] args)
    {
        int rounds = args.Length > 0 && int.TryParse(args[0], out var r) ? r : 5;
        var corpus = BenchData.BbcCorpus();
        var anchor = new DateTime(2005, 6, 30); // the BBC set's stories date from 2004-2005 and carry no dates
        int sentences = corpus.Articles.Sum(a => a.Sentences.Count);
        long chars = corpus.Articles.Sum(a => (long)a.Text.Length);
        Console.WriteLine($"articles {corpus.Articles.Count:N0}, sentences {sentences:N0}, characters {chars:N0}, anchor {anchor:yyyy-MM-dd}");

        var warm = TimelineEvents.FromCorpus(corpus, anchor); // JIT and regex compilation
        var times = new List<double>();
        var cpu = new List<double>();
        for (int i = 0; i < rounds; i++)
        {
            var cpuBefore = BenchData.CpuTime();
            var watch = Stopwatch.StartNew();
            var events = TimelineEvents.FromCorpus(corpus, anchor);
            watch.Stop();
            times.Add(watch.Elapsed.TotalSeconds);
            cpu.Add((BenchData.CpuTime() - cpuBefore).TotalSeconds);
            if (events.Count != warm.Count) throw new InvalidOperationException("non-deterministic event count");
        }
        double median = BenchData.Median(times);
        Console.WriteLine($"events {warm.Count:N0} ({warm.Count(e => e.Basis == TimelineBasis.Relative):N0} relative), rounds {rounds}");
        foreach (var family in warm.GroupBy(e => e.Family).OrderByDescending(g => g.Count()).ThenBy(g => g.Key))
            Console.WriteLine($"  {TimelineEvents.Word(family.Key),-16} {family.Count(),6:N0}");
        Console.WriteLine($"all articles: median {median * 1000:F0} ms wall (best {times.Min() * 1000:F0} ms), median {BenchData.Median(cpu) * 1000:F0} ms CPU (the machine is shared: CPU time is the steadier figure)");
        PrintFamilyCosts(corpus);
        Console.WriteLine($"throughput: {warm.Count / median:N0} events/s, {corpus.Articles.Count / median:N0} articles/s, {chars / median / 1e6:F1} MB/s");
        Console.WriteLine($"peak memory: {BenchData.PeakMemoryMb():F0} MB");
        Console.WriteLine($"goal (< 1 s for all 2,225 articles): {(median < 1.0 ? "met" : "NOT met")}");
    }

    // Time of each family's pattern alone over every sentence: where the extractor spends its time.
    private static void PrintFamilyCosts(NewsCorpus corpus)
    {
        var sentences = corpus.Articles.SelectMany(a => a.Sentences).Select(s => s.Text).ToList();
        Console.WriteLine("pattern scan time per family (all sentences):");
        foreach (var (family, regex, needs) in TemporalExtractor.FamilyPatterns)
        {
            var watch = Stopwatch.StartNew();
            int matches = 0;
            foreach (var text in sentences)
                if (needs(text))
                    for (var m = regex.Match(text); m.Success; m = m.NextMatch()) matches++;
            Console.WriteLine($"  {TimelineEvents.Word(family),-16} {watch.Elapsed.TotalMilliseconds,7:F1} ms  {matches,6:N0} raw matches");
        }
    }
}
