namespace NewsAnalysis.Tests;

/// <summary>
/// A streamed table written to the process's own standard output (buffered, not through the flush-per-write
/// <c>Console.Out</c>) is byte for byte the table <c>--out</c> writes: checked in a child process, where standard output
/// is the real one.
/// </summary>
public class CliStdoutTests
{
    [Theory]
    [InlineData("sentiment", "csv")]
    [InlineData("sentiment", "json")]
    [InlineData("timeline", "csv")]
    public async Task A_streamed_table_on_standard_output_is_the_table_out_writes(string verb, string format)
    {
        using var dir = new CorpusTempFolder();
        var file = Path.Combine(dir.Path, "out." + format);
        var toFile = await CliRunner.RunProcessAsync(verb, "--data", TestData.Articles, "--format", format, "--no-cache", "--out", file);
        Assert.Equal((0, ""), (toFile.Exit, toFile.Err));
        var toStdout = await CliRunner.RunProcessAsync(verb, "--data", TestData.Articles, "--format", format, "--no-cache");
        Assert.Equal((0, ""), (toStdout.Exit, toStdout.Err));
        var expected = File.ReadAllText(file);
        Assert.True(expected.Length > 1000, $"{verb} wrote only {expected.Length} characters");
        Assert.Equal(expected, toStdout.Out);
    }

    /// <summary>
    /// The same for tables built whole (<c>CommonOptions.Write</c>), which go to standard output as they are written
    /// rather than held as one string first (that took 4.1 GB for 1,000,000 articles' CSV): every byte, in order.
    /// </summary>
    [Theory]
    [InlineData("csv", "corpus")]
    [InlineData("json", "corpus")]
    [InlineData("json", "entities", "--mentions", "--no-cache")]
    [InlineData("csv", "sentiment", "--level", "paragraph", "--no-cache")]
    public async Task A_whole_table_on_standard_output_is_the_table_out_writes(string format, params string[] verb)
    {
        using var dir = new CorpusTempFolder();
        var file = Path.Combine(dir.Path, "out." + format);
        string[] args = [.. verb, "--data", TestData.Articles, "--format", format];
        var toFile = await CliRunner.RunProcessAsync([.. args, "--out", file]);
        Assert.Equal((0, ""), (toFile.Exit, toFile.Err));
        var toStdout = await CliRunner.RunProcessAsync(args);
        Assert.Equal((0, ""), (toStdout.Exit, toStdout.Err));
        var inProcess = CliRunner.Run(args);
        Assert.Equal((0, ""), (inProcess.Exit, inProcess.Err));
        var expected = File.ReadAllText(file);
        Assert.True(expected.Length > 1000, $"{string.Join(' ', verb)} wrote only {expected.Length} characters");
        Assert.Equal(expected, toStdout.Out);
        Assert.Equal(expected, inProcess.Out);
    }
}
