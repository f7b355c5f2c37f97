using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace NewsAnalysis.Kernel;

/// <summary>
/// Makes the assemblies and native libraries of restored packages loadable, with .NET's own binding rules.
/// <para>
/// Managed: Roslyn's script loader matches a reference to a known assembly only at its exact version (desktop .NET
/// rules), so a package built against FSharp.Core 5.0 fails next to the FSharp.Core 10.1 NuGet restored. .NET
/// Interactive never meets this because its runtime already holds FSharp.Core and friends; this kernel's holds none.
/// So restored assemblies are served the way an application's own dependencies are: by simple name, the restored
/// version answering any request for that version or lower, loaded once into the default context (before Roslyn's
/// loader is asked, which then only looks beside assemblies referenced by path).
/// </para>
/// <para>
/// Native: by file name among the restored packages' native assets, then in <c>runtimes/&lt;rid&gt;/native</c>
/// beside the assembly asking (a build output folder referenced with <c>#r "path"</c>). Hooked on every load
/// context's <c>ResolvingUnmanagedDll</c>, which only fires after the default probing failed.
/// </para>
/// </summary>
internal static class PackageAssets
{
    private static readonly ConcurrentDictionary<string, (Version Version, string Path)> Managed = new(StringComparer.OrdinalIgnoreCase);
    private static readonly ConcurrentDictionary<string, string> Natives = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<AssemblyLoadContext, bool> Hooked = new();
    private static int installed;

    /// <summary>Makes the files of <paramref name="package"/> loadable (a higher version of an assembly wins).</summary>
    public static void Add(RestoredPackage package)
    {
        foreach (var file in package.Assemblies)
        {
            var name = AssemblyName.GetAssemblyName(file);
            var version = name.Version ?? new Version(0, 0);
            Managed.AddOrUpdate(name.Name!, (version, file), (_, old) => old.Version >= version ? old : (version, file));
        }
        foreach (var file in package.NativeLibraries) Natives.TryAdd(Path.GetFileName(file), file);
    }

    /// <summary>Hooks the default context and every load context, present and future, once per process.</summary>
    public static void Install()
    {
        if (Interlocked.Exchange(ref installed, 1) == 1) return;
        AssemblyLoadContext.Default.Resolving += ResolveManaged;
        AppDomain.CurrentDomain.AssemblyLoad += (_, e) => Hook(AssemblyLoadContext.GetLoadContext(e.LoadedAssembly));
        foreach (var context in AssemblyLoadContext.All) Hook(context);
    }

    private static Assembly? ResolveManaged(AssemblyLoadContext context, AssemblyName name)
    {
        if (name.Name is null || !Managed.TryGetValue(name.Name, out var known)) return null;
        if (name.Version is { } wanted && known.Version < wanted) return null;
        return context.LoadFromAssemblyPath(known.Path);
    }

    private static void Hook(AssemblyLoadContext? context)
    {
        if (context is null || !Hooked.TryAdd(context, true)) return;
        context.ResolvingUnmanagedDll += ResolveNative;
    }

    private static IntPtr ResolveNative(Assembly assembly, string name)
    {
        foreach (var candidate in FileNames(name))
        {
            if (Natives.TryGetValue(candidate, out var known) && NativeLibrary.TryLoad(known, out var handle)) return handle;
        }
        if (assembly.IsDynamic || string.IsNullOrEmpty(assembly.Location)) return IntPtr.Zero;
        var runtimes = Path.Combine(Path.GetDirectoryName(assembly.Location)!, "runtimes");
        foreach (var rid in new[] { RuntimeInformation.RuntimeIdentifier, Portable() })
        {
            foreach (var candidate in FileNames(name))
            {
                var path = Path.Combine(runtimes, rid, "native", candidate);
                if (File.Exists(path) && NativeLibrary.TryLoad(path, out var handle)) return handle;
            }
        }
        return IntPtr.Zero;
    }

    private static string Portable() =>
        (OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux") + "-" + RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();

    // "LdaNative" -> libLdaNative.so, LdaNative.so, LdaNative (Linux); .dylib on macOS; .dll on Windows.
    private static IEnumerable<string> FileNames(string name)
    {
        var extension = OperatingSystem.IsWindows() ? ".dll" : OperatingSystem.IsMacOS() ? ".dylib" : ".so";
        var file = Path.GetFileName(name);
        var hasExtension = file.EndsWith(extension, StringComparison.OrdinalIgnoreCase);
        if (!OperatingSystem.IsWindows() && !file.StartsWith("lib", StringComparison.Ordinal)) yield return "lib" + file + (hasExtension ? "" : extension);
        yield return hasExtension ? file : file + extension;
        yield return file;
    }
}
