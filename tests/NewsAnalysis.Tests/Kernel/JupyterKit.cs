using System.Text.Json.Nodes;
using NewsAnalysis.Notebooks;

namespace NewsAnalysis.Tests;

/// <summary>
/// The real Jupyter clients (Debian's jupyter_client, nbconvert, nbformat for <c>/usr/bin/python3</c>) against this
/// build's news-kernel: its kernelspec is installed once per test run by <c>news kernel install --prefix</c> into a
/// temporary folder, and every Jupyter process runs with <c>JUPYTER_PATH</c>, data, runtime and config folders there,
/// never the user's own.
/// </summary>
internal static class JupyterKit
{
    private static readonly Lazy<string> prefix = new(Install);

    /// <summary>/usr/bin/python3, whose packages include Debian's Jupyter ones.</summary>
    public const string Python = "/usr/bin/python3";

    /// <summary>The temporary prefix holding share/jupyter/kernels/.net-csharp.</summary>
    public static string Prefix => prefix.Value;

    /// <summary>The environment of a Jupyter client process: our kernelspec first, nothing written to the user's folders.</summary>
    public static IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["JUPYTER_PATH"] = Path.Combine(Prefix, "share", "jupyter"),
        ["JUPYTER_DATA_DIR"] = Path.Combine(Prefix, "data"),
        ["JUPYTER_RUNTIME_DIR"] = Path.Combine(Prefix, "runtime"),
        ["JUPYTER_CONFIG_DIR"] = Path.Combine(Prefix, "config"),
        ["JUPYTER_PLATFORM_DIRS"] = "1",
    };

    private static string Install()
    {
        var folder = Directory.CreateTempSubdirectory("news-jupyter-").FullName;
        var (exit, output, error) = CliRunner.Run("kernel", "install", "--prefix", folder);
        if (exit != 0) throw new InvalidOperationException($"news kernel install failed ({exit}): {output}{error}");
        foreach (var sub in new[] { "data", "runtime", "config" }) Directory.CreateDirectory(Path.Combine(folder, sub));
        return folder;
    }

    /// <summary>The code cells' outputs of an executed .ipynb.</summary>
    public static IEnumerable<JsonObject> Outputs(JsonNode notebook) =>
        notebook["cells"]!.AsArray().Where(c => (string?)c!["cell_type"] == "code").SelectMany(c => c!["outputs"]!.AsArray()).Select(o => o!.AsObject());

    /// <summary>A text field of Jupyter JSON (a string or a list of lines).</summary>
    public static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        _ => (string?)node ?? "",
    };

    /// <summary>An output's text/html, or "" when it has none.</summary>
    public static string Html(JsonObject output) => Text(output["data"]?["text/html"]);

    /// <summary>True when the HTML draws a Plotly figure (the figure's JSON and the call that draws it).</summary>
    public static bool IsChart(string html) => html.Contains("Plotly.newPlot(", StringComparison.Ordinal) && html.Contains("var f={\"data\":[", StringComparison.Ordinal);

    /// <summary>True when the HTML is a table with at least one row.</summary>
    public static bool IsTable(string html) => html.Contains("<table", StringComparison.Ordinal) && html.Contains("<td", StringComparison.Ordinal);

    /// <summary>The notebooks as news run sees them, with the parameter cell news run injects.</summary>
    public static NotebookDocument Notebook(string fileName, string dataSet) => RealKernelRuns.Notebook(fileName, dataSet);
}
