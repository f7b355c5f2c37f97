using System.Diagnostics;
using System.Globalization;
using CsvHelper;

namespace NewsAnalysis.Benchmarks;

/// <summary>
/// Topics. <c>topics peer</c>: on every labelled set present (BBC; AG News tune and held-out halves), the whole
/// <c>news topics --unit article</c> process (default k-means, and <c>--method embeddings</c>) against scikit-learn's LSA +
/// k-means recipe run by Debian's /usr/bin/python3 on the same CSV in the same run: NMI, ARI, wall time, peak memory.
/// <c>topics seeds [N]</c>: NMI and ARI of ours (Seed 1..N) and the peer (random_state 0..N-1) on each set, N = 3 by default.
/// <c>topics bbc</c>: phases, per-k scores and topics of in-process fits on BBC. <c>topics paragraphs</c>: 100,000
/// paragraphs made from the BBC set (goal under 60 s and 4 GB). <c>topics copies</c>: 10,000 copies of one article and
/// 120,000 near-identical JSON items (issue #15's bounds). No
/// argument: all five.
/// </summary>
internal sealed class TopicsBenchmark : IBenchmarkSuite
{
    public string Name => "topics";

    public string Description => "topics vs scikit-learn LSA + k-means on labelled sets (NMI, ARI, wall, memory; over seeds); BBC phases; 100,000 paragraphs (< 60 s, < 4 GB)";

    private const string Python = "/usr/bin/python3";

    /// <summary>A labelled set: a CSV with a <c>category</c> column, and the number of categories.</summary>
    private sealed record LabelledSet(string Name, string Path, int K, string Role);

    private static IEnumerable<LabelledSet> LabelledSets()
    {
        var eval = System.IO.Path.GetFullPath(System.IO.Path.Combine(BenchData.Root, "..", "shared", "eval"));
        yield return new("BBC", System.IO.Path.Combine(eval, "bbc", "bbc-news.csv"), 5, "looked at while choosing defaults");
        // AG News is built from its public test split (see the README of ../shared/eval/agnews); NEWS_AGNEWS names another
        // folder holding agnews-tune.csv and agnews-heldout.csv when that one is absent or read-only.
        var agnews = Environment.GetEnvironmentVariable("NEWS_AGNEWS") is { Length: > 0 } folder ? folder : System.IO.Path.Combine(eval, "agnews");
        yield return new("AG News, rows 1-3,800", System.IO.Path.Combine(agnews, "agnews-tune.csv"), 4, "looked at while choosing defaults");
        yield return new("AG News, rows 3,801-7,600", System.IO.Path.Combine(agnews, "agnews-heldout.csv"), 4, "held out: never used to choose anything");
    }

    public void Run(string[] args)
    {
        string section = args.Length > 0 ? args[0] : "all";
        if (section is "all" or "peer") Peer(args.Skip(1).ToArray());
        if (section is "all" or "seeds") Seeds(args.Skip(1).FirstOrDefault());
        if (section == "stoplists") StopLists(args.Skip(1).ToArray());
        if (section is "all" or "bbc") Bbc(args.Skip(1).FirstOrDefault());
        if (section is "all" or "paragraphs" or "paragraphs-auto") Paragraphs(section == "paragraphs-auto");
        if (section is "all" or "copies") Copies();
    }

