using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using NetMQ;
using NetMQ.Sockets;

namespace NewsAnalysis.Kernel;

/// <summary>
/// The Jupyter front end of the kernel (messaging protocol 5.3 over ZeroMQ, NetMQ): serves one
/// <see cref="KernelSession"/> — the same engine as <c>news run</c> — to Jupyter clients (VS Code's Jupyter extension,
/// JupyterLab, nbconvert, nbclient, papermill). Shell requests run one at a time on the main thread; control
/// (interrupt, shutdown) and the heartbeat have threads of their own so they answer while a cell runs. Every received
/// message is checked against the connection file's key: one with a bad signature is logged on standard error and
/// dropped unread.
/// </summary>
internal sealed class JupyterHost
{
    private readonly ConnectionFile connection;
    private readonly MessageSigner signer;
    private readonly string sessionId = Guid.NewGuid().ToString("N");
    private readonly RouterSocket shell = new();
    private readonly RouterSocket control = new();
    private readonly RouterSocket stdin = new();
    private readonly PublisherSocket iopub = new();
    private readonly ResponseSocket heartbeat = new();
    private readonly Lock iopubGate = new();
    private readonly Lock controlGate = new();
    private readonly KernelSession session;
    private CancellationTokenSource? running;
    private volatile bool stopping;

    private JupyterHost(ConnectionFile connection, string workingDirectory)
    {
        this.connection = connection;
        signer = new MessageSigner(connection.Key);
        session = new KernelSession(workingDirectory);
    }

