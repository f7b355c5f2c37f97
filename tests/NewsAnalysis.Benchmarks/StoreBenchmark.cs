using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Analysis;

namespace NewsAnalysis.Benchmarks;

/// <summary>
/// The per-article result store on short wire-style articles (1-3 sentences each, generated at run time from the BBC
/// set's sentences, 10 CSV files): for each per-article analysis, the time without the store, with an empty store
/// (cold), with a full one (warm) and after 1% new articles, and whether the rerun's frame equals a cold run's. Goal:
/// the 1%-new rerun at most 10% of the cold run. pandas (/usr/bin/python3) reads the same CSV files in the same run.
/// The whole <c>news report</c> verb (every notebook, as a user runs it with <c>--cache</c>) cold, warm and after 1% new
/// articles, on <c>--report-articles N</c> of them (default 10,000: a report of 100,000 takes minutes per run here).
/// Arguments: the number of articles (default 100,000); <c>--no-topics</c> leaves out the topic model (minutes to fit);
/// <c>--no-report</c> leaves out the report runs; <c>--no-cli</c> the per-article verbs run as CLI processes;
/// <c>--no-in-process</c> the analyses and whole verbs run inside this process (at 1,000,000 articles they take most
/// of an hour, and the frames they hold make this process's later rows slower).
/// </summary>
internal sealed class StoreBenchmark : IBenchmarkSuite
{
    public string Name => "store";

    public string Description => "result store: cold vs warm vs 1%-new rerun of sentiment, entities, timeline on N short articles (default 100,000; goal rerun <= 10% of cold), of each whole verb (corpus load with the corpus cache + analysis) and of `news report` (10,000 articles), and of the topic model (fit + save, then new units assigned); pandas reads the same CSVs";

    private const int Files = 10;

