using System.Text.RegularExpressions;
using NewsAnalysis.Notebooks;

namespace NewsAnalysis.Tests;

/// <summary>
/// Issue #16 rows 5–7: where `news report` writes. Every --out is relative to the working directory; an output folder
/// that is the data folder or inside it is refused before anything runs; pages and index are written whole, and the
/// index says which run wrote each page, so a run killed half-way leaves a folder whose index describes it.
/// </summary>
public partial class ReportFolderTests
{
    // A notebook that needs nothing but the runner: a title, then one quick cell.
    private const string Tiny = "#!markdown\n# Tiny report\n\n#!csharp\nvar answer = 6 * 7;\n\n#!csharp\nanswer\n";

    [GeneratedRegex("<dt>Run</dt><dd><span class=\"volatile\">([^<]+)</span>")]
    private static partial Regex PageRun();

    private static string RunOf(string page) => PageRun().Match(File.ReadAllText(page)) is { Success: true } m ? m.Groups[1].Value : "(none)";

    [Fact]
    public async Task Row5_a_relative_out_is_relative_to_the_working_directory_for_every_verb()
    {
        using var dir = new CorpusTempFolder();
        dir.Write("tiny.dib", Tiny);
        var (exit, stdout, stderr) = await CliRunner.RunProcessInAsync(dir.Path, "report", "tiny.dib", "--data", TestData.Articles, "--out", "relrep");
        Assert.True(exit == 0, stdout + stderr);
        Assert.True(File.Exists(Path.Combine(dir.Path, "relrep", "tiny.html")));
        Assert.True(File.Exists(Path.Combine(dir.Path, "relrep", "index.html")));
        Assert.False(Directory.Exists(Path.Combine(TestData.Root, "relrep")), "written under the repository instead of the working directory");

        var (runExit, runOut, runErr) = await CliRunner.RunProcessInAsync(dir.Path, "run", "tiny.dib", "--data", TestData.Articles, "--out", "relrun");
        Assert.True(runExit == 0, runOut + runErr);
        Assert.True(File.Exists(Path.Combine(dir.Path, "relrun", "tiny.ipynb")));
        Assert.False(Directory.Exists(Path.Combine(TestData.Root, "relrun")));

        // The table verbs already did: one --out rule for the whole CLI.
        var (csvExit, _, csvErr) = await CliRunner.RunProcessInAsync(dir.Path, "corpus", "--data", TestData.Articles, "--format", "csv", "--out", "relcorpus.csv");
        Assert.True(csvExit == 0, csvErr);
        Assert.True(File.Exists(Path.Combine(dir.Path, "relcorpus.csv")));
    }

    [Fact]
    public void Row6_an_out_folder_that_is_the_data_folder_or_inside_it_is_refused_before_anything_runs()
    {
        using var data = new CorpusTempFolder();
        data.Write("story.txt", "Talks resume\n\nThe ministers met in Moscow on Tuesday to discuss trade.\n");
        var link = Path.Combine(Path.GetTempPath(), "news-link-" + Guid.NewGuid().ToString("N"));
        Directory.CreateSymbolicLink(link, data.Path);
        try
        {
            foreach (var (verb, outDir) in new[] { ("report", data.Path), ("report", Path.Combine(data.Path, "reports")), ("run", data.Path), ("report", Path.Combine(link, "r")) })
            {
                var (exit, stdout, stderr) = CliRunner.Run(verb, "notebooks/00-overview.ipynb", "--data", data.Path, "--out", outDir);
                Assert.Equal(2, exit);
                Assert.Equal("", stdout);   // no notebook ran
                var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
                Assert.StartsWith($"news {verb}: --out folder '{outDir}' is ", line);
                Assert.Contains($"the data folder '{data.Path}'", line);
            }
            Assert.Equal(["story.txt"], Directory.GetFileSystemEntries(data.Path).Select(Path.GetFileName));

            // Same cause in the table verbs: a CSV written into the corpus would be read back as articles next time.
            var (csvExit, _, csvError) = CliRunner.Run("corpus", "--data", data.Path, "--format", "csv", "--out", Path.Combine(data.Path, "corpus.csv"));
            Assert.Equal(2, csvExit);
            Assert.Contains("is inside the data folder", csvError);
            var file = Path.Combine(data.Path, "story.txt");
            var (fileExit, _, fileError) = CliRunner.Run("sentiment", "--data", file, "--format", "csv", "--out", file);
            Assert.Equal(2, fileExit);
            Assert.Contains("is the data file", fileError);
            Assert.StartsWith("Talks resume", File.ReadAllText(file));
            Assert.Single(Corpus.Load(data.Path).Articles);
        }
        finally
        {
            Directory.Delete(link);
        }
    }

