using NewsAnalysis.Notebooks;
using static NewsAnalysis.Tests.NotebookTestKit;

namespace NewsAnalysis.Tests;

/// <summary>
/// "Drop files into a folder, run one command" must not crash on small input: every notebook in notebooks/ runs
/// without an error cell on a folder holding one short article (three paragraphs) and on one holding a single
/// one-paragraph article.
/// </summary>
public sealed class NotebookSmallCorpusTests : IDisposable
{
    // Paragraphs taken from the first seed article (data/articles/000_*.txt), so the text is real news prose.
    private static readonly string[] SeedParagraphs = TestData.Seeds.Articles[0].Paragraphs.Select(p => p.Text).ToArray();

    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("news-small-");

    public void Dispose() => root.Delete(recursive: true);

    /// <summary>The repository's notebooks, each with the two tiny corpora.</summary>
    public static IEnumerable<object[]> NotebooksAndCorpora() =>
        RepositoryNotebooks().SelectMany(n => new[] { new[] { n[0], (object)3 }, new[] { n[0], (object)1 } });

    [Theory]
    [MemberData(nameof(NotebooksAndCorpora))]
    public async Task Notebook_runs_without_an_error_cell_on_a_tiny_corpus(string fileName, int paragraphs)
    {
        var data = Directory.CreateDirectory(Path.Combine(root.FullName, "articles"));
        var text = "Pakistan and Russia hold talks\n\n" + string.Join("\n\n", SeedParagraphs.Skip(1).Take(paragraphs)) + "\n";
        File.WriteAllText(Path.Combine(data.FullName, "small.txt"), text);
        var corpus = Corpus.Load(data.FullName);
        Assert.Single(corpus.Articles);
        Assert.Equal(paragraphs, corpus.Articles[0].Paragraphs.Count);

        var run = await NotebookRunner.RunAsync(Path.Combine(NotebooksDir, fileName), new NotebookRunOptions
        {
            Parameters = [new("dataDir", data.FullName)],
            CellTimeout = TimeSpan.FromMinutes(3),
        });

        Assert.True(run.Succeeded, $"{fileName} on {paragraphs} paragraph(s):\n{Describe(run)}");
        Assert.Equal(1, run.ArticleCount);
    }
}
