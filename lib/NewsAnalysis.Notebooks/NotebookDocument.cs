using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsAnalysis.Notebooks;

/// <summary>The kind of a notebook cell.</summary>
public enum NotebookCellKind
{
    /// <summary>Code run by a kernel (its language is <see cref="NotebookCell.Kernel"/>).</summary>
    Code,

    /// <summary>Markdown text.</summary>
    Markdown,

    /// <summary>Raw text, passed through.</summary>
    Raw,
}

/// <summary>One cell of a notebook as read from disk.</summary>
/// <param name="Kind">Code, markdown or raw.</param>
/// <param name="Kernel">The kernel a code cell is for (<c>csharp</c>, <c>fsharp</c>, <c>pwsh</c>, ...); <c>markdown</c>/<c>raw</c> otherwise.</param>
/// <param name="Source">The cell text, lines separated by '\n'.</param>
/// <param name="Tags">The cell's tags (e.g. <c>parameters</c>).</param>
/// <param name="Metadata">The cell's metadata as read (kept when the executed notebook is written).</param>
/// <param name="Id">The cell id, if the file had one.</param>
public sealed record NotebookCell(NotebookCellKind Kind, string Kernel, string Source, IReadOnlyList<string> Tags, JsonObject Metadata, string? Id)
{
    /// <summary>The kernel name of C# cells.</summary>
    public const string CSharpKernel = "csharp";

    /// <summary>True for a code cell of the C# kernel.</summary>
    public bool IsCSharp => Kind == NotebookCellKind.Code && Kernel == CSharpKernel;

    /// <summary>A new C# code cell with Polyglot metadata.</summary>
    public static NotebookCell CSharp(string source, params string[] tags)
    {
        var metadata = new JsonObject
        {
            ["dotnet_interactive"] = new JsonObject { ["language"] = CSharpKernel },
            ["polyglot_notebook"] = new JsonObject { ["kernelName"] = CSharpKernel },
        };
        if (tags.Length > 0) metadata["tags"] = new JsonArray(tags.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray());
        return new NotebookCell(NotebookCellKind.Code, CSharpKernel, source, tags, metadata, null);
    }
}

