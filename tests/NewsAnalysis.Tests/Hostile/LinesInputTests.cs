using System.Diagnostics;
using System.Text;
using CsCheck;

namespace NewsAnalysis.Tests;

/// <summary>
/// <c>news sentiment --lines</c> on hostile input (issue 15): a device or a FIFO is refused at once as "not a regular
/// file", UTF-16 without a byte-order mark is decoded, a line without end is an error, not an allocation without bound.
/// </summary>
public class LinesInputTests
{
    private static readonly TimeSpan Bound = HostileCli.TimeBound;

    [Fact]
    public async Task Lines_DevZero_IsRefusedInBoundedTimeAndMemory()
    {
        var run = await News("sentiment", "--lines", "/dev/zero", "--format", "csv");
        Assert.True(run.Elapsed < Bound, $"took {run.Elapsed}");
        Assert.True(run.PeakBytes < HostileCli.MemoryBound, $"peak {run.PeakMb:F0} MB");
        Assert.Equal(2, run.Exit);
        Assert.Equal("", run.Out);
        Assert.Equal("news sentiment: '/dev/zero' is not a regular file (a character device).", run.Err.Trim());
    }

    [Fact]
    public void Lines_LinkToADevice_IsRefusedToo()
    {
        using var dir = new CorpusTempFolder();
        var link = Path.Combine(dir.Path, "innocent.txt");
        File.CreateSymbolicLink(link, "/dev/urandom");
        var (exit, output, error) = CliRunner.Run("sentiment", "--lines", link, "--format", "json");
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("is not a regular file (a character device)", error);
        Assert.Contains(link, error);
    }

    [Fact]
    public async Task Lines_Fifo_IsRefusedWithoutWaitingForAWriter()
    {
        using var dir = new CorpusTempFolder();
        var fifo = Path.Combine(dir.Path, "pipe.txt");
        using (var mkfifo = Process.Start("mkfifo", [fifo])) mkfifo.WaitForExit();
        Assert.True(File.Exists(fifo));
        foreach (var format in new[] { "csv", "table" })
        {
            // Opening a FIFO for reading blocks until someone writes: the run must end by itself.
            var run = Task.Run(() => CliRunner.Run("sentiment", "--lines", fifo, "--format", format));
            var first = await Task.WhenAny(run, Task.Delay(Bound));
            Assert.True(first == run, $"--format {format}: still waiting on the FIFO after {Bound.TotalSeconds} s");
            var (exit, output, error) = await run;
            Assert.Equal(2, exit);
            Assert.Equal("", output);
            Assert.Equal($"news sentiment: '{fifo}' is not a regular file (a named pipe (FIFO)).", error.Trim());
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Lines_Utf16WithoutByteOrderMark_IsDecodedNotRejected(bool bigEndian)
    {
        using var dir = new CorpusTempFolder();
        const string text = "The food was great!\nA terrible, awful day 😡.\nCafé Zürich ist schön\n";
        var utf16 = dir.WriteBytes("utf16.txt", new UnicodeEncoding(bigEndian, byteOrderMark: false).GetBytes(text));
        var utf8 = dir.Write("utf8.txt", text, new UTF8Encoding(false));
        var fromUtf16 = CliRunner.Run("sentiment", "--lines", utf16, "--format", "csv");
        var fromUtf8 = CliRunner.Run("sentiment", "--lines", utf8, "--format", "csv");
        Assert.True(fromUtf16.Exit == 0, fromUtf16.Err);
        Assert.Equal(fromUtf8.Out, fromUtf16.Out);
        Assert.Equal(4, fromUtf16.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        using var reader = TextLineReader.Open(utf16);
        Assert.Equal(bigEndian ? "utf-16BE" : "utf-16", reader.Encoding.WebName);
    }

    [Fact]
    public void Lines_BinaryWithNulBytes_IsStillRefused()
    {
        // Not every file with NUL bytes is UTF-16: random bytes and a PNG header stay "binary".
        using var dir = new CorpusTempFolder();
        var bytes = new byte[4096];
        new Random(3).NextBytes(bytes);
        for (var i = 0; i < bytes.Length; i += 7) bytes[i] = 0;
        var (exit, _, error) = CliRunner.Run("sentiment", "--lines", dir.WriteBytes("noise.txt", bytes));
        Assert.Equal(2, exit);
        Assert.Contains("binary file", error);
    }

    [Fact]
    public void Lines_ALineWithoutEnd_IsAnErrorNamingTheLine()
    {
        using var dir = new CorpusTempFolder();
        var file = dir.Write("long.txt", "first line\n" + new string('x', 5000) + "\nlast\n", new UTF8Encoding(false));
        using var reader = TextLineReader.Open(file, maxLineChars: 1000);
        Assert.Equal("first line", reader.ReadLine());
        var e = Assert.Throws<InvalidDataException>(() => reader.ReadLine());
        Assert.Equal($"'{file}', line 2: longer than 1,000 characters.", e.Message);
    }

    [Fact]
    public void Lines_UndecodableBytesPastThePrefix_FailTheRunAndKeepThePreviousOutFile()
    {
        using var dir = new CorpusTempFolder();
        var good = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("A fine and happy line.\n", 5000)));   // > 64 KB
        var file = dir.WriteBytes("late-bad.txt", [.. good, 0xC3, 0x28, (byte)'\n']);
        var outFile = Path.Combine(dir.Path, "out.csv");
        File.WriteAllText(outFile, "previous\n");
        var (exit, _, error) = CliRunner.Run("sentiment", "--lines", file, "--format", "csv", "--out", outFile);
        Assert.Equal(2, exit);
        Assert.Contains("line 5001", error);
        Assert.Contains("not valid utf-8", error);
        Assert.Equal("previous\n", File.ReadAllText(outFile));
        Assert.Equal(["late-bad.txt", "out.csv"], Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TextLineReader_SplitsLinesExactlyAsTextFileDid()
    {
        // The old --lines read the whole file and split it with ReplaceLineEndings: same lines, for every mix of
        // CR, LF, CRLF, NEL, LS, PS and FF, wherever the reader's buffer happens to cut.
        var pieces = new[] { "a", "bé", " ", "\r", "\n", "\r\n", "\f", "\u0085", "\u2028", "\u2029", "😀" };
        using var dir = new CorpusTempFolder();
        Gen.Int[0, pieces.Length - 1].Array[1, 30].Sample(picks =>
        {
            var text = "the first words " + string.Concat(picks.Select(p => pieces[p]));
            var file = dir.Write("lines.txt", text, new UTF8Encoding(false));
            string[] expected;
            try { expected = TextFile.ReadAllLines(file); }
            catch (InvalidDataException)
            {
                // Mostly control characters (FF, NEL) reads as binary: refused by both.
                Assert.Throws<InvalidDataException>(() => TextLineReader.Open(file).Dispose());
                return;
            }
            foreach (var buffer in new[] { 1, 2, 3, 1 << 16 })
            {
                using var reader = TextLineReader.Open(file, TextLineReader.DefaultMaxLineChars, buffer);
                var lines = new List<string>();
                while (reader.ReadLine() is { } line) lines.Add(line);
                Assert.Equal(expected, lines);
            }
        }, iter: 300, threads: 1);
    }

    private static Task<MeasuredProcess> News(params string[] args) =>
        MeasuredProcess.RunAsync("dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, "news.dll"), .. args], TestData.Root, TimeSpan.FromSeconds(120));
}