    /// <summary>
    /// Runs the kernel described by <paramref name="connectionFile"/> in the current directory until a shutdown
    /// request, or until the client that started it ends (<paramref name="parentProcessId"/>, else Jupyter's
    /// <c>JPY_PARENT_PID</c>).
    /// </summary>
    public static int Run(string connectionFile, int? parentProcessId)
    {
        // Before anything starts .NET's signal handling, which would otherwise leave an inherited ignored SIGINT ignored.
        InheritedSigint.Restore();
        ConnectionFile file;
        try
        {
            file = ConnectionFile.Read(connectionFile);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"news-kernel: {e.Message}");
            return 1;
        }
        // jupyter_client passes its own pid this way on Linux and macOS (on Windows the variable holds a handle).
        if (parentProcessId is null && !OperatingSystem.IsWindows()
            && int.TryParse(Environment.GetEnvironmentVariable("JPY_PARENT_PID"), out var jupyterParent) && jupyterParent > 1)
            parentProcessId = jupyterParent;
        if (parentProcessId is { } parent) ParentWatch.ExitWhenGone(parent);
        Console.SetIn(new RefusedInput());
        var host = new JupyterHost(file, Environment.CurrentDirectory);
        return host.Serve();
    }

    private int Serve()
    {
        try
        {
            shell.Bind(connection.Endpoint(connection.ShellPort));
            control.Bind(connection.Endpoint(connection.ControlPort));
            stdin.Bind(connection.Endpoint(connection.StdinPort));
            iopub.Bind(connection.Endpoint(connection.IopubPort));
            heartbeat.Bind(connection.Endpoint(connection.HbPort));
        }
        catch (NetMQException e)
        {
            Console.Error.WriteLine($"news-kernel: cannot listen on the connection file's ports ({connection.Ip}): {e.Message}");
            return 1;
        }
        // SIGINT (interrupt_mode "signal", or Ctrl+C in a terminal) interrupts the running cell instead of ending the kernel.
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true;
            Interrupt();
        });
        StartThread("heartbeat", Heartbeat);
        StartThread("control", () => Listen(control, isControl: true));
        Publish("status", new JsonObject { ["execution_state"] = "starting" }, null);
        // Roslyn's first compile (reading the framework's metadata, jitting the compiler) takes seconds: done in the
        // background, once the first request is answered (so kernel_info is not slowed) or after a second.
        warmUpTimer = new Timer(_ => WarmUpOnce(), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        Listen(shell, isControl: false);
        return 0;
    }

    private Timer? warmUpTimer;
    private int warmedUp;

    // Runs cells in a throwaway session of the same working directory: the whole path of a cell (directives, loop
    // checks, compile against the same references, emit, load, run, value, formatting) is jitted and the references'
    // metadata read before the user's first cell. The user's session is not touched.
    private void WarmUpOnce()
    {
        if (Interlocked.Exchange(ref warmedUp, 1) == 1) return;
        warmUpTimer?.Dispose();
        _ = Task.Run(async () =>
        {
            try
            {
                _ = KernelEditing.IsComplete("1+1");
                await KernelSession.WarmUpAsync(session.WorkingDirectory).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Console.Error.WriteLine($"news-kernel: warm-up failed (cells still run, the first one slower): {e.Message}");
            }
        });
    }

    private static void StartThread(string name, Action body) => new Thread(() => body()) { IsBackground = true, Name = name }.Start();

    private void Heartbeat()
    {
        while (!stopping)
        {
            NetMQMessage? ping = null;
            if (!heartbeat.TryReceiveMultipartMessage(TimeSpan.FromMilliseconds(500), ref ping) || ping is null) continue;
            heartbeat.SendMultipartMessage(ping);
        }
    }

    private void Listen(RouterSocket socket, bool isControl)
    {
        while (!stopping)
        {
            NetMQMessage? frames = null;
            if (!socket.TryReceiveMultipartMessage(TimeSpan.FromMilliseconds(500), ref frames) || frames is null) continue;
            var received = System.Diagnostics.Stopwatch.StartNew();
            var message = JupyterMessage.Parse(frames, signer, out var problem);
            if (message is null)
            {
                Console.Error.WriteLine($"news-kernel: dropped a message on the {(isControl ? "control" : "shell")} channel: {problem}.");
                continue;
            }
            var timed = !isControl && message.Type == "execute_request";
            if (timed)
            {
                CellTimings.Start(received);
                CellTimings.Lap("parse+verify");
            }
            try
            {
                Handle(socket, message, isControl);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A bug in handling one request must not take the session (and the user's variables) down with it.
                Console.Error.WriteLine($"news-kernel: {message.Type} failed: {e}");
            }
            if (timed) CellTimings.Stop();
            if (!isControl) WarmUpOnce();
        }
    }

    private void Handle(RouterSocket socket, JupyterMessage request, bool isControl)
    {
        if (request.Type == "interrupt_request")
        {
            Interrupt();
            Reply(socket, request, "interrupt_reply", new JsonObject { ["status"] = "ok" });
            return;
        }
        if (request.Type == "shutdown_request")
        {
            Shutdown(socket, request);
            return;
        }
        Publish("status", new JsonObject { ["execution_state"] = "busy" }, request);
        CellTimings.Lap("iopub-busy");
        try
        {
            switch (request.Type)
            {
                case "kernel_info_request":
                    Reply(socket, request, "kernel_info_reply", KernelInfo());
                    break;
                case "execute_request" when !isControl:
                    Execute(socket, request);
                    break;
                case "is_complete_request":
                    Reply(socket, request, "is_complete_reply", IsComplete(request.Text("code")));
                    break;
                case "complete_request":
                    Reply(socket, request, "complete_reply", Complete(request));
                    break;
                case "inspect_request":
                    Reply(socket, request, "inspect_reply", Inspect(request));
                    break;
                case "comm_info_request":
                    Reply(socket, request, "comm_info_reply", new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() });
                    break;
                case "history_request":
                    Reply(socket, request, "history_reply", new JsonObject { ["status"] = "ok", ["history"] = new JsonArray() });
                    break;
                case "comm_open":
                    // No comm targets (widgets) exist: the protocol's answer is to close the comm at once.
                    Publish("comm_close", new JsonObject { ["comm_id"] = request.Text("comm_id"), ["data"] = new JsonObject() }, request);
                    break;
                default:
                    Console.Error.WriteLine($"news-kernel: ignored unsupported message type '{request.Type}'.");
                    break;
            }
        }
        finally
        {
            Publish("status", new JsonObject { ["execution_state"] = "idle" }, request);
            CellTimings.Lap("iopub-idle");
        }
    }

    private JsonObject KernelInfo() => new()
    {
        ["status"] = "ok",
        ["protocol_version"] = JupyterMessage.ProtocolVersion,
        ["implementation"] = "news-kernel",
        ["implementation_version"] = typeof(KernelSession).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0",
        ["language_info"] = new JsonObject
        {
            // The names Polyglot Notebooks writes in .ipynb metadata, so an executed notebook keeps its language_info.
            ["name"] = "C#",
            ["version"] = "14.0",
            ["mimetype"] = "text/x-csharp",
            ["file_extension"] = ".cs",
            ["pygments_lexer"] = "csharp",
            ["codemirror_mode"] = "text/x-csharp",
        },
        ["banner"] = $"news-kernel: C# ({RuntimeInformation.FrameworkDescription}, Roslyn scripting) for the NewsAnalysis notebooks",
        ["help_links"] = new JsonArray(),
        ["debugger"] = false,
    };

    private void Execute(RouterSocket socket, JupyterMessage request)
    {
        var code = request.Text("code");
        var silent = request.Content["silent"] is JsonValue s && s.TryGetValue<bool>(out var quiet) && quiet;
        var number = session.ExecutionCount + 1;
        // The cell can be interrupted from the moment a client may know it runs: before execute_input goes out, so an
        // interrupt sent on seeing it (the main thread may be descheduled right after publishing) is never lost.
        var cancel = new CancellationTokenSource();
        lock (controlGate) running = cancel;
        CellExecution result;
        try
        {
            if (!silent) Publish("execute_input", new JsonObject { ["code"] = code, ["execution_count"] = number }, request);
            CellTimings.Lap("iopub-execute_input");
            result = session.ExecuteAsync(code, silent ? null : output => PublishOutput(output, request, number), cancel.Token).GetAwaiter().GetResult();
        }
        finally
        {
            lock (controlGate) running = null;
            cancel.Dispose();
        }
        var error = result.Outputs.OfType<ErrorOutput>().FirstOrDefault();
        var reply = error is null
            ? new JsonObject { ["status"] = "ok", ["execution_count"] = result.ExecutionCount, ["user_expressions"] = new JsonObject(), ["payload"] = new JsonArray() }
            : new JsonObject
            {
                ["status"] = "error",
                ["execution_count"] = result.ExecutionCount,
                ["ename"] = error.Name,
                ["evalue"] = error.Message,
                ["traceback"] = Traceback(error),
            };
        Reply(socket, request, "execute_reply", reply);
        CellTimings.Lap("reply");
    }

    private void PublishOutput(NotebookOutput output, JupyterMessage request, int number)
    {
        switch (output)
        {
            case StreamOutput stream:
                Publish("stream", new JsonObject { ["name"] = stream.Name, ["text"] = stream.Text }, request);
                break;
            case DisplayOutput { IsResult: true } result:
                Publish("execute_result", new JsonObject { ["execution_count"] = number, ["data"] = Data(result.Value), ["metadata"] = new JsonObject() }, request);
                CellTimings.Lap("iopub-execute_result");
                break;
            case DisplayOutput display:
                Publish("display_data", WithDisplayId(new JsonObject { ["data"] = Data(display.Value), ["metadata"] = new JsonObject() }, display.DisplayId), request);
                break;
            case DisplayUpdateOutput update:
                Publish("update_display_data", WithDisplayId(new JsonObject { ["data"] = Data(update.Value), ["metadata"] = new JsonObject() }, update.DisplayId), request);
                break;
            case ErrorOutput error:
                Publish("error", new JsonObject { ["ename"] = error.Name, ["evalue"] = error.Message, ["traceback"] = Traceback(error) }, request);
                break;
        }
    }

    private static JsonObject WithDisplayId(JsonObject content, string? displayId)
    {
        if (displayId is not null) content["transient"] = new JsonObject { ["display_id"] = displayId };
        return content;
    }

    // text/plain always; text/html in its notebook form (the session's first chart carries plotly.js, later ones share it).
    private static JsonObject Data(FormattedValue value)
    {
        var data = new JsonObject { ["text/plain"] = value.PlainText };
        if ((value.NotebookHtml ?? value.Html) is { } html) data["text/html"] = html;
        return data;
    }

    private static JsonArray Traceback(ErrorOutput error) =>
        new([.. (error.Traceback.Count > 0 ? error.Traceback : [$"{error.Name}: {error.Message}"]).Select(l => (JsonNode?)JsonValue.Create(l))]);

    private static JsonObject IsComplete(string code)
    {
        var status = KernelEditing.IsComplete(code).Status;
        var reply = new JsonObject { ["status"] = status };
        if (status == "incomplete") reply["indent"] = "";
        return reply;
    }

    private JsonObject Complete(JupyterMessage request)
    {
        var (code, cursor) = CodeAndCursor(request);
        var completions = KernelEditing.Complete(session, code, cursor);
        return new JsonObject
        {
            ["status"] = "ok",
            ["matches"] = new JsonArray([.. completions.Matches.Select(m => (JsonNode?)JsonValue.Create(m))]),
            ["cursor_start"] = completions.Start,
            ["cursor_end"] = completions.End,
            ["metadata"] = new JsonObject(),
        };
    }

    private JsonObject Inspect(JupyterMessage request)
    {
        var (code, cursor) = CodeAndCursor(request);
        var text = KernelEditing.Inspect(session, code, cursor);
        return new JsonObject
        {
            ["status"] = "ok",
            ["found"] = text is not null,
            ["data"] = text is null ? new JsonObject() : new JsonObject { ["text/plain"] = text },
            ["metadata"] = new JsonObject(),
        };
    }

    // A completion or inspection request's code and cursor (its end when the client gives none).
    private static (string Code, int Cursor) CodeAndCursor(JupyterMessage request)
    {
        var code = request.Text("code");
        return (code, request.Content["cursor_pos"] is JsonValue v && v.TryGetValue<int>(out var c) ? c : code.Length);
    }

    private void Interrupt()
    {
        lock (controlGate) running?.Cancel();
    }

    // Replies, then closes the sockets (letting queued messages out) and ends the process: a running cell cannot
    // hold it. With restart, the client starts a new kernel process: a new, empty session.
    private void Shutdown(RouterSocket socket, JupyterMessage request)
    {
        var restart = request.Content["restart"] is JsonValue v && v.TryGetValue<bool>(out var r) && r;
        var content = new JsonObject { ["status"] = "ok", ["restart"] = restart };
        Reply(socket, request, "shutdown_reply", content);
        Publish("shutdown_reply", (JsonObject)content.DeepClone(), request);
        stopping = true;
        Interrupt();
        // NetMQ sends on its own I/O thread: give it a moment to put the replies on the wire before the process ends.
        Thread.Sleep(100);
        Environment.Exit(0);
    }

    private void Reply(RouterSocket socket, JupyterMessage request, string type, JsonObject content)
    {
        var frames = JupyterMessage.Build(request.Identities, type, content, request.Header, sessionId, signer);
        // The shell socket is used by the main thread only, the control socket by its thread only.
        socket.SendMultipartMessage(frames);
    }

    private void Publish(string type, JsonObject content, JupyterMessage? parent)
    {
        var frames = JupyterMessage.Build([System.Text.Encoding.UTF8.GetBytes("kernel." + sessionId + "." + type)], type, content, parent?.Header, sessionId, signer);
        // Outputs come from the shell thread, a cell's own threads and the control thread: one sender at a time.
        lock (iopubGate) iopub.SendMultipartMessage(frames);
    }

    /// <summary>Console input in a cell: refused with a message saying why (the stdin channel is not served).</summary>
    private sealed class RefusedInput : TextReader
    {
        private const string Message = "Console input is not supported in news-kernel (Jupyter's stdin channel is not served): set the value in a cell instead.";

        public override int Peek() => throw new InvalidOperationException(Message);

        public override int Read() => throw new InvalidOperationException(Message);

        public override string ReadLine() => throw new InvalidOperationException(Message);

        public override string ReadToEnd() => throw new InvalidOperationException(Message);
    }
}
