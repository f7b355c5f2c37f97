using System.Diagnostics;
using System.Globalization;
using System.Text;
using CsvHelper;

namespace NewsAnalysis.Benchmarks;

/// <summary>
/// Loads, cleans and sentence-splits the BBC set through <c>Corpus.Load(csv)</c>, then a 10x synthetic corpus made
/// from it (written to a temporary CSV). Goal: 10,000 articles in under 3 s on 2 cores, memory under 10x the raw text.
/// Then short wire-like articles (issue #13): CSVs of 100,000 and 1,000,000 generated rows (one to three sentences,
/// ~250 bytes a row), each loaded in a process of its own (this benchmark with <c>--load-only</c>, so the peak
/// resident memory is the load's) and read by pandas in the same run. Goals: ≥ 20,000 articles/s (100,000 in ≤ 5 s)
/// loaded, cleaned and sentence-split; the 1,000,000-row CSV with peak memory ≤ 5x its size.
/// </summary>
internal sealed class CorpusBenchmark : IBenchmarkSuite
{
    public string Name => "corpus";

    public string Description => "Corpus.Load of the BBC CSV (2,225) and a 10x synthetic CSV: articles/s, MB/s, memory (goal 10k articles < 3 s, < 10x raw)";

    public void Run(string[] args)
    {
        if (args.Length == 2 && args[0] == "--load-only") { LoadOnly(args[1]); return; }
        if (args.Length > 0 && args[0] == "wire") { Wire(args.Skip(1).Select(int.Parse).DefaultIfEmpty(100_000).ToArray()); return; }
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
        Wire([100_000, 1_000_000]);
    }

    // ---------- short wire-like articles, each size loaded in a process of its own, pandas alongside ----------
    private const string Python = "/usr/bin/python3";

