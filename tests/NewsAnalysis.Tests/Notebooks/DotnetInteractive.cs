using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsAnalysis.Tests;

/// <summary>One output of a cell as the real .NET Interactive kernel produced it: the event and its formatted values.</summary>
/// <param name="EventType">DisplayedValueProduced, ReturnValueProduced, StandardOutputValueProduced, ...</param>
/// <param name="Values">MIME type → text.</param>
internal sealed record RealKernelOutput(string EventType, IReadOnlyDictionary<string, string> Values);

/// <summary>A cell as the real kernel ran it.</summary>
/// <param name="Succeeded">CommandSucceeded (rather than CommandFailed).</param>
/// <param name="Error">CommandFailed's message.</param>
/// <param name="Outputs">Its outputs in order (values shown by a later update replaced in place).</param>
/// <param name="Duration">Time from submission to the command's end.</param>
internal sealed record RealKernelCell(bool Succeeded, string? Error, IReadOnlyList<RealKernelOutput> Outputs, TimeSpan Duration);

/// <summary>
/// Drives the real .NET Interactive kernel exactly as VS Code's Polyglot Notebooks extension starts it:
/// <c>dotnet tool run dotnet-interactive -- [vscode] stdio --working-dir &lt;notebook folder&gt;</c>, the tool pinned by
/// the repository's <c>.config/dotnet-tools.json</c> (restored here with <c>dotnet tool restore</c>). As VS Code does, nothing
/// is sent before the kernel's <c>KernelReady</c> event. Cells are sent as
/// <c>SubmitCode</c> command envelopes, one JSON line each, and the events of each command are read back until it
/// succeeds or fails — the kernel's own stdio protocol, nothing simulated.
/// </summary>
internal sealed class DotnetInteractive : IDisposable
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<string?>> restoreErrors = new(StringComparer.Ordinal);
    private static readonly HashSet<string> OutputEvents =
    [
        "DisplayedValueProduced", "DisplayedValueUpdated", "ReturnValueProduced", "StandardOutputValueProduced", "StandardErrorValueProduced", "ErrorProduced",
    ];

    private readonly Process process;
    private int next;

    private DotnetInteractive(Process process) => this.process = process;

    /// <summary>
    /// Starts the kernel pinned by <paramref name="repositoryRoot"/>'s tool manifest, with <paramref name="workingDirectory"/>
    /// as its working directory.
    /// </summary>
    public static DotnetInteractive Start(string repositoryRoot, string workingDirectory)
    {
        if (restoreErrors.GetOrAdd(repositoryRoot, root => new Lazy<string?>(() => RestoreTool(root))).Value is { } error) throw new InvalidOperationException(error);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "tool", "run", "dotnet-interactive", "--", "[vscode]", "stdio", "--working-dir", workingDirectory }) start.ArgumentList.Add(arg);
        start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet-interactive");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var kernel = new DotnetInteractive(process);
        kernel.WaitUntilReady(TimeSpan.FromMinutes(3));
        return kernel;
    }

    // VS Code sends no command before the kernel's KernelReady event: a command that arrives earlier can be read and
    // dropped while the kernel is still setting up, and its cell then waits forever (seen under load in CI).
    private void WaitUntilReady(TimeSpan timeout)
    {
        var ready = Task.Run(() =>
        {
            while (process.StandardOutput.ReadLine() is { } line)
                if (line.StartsWith('{') && JsonNode.Parse(line)?["eventType"]?.GetValue<string>() == "KernelReady") return true;
            return false;
        });
        if (!ready.Wait(timeout))
        {
            Dispose();
            throw new TimeoutException($"dotnet-interactive sent no KernelReady within {timeout.TotalSeconds} s");
        }
        if (!ready.Result)
        {
            Dispose();
            throw new InvalidOperationException("dotnet-interactive ended before KernelReady");
        }
    }

    /// <summary>Runs one cell and waits for its end (at most <paramref name="timeout"/>).</summary>
    public RealKernelCell Submit(string code, TimeSpan timeout)
    {
        var token = "cell-" + (++next).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var envelope = new JsonObject
        {
            ["token"] = token,
            ["commandType"] = "SubmitCode",
            ["command"] = new JsonObject { ["code"] = code, ["targetKernelName"] = "csharp" },
        };
        var clock = Stopwatch.StartNew();
        process.StandardInput.WriteLine(envelope.ToJsonString());
        process.StandardInput.Flush();
        var outputs = new List<RealKernelOutput>();
        var byValueId = new Dictionary<string, int>(StringComparer.Ordinal);
        var read = Task.Run(() =>
        {
            while (process.StandardOutput.ReadLine() is { } line)
            {
                if (!line.StartsWith('{')) continue;
                var node = JsonNode.Parse(line);
                if (node?["command"]?["token"]?.GetValue<string>() != token) continue;
                var type = node["eventType"]?.GetValue<string>() ?? "";
                var body = node["event"];
                if (type == "CommandSucceeded") return new RealKernelCell(true, null, outputs, clock.Elapsed);
                if (type == "CommandFailed") return new RealKernelCell(false, body?["message"]?.GetValue<string>(), outputs, clock.Elapsed);
                if (!OutputEvents.Contains(type)) continue;
                var values = (body?["formattedValues"] as JsonArray ?? [])
                    .Select(v => (Mime: v?["mimeType"]?.GetValue<string>() ?? "", Value: v?["value"]?.GetValue<string>() ?? ""))
                    .GroupBy(v => v.Mime).ToDictionary(g => g.Key, g => g.First().Value);
                if (type == "ErrorProduced") values["error"] = body?["message"]?.GetValue<string>() ?? "";
                var output = new RealKernelOutput(type, values);
                var valueId = body?["valueId"]?.GetValue<string>();
                if (type == "DisplayedValueUpdated" && valueId is not null && byValueId.TryGetValue(valueId, out var at)) outputs[at] = output with { EventType = outputs[at].EventType };
                else
                {
                    if (valueId is not null) byValueId[valueId] = outputs.Count;
                    outputs.Add(output);
                }
            }
            return new RealKernelCell(false, "dotnet-interactive ended", outputs, clock.Elapsed);
        });
        if (!read.Wait(timeout)) throw new TimeoutException($"dotnet-interactive did not finish {token} within {timeout.TotalSeconds} s");
        return read.Result;
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        process.Dispose();
    }

    // `dotnet tool restore` once per test run, so a clean machine gets the pinned kernel from the package feed.
    private static string? RestoreTool(string repositoryRoot)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = repositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("tool");
        start.ArgumentList.Add("restore");
        using var restore = Process.Start(start)!;
        var output = restore.StandardOutput.ReadToEndAsync();
        var error = restore.StandardError.ReadToEnd();
        restore.WaitForExit();
        return restore.ExitCode == 0 ? null : $"dotnet tool restore failed ({restore.ExitCode}): {output.Result} {error}";
    }
}
