using System.Text.Json.Nodes;
using NewsAnalysis.Notebooks;

namespace NewsAnalysis.Tests;

/// <summary><c>news kernel install|list|remove</c> and <c>news kernel --connection-file</c>, in temporary folders only.</summary>
public sealed class JupyterKernelSpecTests : TempFolderTest
{
    // Where Jupyter looks for kernelspecs under an installation prefix (the test's folder).
    private string Kernels => Path.Combine(Root, "share", "jupyter", "kernels");

    [Fact]
    public void Install_writes_a_kernelspec_that_runs_this_builds_kernel_and_remove_takes_it_away()
    {
        var (exit, output, error) = CliRunner.Run("kernel", "install", "--prefix", Root);
        Assert.True(exit == 0, error);
        var folder = Path.Combine(Kernels, ".net-csharp");
        Assert.Contains(folder, output, StringComparison.Ordinal);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "kernel.json")))!;
        var argv = json["argv"]!.AsArray().Select(a => (string?)a).ToList();
        Assert.Equal(["exec", Path.Combine(AppContext.BaseDirectory, "news-kernel.dll"), "--connection-file", "{connection_file}"], argv.Skip(1).ToList());
        Assert.True(File.Exists(argv[0]), $"the dotnet host {argv[0]}");
        Assert.Equal("C# (NewsAnalysis)", (string?)json["display_name"]);
        Assert.Equal("csharp", (string?)json["language"]);
        Assert.Equal("message", (string?)json["interrupt_mode"]);

        var listed = JupyterKernelSpec.List([Kernels]);
        Assert.Equal(".net-csharp", Assert.Single(listed).Name);
        Assert.True(listed[0].IsNewsKernel);

        (exit, output, error) = CliRunner.Run("kernel", "remove", "--prefix", Root);
        Assert.True(exit == 0, error);
        Assert.False(Directory.Exists(folder));
        (exit, output, _) = CliRunner.Run("kernel", "remove", "--prefix", Root);
        Assert.Equal(0, exit);
        Assert.Contains("no kernelspec", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_kernels_spec_of_the_same_name_is_neither_overwritten_nor_removed_unasked()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Kernels, ".net-csharp")).FullName;
        var theirs = """{"argv": ["dotnet", "interactive", "jupyter", "--default-kernel", "csharp", "{connection_file}"], "display_name": ".NET (C#)", "language": "C#"}""";
        File.WriteAllText(Path.Combine(folder, "kernel.json"), theirs);

        var (exit, _, error) = CliRunner.Run("kernel", "install", "--prefix", Root);
        Assert.Equal(2, exit);
        Assert.Contains(".NET (C#)", error, StringComparison.Ordinal);
        Assert.Contains("--replace", error, StringComparison.Ordinal);
        (exit, _, error) = CliRunner.Run("kernel", "remove", "--prefix", Root);
        Assert.Equal(2, exit);
        Assert.Equal(theirs, File.ReadAllText(Path.Combine(folder, "kernel.json")));

        // Under another name both live side by side; --replace takes the name over.
        Assert.Equal(0, CliRunner.Run("kernel", "install", "--prefix", Root, "--name", "news-csharp").Exit);
        Assert.Equal(["news-csharp", ".net-csharp"], JupyterKernelSpec.List([Kernels]).OrderBy(s => s.IsNewsKernel ? 0 : 1).Select(s => s.Name).ToList());
        Assert.Equal(0, CliRunner.Run("kernel", "install", "--prefix", Root, "--replace").Exit);
        Assert.Contains("C# (NewsAnalysis)", File.ReadAllText(Path.Combine(folder, "kernel.json")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("bad name")]
    [InlineData("")]
    public void A_kernel_name_jupyter_would_not_accept_is_refused(string name)
    {
        var (exit, _, error) = CliRunner.Run("kernel", "install", "--prefix", Root, "--name", name);
        Assert.Equal(2, exit);
        Assert.Contains("is not valid", error, StringComparison.Ordinal);
    }

    [Fact]
    public void News_kernel_with_a_connection_file_serves_a_jupyter_client()
    {
        // A kernelspec whose argv is the CLI's own `news kernel --connection-file`, driven by jupyter_client.
        var folder = Directory.CreateDirectory(Path.Combine(Kernels, "news-cli")).FullName;
        var argv = new JsonArray("dotnet", "exec", Path.Combine(AppContext.BaseDirectory, "news.dll"), "kernel", "--connection-file", "{connection_file}");
        File.WriteAllText(Path.Combine(folder, "kernel.json"), new JsonObject { ["argv"] = argv, ["display_name"] = "cli", ["language"] = "csharp" }.ToJsonString());
        const string script = """
            from jupyter_client.manager import start_new_kernel
            km, kc = start_new_kernel(kernel_name="news-cli", startup_timeout=120)
            reply = kc.execute_interactive("6 * 7", timeout=120, output_hook=lambda m: m["msg_type"] == "execute_result" and print(m["content"]["data"]["text/plain"]))
            print(reply["content"]["status"])
            kc.stop_channels()
            km.shutdown_kernel(now=False)
            """;
        var env = new Dictionary<string, string>(JupyterKit.Environment) { ["JUPYTER_PATH"] = Path.Combine(Root, "share", "jupyter") };
        var run = MeasuredProcess.Run(JupyterKit.Python, ["-c", script], Root, TimeSpan.FromMinutes(5), env);
        Assert.True(run.Exit == 0, run.Err);
        Assert.Equal(["42", "ok"], run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList());
    }
}
