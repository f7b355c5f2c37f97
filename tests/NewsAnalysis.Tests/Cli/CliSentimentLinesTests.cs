using System.Text;
using System.Text.Json;

namespace NewsAnalysis.Tests;

/// <summary><c>news sentiment --lines</c> reads text with the corpus loader's decoding and refuses binary files.</summary>
public class CliSentimentLinesTests
{
    [Fact]
    public void Cli_sentiment_lines_refuses_a_binary_file_naming_it()
    {
        using var dir = new CorpusTempFolder();
        var random = new byte[4096];
        new Random(7).NextBytes(random);
        var binary = dir.WriteBytes("noise.bin", random);
        var (exit, output, error) = CliRunner.Run("sentiment", "--lines", binary);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.StartsWith("news sentiment: ", error);
        Assert.Contains(binary, error);
        Assert.Contains("binary file", error);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Cli_sentiment_lines_decodes_a_legacy_encoding_like_the_loader()
    {
        using var dir = new CorpusTempFolder();
        var file = dir.Write("lines.txt", "Le café était excellent and great!\r\nA terrible, awful day.\r\n", Encoding.Latin1);
        var (exit, output, error) = CliRunner.Run("sentiment", "--lines", file, "--format", "json");
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(2, doc.RootElement.GetArrayLength());
        Assert.Equal("Le café était excellent and great!", doc.RootElement[0].GetProperty("Text").GetString());
        Assert.True(doc.RootElement[0].GetProperty("Compound").GetDouble() > 0);
        Assert.True(doc.RootElement[1].GetProperty("Compound").GetDouble() < 0);
    }

    [Fact]
    public void TextFile_reads_lines_and_refuses_nul_bytes()
    {
        using var dir = new CorpusTempFolder();
        Assert.Equal(["one", "", "three"], TextFile.ReadAllLines(dir.Write("a.txt", "one\n\nthree\n")));
        var png = dir.WriteBytes("image.png.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]);
        var e = Assert.Throws<InvalidDataException>(() => TextFile.ReadAllLines(png));
        Assert.Contains(png, e.Message);
        Assert.Contains("NUL", e.Message);
    }
}
