using System.Reflection;
using System.Runtime.Loader;

namespace NewsAnalysis.Interactive;

/// <summary>
/// Plotly.NET 6 asks for FSharp.Core 10.1.0.0; the .NET Interactive kernel has FSharp.Core 10.0.0.0 loaded already, so
/// the first chart fails with "Could not load file or assembly 'FSharp.Core, Version=10.1.0.0'". This binding answers
/// failed FSharp.Core loads with the copy already loaded (the APIs Plotly.NET uses are in both).
/// </summary>
public static class FSharpCoreBinding
{
    private static int installed;

    /// <summary>True once <see cref="Install"/> ran in this process.</summary>
    public static bool IsInstalled => Volatile.Read(ref installed) == 1;

    /// <summary>Installs the <see cref="AssemblyLoadContext.Resolving"/> hook on the default context once.</summary>
    public static void Install()
    {
        if (Interlocked.Exchange(ref installed, 1) == 1) return;
        AssemblyLoadContext.Default.Resolving += Resolve;
    }

    /// <summary>The FSharp.Core already loaded in the process (highest version), or null for any other request.</summary>
    public static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name) =>
        name.Name == "FSharp.Core"
            ? AppDomain.CurrentDomain.GetAssemblies()
                .Where(a => a.GetName().Name == "FSharp.Core")
                .OrderByDescending(a => a.GetName().Version)
                .FirstOrDefault()
            : null;
}
