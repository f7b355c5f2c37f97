using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using NewsAnalysis.Kernel;

namespace NewsAnalysis.Notebooks;

/// <summary>
/// Writes an executed notebook as Jupyter nbformat 4.5 JSON (the layout VS Code and GitHub read): outputs as
/// <c>stream</c>, <c>display_data</c>, <c>execute_result</c> (with <c>text/html</c> and <c>text/plain</c>) and
/// <c>error</c>; cell ids added where missing (cell-1, cell-2, ...); one-space indentation like Jupyter.
/// </summary>
public static class IpynbWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// The executed notebook as JSON text (ends with a newline); <paramref name="runId"/>, when given, is written as
    /// <c>metadata.news_analysis.run</c> (the index compares it with the HTML page's run).
    /// </summary>
    public static string Write(NotebookRun run, string? runId = null)
    {
        var cells = new JsonArray();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (result, index) in run.Cells.Select((c, i) => (c, i)))
        {
            var cell = result.Cell;
            var id = cell.Id is { Length: > 0 } existing && ids.Add(existing) ? existing : UniqueId(ids, index);
            var node = new JsonObject
            {
                ["cell_type"] = cell.Kind switch { NotebookCellKind.Code => "code", NotebookCellKind.Markdown => "markdown", _ => "raw" },
            };
            if (cell.Kind == NotebookCellKind.Code) node["execution_count"] = result.ExecutionCount;
            node["id"] = id;
            node["metadata"] = cell.Metadata.DeepClone();
            if (cell.Kind == NotebookCellKind.Code) node["outputs"] = new JsonArray(result.Outputs.Select(o => Output(o, result.ExecutionCount)).ToArray());
            node["source"] = Lines(cell.Source);
            cells.Add(node);
        }
        var metadata = run.Notebook.Metadata.DeepClone();
        if (runId is not null && metadata is JsonObject m) m[RunMetadata] = new JsonObject { ["run"] = runId };
        var root = new JsonObject
        {
            ["cells"] = cells,
            ["metadata"] = metadata,
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        return root.ToJsonString(Json).ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>The notebook metadata key holding the id of the run that wrote the file.</summary>
    public const string RunMetadata = "news_analysis";

    /// <summary>
    /// Writes <see cref="Write(NotebookRun, string?)"/> to <paramref name="path"/> as UTF-8 without BOM, whole or not at
    /// all (<see cref="AtomicFile"/>).
    /// </summary>
    public static void WriteFile(NotebookRun run, string path, string? runId = null) => AtomicFile.WriteAllText(path, Write(run, runId));

    /// <summary>The run id written in an executed notebook's metadata, or null (none, or not a readable notebook).</summary>
    public static string? ReadRunId(string path)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(path))?["metadata"]?[RunMetadata]?["run"]?.GetValue<string>();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or IOException)
        {
            return null;
        }
    }

    private static string UniqueId(HashSet<string> ids, int index)
    {
        var id = "cell-" + (index + 1);
        while (!ids.Add(id)) id += "-x";
        return id;
    }

    private static JsonNode Output(NotebookOutput output, int? count) => output switch
    {
        StreamOutput s => new JsonObject { ["output_type"] = "stream", ["name"] = s.Name, ["text"] = Lines(s.Text) },
        DisplayOutput d when d.IsResult => new JsonObject
        {
            ["output_type"] = "execute_result",
            ["data"] = Data(d.Value),
            ["execution_count"] = count,
            ["metadata"] = new JsonObject(),
        },
        DisplayOutput d => new JsonObject { ["output_type"] = "display_data", ["data"] = Data(d.Value), ["metadata"] = new JsonObject() },
        ErrorOutput e => new JsonObject
        {
            ["output_type"] = "error",
            ["ename"] = e.Name,
            ["evalue"] = e.Message,
            ["traceback"] = new JsonArray(e.Traceback.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(output), output.GetType().Name, "unknown output kind"),
    };

    private static JsonObject Data(FormattedValue value)
    {
        var data = new JsonObject();
        if ((value.NotebookHtml ?? value.Html) is { } html) data["text/html"] = Lines(html);
        data["text/plain"] = Lines(value.PlainText);
        return data;
    }

    // Jupyter stores multi-line strings as a list of lines, each keeping its '\n'.
    private static JsonArray Lines(string text)
    {
        var array = new JsonArray();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n') continue;
            array.Add(text[start..(i + 1)]);
            start = i + 1;
        }
        if (start < text.Length) array.Add(text[start..]);
        return array;
    }
}
