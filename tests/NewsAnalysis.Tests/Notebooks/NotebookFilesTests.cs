using System.Text.RegularExpressions;
using System.Xml.Linq;
using NewsAnalysis.Notebooks;
using static NewsAnalysis.Tests.NotebookTestKit;

namespace NewsAnalysis.Tests;

/// <summary>Every notebook in notebooks/ (found at test time) runs headlessly on the seed articles without an error cell.</summary>
public partial class NotebookFilesTests
{
    [Theory]
    [MemberData(nameof(RepositoryNotebooks), MemberType = typeof(NotebookTestKit))]
    public void Notebook_runs_on_the_seed_articles_without_an_error_cell(string fileName)
    {
        var run = RunRepositoryNotebook(fileName);
        Assert.True(run.Succeeded, $"{fileName}:\n{Describe(run)}");
        Assert.Equal(TestData.Seeds.Articles.Count, run.ArticleCount);
        Assert.Equal(TestData.Articles, run.DataDir);
        Assert.All(run.Cells.Where(c => c.Cell.Kind == NotebookCellKind.Code), c => Assert.Equal(NotebookCellStatus.Succeeded, c.Status));
    }

    [Theory]
    [MemberData(nameof(RepositoryNotebooks), MemberType = typeof(NotebookTestKit))]
    public void Notebook_is_listed_in_the_docs_notebook_table(string fileName)
    {
        var docs = File.ReadAllLines(Path.Combine(TestData.Root, "docs", "notebooks.md"));
        Assert.Contains(docs, l => l.StartsWith($"| `{fileName}` | ", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RepositoryNotebooks), MemberType = typeof(NotebookTestKit))]
    public void Notebook_is_committed_without_outputs_with_the_setup_and_parameters_cells(string fileName)
    {
        var path = Path.Combine(NotebooksDir, fileName);
        var notebook = NotebookDocument.Load(path);
        var code = notebook.Cells.Where(c => c.Kind == NotebookCellKind.Code).ToList();
        Assert.All(code, c => Assert.True(c.IsCSharp, $"{fileName}: a '{c.Kernel}' cell"));
        Assert.Contains("NewsAnalysis.Interactive.NotebookSupport.Enable();", code[0].Source);
        Assert.Contains(NotebookParameters.Tag, code[1].Tags);
        Assert.Contains("dataDir", NotebookParameters.DeclaredTypes(code[1].Source).Keys);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!;
        Assert.All(json["cells"]!.AsArray(), c => Assert.True(c!["outputs"] is null || c["outputs"]!.AsArray().Count == 0, $"{fileName} has outputs committed"));
        Assert.Equal(".net-csharp", json["metadata"]?["kernelspec"]?["name"]?.GetValue<string>());
    }

    [GeneratedRegex(""""#r\s+"nuget:\s*(?<id>[^,"\s]+)\s*(,\s*(?<version>[^"\s]+))?\s*"""")]
    private static partial Regex NuGetLine();

    [Theory]
    [MemberData(nameof(RepositoryNotebooks), MemberType = typeof(NotebookTestKit))]
    public void Notebook_package_versions_match_Directory_Packages_props(string fileName)
    {
        var pinned = XDocument.Load(Path.Combine(TestData.Root, "Directory.Packages.props"))
            .Descendants("PackageVersion")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!, StringComparer.OrdinalIgnoreCase);
        var references = NotebookDocument.Load(Path.Combine(NotebooksDir, fileName)).Cells
            .SelectMany(c => NuGetLine().Matches(c.Source)).ToList();
        Assert.NotEmpty(references);
        foreach (var m in references)
        {
            var id = m.Groups["id"].Value;
            Assert.True(pinned.TryGetValue(id, out var version), $"{fileName}: {id} is not in Directory.Packages.props");
            Assert.True(m.Groups["version"].Success, $"{fileName}: #r \"nuget: {id}\" has no version");
            Assert.Equal(version, m.Groups["version"].Value);
        }
    }

    [GeneratedRegex("""^\s*#r\s+"(?<path>[^":]+\.dll)"\s*$""", RegexOptions.Multiline)]
    private static partial Regex FileReferenceLine();

#if DEBUG
    // VS Code's kernel loads the files themselves (the runner maps them onto its own copies): after `dotnet build`
    // (Debug, as this test build is) every `#r "path.dll"` must exist relative to the notebook's folder.
    [Theory]
    [MemberData(nameof(RepositoryNotebooks), MemberType = typeof(NotebookTestKit))]
    public void Notebook_file_references_exist_after_a_debug_build(string fileName)
    {
        var references = NotebookDocument.Load(Path.Combine(NotebooksDir, fileName)).Cells
            .SelectMany(c => FileReferenceLine().Matches(c.Source)).Select(m => m.Groups["path"].Value).ToList();
        Assert.Contains(references, r => r.EndsWith("/NewsAnalysis.Interactive.dll", StringComparison.Ordinal));
        foreach (var reference in references)
            Assert.True(File.Exists(Path.GetFullPath(reference, NotebooksDir)), $"{fileName}: #r \"{reference}\" does not exist after dotnet build");
    }
#endif
}
