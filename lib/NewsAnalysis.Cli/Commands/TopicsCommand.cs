using System.CommandLine;
using System.Globalization;

namespace NewsAnalysis.Cli.Commands;

/// <summary><c>news topics</c>: clusters articles, paragraphs or sentences into labelled topics.</summary>
internal static class TopicsCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Data();
        var format = CommonOptions.Format();
        var output = CommonOptions.Out();
        var csvSafe = CommonOptions.CsvSafe();
        var unit = new Option<TopicUnit>("--unit")
        {
            Description = "What to cluster: article, paragraph or sentence.",
            DefaultValueFactory = _ => TopicUnit.Paragraph,
        };
        var k = new Option<string>("--k")
        {
            Description = "Number of topics, or 'auto' to choose it (2..10, at most √(units/2)) at the first peak of the silhouette.",
            DefaultValueFactory = _ => "auto",
        };
        k.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (ParseK(value) is null && !string.Equals(value, "auto", StringComparison.OrdinalIgnoreCase))
                result.AddError($"--k must be 'auto' or a whole number of at least 1, not '{value}'.");
        });
        var method = new Option<TopicMethod>("--method")
        {
            Description = "kmeans (on TF-IDF reduced by SVD, the default), lda (on term counts) or embeddings (MiniLM sentence embeddings; slower, cached on disk).",
            DefaultValueFactory = _ => TopicMethod.KMeans,
        };
        var summary = new Option<bool>("--summary") { Description = "One row per topic (label, size, top terms) instead of one row per unit." };
        var cache = StoreOptions.Cache();
        var noCache = StoreOptions.NoCache();
        var refit = new Option<bool>("--refit")
        {
            Description = "Fit the topic model afresh (and save it) instead of assigning new units to the model saved in the result store by an earlier run.",
        };
        var command = new Command("topics", "Cluster the articles (or their paragraphs or sentences) into labelled topics; a rerun assigns new units to the saved model (--refit fits afresh).")
        {
            data, unit, k, method, format, output, csvSafe, summary, cache, noCache, refit,
        };
        command.SetAction(parse => CommonOptions.Guard(parse, () =>
        {
            // NEWS_TIMINGS=1: one line on stderr saying where the process's time went (the topics benchmark reads it).
            var timings = Environment.GetEnvironmentVariable("NEWS_TIMINGS") is "1" ? new StageTimings() : null;
            using var storeAhead = StoreOptions.OpenAhead(parse, data, cache, noCache);
            var options = new TopicOptions
            {
                Unit = parse.GetValue(unit),
                Method = parse.GetValue(method),
                K = ParseK(parse.GetValue(k)),
            };
            // The corpus is loaded with the store in effect, so a rerun takes unchanged files from its corpus cache.
            var model = StoreOptions.Run(parse, data, cache, noCache, () =>
            {
                var corpus = CommonOptions.LoadCorpus(parse.GetValue(data)!, parse.InvocationConfiguration.Error);
                timings?.Mark("load");
                return TopicModelReuse.FitOrAssign(corpus, options, parse.GetValue(refit));
            });
            timings?.Add(model.Phases.Select(p => (p.Phase, p.Elapsed, p.Cpu)));
            var frame = parse.GetValue(summary) ? model.SummaryFrame() : model.UnitFrame();
            CommonOptions.Write(frame, parse.GetValue(format), parse.GetValue(output), parse.InvocationConfiguration.Output, csvSafe: parse.GetValue(csvSafe));
            timings?.Mark("write");
            // Notes on the model come after the result is written: when writing fails, its error is the only line.
            if (model.ModelNote is { } reuse) parse.InvocationConfiguration.Error.WriteLine($"news topics: {reuse}");
            if (model.Assignments.Any(a => a.Assigned))
            {
                // How far each topic's units sit from its centroid, fitted against assigned: when to refit.
                var drift = model.DriftFrame();
                for (int row = 0; row < drift.Rows.Count; row++)
                    parse.InvocationConfiguration.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"news topics: topic {drift["Topic"][row]} ({drift["TopicLabel"][row]}): {drift["Fitted"][row]} fitted at mean distance {drift["FittedDistance"][row] ?? "-"}, {drift["Assigned"][row]} assigned at {drift["AssignedDistance"][row] ?? "-"}"));
            }
            if (model.KNote is { } note) parse.InvocationConfiguration.Error.WriteLine($"news topics: {note}");
            if (timings is not null) parse.InvocationConfiguration.Error.WriteLine($"news topics: timings: {timings}");
            return 0;
        }));
        return command;
    }

    /// <summary>
    /// Wall and CPU time per stage of the process, the first stage being the runtime's start up to the command
    /// (process start to here, from the process's own start time).
    /// </summary>
    private sealed class StageTimings
    {
        private readonly List<(string Stage, TimeSpan Wall, TimeSpan Cpu)> stages = [];
        private readonly System.Diagnostics.Stopwatch watch = System.Diagnostics.Stopwatch.StartNew();
        private TimeSpan cpu;

        public StageTimings()
        {
            using var process = System.Diagnostics.Process.GetCurrentProcess();
            cpu = process.TotalProcessorTime;
            stages.Add(("start", DateTime.Now - process.StartTime, cpu));
        }

        public void Mark(string stage)
        {
            using var process = System.Diagnostics.Process.GetCurrentProcess();
            var now = process.TotalProcessorTime;
            stages.Add((stage, watch.Elapsed, now - cpu));
            cpu = now;
            watch.Restart();
        }

        public void Add(IEnumerable<(string Stage, TimeSpan Wall, TimeSpan Cpu)> fitPhases)
        {
            var fit = fitPhases.ToList();
            Mark("fit");
            var (_, wall, cpuTime) = stages[^1];
            stages.RemoveAt(stages.Count - 1);
            // The fit's time before its first timed phase: unit texts and the check for two distinct words.
            stages.Add(("units", wall - fit.Aggregate(TimeSpan.Zero, (a, p) => a + p.Wall), cpuTime - fit.Aggregate(TimeSpan.Zero, (a, p) => a + p.Cpu)));
            stages.AddRange(fit);
        }

        public override string ToString() => string.Join(", ", stages.Select(s =>
            string.Create(CultureInfo.InvariantCulture, $"{s.Stage} {s.Wall.TotalSeconds:F2} s (CPU {s.Cpu.TotalSeconds:F2})")));
    }

    private static int? ParseK(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 ? n : null;
}