/// <summary>A notebook read from a Polyglot/Jupyter <c>.ipynb</c> or a Polyglot <c>.dib</c> file.</summary>
/// <param name="Path">The file it was read from (full path).</param>
/// <param name="Cells">The cells in order.</param>
/// <param name="Metadata">Notebook-level metadata (kernelspec, language_info, polyglot_notebook).</param>
public sealed record NotebookDocument(string Path, IReadOnlyList<NotebookCell> Cells, JsonObject Metadata)
{
    /// <summary>The file name without extension, used to name outputs.</summary>
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    /// <summary>Reads a <c>.ipynb</c> or <c>.dib</c> file; a clear error names the file when it is missing or malformed.</summary>
    public static NotebookDocument Load(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full)) throw new FileNotFoundException($"Notebook '{full}' not found.", full);
        var text = File.ReadAllText(full, Encoding.UTF8);
        return System.IO.Path.GetExtension(full).ToLowerInvariant() switch
        {
            ".ipynb" => ParseIpynb(text, full),
            ".dib" => ParseDib(text, full),
            var ext => throw new NotSupportedException($"Notebook '{full}': unknown extension '{ext}' (expected .ipynb or .dib)."),
        };
    }

    /// <summary>Parses Jupyter nbformat 4 JSON as written by VS Code's Polyglot Notebooks.</summary>
    public static NotebookDocument ParseIpynb(string json, string path)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject ?? throw new InvalidDataException("the top level is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Notebook '{path}' is not valid JSON: {e.Message}", e);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"Notebook '{path}': {e.Message}", e);
        }
        if (root["nbformat"]?.GetValue<int>() is int major && major != 4)
            throw new InvalidDataException($"Notebook '{path}' is nbformat {major}; only nbformat 4 is supported.");
        var metadata = root["metadata"] as JsonObject ?? new JsonObject();
        var defaultKernel = DefaultKernel(metadata);
        var cells = new List<NotebookCell>();
        foreach (var (node, index) in (root["cells"] as JsonArray ?? throw new InvalidDataException($"Notebook '{path}' has no 'cells' array.")).Select((n, i) => (n, i)))
        {
            if (node is not JsonObject cell) throw new InvalidDataException($"Notebook '{path}': cell {index + 1} is not an object.");
            var type = cell["cell_type"]?.GetValue<string>();
            var source = JoinSource(cell["source"]);
            var cellMetadata = (cell["metadata"] as JsonObject)?.DeepClone() as JsonObject ?? new JsonObject();
            var tags = (cellMetadata["tags"] as JsonArray)?.Select(t => t?.GetValue<string>() ?? "").ToList() ?? [];
            var id = cell["id"]?.GetValue<string>();
            cells.Add(type switch
            {
                "code" => CodeCell(source, CellKernel(cellMetadata) ?? defaultKernel, tags, cellMetadata, id),
                "markdown" => new NotebookCell(NotebookCellKind.Markdown, "markdown", source, tags, cellMetadata, id),
                "raw" => new NotebookCell(NotebookCellKind.Raw, "raw", source, tags, cellMetadata, id),
                _ => throw new InvalidDataException($"Notebook '{path}': cell {index + 1} has unknown cell_type '{type}'."),
            });
        }
        return new NotebookDocument(path, cells, (JsonObject)metadata.DeepClone());
    }

    /// <summary>Parses the Polyglot <c>.dib</c> text format: an optional <c>#!meta</c> JSON block, then cells each started by <c>#!kernel</c>.</summary>
    public static NotebookDocument ParseDib(string text, string path)
    {
        var metadata = PolyglotMetadata();
        var cells = new List<NotebookCell>();
        string? kernel = null;
        var lines = new List<string>();
        void Flush()
        {
            if (kernel is null) return;
            var source = string.Join('\n', lines).Trim('\n', '\r');
            lines.Clear();
            if (kernel == "meta")
            {
                if (source.Length > 0 && JsonNode.Parse(source) is JsonObject meta && meta["kernelInfo"] is JsonNode info)
                    metadata["polyglot_notebook"] = new JsonObject { ["kernelInfo"] = info.DeepClone() };
            }
            else if (source.Length > 0 || kernel != "markdown")
            {
                cells.Add(kernel == "markdown"
                    ? new NotebookCell(NotebookCellKind.Markdown, "markdown", source, [], new JsonObject(), null)
                    : CodeCell(source, kernel, [], KernelMetadata(kernel), null));
            }
        }
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var trimmed = line.TrimEnd();
            if (trimmed.StartsWith("#!", StringComparison.Ordinal) && trimmed.Length > 2 && !trimmed.Contains(' ') && IsCellSeparator(trimmed[2..], kernel))
            {
                Flush();
                kernel = NormalizeKernel(trimmed[2..]);
                continue;
            }
            if (kernel is null)
            {
                if (trimmed.Length == 0) continue;
                throw new InvalidDataException($"Notebook '{path}': text before the first '#!kernel' line: '{trimmed}'.");
            }
            lines.Add(line);
        }
        Flush();
        return new NotebookDocument(path, cells, metadata);
    }

    /// <summary>Notebook metadata as VS Code's Polyglot Notebooks writes it for a C# notebook.</summary>
    public static JsonObject PolyglotMetadata() => new()
    {
        ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
        ["language_info"] = new JsonObject { ["name"] = "C#", ["file_extension"] = ".cs", ["mimetype"] = "text/x-csharp", ["pygments_lexer"] = "csharp" },
        ["polyglot_notebook"] = new JsonObject
        {
            ["kernelInfo"] = new JsonObject
            {
                ["defaultKernelName"] = "csharp",
                ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["languageName"] = "csharp", ["name"] = "csharp" }),
            },
        },
    };

    // Known kernel names; any other "#!word" line inside a cell is a magic command (#!time, #!about), not a separator.
    private static readonly HashSet<string> KnownKernels = new(StringComparer.OrdinalIgnoreCase)
    {
        "meta", "csharp", "c#", "fsharp", "f#", "pwsh", "powershell", "markdown", "md", "javascript", "js", "html", "sql", "kql", "mermaid", "http", "value", "python", "r",
    };

    private static bool IsCellSeparator(string word, string? current) => KnownKernels.Contains(word) || current is null;

    private static NotebookCell CodeCell(string source, string kernel, IReadOnlyList<string> tags, JsonObject metadata, string? id)
    {
        // A first-line magic (#!fsharp) selects the cell's kernel in Polyglot, overriding the metadata.
        var firstLine = source.Split('\n', 2)[0].Trim();
        if (firstLine.StartsWith("#!", StringComparison.Ordinal) && KnownKernels.Contains(firstLine[2..]))
            kernel = NormalizeKernel(firstLine[2..]);
        return new NotebookCell(NotebookCellKind.Code, kernel, source, tags, metadata, id);
    }

    private static JsonObject KernelMetadata(string kernel) => new()
    {
        ["dotnet_interactive"] = new JsonObject { ["language"] = kernel },
        ["polyglot_notebook"] = new JsonObject { ["kernelName"] = kernel },
    };

    private static string? CellKernel(JsonObject metadata) =>
        (metadata["polyglot_notebook"]?["kernelName"] ?? metadata["dotnet_interactive"]?["language"])?.GetValue<string>() is string k
            ? NormalizeKernel(k) : null;

    private static string DefaultKernel(JsonObject metadata)
    {
        var name = metadata["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]?.GetValue<string>()
            ?? metadata["kernelspec"]?["language"]?.GetValue<string>()
            ?? metadata["language_info"]?["name"]?.GetValue<string>()
            ?? NotebookCell.CSharpKernel;
        return NormalizeKernel(name);
    }

    /// <summary>Maps kernel and language aliases onto one name (<c>C#</c> → <c>csharp</c>, <c>F#</c> → <c>fsharp</c>).</summary>
    public static string NormalizeKernel(string name) => name.Trim().ToLowerInvariant() switch
    {
        "c#" or "csharp" or ".net-csharp" => "csharp",
        "f#" or "fsharp" or ".net-fsharp" => "fsharp",
        "powershell" or "pwsh" or ".net-pwsh" => "pwsh",
        "md" or "markdown" => "markdown",
        "js" or "javascript" => "javascript",
        var other => other,
    };

    private static string JoinSource(JsonNode? source) => source switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>() ?? "")),
        _ => source.GetValue<string>(),
    };
}
