using System.Text.Json.Nodes;
using NewsAnalysis.Notebooks;

namespace NewsAnalysis.Tests;

/// <summary>
/// news-kernel driven by the real jupyter_client (<c>jupyter_client_check.py</c> beside this file, run once per test
/// run): kernel_info, heartbeat, results, stdout, displays and their updates, compile errors, editing requests,
/// interrupts by message and by SIGINT, a message signed with another key, restart, shutdown, and the death of the
/// client that started the kernel.
/// </summary>
public sealed class JupyterKernelTests
{
    private static readonly Lazy<JsonObject> facts = new(Observe);

    private static JsonObject Facts => facts.Value;

    private static JsonObject Observe()
    {
        var work = Directory.CreateTempSubdirectory("news-jupyter-client-").FullName;
        var script = Path.Combine(TestData.Root, "tests", "NewsAnalysis.Tests", "Kernel", "jupyter_client_check.py");
        var run = MeasuredProcess.Run(JupyterKit.Python, [script, JupyterKernelSpec.DefaultName, work], work, TimeSpan.FromMinutes(10), JupyterKit.Environment);
        var last = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        if (run.Exit != 0 || last is null) throw new InvalidOperationException($"jupyter_client_check.py exit {run.Exit}: {run.Out}\n{run.Err[^Math.Min(6000, run.Err.Length)..]}");
        return JsonNode.Parse(last)!.AsObject();
    }

    private static List<string?> Strings(JsonNode? node) => node!.AsArray().Select(n => (string?)n).ToList();

    [Fact]
    public void Kernel_info_names_the_protocol_and_the_language_and_the_heartbeat_echoes()
    {
        Assert.Equal("ok", (string?)Facts["kernel_info"]!["status"]);
        Assert.Equal("5.3", (string?)Facts["kernel_info"]!["protocol_version"]);
        Assert.Equal("news-kernel", (string?)Facts["kernel_info"]!["implementation"]);
        Assert.Equal("C#", (string?)Facts["language"]);
        Assert.Equal("ping-news", (string?)Facts["heartbeat"]);
    }

    [Fact]
    public void A_cell_reports_busy_then_idle_its_input_and_its_result()
    {
        var result = Facts["result"]!;
        Assert.Equal("ok", (string?)result["status"]);
        Assert.Equal(1, (int?)result["count"]);
        Assert.Equal(["busy", "idle"], Strings(result["states"]));
        Assert.Equal(["1 + 1"], Strings(result["input"]));
        Assert.Equal("2", (string?)result["data"]![0]!["text/plain"]);
    }

    [Fact]
    public void Console_output_is_a_stdout_stream_and_a_display_is_updated_by_its_id()
    {
        Assert.Equal("hello from C#\n", (string?)Facts["stdout"]);
        var display = Facts["display"]!.AsArray();
        Assert.Equal(2, display.Count);
        Assert.Equal("display_data", (string?)display[0]![0]);
        Assert.Equal("update_display_data", (string?)display[1]![0]);
        Assert.StartsWith("display-", (string?)display[0]![1], StringComparison.Ordinal);
        Assert.Equal((string?)display[0]![1], (string?)display[1]![1]);
        Assert.Equal(["first", "second"], display.Select(d => (string?)d![2]).ToList());
    }

    [Fact]
    public void A_compile_error_is_an_error_reply_and_the_kernel_keeps_its_state()
    {
        var error = Facts["compile_error"]!;
        Assert.Equal("error", (string?)error["status"]);
        Assert.Equal("CompilationError", (string?)error["ename"]);
        Assert.Contains("CS0029", (string?)error["evalue"], StringComparison.Ordinal);
        Assert.Equal(["CompilationError"], Strings(error["iopub_errors"]));
        Assert.Equal(["42"], Strings(Facts["after_error"]));
    }

    [Fact]
    public void Console_input_is_refused_with_a_message_saying_why()
    {
        Assert.Equal("error", (string?)Facts["stdin"]!["status"]);
        Assert.Contains("stdin", (string?)Facts["stdin"]!["evalue"], StringComparison.Ordinal);
    }

    [Fact]
    public void Is_complete_completion_inspection_and_comm_info_answer_from_roslyn()
    {
        var complete = Facts["is_complete"]!;
        Assert.Equal("incomplete", (string?)complete["if (kept > 1) {"]);
        Assert.Equal("complete", (string?)complete["kept + 1"]);
        Assert.Equal("invalid", (string?)complete["kept +;"]);
        Assert.Contains("WriteLine", Strings(Facts["complete"]!["matches"]));
        Assert.Equal(8, (int?)Facts["complete"]!["cursor_start"]);
        Assert.Equal(10, (int?)Facts["complete"]!["cursor_end"]);
        Assert.Contains("kept", Strings(Facts["complete_variable"]));
        Assert.True((bool?)Facts["inspect"]!["found"]);
        Assert.Contains("System.Console.WriteLine", (string?)Facts["inspect"]!["data"]!["text/plain"], StringComparison.Ordinal);
        Assert.Empty(Facts["comm_info"]!["comms"]!.AsObject());
    }

    [Theory]
    [InlineData("interrupt")]
    [InlineData("sigint")]
    public void An_endless_loop_is_interrupted_within_two_seconds_and_the_session_goes_on(string how)
    {
        var interrupt = Facts[how]!;
        Assert.Equal("error", (string?)interrupt["status"]);
        Assert.Equal("Interrupted", (string?)interrupt["ename"]);
        Assert.True((double)interrupt["seconds"]! < 2, $"{how}: {(double)interrupt["seconds"]!:0.00} s");
        Assert.Equal(["80"], Strings(Facts["after_interrupt"]));
    }

    [Fact]
    public void An_interrupted_loop_stops_rather_than_spinning_in_the_background()
    {
        Assert.Equal(["(True, 0)"], Strings(Facts["spin_after_interrupt"]));
    }

    [Fact]
    public void A_message_with_a_wrong_signature_is_dropped_unexecuted_and_logged()
    {
        var wrong = Facts["wrong_signature"]!;
        Assert.False((bool)wrong["replied"]!);
        Assert.False((bool)wrong["file_written"]!);
        Assert.Equal(["False"], Strings(wrong["kernel_says"]));
        Assert.Contains("bad signature", (string?)Facts["kernel_stderr"], StringComparison.Ordinal);
    }

    [Fact]
    public void Restart_is_a_new_process_with_an_empty_session_and_shutdown_exits_cleanly()
    {
        var restart = Facts["restart"]!;
        Assert.True((bool)restart["new_process"]!);
        Assert.False((bool)restart["old_alive"]!);
        Assert.Equal("error", (string?)restart["kept_status"]);
        Assert.Equal(["9"], Strings(restart["fresh"]));
        Assert.Equal(0, (int?)Facts["shutdown_exit_code"]);
    }

    [Fact]
    public void The_kernel_exits_when_the_client_that_started_it_dies()
    {
        Assert.False((bool)Facts["orphan_after_parent_death"]!, $"kernel still alive {(double)Facts["orphan_seconds"]!:0.0} s after its client was killed");
    }
}