    public void Run(string[] args)
    {
        int count = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 100_000;
        var root = Path.Combine(Path.GetTempPath(), $"news-bench-store-{Environment.ProcessId}");
        var data = Path.Combine(root, "data");
        var cache = Path.Combine(root, "cache");
        try
        {
            var sentences = WireArticles.Sentences();
            Directory.CreateDirectory(data);
            for (int f = 0; f < Files; f++) WireArticles.Write(Path.Combine(data, $"wire-{f:D2}.csv"), sentences, f * (count / Files), count / Files);
            Console.WriteLine($"{count:N0} articles of 1-3 sentences in {Files} CSV files ({Directory.GetFiles(data).Sum(p => new FileInfo(p).Length) / 1e6:F1} MB), " +
                              $"{Environment.ProcessorCount} cores, load average {BenchData.LoadAverage()}");
            var options = new CorpusOptions { MaxFileBytes = long.MaxValue };
            var (loaded, load) = Time(() => Corpus.Load(data, options));
            NewsCorpus? corpus = loaded;
            Console.WriteLine($"corpus load without a store (no corpus cache): {load:F2} s, {corpus.Articles.Count / load:N0} articles/s");
            Pandas(data);

            // 1% new: one more file of new articles (ids and texts not in the others).
            WireArticles.Write(Path.Combine(data, "wire-new.csv"), sentences, count, count / 100);
            if (!args.Contains("--no-in-process")) InProcess(root, data, cache, options, corpus, args.Contains("--no-topics"));
            // The CLI and report rows run in processes of their own: this one holds no corpus meanwhile.
            (loaded, corpus) = (null!, null);
            GC.Collect();
            if (!args.Contains("--no-cli")) CliVerbs(root, data, Path.Combine(cache, "cli"), sentences, count);
            if (!args.Contains("--no-report")) Report(root, sentences, ReportArticles(args, count));
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    // The per-article analyses inside this process: each frame without a store, cold, warm and with 1% new articles,
    // then each whole verb (WholeVerbs) and, unless left out, the topic model's reuse.
    private static void InProcess(string root, string data, string cache, CorpusOptions options, NewsCorpus corpus, bool noTopics)
    {
        var (grown, loadGrown) = Time(() => Corpus.Load(data, options));
        Console.WriteLine($"corpus load with 1% new: {loadGrown:F2} s ({grown.Articles.Count:N0} articles)");

        Console.WriteLine("| analysis | no store (s) | cold store (s) | warm (s) | 1% new (s) | 1% new / cold | rerun frame = cold frame | goal <= 10% |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        var analyses = new (string Name, Func<NewsCorpus, DataFrame> Frame)[]
        {
            ("sentiment (sentences)", c => SentimentAnalysis.SentenceFrame(c)),
            ("entities (mentions)", c => EntityAnalysis.Run(c).MentionFrame()),
            ("timeline (events)", c => TimelineEvents.Frame(c)),
        };
        var expectedFrames = new Dictionary<string, DataFrame>();
        foreach (var (name, frame) in analyses)
        {
            var folder = Path.Combine(cache, name.Split(' ')[0]);
            var (_, none) = Time(() => With(null, () => frame(corpus)));
            double cold = InStore(folder, () => frame(corpus));
            double warm = InStore(folder, () => frame(corpus));
            DataFrame? rerun = null;
            double fresh = InStore(folder, () => rerun = frame(grown));
            var expected = expectedFrames[name] = With(null, () => frame(grown));
            bool same = SameFrame(expected, rerun!);
            double ratio = fresh / cold;
            Console.WriteLine($"| {name} | {none:F2} | {cold:F2} | {warm:F2} | {fresh:F2} | {ratio:P1} | {(same ? "yes" : "NO")} | {(ratio <= 0.10 ? "met" : "NOT met")} |");
        }
        Console.WriteLine($"(a verb's whole run adds the corpus load of {loadGrown:F2} s and dotnet start-up to each figure; load average now {BenchData.LoadAverage()}; store {DirectorySize(cache) / 1e6:F1} MB)");
        WholeVerbs(root, data, Path.Combine(cache, "verbs"), options, analyses, grown, expectedFrames);
        if (!noTopics) TopicReuse(Path.Combine(cache, "topics"), corpus, grown);
    }

    // A verb's whole run as the CLI does it: the corpus loaded with the store in effect (its corpus cache), then the
    // analysis's frame. Cold (empty cache), warm, and with the 1%-new file; the rerun's corpus frames and analysis frame
    // must equal a cold load's without any store.
    private static void WholeVerbs(string root, string data, string cache, CorpusOptions options,
        (string Name, Func<NewsCorpus, DataFrame> Frame)[] analyses, NewsCorpus grown, Dictionary<string, DataFrame> expected)
    {
        var newFile = Path.Combine(data, "wire-new.csv");
        var aside = Path.Combine(root, "wire-new.csv");
        // CPU seconds of this process beside the wall time: on a shared machine (load average 10-20) the CPU ratio moves less.
        Console.WriteLine("| whole verb (corpus load + analysis) | no store (s) | cold (s) | warm (s) | 1% new (s) | 1% new / cold | CPU s cold -> 1% new (ratio) | corpus and frame = cold load's | goal <= 10% |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        var phases = new List<string>();
        foreach (var (name, frame) in analyses)
        {
            var folder = Path.Combine(cache, name.Split(' ')[0]);
            File.Move(newFile, aside);
            var (none, _, _, _, _) = Verb(null, data, options, frame);
            var (cold, coldCpu, coldPhases, _, _) = Verb(folder, data, options, frame);
            var (warm, _, warmPhases, _, _) = Verb(folder, data, options, frame);
            File.Move(aside, newFile);
            var (fresh, freshCpu, freshPhases, corpus, result) = Verb(folder, data, options, frame);
            bool same = SameCorpus(grown, corpus) && SameFrame(expected[name], result);
            double ratio = fresh / cold;
            Console.WriteLine($"| {name} | {none:F2} | {cold:F2} | {warm:F2} | {fresh:F2} | {ratio:P1} | {coldCpu:F2} -> {freshCpu:F2} ({freshCpu / coldCpu:P1}) | {(same ? "yes" : "NO")} | {(ratio <= 0.10 ? "met" : "NOT met")} |");
            phases.Add($"    {name}: cold {coldPhases}\n    {name}: warm {warmPhases}\n    {name}: 1% new {freshPhases}");
        }
        foreach (var p in phases) Console.WriteLine(p);
        Console.WriteLine($"(load average now {BenchData.LoadAverage()}; stores with the corpus cache {DirectorySize(cache) / 1e6:F1} MB)");
    }

    // Each per-article verb as a user runs it: the published CLI (as the README has users publish it for repeated
    // runs: ReadyToRun; until the eighth session these rows ran the build output's news.dll, JIT-compiled as it ran) in
    // its own process (start-up, corpus load with the corpus cache, analysis, CSV written to --out), without a store,
    // then with --cache empty (cold), full (warm) and with the 1%-new file. The 1%-new run's file must be byte for byte
    // the --no-cache run's on the same data.
    private static void CliVerbs(string root, string data, string cache, List<string> sentences, int count)
    {
        var newFile = Path.Combine(data, "wire-new.csv");
        var aside = Path.Combine(root, "wire-new.csv");
        var news = SentimentBenchmark.PublishCli();
        var outputs = Path.Combine(root, "cli-out");
        Directory.CreateDirectory(outputs);
        MeasuredProcess Run(string verb, string output, params string[] store)
        {
            var run = MeasuredProcess.Run(news, [verb, "--data", data, "--format", "csv", "--out", output, .. store], BenchData.Root, TimeSpan.FromMinutes(30));
            if (run.Exit != 0) Console.WriteLine($"    news {verb} exited {run.Exit}: {run.Err[^Math.Min(1500, run.Err.Length)..]}");
            return run;
        }
        static string Cell(MeasuredProcess r) => $"{r.Elapsed.TotalSeconds:F2} ({r.Cpu.TotalSeconds:F2} CPU, {r.PeakMb:F0} MB)";
        // 1% changed: every hundredth article of each file edited (a sentence added), with the 1%-new file still there.
        void WriteWire(Func<int, bool>? edited)
        {
            for (int f = 0; f < Files; f++) WireArticles.Write(Path.Combine(data, $"wire-{f:D2}.csv"), sentences, f * (count / Files), count / Files, edited);
        }
        bool Same(string a, string b) => File.ReadAllBytes(Path.Combine(outputs, a)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(outputs, b)));
        Console.WriteLine("| news VERB --format csv --out F (published, own process) | no store: s (CPU, peak) | cold | warm | 1% new | 1% new / cold (wall, CPU) | 1% changed | 1% changed / cold | files = --no-cache files | goal <= 10% |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var verb in new[] { "sentiment", "entities", "timeline" })
        {
            var folder = Path.Combine(cache, verb);
            File.Move(newFile, aside);
            var none = Run(verb, Path.Combine(outputs, "none.csv"), "--no-cache");
            var cold = Run(verb, Path.Combine(outputs, "cold.csv"), "--cache", folder);
            var warm = Run(verb, Path.Combine(outputs, "warm.csv"), "--cache", folder);
            File.Move(aside, newFile);
            var fresh = Run(verb, Path.Combine(outputs, "fresh.csv"), "--cache", folder);
            Run(verb, Path.Combine(outputs, "expected.csv"), "--no-cache");
            WriteWire(i => i % 100 == 50);
            var changed = Run(verb, Path.Combine(outputs, "changed.csv"), "--cache", folder);
            Run(verb, Path.Combine(outputs, "expected-changed.csv"), "--no-cache");
            WriteWire(null);
            bool same = Same("fresh.csv", "expected.csv") && Same("changed.csv", "expected-changed.csv");
            double ratio = fresh.Elapsed / cold.Elapsed, changedRatio = changed.Elapsed / cold.Elapsed;
            Console.WriteLine($"| news {verb} ({new FileInfo(Path.Combine(outputs, "fresh.csv")).Length / 1e6:F1} MB of CSV) | {Cell(none)} | {Cell(cold)} | {Cell(warm)} | {Cell(fresh)} | " +
                              $"{ratio:P1}, {fresh.Cpu / cold.Cpu:P1} | {Cell(changed)} | {changedRatio:P1}, {changed.Cpu / cold.Cpu:P1} | {(same ? "yes" : "NO")} | " +
                              $"{(Math.Max(ratio, changedRatio) <= 0.10 ? "met" : "NOT met")} |");
        }
        Console.WriteLine($"(load average now {BenchData.LoadAverage()})");
    }

    private static int ReportArticles(string[] args, int count)
    {
        int at = Array.IndexOf(args, "--report-articles");
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var n) && n > 0 ? n : Math.Min(count, 10_000);
    }

    // The whole `news report` (every notebook of notebooks/, each in news-kernel, HTML written) as a user runs it: without
    // a store, then with --cache empty (cold), full (warm) and after 1% new articles in a new file. Wall time of the
    // process (kernels included). Its figures are whole runs; the identity of a rerun's results with a cold run's is what
    // the per-verb rows above and the store tests check (a report's HTML differs run to run: run ids, chart ids).
    private static void Report(string root, List<string> sentences, int count)
    {
        var data = Path.Combine(root, "report-data");
        var cache = Path.Combine(root, "report-cache");
        Directory.CreateDirectory(data);
        WireArticles.Write(Path.Combine(data, "wire.csv"), sentences, 0, count);
        var news = Path.Combine(AppContext.BaseDirectory, "news.dll");
        (double Seconds, int Exit, string Notebooks) Run(bool store)
        {
            var output = Path.Combine(root, "report-out");
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
            string[] arguments = ["exec", news, "report", "--data", data, "--out", output, .. store ? new[] { "--cache", cache } : []];
            var run = MeasuredProcess.Run("dotnet", arguments, BenchData.Root, TimeSpan.FromMinutes(60));
            if (run.Exit != 0) Console.WriteLine($"    news report exited {run.Exit}: {run.Err[^Math.Min(1500, run.Err.Length)..]}");
            // Its progress lines name each notebook's cell time ("02-sentiment: ok, 11 cells in 8.1 s").
            var notebooks = (run.Out + "\n" + run.Err).Split('\n').Select(l => l.Trim()).Where(l => l.Contains(": ok, ", StringComparison.Ordinal) || l.Contains(": failed", StringComparison.Ordinal))
                .Select(l => l.Replace(" cells in ", " cells ", StringComparison.Ordinal));
            return (run.Elapsed.TotalSeconds, run.Exit, string.Join("; ", notebooks));
        }
        var none = Run(store: false);
        var cold = Run(store: true);
        var warm = Run(store: true);
        WireArticles.Write(Path.Combine(data, "wire-new.csv"), sentences, count, Math.Max(1, count / 100));
        var fresh = Run(store: true);
        double ratio = fresh.Seconds / cold.Seconds;
        bool ok = new[] { none, cold, warm, fresh }.All(r => r.Exit == 0);
        Console.WriteLine($"| news report (6 notebooks, --cache) on {count:N0} articles{(count < 100_000 ? " (not 100,000: minutes per run on this machine)" : "")} | no store (s) | cold (s) | warm (s) | 1% new (s) | 1% new / cold | every run succeeded | goal <= 10% |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        Console.WriteLine($"| news report | {none.Seconds:F2} | {cold.Seconds:F2} | {warm.Seconds:F2} | {fresh.Seconds:F2} | {ratio:P1} | {(ok ? "yes" : "NO")} | {(ratio <= 0.10 ? "met" : "NOT met")} |");
        foreach (var (label, r) in new[] { ("no store", none), ("cold", cold), ("warm", warm), ("1% new", fresh) })
            Console.WriteLine($"    {label}: {r.Notebooks}");
        Console.WriteLine($"(load average now {BenchData.LoadAverage()}; report store {DirectorySize(cache) / 1e6:F1} MB)");
    }

    private static (double Seconds, double Cpu, string Phases, NewsCorpus Corpus, DataFrame Frame) Verb(string? folder, string data, CorpusOptions options, Func<NewsCorpus, DataFrame> frame)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var store = folder is null ? null : ArticleResultStore.Open(folder);
        var opened = sw.Elapsed;
        NewsCorpus corpus;
        DataFrame result;
        TimeSpan loaded;
        using (ArticleResultStore.Use(store))
        {
            corpus = Corpus.Load(data, options);
            loaded = sw.Elapsed;
            result = frame(corpus);
        }
        var ran = sw.Elapsed;
        store?.Dispose();
        double total = sw.Elapsed.TotalSeconds;
        double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        if (store is null) return (total, cpuSeconds, "", corpus, result);
        var l = store.CorpusLoads[0];
        var c = store.Counts.FirstOrDefault() ?? new ArticleStoreCounts("", 0, 0);   // none when every row came from frame segments
        var segments = store.Segments.FirstOrDefault();
        var phases = $"{total:F2} s: open {opened.TotalSeconds:F2}, corpus load {(loaded - opened).TotalSeconds:F2} (hash files + read rows {l.CheckTime.TotalSeconds:F2}, " +
                     $"parse/decode {l.ReadTime.TotalSeconds:F2} ({l.FilesRead} files read, {l.FilesReused} reused), clean/check/split {l.CleanTime.TotalSeconds:F2} " +
                     $"({l.ArticlesCleaned:N0} cleaned, {l.ArticlesReused:N0} reused), near-duplicates {l.FinishTime.TotalSeconds:F2}, write {l.WriteTime.TotalSeconds:F2}); " +
                     $"analysis: keys {c.KeyTime.TotalSeconds:F2}, read+decode {c.ReadTime.TotalSeconds:F2}, analyse+commit {c.ComputeTime.TotalSeconds:F2} ({c.Computed:N0}), " +
                     $"frame {(ran - loaded - c.KeyTime - c.ReadTime - c.ComputeTime).TotalSeconds:F2}" +
                     (segments is null ? "" : $" (segments: {segments.Reused} files read back in {segments.ReadTime.TotalSeconds:F2}, {segments.Built} built)") +
                     $"; prune+close {(sw.Elapsed - ran).TotalSeconds:F2}";
        return (total, cpuSeconds, phases, corpus, result);
    }

    private static bool SameCorpus(NewsCorpus a, NewsCorpus b) =>
        SameFrame(a.ArticleFrame(), b.ArticleFrame()) && SameFrame(a.SentenceFrame(), b.SentenceFrame()) && SameFrame(a.ParagraphFrame(), b.ParagraphFrame())
        && SameFrame(a.NearDuplicateFrame(), b.NearDuplicateFrame()) && SameFrame(a.ChangeFrame(), b.ChangeFrame()) && SameFrame(a.RejectedFrame(), b.RejectedFrame());

    private static double InStore(string folder, Func<DataFrame> run)
    {
        var sw = Stopwatch.StartNew();
        var store = ArticleResultStore.Open(folder);
        var opened = sw.Elapsed;
        using (ArticleResultStore.Use(store)) run();
        var ran = sw.Elapsed;
        var counts = store.Counts;
        store.Dispose();
        var c = counts[0];
        Console.WriteLine($"    open {opened.TotalSeconds:F2} s, keys {c.KeyTime.TotalSeconds:F2} s, read+decode {c.ReadTime.TotalSeconds:F2} s ({c.Reused:N0} reused), " +
                          $"analyse+commit {c.ComputeTime.TotalSeconds:F2} s ({c.Computed:N0} computed), frame {(ran - opened - c.KeyTime - c.ReadTime - c.ComputeTime).TotalSeconds:F2} s, " +
                          $"prune+close {(sw.Elapsed - ran).TotalSeconds:F2} s");
        return sw.Elapsed.TotalSeconds;   // with opening, committing, pruning and closing the store
    }

    // Topic model reuse (issue #13 item 4): the default model (paragraphs, k auto) fitted and saved with an empty
    // store (cold), reused on the same corpus (warm: every unit fitted) and on 1% new articles (those assigned to the
    // saved model). The rerun's fitted units must keep the cold fit's topics, confidences and map positions.
    private static void TopicReuse(string folder, NewsCorpus corpus, NewsCorpus grown)
    {
        TopicModel? coldModel = null, rerun = null;
        double cold = InTopicStore(folder, s => coldModel = TopicModelReuse.FitOrAssign(corpus, null, s));
        double warm = InTopicStore(folder, s => TopicModelReuse.FitOrAssign(corpus, null, s));
        double fresh = InTopicStore(folder, s => rerun = TopicModelReuse.FitOrAssign(grown, null, s));
        var fitted = rerun!.Assignments.Where(a => !a.Assigned).Select(a => (a.ArticleId, a.Unit, a.Topic, a.Confidence, a.X, a.Y));
        bool same = fitted.SequenceEqual(coldModel!.Assignments.Select(a => (a.ArticleId, a.Unit, a.Topic, a.Confidence, a.X, a.Y)));
        int assigned = rerun.Assignments.Count(a => a.Assigned);
        double size;
        using (var store = ArticleResultStore.Open(folder)) size = store.LoadModel(TopicModelReuse.ModelName(TopicOptions.Default))!.Length;
        Console.WriteLine("| topics (k-means, paragraphs, k auto) | fit + save (s) | warm: all fitted (s) | 1% new: assigned (s) | 1% new / cold | fitted units = cold fit | saved model |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");
        Console.WriteLine($"| {coldModel.Assignments.Count:N0} units, k = {coldModel.K} | {cold:F2} | {warm:F2} | {fresh:F2} ({assigned:N0} assigned) | {fresh / cold:P1} | {(same ? "yes" : "NO")} | {size / 1e6:F1} MB |");
        Console.WriteLine($"    cold run's phases: {string.Join(", ", coldModel.Phases.Select(p => $"{p.Phase} {p.Elapsed.TotalSeconds:F2} s"))}");
        Console.WriteLine($"    {rerun.ModelNote}");
        var drift = rerun.DriftFrame();
        for (int r = 0; r < drift.Rows.Count; r++)
            Console.WriteLine($"    topic {drift["Topic"][r]} ({drift["TopicLabel"][r]}): {drift["Fitted"][r]} fitted at {drift["FittedDistance"][r]}, {drift["Assigned"][r]} assigned at {drift["AssignedDistance"][r] ?? "-"}");
    }

    private static double InTopicStore(string folder, Action<ArticleResultStore> run)
    {
        var sw = Stopwatch.StartNew();
        using (var store = ArticleResultStore.Open(folder)) run(store);
        return sw.Elapsed.TotalSeconds;
    }

    private static T With<T>(ArticleResultStore? store, Func<T> run)
    {
        using (ArticleResultStore.Use(store)) return run();
    }

    private static (T Value, double Seconds) Time<T>(Func<T> run)
    {
        var sw = Stopwatch.StartNew();
        var value = run();
        return (value, sw.Elapsed.TotalSeconds);
    }

    private static bool SameFrame(DataFrame a, DataFrame b)
    {
        if (a.Rows.Count != b.Rows.Count || a.Columns.Count != b.Columns.Count) return false;
        for (int c = 0; c < a.Columns.Count; c++)
        {
            if (a.Columns[c].Name != b.Columns[c].Name) return false;
            for (long r = 0; r < a.Rows.Count; r++) if (!Equals(a.Columns[c][r], b.Columns[c][r])) return false;
        }
        return true;
    }

    private static void Pandas(string data)
    {
        const string python = "/usr/bin/python3";
        if (!File.Exists(python)) { Console.WriteLine($"peer not run: {python} missing (apt-get install -y python3-pandas)"); return; }
        var script = "import glob,sys,time\nimport pandas as pd\nt=time.time()\n" +
                     "df=pd.concat([pd.read_csv(f) for f in sorted(glob.glob(sys.argv[1]+'/*.csv'))])\n" +
                     "print(f'{len(df)} {time.time()-t:.2f} {pd.__version__}')";
        var run = MeasuredProcess.Run(python, ["-c", script, data], BenchData.Root, TimeSpan.FromMinutes(5));
        var parts = run.Out.Trim().Split(' ');
        Console.WriteLine(run.Exit == 0 && parts.Length == 3
            ? $"pandas {parts[2]} read_csv of the same files: {int.Parse(parts[0], CultureInfo.InvariantCulture):N0} rows in {parts[1]} s (peak {run.PeakMb:F0} MB)"
            : $"pandas failed: {run.Err.Trim()}");
    }

    private static long DirectorySize(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) : 0;
}
