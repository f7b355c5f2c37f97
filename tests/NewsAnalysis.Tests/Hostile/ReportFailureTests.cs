namespace NewsAnalysis.Tests;

/// <summary>
/// Issue #16 row 8: a report with nothing to analyse says so before any cell runs, in one line on standard error; a
/// failed notebook names itself, the cell and the reason on standard error, not only in the progress on standard output.
/// </summary>
public class ReportFailureTests
{
    [Fact]
    public void Row8_an_empty_data_folder_is_one_line_on_stderr_before_any_cell_runs()
    {
        using var empty = new CorpusTempFolder();
        using var outDir = new CorpusTempFolder();
        var (exit, stdout, stderr) = CliRunner.Run("report", "02-sentiment", "--data", empty.Path, "--out", outDir.Path);
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);   // no progress line: no cell ran
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"news report: no articles in '{empty.Path}': it holds no .txt, .md, .html, .htm, .json, .jsonl or .csv file.", line);
        Assert.Empty(Directory.GetFileSystemEntries(outDir.Path));
    }

    [Fact]
    public void Row8_a_folder_whose_every_file_is_rejected_is_empty_too_and_says_how_many()
    {
        // Judged by the corpus loader's own rules: an empty file and a binary one load nothing.
        using var data = new CorpusTempFolder();
        data.Write("empty.txt", "");
        data.WriteBytes("photo.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]);
        Assert.Empty(Corpus.Load(data.Path).Articles);
        using var outDir = new CorpusTempFolder();
        foreach (var verb in new[] { "report", "run" })
        {
            var (exit, stdout, stderr) = CliRunner.Run(verb, "02-sentiment", "--data", data.Path, "--out", outDir.Path);
            Assert.Equal(2, exit);
            Assert.Equal("", stdout);
            var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith($"news {verb}: no articles in '{data.Path}': 2 file(s) rejected — see: news corpus --data ", line);
        }
    }

    [Fact]
    public void Row8_a_failed_notebook_names_the_notebook_cell_and_reason_on_stderr()
    {
        using var dir = new CorpusTempFolder();
        // The message carries a terminal escape sequence too: printed escaped, never raw.
        var notebook = dir.Write("fails.dib", "#!csharp\nvar total = 1;\n\n#!csharp\nthrow new InvalidOperationException(\"no rows \\u001b[2J left\");\n");
        var (exit, stdout, stderr) = CliRunner.Run("report", notebook, "--data", TestData.Articles, "--out", Path.Combine(dir.Path, "out"));
        Assert.Equal(2, exit);
        // Cell 1 is the parameters cell the runner inserts (the notebook has none).
        Assert.Contains("news report: fails failed: cell 3: System.InvalidOperationException: no rows \\x1B[2J left", stderr.Split('\n'));
        Assert.Contains("fails: FAILED in ", stdout);   // the progress line stays
        Assert.DoesNotContain('\u001b', stdout + stderr);
        Assert.True(File.Exists(Path.Combine(dir.Path, "out", "fails.html")));
    }
}
