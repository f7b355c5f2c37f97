using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsAnalysis.Notebooks;

/// <summary>One kernelspec found in a Jupyter kernels folder.</summary>
/// <param name="Name">The folder name (what a notebook's <c>metadata.kernelspec.name</c> names).</param>
/// <param name="Folder">The kernelspec's folder.</param>
/// <param name="DisplayName">Its <c>display_name</c>.</param>
/// <param name="IsNewsKernel">True when <c>news kernel install</c> wrote it.</param>
public sealed record InstalledKernelSpec(string Name, string Folder, string DisplayName, bool IsNewsKernel);

/// <summary>
/// Installs, lists and removes the Jupyter kernelspec of <c>news-kernel</c>: a folder <c>kernels/NAME</c> holding
/// <c>kernel.json</c> whose <c>argv</c> runs the built kernel (<c>dotnet exec …/news-kernel.dll --connection-file
/// {connection_file}</c>). The default name is <see cref="DefaultName"/>, the name Polyglot Notebooks writes in the
/// notebooks' metadata, so that <c>jupyter nbconvert --execute</c> and nbclient pick this kernel without a flag while
/// the Polyglot metadata stays. .NET Interactive's own <c>dotnet interactive jupyter install</c> uses that name too:
/// the kernelspec found first on Jupyter's path wins, and installing over one that is not ours is refused.
/// </summary>
public static class JupyterKernelSpec
{
    /// <summary>The kernelspec name the notebooks' metadata asks for.</summary>
    public const string DefaultName = ".net-csharp";

    /// <summary>What Jupyter shows in its kernel pickers.</summary>
    public const string DisplayName = "C# (NewsAnalysis)";

    // Marks a kernel.json as written by `news kernel install` (Jupyter ignores unknown metadata).
    private const string Marker = "newsanalysis";

