using NewsAnalysis.Kernel;

namespace NewsAnalysis.Tests;

/// <summary>
/// Cells that declare nothing are left out of the submission chain later cells compile against (KernelSession.
/// DeclaresAnything): what later cells see and compute must be exactly as if every cell were chained. The sessions
/// run in this process with its current directory as their working directory (a session sets the process's current
/// directory to it), and their cells write nothing on the console, which other tests may be capturing.
/// </summary>
public class KernelSessionChainTests
{
    private static string Value(CellExecution cell)
    {
        Assert.True(cell.Succeeded, string.Join("\n", cell.Outputs.OfType<ErrorOutput>().Select(e => e.Message)));
        return Assert.IsType<DisplayOutput>(Assert.Single(cell.Outputs)).Value.PlainText;
    }

    private static async Task<CellExecution> Ok(KernelSession session, string code)
    {
        var cell = await session.ExecuteAsync(code);
        Assert.True(cell.Succeeded, code + ": " + string.Join("\n", cell.Outputs.OfType<ErrorOutput>().Select(e => e.Message)));
        return cell;
    }

    [Fact]
    public async Task Cells_that_declare_nothing_keep_the_chain_short_and_their_effects_stay_visible()
    {
        var session = new KernelSession(Environment.CurrentDirectory);
        await Ok(session, "var x = 0;\nvar log = new List<string>();");
        Assert.Equal(1, session.SessionDepth);
        for (var i = 0; i < 30; i++)
        {
            await Ok(session, "x += 1;");
            Assert.Equal((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Value(await session.ExecuteAsync("x")));
        }
        await Ok(session, "log.Add(\"a\");");
        await Ok(session, "for (var i = 0; i < 3; i++) { log.Add(i.ToString()); }");
        Assert.Equal("a012", Value(await session.ExecuteAsync("string.Concat(log)")));
        Assert.Equal(1, session.SessionDepth);
        Assert.Equal(30, session.Variables["x"]);
        Assert.Equal(64, session.ExecutionCount);

        // A failing cell that declares nothing changes nothing either; the next cells go on.
        Assert.False((await session.ExecuteAsync("x = 100; throw new InvalidOperationException(\"boom\");")).Succeeded);
        Assert.Equal("100", Value(await session.ExecuteAsync("x")));
        Assert.False((await session.ExecuteAsync("undefinedName")).Succeeded);
        Assert.Equal("101", Value(await session.ExecuteAsync("x + 1")));
        Assert.Equal(1, session.SessionDepth);
    }

    [Theory]
    [InlineData("using System.Text.Json;", "JsonSerializer.Serialize(new[] { 1, 2 })", "[1,2]")]
    [InlineData("using static System.Math;", "Max(3, 4)", "4")]
    [InlineData("using Json = System.Text.Json.JsonSerializer;", "Json.Serialize(5)", "5")]
    [InlineData("class Point { public int X = 7; }", "new Point().X", "7")]
    [InlineData("record Pair(int A, int B);", "new Pair(1, 2).B", "2")]
    [InlineData("int Twice(int v) => 2 * v;", "Twice(21)", "42")]
    [InlineData("int Prop => 9;", "Prop", "9")]
    [InlineData("var (a, b) = (1, 2);", "a + b", "3")]
    [InlineData("if (\"s\" is string s && s.Length == 1) { }", "s", "s")]
    [InlineData("int.TryParse(\"12\", out var parsed);", "parsed", "12")]
    [InlineData("enum Colour { Red, Green }", "Colour.Green", "Green")]
    public async Task Every_kind_of_declaration_stays_visible_to_later_cells(string declaring, string later, string expected)
    {
        var session = new KernelSession(Environment.CurrentDirectory);
        await Ok(session, "1 + 1");
        Assert.Equal(0, session.SessionDepth);
        await Ok(session, declaring);
        Assert.Equal(1, session.SessionDepth);
        await Ok(session, "Math.Abs(-1);");
        Assert.Equal(expected, Value(await session.ExecuteAsync(later)));
        Assert.Equal(1, session.SessionDepth);
    }

    [Fact]
    public async Task A_loaded_file_and_a_referenced_assembly_stay_visible_to_later_cells()
    {
        var folder = Directory.CreateTempSubdirectory("kernel-chain-").FullName;
        try
        {
            var helper = Path.Combine(folder, "helper.csx");
            File.WriteAllText(helper, "int FromLoad() => 5;\n");
            var session = new KernelSession(Environment.CurrentDirectory);
            await Ok(session, "#load \"" + helper + "\"");
            await Ok(session, "#r \"" + typeof(NetMQ.NetMQMessage).Assembly.Location + "\"");
            Assert.Equal(2, session.SessionDepth);
            Assert.Equal("5", Value(await session.ExecuteAsync("FromLoad()")));
            Assert.Equal("NetMQMessage", Value(await session.ExecuteAsync("typeof(NetMQ.NetMQMessage).Name")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
