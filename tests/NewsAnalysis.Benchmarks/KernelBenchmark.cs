using System.Globalization;
using System.Text.Json.Nodes;
using NewsAnalysis.Notebooks;

namespace NewsAnalysis.Benchmarks;

/// <summary>
/// <c>kernel</c>: news-kernel as a Jupyter kernel, driven by the real jupyter_client (Debian's, /usr/bin/python3) with
/// its kernelspec installed in a temporary prefix. Ready (kernel_info reply after start, goal &lt; 1.5 s), the round
/// trip of <c>1+1</c> on a warm kernel (goal &lt; 10 ms median; judged on cells that all differ, <c>1+1</c>, <c>2+1</c>,
/// ..., so that no cache of compiled cells answers), both beside the Python kernel (ipykernel) timed the same way; the
/// stages of a warm cell inside news-kernel (NEWS_TIMINGS=1); then the repository's notebooks through <c>jupyter nbconvert --execute</c> against <c>news report</c> on the seeds.
/// </summary>
internal sealed class KernelBenchmark : IBenchmarkSuite
{
    public string Name => "kernel";

    public string Description => "Jupyter kernel: ready < 1.5 s, 1+1 round trip < 10 ms median (vs ipykernel); notebooks via nbconvert vs news report";

    public void Run(string[] args)
    {
        BenchData.EnsureNotebookBundle();
        var prefix = Directory.CreateTempSubdirectory("news-kernel-bench-").FullName;
        try
        {
            JupyterKernelSpec.Install(JupyterKernelSpec.PrefixKernelsFolder(prefix));
            var env = new Dictionary<string, string>
            {
                ["JUPYTER_PATH"] = Path.Combine(prefix, "share", "jupyter"),
                ["JUPYTER_DATA_DIR"] = Directory.CreateDirectory(Path.Combine(prefix, "data")).FullName,
                ["JUPYTER_RUNTIME_DIR"] = Directory.CreateDirectory(Path.Combine(prefix, "runtime")).FullName,
                ["JUPYTER_CONFIG_DIR"] = Directory.CreateDirectory(Path.Combine(prefix, "config")).FullName,
            };
            Console.WriteLine($"load average before: {BenchData.LoadAverage()}");
            var script = Path.Combine(BenchData.Root, "tests", "NewsAnalysis.Benchmarks", "Peers", "kernel_latency.py");
            // `1+1` sent 200 times (after 20 unmeasured), then 200 cells that all differ (`1+1`, `2+1`, ...), which no
            // kernel can answer from a cache of compiled cells: the goal is judged on those.
            var ours = Latency(script, JupyterKernelSpec.DefaultName, "1+1", prefix, env);
            var python = Latency(script, "python3", "1+1", prefix, env);
            Console.WriteLine($"{"kernel",-20} {"ready (median of 5)",20} {"its CPU",9} {"first 1+1",10} {"1+1 reply (median)",19} {"to idle",9} {"reply p90",10} {"CPU per 1+1",12}");
            foreach (var (label, f) in new[] { ("news-kernel (C#)", ours), ("ipykernel (Python)", python) })
                Console.WriteLine($"{label,-20} {Ms((double)f["ready_median"]!),20} {Ms((double)f["ready_cpu_median"]!),9} {Ms((double)f["first_cell_reply"]!),10} {Ms((double)f["reply_median"]!),19} {Ms((double)f["idle_median"]!),9} {Ms((double)f["reply_p90"]!),10} {Ms((double)f["cpu_per_trip"]!),12}");
            Console.WriteLine($"{"distinct cells i+1",-20} {"reply (median)",20} {"to idle",9} {"reply p90",10} {"CPU per cell",12}");
            foreach (var (label, f) in new[] { ("news-kernel (C#)", ours), ("ipykernel (Python)", python) })
                Console.WriteLine($"{label,-20} {Ms((double)f["distinct_reply_median"]!),20} {Ms((double)f["distinct_idle_median"]!),9} {Ms((double)f["distinct_reply_p90"]!),10} {Ms((double)f["distinct_cpu_per_trip"]!),12}");
            var ready = (double)ours["ready_median"]!;
            var trip = (double)ours["distinct_reply_median"]!;
            Console.WriteLine($"ready goal < 1500 ms: {(ready < 1.5 ? "met" : "NOT met")} ({Ms(ready)});  1+1 goal < 10 ms median (distinct cells): {(trip < 0.010 ? "met" : "NOT met")} ({Ms(trip)}; repeated 1+1 {Ms((double)ours["reply_median"]!)})");
            Stages(script, prefix, env);

            // The notebooks on the seeds: nbconvert (one kernel per notebook, as Jupyter runs them) vs news report.
            var notebooks = Directory.GetFiles(Path.Combine(BenchData.Root, "notebooks"), "*.ipynb").Order(StringComparer.Ordinal).ToList();
            var nbconvert = MeasuredProcess.Run("/usr/bin/jupyter",
                ["nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.timeout=900", "--output-dir", Path.Combine(prefix, "nbconvert"), .. notebooks],
                Path.Combine(BenchData.Root, "notebooks"), TimeSpan.FromMinutes(40), env);
            var report = MeasuredProcess.Run(DotnetHost(), ["exec", Path.Combine(AppContext.BaseDirectory, "news.dll"), "report", "--out", Path.Combine(prefix, "report")],
                BenchData.Root, TimeSpan.FromMinutes(40));
            Console.WriteLine($"{notebooks.Count} notebooks on the seeds: jupyter nbconvert --execute {S(nbconvert.Elapsed)} (exit {nbconvert.Exit}); news report {S(report.Elapsed)} (exit {report.Exit})");
            if (nbconvert.Exit != 0) Console.WriteLine("nbconvert: " + nbconvert.Err[^Math.Min(2000, nbconvert.Err.Length)..]);
            Console.WriteLine($"load average after: {BenchData.LoadAverage()}");
        }
        finally
        {
            Directory.Delete(prefix, recursive: true);
        }
    }

