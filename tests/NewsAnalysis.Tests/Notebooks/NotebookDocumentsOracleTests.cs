using System.Text.Json;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;
using NewsAnalysis.Kernel;
using NewsAnalysis.Notebooks;
using static NewsAnalysis.Tests.NotebookTestKit;

namespace NewsAnalysis.Tests;

/// <summary>
/// The project reads and writes notebooks with its own code (<see cref="NotebookDocument"/>, <see cref="IpynbWriter"/>)
/// rather than .NET Interactive's document library, whose repository is archived; that library is the oracle here:
/// both read every notebook alike, and what we write reads back in it cell for cell, output for output.
/// </summary>
public class NotebookDocumentsOracleTests
{
    [Theory]
    [MemberData(nameof(RepositoryNotebooks), MemberType = typeof(NotebookTestKit))]
    public void Our_reader_and_dotnet_interactive_documents_read_each_notebook_alike(string fileName)
    {
        var path = Path.Combine(NotebooksDir, fileName);
        var ours = NotebookDocument.Load(path);
        var theirs = Notebook.Parse(File.ReadAllText(path));
        Assert.Equal(theirs.Elements.Count, ours.Cells.Count);
        foreach (var (cell, element) in ours.Cells.Zip(theirs.Elements))
        {
            Assert.Equal(element.Contents.ReplaceLineEndings("\n"), cell.Source);
            Assert.Equal(NotebookDocument.NormalizeKernel(element.KernelName ?? ""), cell.Kernel);
            Assert.Equal(Tags(element), cell.Tags);
        }
    }

    [Fact]
    public void Our_dib_reader_and_dotnet_interactive_documents_read_a_dib_alike()
    {
        const string dib = "#!meta\n\n{\"kernelInfo\":{\"defaultKernelName\":\"csharp\",\"items\":[{\"name\":\"csharp\"},{\"name\":\"fsharp\"}]}}\n\n"
            + "#!markdown\n\n# Title\n\n#!csharp\n\nvar a = 1;\na + 1\n\n#!fsharp\n\nlet b = 2\n";
        var ours = NotebookDocument.ParseDib(dib, Path.Combine(Fixtures, "oracle.dib"));
        var theirs = CodeSubmission.Parse(dib);
        Assert.Equal(theirs.Elements.Select(e => (NotebookDocument.NormalizeKernel(e.KernelName ?? ""), e.Contents.ReplaceLineEndings("\n").Trim())),
            ours.Cells.Select(c => (c.Kernel, c.Source)));
    }

    [Fact]
    public void Executed_notebooks_we_write_read_back_in_dotnet_interactive_documents()
    {
        var run = Run(Inline(Code(Setup), Code("Console.WriteLine(\"hello\");\ndisplay(Corpus.Load(\"../../../../data/articles\").ArticleFrame().Head(2));\n1 + 1"),
            Code("throw new InvalidOperationException(\"expected\");")), new NotebookRunOptions { ContinueOnError = true });
        var theirs = Notebook.Parse(IpynbWriter.Write(run));
        Assert.Equal(run.Cells.Count, theirs.Elements.Count);
        foreach (var (cell, element) in run.Cells.Zip(theirs.Elements))
        {
            Assert.Equal(cell.Cell.Source, element.Contents.ReplaceLineEndings("\n"));
            Assert.Equal(cell.Outputs.Select(Kind), element.Outputs.Select(Kind));
        }
        var outputs = theirs.Elements[1].Outputs;
        Assert.Equal("hello\n", Assert.IsType<TextElement>(outputs[0]).Text);
        Assert.Contains("<table", Text(Assert.IsType<DisplayElement>(outputs[1]).Data["text/html"]));
        Assert.Equal("2", Text(Assert.IsType<ReturnValueElement>(outputs[2]).Data["text/plain"]));
        Assert.Equal("System.InvalidOperationException", Assert.IsType<ErrorElement>(Assert.Single(theirs.Elements[2].Outputs)).ErrorName);
    }

    private static string Kind(NotebookOutput output) => output switch
    {
        StreamOutput => "stream",
        DisplayOutput { IsResult: true } => "result",
        DisplayOutput => "display",
        ErrorOutput => "error",
        _ => output.GetType().Name,
    };

    private static string Kind(InteractiveDocumentOutputElement output) => output switch
    {
        TextElement => "stream",
        ReturnValueElement => "result",
        DisplayElement => "display",
        ErrorElement => "error",
        _ => output.GetType().Name,
    };

    // Jupyter stores text as a list of lines; the library hands them back as read.
    private static string Text(object value) => value is IEnumerable<object> lines ? string.Concat(lines) : value.ToString() ?? "";

    private static List<string> Tags(InteractiveDocumentElement element) =>
        element.Metadata?.TryGetValue("tags", out var tags) == true
            ? tags switch
            {
                IEnumerable<object> list => list.Select(t => t is JsonElement j ? j.GetString() ?? "" : t.ToString() ?? "").ToList(),
                _ => [],
            }
            : [];
}
