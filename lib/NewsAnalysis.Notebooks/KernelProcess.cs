using System.Diagnostics;
using System.IO.Pipes;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using NewsAnalysis.Kernel;

namespace NewsAnalysis.Notebooks;

/// <summary>
/// A running <c>news-kernel</c> process and the pipe to it. The kernel ships beside this assembly (news-kernel.dll with
/// its own .deps.json and .runtimeconfig.json) and is started through the <c>dotnet</c> host, so its runtime holds only
/// the kernel, never the libraries of the process that starts it.
/// </summary>
internal sealed class KernelProcess : IAsyncDisposable
{
    private const int StderrLines = 40;
    private readonly Process process;
    private readonly NamedPipeServerStream pipe;
    private StreamReader? reader;
    private StreamWriter? writer;
    private readonly Queue<string> stderr = new();
    private bool disposed;

    private KernelProcess(Process process, NamedPipeServerStream pipe)
    {
        this.process = process;
        this.pipe = pipe;
    }

    // Reader and writer exist once the kernel has connected (a writer flushes as it is made).
    private void Connected()
    {
        reader = new StreamReader(pipe, new UTF8Encoding(false), false, 1 << 16, leaveOpen: true);
        writer = new StreamWriter(pipe, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { AutoFlush = true, NewLine = "\n" };
    }

    /// <summary>The kernel assembly beside this one.</summary>
    public static string KernelAssembly => Path.Combine(AppContext.BaseDirectory, "news-kernel.dll");

    /// <summary>True while the process runs.</summary>
    public bool IsAlive => !disposed && !process.HasExited;

    /// <summary>Starts a kernel and waits for it to connect (at most 60 s).</summary>
    public static async Task<KernelProcess> StartAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(KernelAssembly)) throw new FileNotFoundException($"The kernel '{KernelAssembly}' is missing: build the solution (dotnet build).", KernelAssembly);
        // Short: a pipe is a Unix domain socket under the temp folder, whose path length is limited.
        var name = "news-kernel-" + Guid.NewGuid().ToString("N")[..12];
        var pipe = new NamedPipeServerStream(name, PipeDirection.InOut, 1, PipeTransmissionMode.Byte, PipeOptions.Asynchronous);
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "exec", KernelAssembly, "--pipe", name, "--parent", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) }) start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the kernel process.");
        var kernel = new KernelProcess(process, pipe);
        // A cell's stray console output outside the cell (a background thread) and the runtime's own messages: kept
        // to explain a kernel that dies, never mixed into this process's output.
        process.OutputDataReceived += (_, e) => kernel.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => kernel.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var connect = pipe.WaitForConnectionAsync(timeout.Token);
        var finished = await Task.WhenAny(connect, process.WaitForExitAsync(timeout.Token)).ConfigureAwait(false);
        if (finished != connect || !connect.IsCompletedSuccessfully)
        {
            await kernel.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"The kernel process did not start: {kernel.Tail()}");
        }
        kernel.Connected();
        return kernel;
    }

    /// <summary>Sends one request and reads its reply; null when the kernel went away or <paramref name="timeout"/> passed.</summary>
    public async Task<PipeReply?> SendAsync(PipeRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            if (writer is null || reader is null) return null;
            await writer.WriteLineAsync(JsonSerializer.Serialize(request, PipeJson.Options).AsMemory(), limit.Token).ConfigureAwait(false);
            var line = await reader.ReadLineAsync(limit.Token).ConfigureAwait(false);
            return line is null ? null : JsonSerializer.Deserialize<PipeReply>(line, PipeJson.Options);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Why the kernel is gone: its exit code and the last lines it wrote.</summary>
    public string Tail()
    {
        var code = disposed ? "stopped" : process.HasExited ? $"exit code {process.ExitCode}" : "still running";
        lock (stderr) return stderr.Count == 0 ? code : code + "; it wrote: " + string.Join(" | ", stderr);
    }

    private void Keep(string? line)
    {
        if (string.IsNullOrWhiteSpace(line)) return;
        lock (stderr)
        {
            stderr.Enqueue(line);
            while (stderr.Count > StderrLines) stderr.Dequeue();
        }
    }

    /// <summary>Stops the kernel (asking first, then killing it) and closes the pipe.</summary>
    public async ValueTask DisposeAsync()
    {
        if (disposed) return;
        disposed = true;
        try
        {
            if (!process.HasExited && pipe.IsConnected && writer is not null)
            {
                await writer.WriteLineAsync(JsonSerializer.Serialize(new PipeRequest("exit"), PipeJson.Options)).ConfigureAwait(false);
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // It did not leave in time: killed below.
        }
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await pipe.DisposeAsync().ConfigureAwait(false);
        process.Dispose();
    }

    // The dotnet host of this runtime (…/dotnet beside shared/Microsoft.NETCore.App/<version>), else the one on PATH.
    internal static string DotnetHost()
    {
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var host = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(host) ? host : "dotnet";
    }
}