    /// <summary>
    /// Issue #15's massively duplicated inputs, each through the whole <c>news topics</c> process (wall, CPU, peak memory;
    /// bounds 20 s of CPU and 2 GB): 10,000 copies of the second seed article as 10,000 .txt files (paragraphs, automatic
    /// k), and one JSON array of 120,000 items differing only in a number.
    /// </summary>
    private static void Copies()
    {
        var news = System.IO.Path.Combine(AppContext.BaseDirectory, "news.dll");
        using var temp = new TempFolder();
        var copies = Directory.CreateDirectory(System.IO.Path.Combine(temp.Path, "copies")).FullName;
        NewsAnalysis.Tests.HostileInputs.CopiesOfOneArticle(BenchData.Articles, copies);
        var near = NewsAnalysis.Tests.HostileInputs.NearIdenticalJsonArray(temp.Path);
        foreach (var (name, data) in new[] { ("10,000 copies of one article (.txt files), paragraphs, k auto", copies), ("JSON array of 120,000 near-identical items, paragraphs, k auto", near) })
        {
            var run = MeasuredProcess.Run("dotnet", ["exec", news, "topics", "--data", data, "--format", "csv", "--out", System.IO.Path.Combine(temp.Path, "out.csv")],
                BenchData.Root, TimeSpan.FromMinutes(10), new Dictionary<string, string> { ["NEWS_TIMINGS"] = "1" });
            Console.WriteLine($"{name}: exit {run.Exit}, {run.Elapsed.TotalSeconds:F1} s wall, {run.Cpu.TotalSeconds:F1} s CPU, peak {run.PeakMb:F0} MB " +
                $"(bounds 20 s CPU and 2 GB: {(run.Cpu.TotalSeconds < 20 && run.PeakMb < 2048 ? "met" : "MISSED")}; load average {BenchData.LoadAverage()})");
            Console.WriteLine("    " + run.Err.Trim().Replace("\n", " / ", StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// Ours (whole CLI process) and the scikit-learn peer on each labelled set, in the same run. Ours is the CLI published
    /// as the README tells users to run it for speed (ReadyToRun, no tiered compilation; published first, as the sentiment
    /// suite does), each run a first run (an empty result store: fit and save the model); <c>plain</c> among the
    /// arguments adds a row for the build output run through <c>dotnet exec</c> (no ahead-of-time code).
    /// </summary>
    private static void Peer(string[] args)
    {
        bool plain = args.Contains("plain");
        args = args.Where(a => a != "plain").ToArray();
        var published = SentimentBenchmark.PublishCli();
        var script = System.IO.Path.Combine(BenchData.Root, "tests", "NewsAnalysis.Benchmarks", "Peers", "topics_sklearn.py");
        var peerCheck = File.Exists(Python) ? MeasuredProcess.Run(Python, ["-c", "import sklearn; print(sklearn.__version__)"], BenchData.Root, TimeSpan.FromMinutes(1)) : null;
        string? peerVersion = peerCheck is { Exit: 0 } ? peerCheck.Out.Trim() : null;
        Console.WriteLine(peerVersion is null
            ? $"peer not run: {Python} with scikit-learn is missing (apt-get install -y python3-sklearn)"
            : $"peer: scikit-learn {peerVersion} ({Python}), {System.IO.Path.GetRelativePath(BenchData.Root, script)}");
        Console.WriteLine($"{Environment.ProcessorCount} cores, load average {BenchData.LoadAverage()}");
        var methods = args.Length > 0 ? args : ["kmeans", "peer"];
        if (plain) methods = [.. methods.SelectMany(m => m == "kmeans" ? new[] { m, "kmeans-plain" } : [m])];
        using var temp = new TempFolder();
        // CPU time beside wall time: the cores are shared, and CPU time is the steadier figure of the two.
        Console.WriteLine($"| set | method | NMI | ARI | wall (s) | CPU (s) | peak memory (MB) | units/s |");
        Console.WriteLine($"| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var set in LabelledSets())
        {
            if (!File.Exists(set.Path))
            {
                Console.WriteLine($"| {set.Name} | (absent: {set.Path}) | | | | | | |");
                continue;
            }
            var categories = Categories(set.Path);
            foreach (var method in methods)
            {
                if (method == "peer" && peerVersion is null) continue;
                var outFile = System.IO.Path.Combine(temp.Path, $"{method}.out");
                string[] ours = ["topics", "--data", set.Path, "--unit", "article", "--k", set.K.ToString(CultureInfo.InvariantCulture),
                    "--method", method == "kmeans-plain" ? "kmeans" : method, "--format", "csv", "--out", outFile];
                var environment = new Dictionary<string, string>
                {
                    // Embeddings start from an empty cache (its default folder is under XDG_DATA_HOME), and the result
                    // store (default folder under XDG_CACHE_HOME) from an empty one: every figure is a first run's.
                    ["XDG_DATA_HOME"] = System.IO.Path.Combine(temp.Path, $"data-{set.K}-{set.Name.Length}-{method}"),
                    ["XDG_CACHE_HOME"] = System.IO.Path.Combine(temp.Path, $"cache-{set.K}-{set.Name.Length}-{method}"),
                    // One stderr line with wall and CPU time per stage: start, load, features, reduction, k-means, ...
                    ["NEWS_TIMINGS"] = "1",
                };
                var run = method == "peer"
                    ? MeasuredProcess.Run(Python, [script, set.Path, set.K.ToString(CultureInfo.InvariantCulture), outFile, "0"], BenchData.Root, TimeSpan.FromMinutes(10))
                    : method == "kmeans-plain"
                        ? MeasuredProcess.Run("dotnet", ["exec", System.IO.Path.Combine(AppContext.BaseDirectory, "news.dll"), .. ours], BenchData.Root, TimeSpan.FromMinutes(60), environment)
                        : MeasuredProcess.Run(published, ours, BenchData.Root, TimeSpan.FromMinutes(60), environment);
                if (run.Exit != 0)
                {
                    Console.WriteLine($"| {set.Name} | {method} | failed (exit {run.Exit}): {run.Err.Trim()} | | | | | |");
                    continue;
                }
                var (topics, truth) = method == "peer"
                    ? (File.ReadAllLines(outFile).Where(l => l.Length > 0).ToList(), categories)
                    : OurTopics(outFile);
                var who = method switch
                {
                    "peer" => "scikit-learn LSA + k-means",
                    "kmeans-plain" => "news topics --method kmeans (build output, not published)",
                    _ => "news topics --method " + method,
                };
                Console.WriteLine($"| {set.Name} | {who} | " +
                    $"{TopicAgreement.NormalizedMutualInformation(topics, truth):F3} | {TopicAgreement.AdjustedRandIndex(topics, truth):F3} | " +
                    $"{run.Elapsed.TotalSeconds:F1} | {run.Cpu.TotalSeconds:F1} | {run.PeakMb:F0} | {topics.Count / run.Elapsed.TotalSeconds:F0} |");
                if (method != "peer" && run.Err.Trim().Length > 0) Console.WriteLine($"    stderr: {run.Err.Trim().Replace("\n", " / ", StringComparison.Ordinal)}");
                // The peer prints its phases as JSON: {"phases": {"import": [wall, cpu], "read": ..., "tfidf": ..., ...}}.
                if (method == "peer") Console.WriteLine($"    peer phases (wall, CPU s): {run.Out.Trim()}");
            }
            Console.WriteLine($"    ({set.Name}: {categories.Count:N0} rows, k = {set.K}, {set.Role}; load average {BenchData.LoadAverage()})");
        }
    }

    /// <summary>
    /// Quality over seeds, on each labelled set present: ours in-process (the corpus loaded from the CSV as the CLI loads
    /// it) with <c>Seed</c> 1, 2, 3 and the peer with <c>random_state</c> 0, 1, 2 (<paramref name="count"/> seeds each,
    /// default 3). k-means finds one of several near-equal optima, so one seed's row can be luck; a default should win
    /// over seeds, not on one.
    /// </summary>
    private static void Seeds(string? count)
    {
        int seeds = count is null ? 3 : int.Parse(count, CultureInfo.InvariantCulture);
        var script = System.IO.Path.Combine(BenchData.Root, "tests", "NewsAnalysis.Benchmarks", "Peers", "topics_sklearn.py");
        bool peer = File.Exists(Python);
        using var temp = new TempFolder();
        Console.WriteLine($"NMI / ARI per seed (ours Seed 1..{seeds}, scikit-learn random_state 0..{seeds - 1}); {Environment.ProcessorCount} cores, load average {BenchData.LoadAverage()}");
        foreach (var set in LabelledSets())
        {
            if (!File.Exists(set.Path))
            {
                Console.WriteLine($"{set.Name}: absent ({set.Path})");
                continue;
            }
            var corpus = Corpus.Load(set.Path);
            var categories = corpus.Articles.Select(a => a.Extra["category"] ?? "").ToList();
            var ours = OursOverSeeds(corpus, categories, set.K, seeds);
            Console.WriteLine($"{set.Name} ({set.Role}): news topics {SeedRow(ours, "; ")}");
            if (!peer) continue;
            var theirs = PeerOverSeeds(script, set.Path, set.K, seeds, temp.Path);
            Console.WriteLine($"{set.Name} ({set.Role}): scikit-learn {SeedRow(theirs, "; ")}  (load average {BenchData.LoadAverage()})");
        }
    }

    /// <summary>
    /// Stop lists compared over seeds on the labelled sets looked at while choosing defaults (BBC, AG News rows 1-3,800;
    /// the held-out rows only with <c>heldout</c> among the arguments): <c>topics stoplists N VARIANT...</c>, each variant
    /// a base list (<c>ours</c>: english.txt + news.txt, the default before issue #12's fourth session; <c>mlnet</c>: english.txt; <c>sklearn</c>:
    /// scikit-learn.txt, the default now) with <c>news.txt</c> groups added (<c>+time</c>) or removed (<c>-time</c>) by the first word of
    /// their <c># group:</c> line. Ours with <c>Seed</c> 1..N per variant, the peer once with <c>random_state</c> 0..N-1.
    /// </summary>
    private static void StopLists(string[] args)
    {
        int seeds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        bool heldOut = args.Contains("heldout");
        bool peerToo = !args.Contains("nopeer");
        var variants = args.Skip(1).Where(a => a is not ("heldout" or "nopeer")).ToList();
        if (variants.Count == 0) variants = ["ours", "sklearn"];
        var stopwords = System.IO.Path.Combine(BenchData.Root, "data", "stopwords");
        var groups = NewsGroups(System.IO.Path.Combine(stopwords, "news.txt"));
        var english = TopicStopWords.Load(System.IO.Path.Combine(stopwords, "english.txt"));
        var sklearn = TopicStopWords.Load(System.IO.Path.Combine(stopwords, "scikit-learn.txt"));
        var script = System.IO.Path.Combine(BenchData.Root, "tests", "NewsAnalysis.Benchmarks", "Peers", "topics_sklearn.py");
        using var temp = new TempFolder();
        Console.WriteLine($"NMI / ARI per seed (ours Seed 1..{seeds}, scikit-learn random_state 0..{seeds - 1}); {Environment.ProcessorCount} cores, load average {BenchData.LoadAverage()}");
        foreach (var set in LabelledSets().Where(s => heldOut || !s.Role.StartsWith("held out", StringComparison.Ordinal)))
        {
            if (!File.Exists(set.Path)) { Console.WriteLine($"{set.Name}: absent ({set.Path})"); continue; }
            var corpus = Corpus.Load(set.Path);
            var categories = corpus.Articles.Select(a => a.Extra["category"] ?? "").ToList();
            if (peerToo && File.Exists(Python))
            {
                var theirs = PeerOverSeeds(script, set.Path, set.K, seeds, temp.Path);
                Console.WriteLine($"{set.Name} | scikit-learn | {SeedRow(theirs, " | ")}");
            }
            foreach (var variant in variants)
            {
                var stop = StopList(variant, english, sklearn, groups);
                var ours = OursOverSeeds(corpus, categories, set.K, seeds, stop);
                Console.WriteLine($"{set.Name} | {variant} ({stop.Count} words) | {SeedRow(ours, " | ")}");
            }
            Console.WriteLine($"    (load average {BenchData.LoadAverage()})");
        }

        static IReadOnlyList<string> StopList(string variant, IReadOnlyList<string> english, IReadOnlyList<string> sklearn, Dictionary<string, List<string>> groups)
        {
            var parts = System.Text.RegularExpressions.Regex.Split(variant, "(?=[+-])");
            var words = new HashSet<string>(parts[0] switch
            {
                "ours" => english.Concat(groups.Values.SelectMany(g => g)),
                "mlnet" => english,
                "sklearn" => sklearn,
                _ => throw new ArgumentException($"Unknown base list '{parts[0]}' (ours, mlnet, sklearn)."),
            }, StringComparer.Ordinal);
            foreach (var part in parts.Skip(1))
            {
                var name = part[1..];
                var group = groups.FirstOrDefault(g => g.Key.StartsWith(name, StringComparison.Ordinal)).Value
                    ?? (IEnumerable<string>)name.Split(',');   // not a group: the words themselves, comma-separated
                if (part[0] == '+') words.UnionWith(group); else words.ExceptWith(group);
            }
            return words.Order(StringComparer.Ordinal).ToList();
        }

        static Dictionary<string, List<string>> NewsGroups(string path)
        {
            var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            List<string>? current = null;
            foreach (var line in File.ReadLines(path).Select(l => l.Trim()))
            {
                if (line.StartsWith("# group:", StringComparison.Ordinal)) result[line["# group:".Length..].Trim()] = current = [];
                else if (line.Length > 0 && !line.StartsWith('#')) current?.Add(line);
            }
            return result;
        }
    }

    private static (double Nmi, double Ari) SeedScores(List<string> topics, List<string> truth) =>
        (TopicAgreement.NormalizedMutualInformation(topics, truth), TopicAgreement.AdjustedRandIndex(topics, truth));

    // Each seed's NMI / ARI, then (after `separator`) their mean and lowest.
    private static string SeedRow(List<(double Nmi, double Ari)> scores, string separator) =>
        string.Join(", ", scores.Select(s => $"{s.Nmi:F3} / {s.Ari:F3}")) +
        $"{separator}mean {scores.Average(s => s.Nmi):F3} / {scores.Average(s => s.Ari):F3}, lowest {scores.Min(s => s.Nmi):F3} / {scores.Min(s => s.Ari):F3}";

    // Our in-process fits of `corpus` (units: articles) with Seed 1..seeds, scored against `categories` (null stop words: the default list).
    private static List<(double Nmi, double Ari)> OursOverSeeds(NewsCorpus corpus, List<string> categories, int k, int seeds,
        IReadOnlyList<string>? stopWords = null) =>
        Enumerable.Range(1, seeds).Select(seed =>
        {
            var model = TopicModeler.Fit(corpus, new TopicOptions { Unit = TopicUnit.Article, K = k, Seed = seed, StopWords = stopWords });
            return SeedScores(model.Assignments.Select(a => a.Topic.ToString(CultureInfo.InvariantCulture)).ToList(), categories);
        }).ToList();

    // The scikit-learn peer on the CSV at `path` with random_state 0..seeds-1, scored against its category column.
    private static List<(double Nmi, double Ari)> PeerOverSeeds(string script, string path, int k, int seeds, string temp)
    {
        var truth = Categories(path);
        return Enumerable.Range(0, seeds).Select(seed =>
        {
            var outFile = System.IO.Path.Combine(temp, $"peer-{seed}.out");
            var run = MeasuredProcess.Run(Python, [script, path, k.ToString(CultureInfo.InvariantCulture), outFile, seed.ToString(CultureInfo.InvariantCulture)],
                BenchData.Root, TimeSpan.FromMinutes(10));
            if (run.Exit != 0) throw new InvalidOperationException($"The peer failed on {path} (exit {run.Exit}): {run.Err.Trim()}");
            return SeedScores(File.ReadAllLines(outFile).Where(l => l.Length > 0).ToList(), truth);
        }).ToList();
    }

    private static List<string> Categories(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var result = new List<string>();
        while (csv.Read()) result.Add(csv.GetField("category") ?? "");
        return result;
    }

    private static (List<string> Topics, List<string> Categories) OurTopics(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var topics = new List<string>();
        var categories = new List<string>();
        while (csv.Read())
        {
            topics.Add(csv.GetField("Topic") ?? "");
            categories.Add(csv.GetField("category") ?? "");
        }
        return (topics, categories);
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("news-topics-bench-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }

    /// <summary>In-process fits on BBC: phases, per-k scores and topics.</summary>
    private static void Bbc(string? filter)
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
            if (filter is not null && !name.Contains(filter, StringComparison.Ordinal)) continue;
            var cpu = BenchData.CpuTime();
            var watch = Stopwatch.StartNew();
            var model = TopicModeler.Fit(articles, options);
            watch.Stop();
            cpu = BenchData.CpuTime() - cpu;
            var topics = model.Assignments.Select(a => a.Topic.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Console.WriteLine($"{name,-36} {watch.Elapsed.TotalSeconds,6:F2} s (CPU {cpu.TotalSeconds:F2} s)  peak {BenchData.PeakMemoryMb(),6:F0} MB  k = {model.K}  " +
                $"NMI {TopicAgreement.NormalizedMutualInformation(topics, categories):F3}  ARI {TopicAgreement.AdjustedRandIndex(topics, categories):F3}  " +
                $"goal < 5 s: {(watch.Elapsed.TotalSeconds < 5 ? "met" : "MISSED")}  (load average {BenchData.LoadAverage()})");
            Console.WriteLine("    phases: " + string.Join(", ", model.Phases.Select(p => $"{p.Phase} {p.Elapsed.TotalSeconds:F2} s (CPU {p.Cpu.TotalSeconds:F2})")));
            foreach (var s in model.KScores.Where(_ => model.KScores.Count > 1))
                Console.WriteLine($"    k = {s.K,2}  silhouette {s.Silhouette:F4}  Davies-Bouldin {s.DaviesBouldin:F3}  inertia {s.Inertia:F1}");
            foreach (var t in model.Topics) Console.WriteLine($"    topic {t.Id}: {t.Size,5}  {t.Label}");
            if (model.KNote is not null) Console.WriteLine($"    note: {model.KNote}");
        }
    }

    /// <summary>100,000 paragraphs made from the BBC set (goal under 60 s and 4 GB); <paramref name="auto"/> also times the automatic k.</summary>
    private static void Paragraphs(bool auto)
    {
        var records = BbcSet.Read(BenchData.BbcCsv);
        var paragraphs = Corpus.FromRecords(ParagraphRecords(records, 100_000));
        int units = paragraphs.Articles.Sum(a => a.Paragraphs.Count);
        // `topics paragraphs-auto` also times the automatic choice of k (9 values of k × 5 runs) at this scale.
        var runs = new List<(string Name, int? K)> { ("k-means, k = 20", 20) };
        if (auto) runs.Add(("k-means, k auto", null));
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
            Console.WriteLine("    phases: " + string.Join(", ", big.Phases.Select(p => $"{p.Phase} {p.Elapsed.TotalSeconds:F2} s (CPU {p.Cpu.TotalSeconds:F2})")));
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