    // Two kinds of file per size: varied wire items (few near-duplicates), and the store suite's items made of BBC
    // sentences, where each sentence comes back every ~36,000 articles (millions of near-duplicate pairs at 1,000,000:
    // the detector's worst case for memory).
    private static void Wire(int[] sizes)
    {
        var sentences = WireArticles.Sentences();
        var kinds = new (string Name, Action<string, int> Write)[]
        {
            ("varied wire items", WriteWire),
            ("BBC-sentence wire items (many near-duplicates)", (path, n) => WireArticles.Write(path, sentences, 0, n)),
        };
        foreach (var n in sizes)
        foreach (var (kind, write) in kinds)
        {
            var csv = Path.Combine(Path.GetTempPath(), $"news-bench-wire-{n}-{Environment.ProcessId}.csv");
            try
            {
                var gen = Stopwatch.StartNew();
                write(csv, n);
                long size = new FileInfo(csv).Length;
                Console.WriteLine($"Wire CSV, {kind}: {n:N0} articles, {size / 1e6:F1} MB (generated in {gen.Elapsed.TotalSeconds:F1} s)");
                var self = typeof(CorpusBenchmark).Assembly.Location;
                var ours = MeasuredProcess.Run("dotnet", ["exec", self, "corpus", "--load-only", csv], BenchData.Root, TimeSpan.FromMinutes(10));
                if (ours.Exit != 0) { Console.WriteLine($"  load failed (exit {ours.Exit}): {ours.Err.Trim()}"); continue; }
                var fields = ours.Out.Trim().Split('\n')[^1].Split(' ');   // after the suite's header line
                int articles = int.Parse(fields[0], CultureInfo.InvariantCulture);
                double load = double.Parse(fields[1], CultureInfo.InvariantCulture);
                Console.WriteLine($"  Corpus.Load: {articles:N0} articles, {fields[2]} sentences, {fields[3]} rejected, {fields[4]} near-duplicate pairs | " +
                                  $"load {load:F2} s = {articles / load:N0} articles/s (goal ≥ 20,000: {(articles / load >= 20_000 ? "met" : "NOT met")}) | " +
                                  $"whole process {ours.Elapsed.TotalSeconds:F2} s wall, {ours.Cpu.TotalSeconds:F2} s CPU | " +
                                  $"peak resident {ours.PeakMb:F0} MB = {ours.PeakBytes / (double)size:F1}x the file ({(n >= 1_000_000 ? $"goal ≤ 5x: {(ours.PeakBytes <= 5 * size ? "met" : "NOT met")}" : "the ≤ 5x goal is for 1,000,000 rows: the runtime's own ~100 MB weighs here")}) | load average {BenchData.LoadAverage()}");
                if (!File.Exists(Python)) { Console.WriteLine($"  pandas: not run ({Python} missing; apt-get install -y python3-pandas)"); continue; }
                var peer = MeasuredProcess.Run(Python, ["-c", "import sys, time; import pandas as pd; t = time.time(); df = pd.read_csv(sys.argv[1]); print(len(df), round(time.time() - t, 3))", csv],
                    BenchData.Root, TimeSpan.FromMinutes(10));
                if (peer.Exit != 0) { Console.WriteLine($"  pandas failed: {peer.Err.Trim().Split('\n')[^1]}"); continue; }
                var p = peer.Out.Trim().Split(' ');
                Console.WriteLine($"  pandas read_csv (parse only, no cleaning or sentences): {int.Parse(p[0], CultureInfo.InvariantCulture):N0} rows, read {p[1]} s | " +
                                  $"whole process {peer.Elapsed.TotalSeconds:F2} s wall, {peer.Cpu.TotalSeconds:F2} s CPU | peak resident {peer.PeakMb:F0} MB = {peer.PeakBytes / (double)size:F1}x the file");
            }
            finally { File.Delete(csv); }
        }
    }

    // The child: loads one file and prints "articles seconds sentences rejected pairs".
    private static void LoadOnly(string csv)
    {
        var sw = Stopwatch.StartNew();
        var corpus = Corpus.Load(csv);
        sw.Stop();
        long sentences = 0;
        foreach (var a in corpus.Articles) sentences += a.Sentences.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{corpus.Articles.Count} {sw.Elapsed.TotalSeconds:F3} {sentences} {corpus.Rejected.Count} {corpus.NearDuplicates.Count}"));
    }

    private static readonly string[] Places = ["Geneva", "Nairobi", "Lima", "Oslo", "Hanoi", "Dakar", "Quito", "Riga", "Accra", "Perth", "Tbilisi", "Manila"];
    private static readonly string[] Subjects = ["The central bank", "The finance ministry", "Opposition leaders", "The port authority", "Farmers' unions", "The health agency", "Rail workers", "The football federation", "Energy regulators", "City officials"];
    private static readonly string[] Verbs = ["raised", "cut", "approved", "rejected", "delayed", "announced", "questioned", "extended", "suspended", "reviewed"];
    private static readonly string[] Objects = ["interest rates", "the fuel subsidy", "a new budget", "the wage agreement", "import tariffs", "the vaccine plan", "the stadium contract", "water prices", "the bond sale", "night train services"];
    private static readonly string[] Tails = ["after weeks of talks", "despite protests", "citing rising costs", "ahead of the election", "in a surprise move", "for the second time this year"];
    private static readonly string[] Quotes = ["\"We had no other choice,\" a spokesman said.", "Analysts expect markets to react on Monday.", "The decision takes effect next month.", "Critics said the move came too late.", "Further details were not given."];

    // Wire items: a title and one to three sentences, varied enough that few are near-duplicates (seeded: the same file each run).
    private static void WriteWire(string path, int n)
    {
        var random = new Random(1);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var h in new[] { "id", "title", "date", "source", "text" }) csv.WriteField(h);
        csv.NextRecord();
        var text = new StringBuilder();
        for (int i = 0; i < n; i++)
        {
            string place = Places[random.Next(Places.Length)], subject = Subjects[random.Next(Subjects.Length)];
            string verb = Verbs[random.Next(Verbs.Length)], obj = Objects[random.Next(Objects.Length)];
            text.Clear();
            text.Append(place.ToUpperInvariant()).Append(" (Wire) - ").Append(subject).Append(' ').Append(verb).Append(' ').Append(obj)
                .Append(" by ").Append(random.Next(2, 95)).Append(" percent on ").Append(DayNames[random.Next(7)]).Append(' ')
                .Append(Tails[random.Next(Tails.Length)]).Append(", officials said.");
            int more = random.Next(3);
            for (int k = 0; k < more; k++) text.Append(' ').Append(Quotes[random.Next(Quotes.Length)]);
            csv.WriteField($"w{i:D7}");
            csv.WriteField($"{subject} {verb} {obj} in {place}");
            csv.WriteField(new DateTime(2015, 1, 1).AddDays(random.Next(3650)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            csv.WriteField("Wire");
            csv.WriteField(text.ToString());
            csv.NextRecord();
        }
    }

    private static readonly string[] DayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

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
