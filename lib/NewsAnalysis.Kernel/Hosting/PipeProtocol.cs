using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsAnalysis.Kernel;

/// <summary>
/// What <c>news run</c>/<c>news report</c> send the kernel process over its pipe, one JSON object per line:
/// <c>open</c> (a new session in <see cref="WorkingDirectory"/>), <c>execute</c> (<see cref="Code"/>), <c>summary</c>
/// (the session's <c>dataDir</c>, corpus size and packages) and <c>exit</c>.
/// </summary>
/// <param name="Op">The operation.</param>
/// <param name="WorkingDirectory">For <c>open</c>: the notebook's folder.</param>
/// <param name="Code">For <c>execute</c>: the cell.</param>
public sealed record PipeRequest(string Op, string? WorkingDirectory = null, string? Code = null);

/// <summary>The kernel's answer to one <see cref="PipeRequest"/>.</summary>
/// <param name="Op">The request's operation, or <c>error</c> when the request itself failed (<see cref="Message"/>).</param>
/// <param name="Execution">For <c>execute</c>: the cell's result.</param>
/// <param name="DataDir">For <c>summary</c>: the session's <c>dataDir</c> string variable, if any.</param>
/// <param name="ArticleCount">For <c>summary</c>: articles in the last <c>NewsCorpus</c> the session holds, if any.</param>
/// <param name="Packages">For <c>summary</c>: the packages asked for, as restored.</param>
/// <param name="Message">For <c>error</c>: what went wrong.</param>
public sealed record PipeReply(
    string Op,
    CellExecution? Execution = null,
    string? DataDir = null,
    int? ArticleCount = null,
    IReadOnlyList<RestoredPackage>? Packages = null,
    string? Message = null);

/// <summary>The JSON settings of the pipe protocol (both ends).</summary>
public static class PipeJson
{
    /// <summary>Compact camel-case JSON, text as itself.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
