using System.CommandLine;
using System.Diagnostics;
using NewsAnalysis.Cli;

namespace NewsAnalysis.Tests;

/// <summary>Runs the <c>news</c> CLI for the tests, with its exit code, standard output and standard error.</summary>
internal static class CliRunner
{
    /// <summary>In-process, through the same root command as the executable, with output and errors captured.</summary>
    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = CommandCatalog.InvokeAsync(args, new InvocationConfiguration { Output = output, Error = error }).GetAwaiter().GetResult();
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>
    /// As a separate process (the built news.dll beside the tests, working directory the repository root), for tests
    /// that need the real standard output: what native code prints to it, or how the CLI behaves when it is redirected.
    /// </summary>
    public static Task<(int Exit, string Out, string Err)> RunProcessAsync(params string[] args) => RunProcessInAsync(TestData.Root, args);

    /// <summary><see cref="RunProcessAsync"/> from another working directory (e.g. to resolve bare notebook names).</summary>
    public static async Task<(int Exit, string Out, string Err)> RunProcessInAsync(string workingDirectory, params string[] args)
    {
        using var process = StartProcess(workingDirectory, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts the built CLI in <paramref name="workingDirectory"/> with standard output and error redirected (read them, or kill it).</summary>
    public static Process StartProcess(string workingDirectory, params string[] args) =>
        Process.Start(new ProcessStartInfo("dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, "news.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        })!;

    /// <summary><see cref="RunProcessAsync"/>, waited for.</summary>
    public static (int Exit, string Out, string Err) RunProcess(params string[] args) => RunProcessAsync(args).GetAwaiter().GetResult();
}
