using System.Text.RegularExpressions;
using NewsAnalysis.Notebooks;
using static NewsAnalysis.Tests.NotebookTestKit;

namespace NewsAnalysis.Tests;

/// <summary><c>news report</c> and <c>news run</c> as a user runs them (the built CLI, output redirected).</summary>
public class NotebookCliTests
{
    // A separate process: progress lines depend on standard output being redirected. Output and errors together.
    private static Task<(int Exit, string Output)> NewsAsync(params string[] args) => NewsInAsync(TestData.Root, args);

    private static async Task<(int Exit, string Output)> NewsInAsync(string workingDirectory, params string[] args)
    {
        var (exit, stdout, stderr) = await CliRunner.RunProcessInAsync(workingDirectory, args);
        return (exit, stdout + stderr);
    }

    private static async Task InTempDirAsync(Func<DirectoryInfo, Task> test)
    {
        var dir = Directory.CreateTempSubdirectory("news-cli-");
        try
        {
            await test(dir);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Report_writes_an_index_and_a_self_contained_page_per_notebook()
    {
        await InTempDirAsync(async outDir =>
        {
            // A report of an earlier run and a page that is not a report are already in the folder.
            HtmlReport.WriteFile(RunRepositoryNotebook("01-corpus.ipynb"), Path.Combine(outDir.FullName, "01-corpus.html"));
            File.WriteAllText(Path.Combine(outDir.FullName, "notes.html"), "<html><body><h1>Notes</h1></body></html>");
            var (exit, output) = await NewsAsync("report", "notebooks/00-overview.ipynb", "--out", outDir.FullName, "--no-input");
            Assert.True(exit == 0, output);
            Assert.Contains("00-overview: cell 1/", output); // plain progress lines when redirected
            var index = File.ReadAllText(Path.Combine(outDir.FullName, "index.html"));
            Assert.Contains("href=\"00-overview.html\"", index);
            Assert.Contains("<a href=\"01-corpus.html\">The corpus: what was loaded, inferred and cleaned</a></td><td>ok</td>", index);
            Assert.Contains($"<td>{TestData.Articles}</td><td class=\"num\">5</td></tr>", index);
            Assert.Equal(2, Regex.Count(index, "<tr class=\"ok\">"));
            Assert.DoesNotContain("notes.html", index);
            var page = File.ReadAllText(Path.Combine(outDir.FullName, "00-overview.html"));
            Assert.Contains($"<dt>Data folder</dt><dd>{TestData.Articles}</dd>", page);
            Assert.Contains("<dt>Articles</dt><dd>5</dd>", page);
            Assert.DoesNotContain("<details>", page);
            Assert.True(File.Exists(Path.Combine(outDir.FullName, "00-overview.ipynb")));
        });
    }

    [Fact]
    public async Task Run_exits_2_when_a_cell_fails_and_still_writes_the_outputs()
    {
        await InTempDirAsync(async outDir =>
        {
            var (exit, output) = await NewsAsync("run", Path.Combine(Fixtures, "golden.ipynb"), "--out", outDir.FullName, "-p", "dataDir=" + TestData.Articles);
            Assert.Equal(2, exit);
            Assert.Contains("FAILED", output);
            Assert.Contains("expected <failure>", output);
            var page = File.ReadAllText(Path.Combine(outDir.FullName, "golden.html"));
            Assert.Contains("Not run: an earlier cell failed.", page);
        });
    }

    [Fact]
    public async Task Continue_on_error_names_every_failed_cell_in_the_summary_and_the_report()
    {
        await InTempDirAsync(async dir =>
        {
            var notebook = Path.Combine(dir.FullName, "two-errors.dib");
            File.WriteAllText(notebook, "#!csharp\nthrow new InvalidOperationException(\"first <one>\");\n\n#!csharp\n1 + 1\n\n#!csharp\nthrow new ArgumentException(\"second one\");\n");
            var (exit, output) = await NewsAsync("run", notebook, "--out", dir.FullName, "--continue-on-error", "--data", TestData.Articles);
            Assert.Equal(2, exit);
            Assert.Contains("two-errors: FAILED in ", output);
            Assert.Contains(": cell 2: System.InvalidOperationException: first <one>; cell 4: System.ArgumentException: second one", output);
            var page = File.ReadAllText(Path.Combine(dir.FullName, "two-errors.html"));
            Assert.Contains("failed: System.InvalidOperationException: first &lt;one&gt;; System.ArgumentException: second one</dd>", page);
        });
    }

    [Fact]
    public async Task A_bare_notebook_name_resolves_in_the_working_directory_then_in_the_repository_notebooks()
    {
        await InTempDirAsync(async dir =>
        {
            File.WriteAllText(Path.Combine(dir.FullName, "mine.dib"), "#!csharp\nvar dataDir = \"x\";\n\n#!csharp\n1 + 1\n");
            var (mine, mineOutput) = await NewsInAsync(dir.FullName, "run", "mine", "--out", dir.FullName, "--data", TestData.Articles);
            Assert.True(mine == 0, mineOutput);
            Assert.True(File.Exists(Path.Combine(dir.FullName, "mine.html")));

            var (exit, output) = await NewsInAsync(dir.FullName, "report", "00-overview", "--out", dir.FullName, "--no-input");
            Assert.True(exit == 0, output);
            Assert.Contains($"<dt>Notebook</dt><dd>00-overview.ipynb</dd>", File.ReadAllText(Path.Combine(dir.FullName, "00-overview.html")));

            var (missing, error) = await NewsInAsync(dir.FullName, "run", "02-sentimen");
            Assert.Equal(2, missing); // bad input: every verb's runtime-error code
            Assert.Contains("news run: Notebook '02-sentimen' not found (looked for ", error);
            Assert.Contains(Path.Combine(TestData.Root, "notebooks", "02-sentimen.ipynb"), error);
            Assert.Contains("notebooks/ has 00-overview, 01-corpus, 02-sentiment, 03-topics", error);
        });
    }

    [Fact]
    public async Task Topics_notebook_takes_nullable_and_enum_parameters_and_warns_about_an_undeclared_one()
    {
        await InTempDirAsync(async dir =>
        {
            var (exit, output) = await NewsAsync("run", "notebooks/03-topics.ipynb", "-p", "k=2", "-p", "unit=Article", "-p", "topics=4", "--out", dir.FullName);
            Assert.True(exit == 0, output);
            Assert.Contains("warning: Parameter 'topics' is not declared in the parameters cell of 03-topics (declared: dataDir, unit, k, method)", output);
            var page = File.ReadAllText(Path.Combine(dir.FullName, "03-topics.html"));
            Assert.Contains("5 articles from 5 articles, k = 2", page);
            Assert.Contains("<dt>Warning</dt><dd class=\"warning\">Parameter &#39;topics&#39; is not declared", page);

            var (bad, error) = await NewsAsync("run", "notebooks/03-topics.ipynb", "-p", "unit=Chapter", "--out", dir.FullName);
            Assert.Equal(2, bad);
            Assert.Contains("news run: Parameter 'unit': 'Chapter' is not a TopicUnit; use one of Article, Paragraph, Sentence.", error);
        });
    }

    [Fact]
    public async Task Topics_report_with_a_cache_reuses_the_saved_model_and_shows_how_far_assigned_units_sit()
    {
        await InTempDirAsync(async dir =>
        {
            var data = Directory.CreateDirectory(Path.Combine(dir.FullName, "data")).FullName;
            foreach (var file in Directory.GetFiles(TestData.Articles)) File.Copy(file, Path.Combine(data, Path.GetFileName(file)));
            var cache = Path.Combine(dir.FullName, "cache");
            var (exit, output) = await NewsAsync("report", "notebooks/03-topics.ipynb", "--data", data, "--cache", cache, "--out", Path.Combine(dir.FullName, "first"));
            Assert.True(exit == 0, output);
            var first = File.ReadAllText(Path.Combine(dir.FullName, "first", "03-topics.html"));
            Assert.Contains("fitted on this corpus (no saved model was reused)", first);

            File.WriteAllText(Path.Combine(data, "zz-new.txt"), "Pakistan and Russia talks\n\nPakistan is negotiating air defense systems and anti-tank missiles with Russia, the army spokesman said.\n\nThe talks on defense cooperation continue.");
            (exit, output) = await NewsAsync("report", "notebooks/03-topics.ipynb", "--data", data, "--cache", cache, "--out", Path.Combine(dir.FullName, "second"));
            Assert.True(exit == 0, output);
            var second = File.ReadAllText(Path.Combine(dir.FullName, "second", "03-topics.html"));
            Assert.Contains("reused the topic model saved", second);
            Assert.Contains("AssignedDistance", second);
            Assert.Matches("assigned [0-9.]+", second);
        });
    }

    [Fact]
    public async Task Bad_input_is_one_line_naming_it_and_exit_code_2()
    {
        var (exit, output) = await NewsAsync("run", "notebooks/00-overview.ipynb", "--data", "no/such/articles");
        Assert.Equal(2, exit);
        Assert.Contains("news run: Data folder or file", output);
        Assert.Contains(Path.Combine("no", "such", "articles"), output);
        Assert.DoesNotContain("   at ", output);
    }
}
