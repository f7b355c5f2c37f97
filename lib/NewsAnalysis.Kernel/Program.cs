using System.Reflection;
using NewsAnalysis.Kernel;

// news-kernel: the C# kernel process.
//   news-kernel --pipe NAME [--parent PID]   serve `news run` / `news report` on a named pipe
//   news-kernel --connection-file FILE [--parent PID]   a Jupyter kernel (the kernelspec's argv)
//   news-kernel --version
return args switch
{
    ["--pipe", var name] => await PipeHost.RunAsync(name, null),
    ["--pipe", var name, "--parent", var pid] when int.TryParse(pid, out var parent) => await PipeHost.RunAsync(name, parent),
    ["--connection-file", var file] => JupyterHost.Run(file, null),
    ["--connection-file", var file, "--parent", var pid] when int.TryParse(pid, out var parent) => JupyterHost.Run(file, parent),
    ["--version"] => Version(),
    _ => Usage(),
};

static int Version()
{
    Console.WriteLine(typeof(KernelSession).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown");
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: news-kernel --pipe NAME [--parent PID] | --connection-file FILE [--parent PID] | --version");
    return 1;
}
