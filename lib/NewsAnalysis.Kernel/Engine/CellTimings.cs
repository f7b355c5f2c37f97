using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace NewsAnalysis.Kernel;

/// <summary>
/// Where a cell's time goes, stage by stage: with <c>NEWS_TIMINGS=1</c> in the kernel's environment, each execute
/// request writes one line on standard error (<c>news-kernel timings: stage=ms ...</c>, wall milliseconds, and the GC
/// pause time inside the request) that the kernel benchmark reads. Off by default, and then it costs one null check per
/// stage. Requests run one at a time, so one process-wide clock is enough.
/// </summary>
internal static class CellTimings
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("NEWS_TIMINGS") is "1";
    private static readonly Lock Gate = new();
    private static Stopwatch? clock;
    private static TimeSpan gcAtStart;
    private static double last;
    private static readonly List<(string Stage, double Ms)> Stages = [];

    /// <summary>Starts timing a request (the clock runs from its receipt).</summary>
    public static void Start(Stopwatch received)
    {
        if (!Enabled) return;
        lock (Gate)
        {
            clock = received;
            gcAtStart = GC.GetTotalPauseDuration();
            last = 0;
            Stages.Clear();
        }
    }

    /// <summary>Ends the stage named <paramref name="stage"/> now (time since the previous stage ended; repeated names add up).</summary>
    public static void Lap(string stage)
    {
        if (clock is null) return;
        lock (Gate)
        {
            if (clock is null) return;
            var now = clock.Elapsed.TotalMilliseconds;
            var index = Stages.FindIndex(s => s.Stage == stage);
            if (index >= 0) Stages[index] = (stage, Stages[index].Ms + now - last);
            else Stages.Add((stage, now - last));
            last = now;
        }
    }

    /// <summary>Ends the request: writes its line on standard error.</summary>
    public static void Stop()
    {
        if (clock is null) return;
        string line;
        lock (Gate)
        {
            if (clock is null) return;
            var text = new StringBuilder("news-kernel timings:");
            foreach (var (stage, ms) in Stages) text.Append(CultureInfo.InvariantCulture, $" {stage}={ms:0.000}");
            text.Append(CultureInfo.InvariantCulture, $" total={clock.Elapsed.TotalMilliseconds:0.000} gc-pause={(GC.GetTotalPauseDuration() - gcAtStart).TotalMilliseconds:0.000}");
            line = text.ToString();
            clock = null;
        }
        Console.Error.WriteLine(line);
    }
}
