using System.Collections;
using System.IO.Pipes;
using System.Text;
using System.Text.Json;

namespace NewsAnalysis.Kernel;

/// <summary>
/// Serves <see cref="PipeRequest"/>s on a named pipe created by <c>news</c> (a Unix domain socket on Linux and macOS),
/// one at a time, until <c>exit</c> or until the other end goes away: the pipe closes, or the parent process
/// (given with <c>--parent</c>) ends while a cell is still running — a kernel never outlives its client.
/// </summary>
internal static class PipeHost
{
    public static async Task<int> RunAsync(string pipeName, int? parentProcessId)
    {
        if (parentProcessId is { } parent) ParentWatch.ExitWhenGone(parent);
        await using var pipe = new NamedPipeClientStream(".", pipeName, PipeDirection.InOut, PipeOptions.Asynchronous);
        await pipe.ConnectAsync(30_000).ConfigureAwait(false);
        using var reader = new StreamReader(pipe, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        await using var writer = new StreamWriter(pipe, new UTF8Encoding(false), leaveOpen: true) { AutoFlush = true, NewLine = "\n" };
        KernelSession? session = null;
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            PipeReply reply;
            try
            {
                var request = JsonSerializer.Deserialize<PipeRequest>(line, PipeJson.Options) ?? throw new InvalidDataException("empty request");
                if (request.Op == "exit") return 0;
                reply = request.Op switch
                {
                    "open" => Open(request, ref session),
                    "execute" => new PipeReply("execute", Execution: await (session ?? throw new InvalidOperationException("execute before open"))
                        .ExecuteAsync(request.Code ?? "").ConfigureAwait(false)),
                    "summary" => Summary(session ?? throw new InvalidOperationException("summary before open")),
                    _ => throw new InvalidDataException($"unknown operation '{request.Op}'"),
                };
            }
            catch (Exception e) when (e is JsonException or InvalidDataException or InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                reply = new PipeReply("error", Message: e.Message);
            }
            await writer.WriteLineAsync(JsonSerializer.Serialize(reply, PipeJson.Options)).ConfigureAwait(false);
        }
        return 0;
    }

    private static PipeReply Open(PipeRequest request, ref KernelSession? session)
    {
        session = new KernelSession(request.WorkingDirectory ?? Environment.CurrentDirectory);
        return new PipeReply("open");
    }

    // What a report's header shows: the notebook's dataDir and the size of the corpus it loaded (read by type name:
    // the kernel holds nothing of the library).
    private static PipeReply Summary(KernelSession session)
    {
        var variables = session.Variables;
        var dataDir = variables.TryGetValue("dataDir", out var d) ? d as string : null;
        var corpus = variables.Values.LastOrDefault(v => v?.GetType().FullName == "NewsAnalysis.NewsCorpus");
        var articles = corpus?.GetType().GetProperty("Articles")?.GetValue(corpus) as ICollection;
        return new PipeReply("summary", DataDir: dataDir, ArticleCount: articles?.Count, Packages: session.RequestedPackages);
    }
}