    /// <summary>
    /// The user's Jupyter kernels folder: <c>$JUPYTER_DATA_DIR/kernels</c>, else <c>~/.local/share/jupyter/kernels</c>
    /// (<c>$XDG_DATA_HOME</c> honoured), <c>~/Library/Jupyter/kernels</c> on macOS, <c>%APPDATA%\jupyter\kernels</c> on Windows.
    /// </summary>
    public static string UserKernelsFolder()
    {
        if (Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR") is { Length: > 0 } data) return Path.Combine(data, "kernels");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsWindows()) return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter", "kernels");
        if (OperatingSystem.IsMacOS()) return Path.Combine(home, "Library", "Jupyter", "kernels");
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } x ? x : Path.Combine(home, ".local", "share");
        return Path.Combine(xdg, "jupyter", "kernels");
    }

    /// <summary>The kernels folder of an installation prefix: <c>PREFIX/share/jupyter/kernels</c> (as <c>jupyter kernelspec install --prefix</c>).</summary>
    public static string PrefixKernelsFolder(string prefix) => Path.Combine(Path.GetFullPath(prefix), "share", "jupyter", "kernels");

    /// <summary>
    /// The folders Jupyter reads kernelspecs from, in its order: each <c>$JUPYTER_PATH</c> entry, the user's folder,
    /// then the system ones (<c>/usr/local/share/jupyter</c>, <c>/usr/share/jupyter</c>).
    /// </summary>
    public static IReadOnlyList<string> SearchFolders()
    {
        var folders = new List<string>();
        foreach (var entry in (Environment.GetEnvironmentVariable("JUPYTER_PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            folders.Add(Path.Combine(entry, "kernels"));
        folders.Add(UserKernelsFolder());
        if (!OperatingSystem.IsWindows()) folders.AddRange(["/usr/local/share/jupyter/kernels", "/usr/share/jupyter/kernels"]);
        return folders.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The <c>kernel.json</c> that runs <paramref name="kernelAssembly"/> with <paramref name="dotnetHost"/>.</summary>
    public static JsonObject KernelJson(string dotnetHost, string kernelAssembly) => new()
    {
        ["argv"] = new JsonArray(dotnetHost, "exec", Path.GetFullPath(kernelAssembly), "--connection-file", "{connection_file}"),
        ["display_name"] = DisplayName,
        ["language"] = "csharp",
        // interrupt_request on the control channel: works on every platform and while a cell runs; SIGINT works too.
        ["interrupt_mode"] = "message",
        ["metadata"] = new JsonObject { [Marker] = new JsonObject { ["kernel"] = Path.GetFullPath(kernelAssembly) } },
    };

    /// <summary>
    /// Writes <c>kernels/NAME/kernel.json</c> in <paramref name="kernelsFolder"/> for the kernel built beside this
    /// assembly; returns the kernelspec folder. An existing kernelspec of that name not written by us (such as .NET
    /// Interactive's) is an <see cref="IOException"/> naming it, unless <paramref name="replace"/>.
    /// </summary>
    public static string Install(string kernelsFolder, string name = DefaultName, bool replace = false)
    {
        CheckName(name);
        var kernel = KernelProcess.KernelAssembly;
        if (!File.Exists(kernel)) throw new FileNotFoundException($"The kernel '{kernel}' is missing: build the solution (dotnet build).", kernel);
        var folder = Path.Combine(kernelsFolder, name);
        if (Read(folder) is { IsNewsKernel: false } other && !replace)
            throw new IOException($"'{folder}' holds another kernel ('{other.DisplayName}'); install under another --name, or pass --replace.");
        Directory.CreateDirectory(folder);
        var json = KernelJson(KernelProcess.DotnetHost(), kernel).ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        File.WriteAllText(Path.Combine(folder, "kernel.json"), json + "\n");
        return folder;
    }

    /// <summary>How to start this build's kernel for <paramref name="connectionFile"/> (the kernelspec's argv), ended when process <paramref name="parentProcessId"/> ends.</summary>
    public static System.Diagnostics.ProcessStartInfo KernelStart(string connectionFile, int parentProcessId)
    {
        var kernel = KernelProcess.KernelAssembly;
        if (!File.Exists(kernel)) throw new FileNotFoundException($"The kernel '{kernel}' is missing: build the solution (dotnet build).", kernel);
        var start = new System.Diagnostics.ProcessStartInfo(KernelProcess.DotnetHost()) { UseShellExecute = false };
        foreach (var arg in new[] { "exec", kernel, "--connection-file", connectionFile, "--parent", parentProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(arg);
        return start;
    }

    /// <summary>The kernelspecs in <paramref name="folders"/> (default <see cref="SearchFolders"/>), first occurrence of each name only, as Jupyter resolves them.</summary>
    public static IReadOnlyList<InstalledKernelSpec> List(IEnumerable<string>? folders = null)
    {
        var found = new List<InstalledKernelSpec>();
        foreach (var kernels in folders ?? SearchFolders())
        {
            if (!Directory.Exists(kernels)) continue;
            foreach (var folder in Directory.GetDirectories(kernels).Order(StringComparer.Ordinal))
                if (Read(folder) is { } spec && !found.Any(f => f.Name == spec.Name)) found.Add(spec);
        }
        return found;
    }

    /// <summary>Removes our kernelspec <paramref name="name"/> from <paramref name="kernelsFolder"/>; false when there is none. Another kernel's is refused.</summary>
    public static bool Remove(string kernelsFolder, string name = DefaultName)
    {
        CheckName(name);
        var folder = Path.Combine(kernelsFolder, name);
        switch (Read(folder))
        {
            case null:
                return false;
            case { IsNewsKernel: false } other:
                throw new IOException($"'{folder}' holds another kernel ('{other.DisplayName}'), not news-kernel: not removed.");
            default:
                Directory.Delete(folder, recursive: true);
                return true;
        }
    }

    private static InstalledKernelSpec? Read(string folder)
    {
        var file = Path.Combine(folder, "kernel.json");
        if (!File.Exists(file)) return null;
        try
        {
            var json = JsonNode.Parse(File.ReadAllText(file)) as JsonObject;
            return new InstalledKernelSpec(Path.GetFileName(folder), folder, (string?)json?["display_name"] ?? "", json?["metadata"]?[Marker] is not null);
        }
        catch (JsonException)
        {
            return new InstalledKernelSpec(Path.GetFileName(folder), folder, "(unreadable kernel.json)", false);
        }
    }

    // Jupyter's rule for kernelspec names (jupyter_client's _kernel_name_pat): ASCII letters, digits, '.', '_', '-'.
    private static void CheckName(string name)
    {
        if (name.Length == 0 || name is "." or ".." || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            throw new ArgumentException($"Kernel name '{name}' is not valid: use letters, digits, '.', '_' and '-' only.");
    }
}
