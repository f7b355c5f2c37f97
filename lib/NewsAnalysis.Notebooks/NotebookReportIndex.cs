using System.Globalization;
using System.Text;
using AngleSharp.Html.Parser;

namespace NewsAnalysis.Notebooks;

/// <summary>One report as the index lists it.</summary>
/// <param name="FileName">The page's file name, relative to the index.</param>
/// <param name="Title">The report's title.</param>
/// <param name="Succeeded">True when every cell ran.</param>
/// <param name="Status">"ok", or the failed cells' errors.</param>
/// <param name="Duration">The run time, when known.</param>
/// <param name="DataDir">The data folder, when set.</param>
/// <param name="ArticleCount">The number of articles, when known.</param>
/// <param name="RunId">The run that wrote the page (<see cref="NotebookReportOptions.RunId"/>), when it says.</param>
/// <param name="NotebookRunId">The run that wrote the executed notebook beside the page (NAME.ipynb), when it says.</param>
public sealed record NotebookReportEntry(string FileName, string Title, bool Succeeded, string Status, TimeSpan? Duration, string? DataDir, int? ArticleCount,
    string? RunId = null, string? NotebookRunId = null);

/// <summary>
/// The index of a report folder, rebuilt from every report page in it, so a run of some notebooks keeps the links
/// to reports written earlier. Each entry's title, status, run time, data folder and article count are read back from
/// the header <see cref="HtmlReport"/> writes (with AngleSharp); other HTML files are not reports and are left out.
/// Each entry also says which run wrote the page, and the executed notebook beside it: after a run stopped half-way,
/// the index tells which pages are from which run.
/// </summary>
public static class NotebookReportIndex
{
    /// <summary>The index page's file name.</summary>
    public const string FileName = "index.html";

    /// <summary>The entry of a report page, or null when the file is not a report written by <see cref="HtmlReport"/>.</summary>
    public static NotebookReportEntry? Read(string path)
    {
        var document = new HtmlParser().ParseDocument(File.ReadAllText(path));
        var header = document.QuerySelector("body > header");
        var title = header?.QuerySelector("h1")?.TextContent;
        if (header is null || title is null) return null;
        var fields = header.QuerySelectorAll("dt").Where(dt => dt.NextElementSibling?.LocalName == "dd")
            .GroupBy(dt => dt.TextContent, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().NextElementSibling!, StringComparer.Ordinal);
        if (!fields.TryGetValue("Notebook", out _) || !fields.TryGetValue("Status", out var status)) return null;
        var succeeded = status.ClassList.Contains("ok");
        var duration = fields.TryGetValue("Run time", out var time)
            && double.TryParse(time.TextContent.Replace(" s", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        var dataDir = fields.TryGetValue("Data folder", out var data) && data.TextContent != "(not set)" ? data.TextContent : null;
        var articles = fields.TryGetValue("Articles", out var count) && int.TryParse(count.TextContent, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
        var runId = fields.TryGetValue("Run", out var run) ? run.TextContent : null;
        var notebook = Path.ChangeExtension(path, ".ipynb");
        var notebookRunId = File.Exists(notebook) ? IpynbWriter.ReadRunId(notebook) : null;
        return new NotebookReportEntry(Path.GetFileName(path), title, succeeded, succeeded ? "ok" : status.TextContent, duration, dataDir, articles, runId, notebookRunId);
    }

    /// <summary>Every report page in <paramref name="folder"/> (not the index), by file name.</summary>
    public static IReadOnlyList<NotebookReportEntry> Scan(string folder) =>
        Directory.GetFiles(folder, "*.html")
            .Where(p => !string.Equals(Path.GetFileName(p), FileName, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(Read).OfType<NotebookReportEntry>().ToList();

    /// <summary>
    /// Rebuilds <c>index.html</c> in <paramref name="folder"/> from every report there, whole or not at all
    /// (<see cref="AtomicFile"/>); returns its path.
    /// </summary>
    public static string Write(string folder)
    {
        var path = Path.Combine(folder, FileName);
        AtomicFile.WriteAllText(path, HtmlReport.RenderIndex(Scan(folder)));
        return path;
    }
}
