using System.CommandLine;
using System.Diagnostics;
using System.Runtime.InteropServices;
using NewsAnalysis.Notebooks;

namespace NewsAnalysis.Cli.Commands;

/// <summary>
/// <c>news kernel</c>: the project's C# kernel for Jupyter clients (VS Code's Jupyter extension, JupyterLab,
/// nbconvert, nbclient). <c>install|list|remove</c> manage its kernelspec; <c>--connection-file FILE</c> runs it.
/// </summary>
internal static class KernelCommand
{
    public static Command Create()
    {
        var connectionFile = new Option<string?>("--connection-file") { Description = "Run the kernel with this Jupyter connection file (what a Jupyter client passes)." };
        var command = new Command("kernel", "The C# Jupyter kernel (news-kernel): install its kernelspec, list or remove it, or run it with --connection-file.")
        {
            connectionFile, Install(), List(), Remove(),
        };
        command.SetAction((parse, cancellationToken) => CommonOptions.GuardAsync(parse, async () =>
        {
            if (parse.GetValue(connectionFile) is not { } file)
            {
                parse.InvocationConfiguration.Error.WriteLine("news kernel: give --connection-file FILE, or one of install, list, remove (news kernel --help).");
                return 1;
            }
            return await RunAsync(Path.GetFullPath(file), cancellationToken);
        }));
        return command;
    }

    // The kernel runs in a process of its own (its runtime holds only the kernel, never this CLI's libraries); this
    // process waits for it, and the kernel ends when this process does.
    private static async Task<int> RunAsync(string connectionFile, CancellationToken cancellationToken)
    {
        if (!File.Exists(connectionFile)) throw new FileNotFoundException($"Connection file '{connectionFile}' not found.", connectionFile);
        var start = JupyterKernelSpec.KernelStart(connectionFile, Environment.ProcessId);
        // Ctrl+C (or a client's SIGINT to the process group) reaches the kernel, which interrupts its cell: not a reason to end here.
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => context.Cancel = true);
        using var kernel = Process.Start(start) ?? throw new IOException("could not start news-kernel.");
        try
        {
            await kernel.WaitForExitAsync(cancellationToken);
        }
        finally
        {
            if (!kernel.HasExited) kernel.Kill(entireProcessTree: true);
        }
        return kernel.ExitCode;
    }

    private static Option<bool> User() => new("--user") { Description = "The user's Jupyter kernels folder (the default)." };

    private static Option<string?> Prefix() => new("--prefix") { Description = "The kernels folder under this prefix: PREFIX/share/jupyter/kernels (a virtual environment, a test's temporary folder)." };

    private static Option<string> Name() => new("--name")
    {
        Description = $"The kernelspec name (default {JupyterKernelSpec.DefaultName}, the name in the notebooks' metadata, so Jupyter tools find it without a flag).",
        DefaultValueFactory = _ => JupyterKernelSpec.DefaultName,
    };

    private static string Folder(ParseResult parse, Option<bool> user, Option<string?> prefix)
    {
        if (parse.GetValue(prefix) is { } p)
        {
            if (parse.GetValue(user)) throw new ArgumentException("give --user or --prefix, not both.");
            return JupyterKernelSpec.PrefixKernelsFolder(p);
        }
        return JupyterKernelSpec.UserKernelsFolder();
    }

    private static Command Install()
    {
        var user = User();
        var prefix = Prefix();
        var name = Name();
        var replace = new Option<bool>("--replace") { Description = "Replace a kernelspec of that name that another kernel installed (such as .NET Interactive's)." };
        var command = new Command("install", "Write the kernelspec (kernel.json) that runs this build's news-kernel.") { user, prefix, name, replace };
        command.SetAction(parse => CommonOptions.Guard(parse, () =>
        {
            var folder = JupyterKernelSpec.Install(Folder(parse, user, prefix), parse.GetValue(name)!, parse.GetValue(replace));
            parse.InvocationConfiguration.Output.WriteLine($"installed kernelspec '{parse.GetValue(name)}' ({JupyterKernelSpec.DisplayName}) in {folder}");
            return 0;
        }));
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List the kernelspecs Jupyter would find (JUPYTER_PATH, the user's folder, the system's); ours are marked *.");
        command.SetAction(parse => CommonOptions.Guard(parse, () =>
        {
            var specs = JupyterKernelSpec.List();
            foreach (var spec in specs)
                parse.InvocationConfiguration.Output.WriteLine($"{(spec.IsNewsKernel ? "*" : " ")} {spec.Name,-20} {spec.DisplayName,-24} {spec.Folder}");
            if (specs.Count == 0) parse.InvocationConfiguration.Output.WriteLine("no kernelspecs found (news kernel install)");
            return 0;
        }));
        return command;
    }

    private static Command Remove()
    {
        var user = User();
        var prefix = Prefix();
        var name = Name();
        var command = new Command("remove", "Remove the kernelspec that news kernel install wrote.") { user, prefix, name };
        command.SetAction(parse => CommonOptions.Guard(parse, () =>
        {
            var folder = Folder(parse, user, prefix);
            var removed = JupyterKernelSpec.Remove(folder, parse.GetValue(name)!);
            parse.InvocationConfiguration.Output.WriteLine(removed ? $"removed {Path.Combine(folder, parse.GetValue(name)!)}" : $"no kernelspec '{parse.GetValue(name)}' in {folder}");
            return 0;
        }));
        return command;
    }
}