    // Where a warm cell's time goes inside news-kernel: one more kernel with NEWS_TIMINGS=1 (one line of stage times per
    // execute request on its standard error), median of each stage over the distinct cells.
    private static void Stages(string script, string workDir, IReadOnlyDictionary<string, string> env)
    {
        var timed = new Dictionary<string, string>(env) { ["NEWS_TIMINGS"] = "1" };
        var run = MeasuredProcess.Run("/usr/bin/python3", [script, JupyterKernelSpec.DefaultName, "1+1", "1", "100", "{i}+1"], workDir, TimeSpan.FromMinutes(10), timed);
        var lines = run.Err.Split('\n').Where(l => l.StartsWith("news-kernel timings:", StringComparison.Ordinal)).TakeLast(100).ToList();
        if (run.Exit != 0 || lines.Count == 0)
        {
            Console.WriteLine($"stage timings: none (exit {run.Exit})");
            return;
        }
        var stages = lines.SelectMany(l => l["news-kernel timings:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(p => p.Split('='))
            .GroupBy(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture));
        Console.WriteLine("news-kernel stages of a warm distinct cell (ms, median of " + lines.Count + "; NEWS_TIMINGS=1): "
            + string.Join(", ", stages.Select(g => $"{g.Key} {Median(g.ToList()).ToString("0.000", CultureInfo.InvariantCulture)}")));
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    private static JsonObject Latency(string script, string kernel, string code, string workDir, IReadOnlyDictionary<string, string> env)
    {
        var run = MeasuredProcess.Run("/usr/bin/python3", [script, kernel, code, "5", "200", "{i}+1"], workDir, TimeSpan.FromMinutes(10), env);
        var last = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        if (run.Exit != 0 || last is null) throw new InvalidOperationException($"kernel_latency.py {kernel} exit {run.Exit}: {run.Err[^Math.Min(3000, run.Err.Length)..]}");
        return JsonNode.Parse(last)!.AsObject();
    }

    private static string DotnetHost() => Path.Combine(Path.GetFullPath(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..")), "dotnet");

    private static string Ms(double seconds) => (seconds * 1000).ToString(seconds < 0.1 ? "0.0" : "0", CultureInfo.InvariantCulture) + " ms";

    private static string S(TimeSpan t) => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
