using NewsAnalysis.Kernel;

namespace NewsAnalysis.Tests;

/// <summary>The pieces of the Jupyter front end that need no client: signing, the interrupt checks, the completeness check.</summary>
public sealed class JupyterProtocolTests
{
    [Fact]
    public void Signature_is_hmac_sha256_over_the_four_frames_as_rfc_4231_gives_it()
    {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?", split over the four signed frames.
        var signer = new MessageSigner("Jefe");
        var frames = new[] { "what do ", "ya want ", "for ", "nothing?" }.Select(System.Text.Encoding.ASCII.GetBytes).ToArray();
        const string expected = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
        Assert.Equal(expected, signer.Sign(frames[0], frames[1], frames[2], frames[3]));
        Assert.True(signer.Verify(expected, frames[0], frames[1], frames[2], frames[3]));
        Assert.False(signer.Verify(expected.Replace('5', '6'), frames[0], frames[1], frames[2], frames[3]));
        Assert.False(signer.Verify(expected, frames[0], frames[1], frames[2], "nothing!"u8));
    }

    [Fact]
    public void Without_a_key_messages_are_unsigned()
    {
        var signer = new MessageSigner("");
        Assert.False(signer.Enabled);
        Assert.Equal("", signer.Sign("{}"u8, "{}"u8, "{}"u8, "{}"u8));
    }

    [Fact]
    public void Every_loop_body_gets_an_interrupt_check_on_its_own_line()
    {
        const string code = "var n = 0;\nfor (var i = 0; i < 3; i++)\n    n += i;\nwhile (n > 100) { n--; }\nforeach (var c in \"ab\") n++;\ndo n++; while (n < 10);\nn";
        var rewritten = CellInterrupt.AddLoopChecks(code, KernelSession.ParseOptions);
        Assert.Equal(4, rewritten.Split("CellInterrupt.Check();").Length - 1);
        // Line numbers stay: a compile error or a stack trace names the line as written.
        Assert.Equal(code.Split('\n').Length, rewritten.Split('\n').Length);
        Assert.Equal(code.Split('\n')[^1], rewritten.Split('\n')[^1]);
        // A deconstructing foreach is a syntax node of its own (ForEachVariableStatement): it gets its check too.
        const string deconstructing = "var n = 0;\nforeach (var (a, b) in new[] { (1, 2) }) n += a + b;\nn";
        Assert.Single(CellInterrupt.AddLoopChecks(deconstructing, KernelSession.ParseOptions).Split("CellInterrupt.Check();").Skip(1));
        const string noLoop = "var n = 1;\nn + 1";
        Assert.Same(noLoop, CellInterrupt.AddLoopChecks(noLoop, KernelSession.ParseOptions));
    }

    [Fact]
    public void Cancelled_checks_throw_and_others_do_not()
    {
        CellInterrupt.Check();
        using var source = new CancellationTokenSource();
        CellInterrupt.Current = source.Token;
        CellInterrupt.Check();
        source.Cancel();
        Assert.Throws<OperationCanceledException>(CellInterrupt.Check);
        CellInterrupt.Current = default;
    }

    [Theory]
    [InlineData("1 + 1", "complete")]
    [InlineData("var x = 1;", "complete")]
    [InlineData("#r \"nuget: Plotly.NET, 6.0.0\"\nvar x = 1;", "complete")]
    [InlineData("if (true) {", "incomplete")]
    [InlineData("var s = \"\"\"\nopen raw string", "incomplete")]
    [InlineData("1 +;", "invalid")]
    public void Is_complete_follows_roslyns_submission_check(string code, string status) =>
        Assert.Equal(status, KernelEditing.IsComplete(code).Status);
}
