using System.Diagnostics;
using System.Globalization;
using System.Text;
using CsvHelper;

namespace NewsAnalysis.Benchmarks;

/// <summary>
/// Loads, cleans and sentence-splits the BBC set through <c>Corpus.Load(csv)</c>, then a 10x synthetic corpus made
/// from it (written to a temporary CSV). Goal: 10,000 articles in under 3 s on 2 cores, memory under 10x the raw text.
/// </summary>
internal sealed class CorpusBenchmark : IBenchmarkSuite
{
    public string Name => "corpus";

    public string Description => "Corpus.Load of the BBC CSV (2,225) and a 10x synthetic CSV: articles/s, MB/s, memory (goal 10k articles < 3 s, < 10x raw)";

    public void Run(string[] args)
    {
        int factor = args.Length > 0 && int.TryParse(args[0], out var f) ? f : 10;
        var bbc = BenchData.BbcCsv;
        var texts = BbcSet.Read(bbc).Select(r => r.Text).ToList();
        Console.WriteLine($"BBC set: {texts.Count:N0} articles, {new FileInfo(bbc).Length / 1e6:F2} MB on disk");

        Measure("BBC, first load (word lists, JIT)", bbc);
        Measure("BBC, warm", bbc);

        var synthetic = Path.Combine(Path.GetTempPath(), $"news-bench-synthetic-{Environment.ProcessId}.csv");
        try
        {
            WriteSynthetic(texts, factor, synthetic);
            var result = Measure($"Synthetic {factor}x", synthetic);
            double per10k = result.Seconds / result.Articles * 10_000;
            double cpu10k = result.CpuSeconds / result.Articles * 10_000;
            Console.WriteLine($"  => 10,000 articles in {per10k:F2} s wall (goal < 3 s: {(per10k < 3 ? "met" : "NOT met")}), {cpu10k:F2} s CPU " +
                              $"(on 2 idle cores about {cpu10k / Math.Min(2, Environment.ProcessorCount):F2}-{cpu10k:F2} s wall); " +
                              $"managed memory {result.ManagedRatio:F1}x raw text (goal < 10x: {(result.ManagedRatio < 10 ? "met" : "NOT met")})");
        }
        finally { File.Delete(synthetic); }
    }

    private sealed record Result(int Articles, double Seconds, double CpuSeconds, double ManagedRatio);

    private static Result Measure(string label, string csv)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long before = GC.GetTotalMemory(true);
        long raw = new FileInfo(csv).Length;
        var cpu0 = BenchData.CpuTime();
        var sw = Stopwatch.StartNew();
        var corpus = Corpus.Load(csv, new CorpusOptions { MaxFileBytes = long.MaxValue });
        sw.Stop();
        var cpu = (BenchData.CpuTime() - cpu0).TotalSeconds;
        long managed = GC.GetTotalMemory(true) - before;
        long rawChars = corpus.Articles.Sum(a => (long)a.Text.Length);
        int sentences = corpus.Articles.Sum(a => a.Sentences.Count);
        double s = sw.Elapsed.TotalSeconds;
        double ratio = managed / (double)raw;
        Console.WriteLine($"{label}: {corpus.Articles.Count:N0} articles, {sentences:N0} sentences, {corpus.Changes.Count:N0} changes, " +
                          $"{corpus.NearDuplicates.Count:N0} near-duplicate pairs, {corpus.Rejected.Count} rejected");
        Console.WriteLine($"  {s:F2} s wall, {cpu:F2} s CPU (load average {BenchData.LoadAverage()}) | {corpus.Articles.Count / s:N0} articles/s | {raw / 1e6 / s:F1} MB/s | " +
                          $"corpus held in memory {managed / 1e6:F0} MB = {ratio:F1}x raw {raw / 1e6:F1} MB ({rawChars / 1e6:F1} M chars) | " +
                          $"peak working set of the process {BenchData.PeakMemoryMb():F0} MB = {BenchData.PeakMemoryMb() * 1024 * 1024 / raw:F1}x raw");
        GC.KeepAlive(corpus);
        return new Result(corpus.Articles.Count, s, cpu, ratio);
    }

    // Copy k of article i: its first half, then the second half of another article, so copies are new texts
    // (not near-duplicates) with the BBC's vocabulary, sentence shapes and length.
    private static void WriteSynthetic(List<string> texts, int factor, string path)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        csv.WriteField("text"); csv.WriteField("category"); csv.NextRecord();
        for (int k = 0; k < factor; k++)
            for (int i = 0; i < texts.Count; i++)
            {
                var a = texts[i];
                var b = texts[(i * 7 + k * 131 + 1) % texts.Count];
                csv.WriteField(a[..(a.Length / 2)] + b[(b.Length / 2)..]);
                csv.WriteField($"copy{k}");
                csv.NextRecord();
            }
    }
}
