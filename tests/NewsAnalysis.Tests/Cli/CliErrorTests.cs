using System.CommandLine;
using NewsAnalysis.Cli;

namespace NewsAnalysis.Tests;

/// <summary>Every verb's runtime errors: one line on stderr naming the path or value, exit code 2, no stack trace.</summary>
public class CliErrorTests
{
    // The verbs that write one file with --out, each with the arguments it needs.
    public static TheoryData<string[]> FileVerbs() => new()
    {
        { new[] { "corpus" } },
        { new[] { "entities" } },
        { new[] { "kwic", "pipeline" } },
        { new[] { "sentiment", "--level", "article" } },
        { new[] { "timeline", "--articles" } },
        { new[] { "topics", "--unit", "article", "--k", "2" } },
    };

    private static void AssertOneLineError(string verb, string error, string path)
    {
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith($"news {verb}: ", lines[0]);
        Assert.Contains(path, lines[0]);
        Assert.DoesNotContain("   at ", error);
        Assert.DoesNotContain("Exception", error);
    }

    [Theory]
    [MemberData(nameof(FileVerbs))]
    public void Cli_out_naming_a_folder_is_one_line_and_exit_2(string[] verb)
    {
        using var dir = new CorpusTempFolder();
        var (exit, output, error) = CliRunner.Run([.. verb, "--data", TestData.Articles, "--out", dir.Path]);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        AssertOneLineError(verb[0], error, dir.Path);
        Assert.Contains("folder", error);
    }

    [Theory]
    [MemberData(nameof(FileVerbs))]
    public void Cli_out_under_a_file_is_one_line_and_exit_2(string[] verb)
    {
        using var dir = new CorpusTempFolder();
        dir.Write("plain.txt", "not a folder");
        var target = Path.Combine(dir.Path, "plain.txt", "out.csv");
        var (exit, _, error) = CliRunner.Run([.. verb, "--data", TestData.Articles, "--out", target]);
        Assert.Equal(2, exit);
        AssertOneLineError(verb[0], error, target);
        Assert.Equal("not a folder", File.ReadAllText(Path.Combine(dir.Path, "plain.txt")));
    }

    [Theory]
    [InlineData("report")]
    [InlineData("run")]
    public void Cli_notebook_out_naming_a_file_fails_before_running_anything(string verb)
    {
        using var dir = new CorpusTempFolder();
        dir.Write("plain.txt", "not a folder");
        var target = Path.Combine(dir.Path, "plain.txt");
        var (exit, output, error) = CliRunner.Run(verb, "notebooks/00-overview.ipynb", "--data", TestData.Articles, "--out", target);
        Assert.Equal(2, exit);
        Assert.Equal("", output);   // no notebook ran
        AssertOneLineError(verb, error, target);
    }

    [Fact]
    public void Cli_a_missing_data_folder_exits_2_in_every_verb()
    {
        foreach (var verb in new[] { "corpus", "entities", "timeline", "sentiment", "topics" })
        {
            var (exit, output, error) = CliRunner.Run(verb, "--data", "/no/such/folder");
            Assert.True(exit == 2, $"{verb}: exit {exit}, {error}");
            Assert.Equal("", output);
            AssertOneLineError(verb, error, "/no/such/folder");
        }
    }

    [Fact]
    public void Cli_kwic_with_an_empty_term_is_a_malformed_command_line()
    {
        // A bad argument value, like a bad option value: exit 1, the reason and the usage on stderr (README).
        var (exit, output, error) = CliRunner.Run("kwic", "", "--data", TestData.Articles);
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.StartsWith("the term is empty", error);
        Assert.Contains("Usage:", error);
        Assert.DoesNotContain("Parameter", error);
    }

    [Fact]
    public void Cli_corpus_rejected_and_changes_are_mutually_exclusive()
    {
        var (exit, output, error) = CliRunner.Run("corpus", "--data", TestData.Articles, "--rejected", "--changes");
        Assert.Equal(2, exit);   // like `news entities --pairs --discover`
        AssertOneLineError("corpus", error, "Choose one of --rejected, --changes and --duplicates, not --rejected and --changes.");
        Assert.DoesNotContain("ArticleId", output);

        var (exit2, _, error2) = CliRunner.Run("corpus", "--data", TestData.Articles, "--changes", "--duplicates", "--format", "csv");
        Assert.Equal(2, exit2);
        Assert.Contains("--changes and --duplicates", error2);
    }
}
