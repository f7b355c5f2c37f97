using System.Diagnostics;
using System.Globalization;

namespace NewsAnalysis;

/// <summary>
/// A child process run to the end with its exit code, output, wall time, CPU time and peak resident memory (VmHWM and
/// utime + stime polled from /proc every 50 ms on Linux; 0 elsewhere). Shared by the hostile-input tests' bounds and the
/// benchmarks' whole-process figures (linked into both projects), so ours and a peer's are measured the same way. CPU
/// time is the steadier bound on a machine whose cores are shared.
/// </summary>
internal sealed record MeasuredProcess(int Exit, string Out, string Err, TimeSpan Elapsed, long PeakBytes, TimeSpan Cpu)
{
    /// <summary>Peak resident memory in MB.</summary>
    public double PeakMb => PeakBytes / (1024.0 * 1024.0);

    /// <summary>Runs <paramref name="fileName"/> with <paramref name="args"/>; killed (with its children) after <paramref name="timeout"/>.</summary>
    public static async Task<MeasuredProcess> RunAsync(string fileName, IEnumerable<string> args, string workingDirectory, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        var cpu = TimeSpan.Zero;
        while (!process.HasExited && watch.Elapsed < timeout)
        {
            peak = Math.Max(peak, PeakResident(process.Id));
            cpu = Max(cpu, CpuTime(process.Id));
            await Task.Delay(50);
        }
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        watch.Stop();
        return new MeasuredProcess(process.ExitCode, await stdout, await stderr, watch.Elapsed, peak, cpu);
    }

    /// <summary><see cref="RunAsync"/>, waited for.</summary>
    public static MeasuredProcess Run(string fileName, IEnumerable<string> args, string workingDirectory, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null) =>
        RunAsync(fileName, args, workingDirectory, timeout, environment).GetAwaiter().GetResult();

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    // utime + stime of /proc/PID/stat (fields 14 and 15, in clock ticks of 1/100 s on Linux), or zero.
    private static TimeSpan CpuTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            long ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / 100.0);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return TimeSpan.Zero;
    }

    // VmHWM: the process's peak resident set so far, in kB (0 where /proc is absent or the process has gone).
    private static long PeakResident(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return 0;
    }
}
