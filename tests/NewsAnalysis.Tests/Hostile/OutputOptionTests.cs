using System.CommandLine;
using NewsAnalysis.Cli;

namespace NewsAnalysis.Tests;

/// <summary>
/// Issue #16 rows 9–11: exit codes as the README says. A bad option value is a malformed command line (exit 1, the
/// reason and the usage on standard error, nothing on standard output), every numeric option is bounded, and an error
/// nobody anticipated is still one line with exit 2, never a stack trace.
/// </summary>
public class OutputOptionTests
{
    // Every numeric (or date) option of every verb, with values outside its range.
    public static TheoryData<string[], string> BadValues() => new()
    {
        { ["kwic", "pipeline", "--width", "2147483647"], "--width must be from 0 to 10000, not 2147483647." },
        { ["kwic", "pipeline", "--width", "-5"], "--width must be from 0 to 10000, not -5." },
        { ["kwic", "pipeline", "--width", "99999999999"], "--width" },
        { ["kwic", " "], "the term is empty" },
        { ["entities", "--pairs", "--min", "-1"], "--min must be from 0 to 2147483647, not -1." },
        { ["topics", "--k", "0"], "--k must be 'auto' or a whole number of at least 1, not '0'." },
        { ["topics", "--k", "-3"], "--k" },
        { ["timeline", "--anchor", "9999-12-31"], "--anchor '9999-12-31' is not a date in the form yyyy-MM-dd from 1000-01-01 to 8999-12-31." },
        { ["timeline", "--anchor", "0001-01-01"], "--anchor '0001-01-01'" },
        { ["sentiment", "--level", "entity", "--entity", "=US"], "--entity '=US': expected NAME or NAME=SURFACE|SURFACE." },
        { ["run", "notebooks/00-overview.ipynb", "--timeout", "0"], "--timeout must be from 1 to 86400, not 0." },
        { ["run", "notebooks/00-overview.ipynb", "--timeout", "2147483647"], "--timeout must be from 1 to 86400, not 2147483647." },
        { ["report", "notebooks/00-overview.ipynb", "--timeout", "-1"], "--timeout must be from 1 to 86400, not -1." },
        { ["run", "notebooks/00-overview.ipynb", "-p", "k"], "Parameter 'k' must look like name=value." },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Row10_11_a_bad_option_value_exits_1_with_the_reason_and_usage_on_stderr(string[] args, string reason)
    {
        var (exit, stdout, stderr) = CliRunner.Run([.. args, "--data", TestData.Articles]);
        Assert.Equal(1, exit);
        Assert.Equal("", stdout);   // stdout stays clean for CSV/JSON
        Assert.Contains(reason, stderr);
        Assert.Contains("Usage:", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void Row10_the_largest_accepted_width_runs_without_allocating_beyond_the_text()
    {
        var (exit, stdout, stderr) = CliRunner.Run("kwic", "pipeline", "--data", TestData.Articles, "--width", "10000", "--format", "json");
        Assert.True(exit == 0, stderr);
        Assert.Contains("\"Right\"", stdout);
        // The library itself, asked for int.MaxValue characters either side, gives the rest of the text (no overflow).
        var article = TestData.Seeds.Articles[0];
        var frame = KeywordInContext.Frame([(article, 10, 5)], int.MaxValue);
        Assert.Equal(new string(article.Text[..10].Select(c => char.IsWhiteSpace(c) ? ' ' : c).ToArray()), frame.Columns["Left"][0]);
        Assert.Equal(article.Text.Length - 15, ((string)frame.Columns["Right"][0]).Length);
    }

    [Fact]
    public void Row10_a_malformed_command_line_keeps_stdout_empty_even_with_suggestions()
    {
        var (exit, stdout, stderr) = CliRunner.Run("corpus", "--formt", "csv");
        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.Contains("--format", stderr);
        var (helpExit, help, _) = CliRunner.Run("corpus", "--help");   // asked-for help stays on stdout
        Assert.Equal(0, helpExit);
        Assert.Contains("--csv-safe", help);
    }

    [Fact]
    public void Row9_an_unanticipated_exception_is_one_line_naming_its_type_with_exit_2()
    {
        var probe = new Command("probe");
        probe.SetAction(parse => CommonOptions.Guard(parse, () => throw new InvalidOperationException("Not enough distinct instances to populate 2 clusters\n  second line")));
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = new RootCommand { probe }.Parse(["probe"]).Invoke(new InvocationConfiguration { Output = output, Error = error });
        Assert.Equal(2, exit);
        Assert.Equal("", output.ToString());
        Assert.Equal("news probe: InvalidOperationException: Not enough distinct instances to populate 2 clusters   second line" + Environment.NewLine, error.ToString());
    }

    [Fact]
    public void Row9_topics_on_two_rows_with_almost_no_shared_terms_never_ends_in_a_stack_trace()
    {
        using var data = new CorpusTempFolder();
        data.Write("two.csv", "title,text\nOne,\"Zebras graze quietly near the river bank today.\"\nTwo,\"Quantum computers at the bank factor large numbers today.\"\n");
        foreach (var method in new[] { "kmeans", "lda" })
        {
            var (exit, _, stderr) = CliRunner.Run("topics", "--data", data.Path, "--unit", "article", "--k", "2", "--method", method);
            Assert.True(exit is 0 or 2, $"{method}: exit {exit}: {stderr}");
            Assert.DoesNotContain("   at ", stderr);
            Assert.DoesNotContain("Unhandled", stderr);
        }
    }
}
