using System.Diagnostics;

namespace NewsAnalysis.Benchmarks;

/// <summary>
/// Entity recognition on the BBC set (2,225 articles): mentions per second with the project gazetteer and with one
/// extended to 1,000 entries by BBC-derived names (names the discovery helper finds in the set). Goal: under 1 s for
/// all articles with 1,000 entries.
/// </summary>
internal sealed class EntitiesBenchmark : IBenchmarkSuite
{
    public string Name => "entities";

    public string Description => "entity mentions per second on the BBC set; goal < 1 s for 2,225 articles with a 1,000-entry gazetteer";

    public void Run(string[] args)
    {
        int repeats = args.Length > 0 && int.TryParse(args[0], out var r) ? r : 5;
        var load = Stopwatch.StartNew();
        var corpus = BenchData.BbcCorpus();
        long chars = corpus.Articles.Sum(a => (long)a.Text.Length);
        Console.WriteLine($"corpus: {corpus.Articles.Count:N0} articles, {chars / 1e6:F1} M characters, loaded in {load.ElapsedMilliseconds:N0} ms");

        var project = Gazetteer.Load(Path.Combine(BenchData.Root, Gazetteer.DefaultRelativePath));
        var discover = Stopwatch.StartNew();
        var unknown = EntityDiscovery.Unknown(corpus, project, 3);
        Console.WriteLine($"discovery: {unknown.Rows.Count:N0} unknown names seen 3+ times, in {discover.ElapsedMilliseconds:N0} ms");
        var extra = unknown["Name"].Cast<string>().Take(1000 - project.Entries.Count)
            .Select(n => new GazetteerEntry(n, EntityType.Organisation, [n], [], [], []));
        var large = project.With(extra);

        Measure(corpus, project, repeats);
        bool met = Measure(corpus, large, repeats);
        Console.WriteLine($"goal (< 1 s for {corpus.Articles.Count:N0} articles with {large.Entries.Count:N0} entries): {(met ? "met" : "NOT met")}");
        Console.WriteLine($"peak working set: {BenchData.PeakMemoryMb():F0} MB");
    }

    private static bool Measure(NewsCorpus corpus, Gazetteer gazetteer, int repeats)
    {
        var build = Stopwatch.StartNew();
        var recognizer = new EntityRecognizer(gazetteer);
        build.Stop();
        recognizer.Recognize(corpus);   // warm-up (JIT)
        var recognize = new List<double>();
        var analyse = new List<double>();
        int mentions = 0;
        for (int i = 0; i < repeats; i++)
        {
            var sw = Stopwatch.StartNew();
            mentions = recognizer.Recognize(corpus).Count;
            recognize.Add(sw.Elapsed.TotalMilliseconds);
            sw.Restart();
            var analysis = EntityAnalysis.Run(corpus, recognizer);
            analysis.PairFrame();
            analysis.SummaryFrame();
            analyse.Add(sw.Elapsed.TotalMilliseconds);
        }
        double median = BenchData.Median(recognize), full = BenchData.Median(analyse);
        Console.WriteLine($"gazetteer {gazetteer.Entries.Count,5:N0} entries ({recognizer.FormCount:N0} forms), built in {build.Elapsed.TotalMilliseconds:F0} ms: " +
            $"{mentions:N0} mentions in {median:F0} ms (median of {repeats}) = {mentions / (median / 1000):N0} mentions/s, " +
            $"{corpus.Articles.Count / (median / 1000):N0} articles/s; with pairs and summary {full:F0} ms");
        return full < 1000;
    }
}