    [Fact]
    public void Row6_a_data_folder_inside_the_output_folder_is_accepted()
    {
        // Outputs go only to the top of --out, never into the data folder below it.
        using var outDir = new CorpusTempFolder();
        var data = Path.Combine(outDir.Path, "articles");
        Directory.CreateDirectory(data);
        File.Copy(Directory.GetFiles(TestData.Articles, "*.txt")[0], Path.Combine(data, "one.txt"));
        outDir.Write("tiny.dib", Tiny);
        var (exit, stdout, stderr) = CliRunner.Run("report", Path.Combine(outDir.Path, "tiny.dib"), "--data", data, "--out", outDir.Path);
        Assert.True(exit == 0, stdout + stderr);
        Assert.True(File.Exists(Path.Combine(outDir.Path, "tiny.html")));
        Assert.Equal(["one.txt"], Directory.GetFiles(data).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Row7_a_report_killed_after_its_first_page_leaves_an_index_saying_which_run_wrote_each_page()
    {
        using var dir = new CorpusTempFolder();
        var a = dir.Write("a.dib", Tiny);
        var b = dir.Write("b.dib", Tiny.Replace("Tiny report", "Second report", StringComparison.Ordinal));
        var outDir = Path.Combine(dir.Path, "out");

        var (first, firstOut, firstErr) = await CliRunner.RunProcessInAsync(dir.Path, "report", a, b, "--data", TestData.Articles, "--out", outDir);
        Assert.True(first == 0, firstOut + firstErr);
        var oldRun = RunOf(Path.Combine(outDir, "a.html"));
        Assert.Equal(oldRun, RunOf(Path.Combine(outDir, "b.html")));
        Assert.Equal(oldRun, IpynbWriter.ReadRunId(Path.Combine(outDir, "b.ipynb")));

        // The second run stalls in b: kill -9 once a's page and the index rebuilt after it are on disk.
        File.WriteAllText(b, "#!markdown\n# Second report\n\n#!csharp\nSystem.Threading.Thread.Sleep(120_000);\n");
        using var process = CliRunner.StartProcess(dir.Path, "report", a, b, "--data", TestData.Articles, "--out", outDir);
        var index = Path.Combine(outDir, "index.html");
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (RunOf(Path.Combine(outDir, "a.html")) == oldRun || !File.ReadAllText(index).Contains("pages from 2 runs", StringComparison.Ordinal))
        {
            if (process.HasExited) Assert.Fail("the second run ended before it could be killed: " + process.StandardError.ReadToEnd());
            Assert.True(DateTime.UtcNow < deadline, "the second run wrote no page in 90 s");
            await Task.Delay(100);
        }
        process.Kill(entireProcessTree: true);   // SIGKILL
        await process.WaitForExitAsync();

        var newRun = RunOf(Path.Combine(outDir, "a.html"));
        Assert.NotEqual(oldRun, newRun);
        Assert.Equal(newRun, IpynbWriter.ReadRunId(Path.Combine(outDir, "a.ipynb")));
        Assert.Equal(oldRun, RunOf(Path.Combine(outDir, "b.html")));   // b's page of the first run, whole
        var entries = NotebookReportIndex.Scan(outDir).ToDictionary(e => e.FileName);
        Assert.Equal(newRun, entries["a.html"].RunId);
        Assert.Equal(oldRun, entries["b.html"].RunId);
        var html = File.ReadAllText(index);
        Assert.EndsWith("</html>\n", html);
        Assert.Contains($"<a href=\"a.html\">Tiny report</a></td><td>ok</td><td><span class=\"volatile\">", html);
        Assert.Contains($"<td><span class=\"volatile\">{newRun}</span></td>", html);
        Assert.Contains($"<td><span class=\"volatile\">{oldRun}</span></td>", html);
        // Nothing half-written under a report's name; at most hidden temporary files.
        Assert.All(Directory.GetFiles(outDir).Select(Path.GetFileName), f => Assert.True(f!.StartsWith('.') || f is "a.html" or "a.ipynb" or "b.html" or "b.ipynb" or "index.html", f));
    }

    [Fact]
    public void Row7_the_index_flags_an_executed_notebook_written_by_another_run_than_its_page()
    {
        using var dir = new CorpusTempFolder();
        var run = NotebookTestKit.Run(NotebookTestKit.Inline(NotebookTestKit.Markdown("# Mixed"), NotebookTestKit.Code("1 + 1")));
        HtmlReport.WriteFile(run, Path.Combine(dir.Path, "mixed.html"), new NotebookReportOptions { RunId = "run-old" });
        IpynbWriter.WriteFile(run, Path.Combine(dir.Path, "mixed.ipynb"), "run-new");
        var html = File.ReadAllText(NotebookReportIndex.Write(dir.Path));
        Assert.Contains("(mixed.ipynb beside it: run <span class=\"volatile\">run-new</span>)", html);
        Assert.Contains("<dt>Run</dt><dd><span class=\"volatile\">run-old</span></dd>", html);
    }

    [Fact]
    public void Row7_links_devices_and_pipes_are_written_through_never_renamed_over()
    {
        using var dir = new CorpusTempFolder();
        var target = dir.Write("real.csv", "old");
        var link = Path.Combine(dir.Path, "link.csv");
        File.CreateSymbolicLink(link, target);
        Assert.False(AtomicFile.CanReplace(link));
        Assert.False(AtomicFile.CanReplace("/dev/null"));
        Assert.False(AtomicFile.CanReplace(dir.Write("empty.csv", "")));
        Assert.True(AtomicFile.CanReplace(target));
        Assert.True(AtomicFile.CanReplace(Path.Combine(dir.Path, "new.csv")));

        var (exit, _, stderr) = CliRunner.Run("corpus", "--data", TestData.Articles, "--format", "csv", "--out", link);
        Assert.True(exit == 0, stderr);
        Assert.Equal(target, new FileInfo(link).LinkTarget);   // still the link, the file behind it rewritten
        Assert.StartsWith("Id,Path,Title", File.ReadAllText(target));
        var (nullExit, _, _) = CliRunner.Run("corpus", "--data", TestData.Articles, "--format", "csv", "--out", "/dev/null");
        Assert.Equal(0, nullExit);
        Assert.Equal(0, new FileInfo("/dev/null").Length);
        Assert.Empty(Directory.GetFiles("/dev", ".null.*"));
    }

    [Fact]
    public void Row7_a_writer_stopped_before_commit_leaves_the_previous_file_whole()
    {
        using var dir = new CorpusTempFolder();
        var path = dir.Write("page.html", "previous page");
        var file = AtomicFile.Create(path);
        file.Stream.Write("half a new pa"u8);
        file.Stream.Flush();
        // As after kill -9: no commit, no dispose. The target is untouched; the bytes sit in a hidden temporary file.
        Assert.Equal("previous page", File.ReadAllText(path));
        Assert.StartsWith(".page.html.", Path.GetFileName(file.TemporaryPath));
        Assert.Equal(dir.Path, Path.GetDirectoryName(file.TemporaryPath));
        file.Dispose();   // abandoned: the temporary file goes, the target stays
        Assert.False(File.Exists(file.TemporaryPath));
        Assert.Equal("previous page", File.ReadAllText(path));

        AtomicFile.WriteAllText(path, "new page");
        Assert.Equal("new page", File.ReadAllText(path));
        Assert.Equal(["page.html"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }
}
