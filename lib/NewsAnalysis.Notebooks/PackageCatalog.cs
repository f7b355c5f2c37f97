using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsAnalysis.Notebooks;

/// <summary>
/// Satisfies <c>#r "nuget: Name, Version"</c> offline. First from the packages this process was built with (its
/// <c>.deps.json</c>: the solution's restored packages, already loaded or loadable without conflict), then from
/// extracted packages in <c>#i</c> folders and the NuGet global packages folder. A package or version it cannot
/// provide is a clear error naming it. Hand-written because the NuGet client libraries are not on the mirror and a
/// download is neither possible nor wanted here.
/// </summary>
public sealed class PackageCatalog
{
    private readonly Dictionary<string, DepsLibrary> libraries = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> trustedAssemblies = new(StringComparer.OrdinalIgnoreCase);

    private sealed record DepsLibrary(string Name, string Version, IReadOnlyList<string> Assemblies, IReadOnlyList<string> Dependencies);

    /// <summary>The catalog of the running process.</summary>
    public static PackageCatalog Current { get; } = new();

    private PackageCatalog()
    {
        foreach (var path in ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            trustedAssemblies.TryAdd(Path.GetFileNameWithoutExtension(path), path);
        foreach (var deps in ((AppContext.GetData("APP_CONTEXT_DEPS_FILES") as string) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
            if (File.Exists(deps)) ReadDeps(deps);
    }

    /// <summary>The global packages folder (NUGET_PACKAGES or ~/.nuget/packages).</summary>
    public static string GlobalPackagesFolder =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p ? p
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>
    /// The assembly files to reference for a package (with its dependencies when it comes from this process).
    /// <paramref name="version"/> null means "the one provided". Throws <see cref="NotebookPackageException"/> naming
    /// the package and version when it cannot be provided offline.
    /// </summary>
    public (string Version, IReadOnlyList<string> Assemblies) Resolve(string id, string? version, IEnumerable<string> extraSources)
    {
        if (libraries.TryGetValue(id, out var lib))
        {
            if (version is null || VersionsEqual(version, lib.Version)) return (lib.Version, Closure(lib));
            throw new NotebookPackageException(
                $"#r \"nuget: {id}, {version}\": this runner provides {lib.Name} {lib.Version} (the version Directory.Packages.props pins), not {version}. Change the notebook to {lib.Version}.");
        }
        foreach (var folder in extraSources.Append(GlobalPackagesFolder))
        {
            var packageDir = Path.Combine(folder, id.ToLowerInvariant());
            if (!Directory.Exists(packageDir)) continue;
            var chosen = version ?? Directory.GetDirectories(packageDir).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).LastOrDefault();
            if (chosen is null) continue;
            var lib2 = LibFolder(Path.Combine(packageDir, chosen.ToLowerInvariant()));
            if (lib2 is not null) return (chosen, Directory.GetFiles(lib2, "*.dll").Order(StringComparer.Ordinal).ToList());
        }
        throw new NotebookPackageException(
            $"#r \"nuget: {id}{(version is null ? "" : ", " + version)}\": package not available offline. The runner provides the packages the solution restores "
            + $"({string.Join(", ", libraries.Values.Where(l => l.Assemblies.Count > 0).Select(l => l.Name).Order(StringComparer.Ordinal).Take(12))}, ...) "
            + $"and extracted packages under {GlobalPackagesFolder}; {id} {version} is in neither.");
    }

    private static string? LibFolder(string versionDir)
    {
        var lib = Path.Combine(versionDir, "lib");
        if (!Directory.Exists(lib)) return null;
        // Prefer the newest netX.Y, then netstandard2.1/2.0.
        var candidates = Directory.GetDirectories(lib).Select(d => (Dir: d, Tfm: Path.GetFileName(d))).ToList();
        var best = candidates.Where(c => c.Tfm.StartsWith("net", StringComparison.Ordinal) && char.IsDigit(c.Tfm.ElementAtOrDefault(3)) && c.Tfm.Contains('.'))
            .OrderByDescending(c => Version.TryParse(c.Tfm[3..].Split('-')[0], out var v) ? v : new Version(0, 0))
            .Concat(candidates.Where(c => c.Tfm == "netstandard2.1")).Concat(candidates.Where(c => c.Tfm == "netstandard2.0"))
            .FirstOrDefault(c => c.Tfm.Split('-')[0] is var t && (!Version.TryParse(t.Length > 3 ? t[3..] : "", out var v) || v.Major <= Environment.Version.Major));
        return best.Dir;
    }

    private IReadOnlyList<string> Closure(DepsLibrary root)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var files = new List<string>();
        var stack = new Stack<DepsLibrary>([root]);
        while (stack.Count > 0)
        {
            var lib = stack.Pop();
            if (!seen.Add(lib.Name)) continue;
            foreach (var assembly in lib.Assemblies)
            {
                var local = Path.Combine(AppContext.BaseDirectory, assembly);
                if (File.Exists(local)) files.Add(local);
                else if (trustedAssemblies.TryGetValue(Path.GetFileNameWithoutExtension(assembly), out var tpa)) files.Add(tpa);
            }
            foreach (var dep in lib.Dependencies)
                if (libraries.TryGetValue(dep, out var d)) stack.Push(d);
        }
        return files;
    }

    private void ReadDeps(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path)) as JsonObject;
        var targets = root?["targets"] as JsonObject;
        var target = targets?.FirstOrDefault().Value as JsonObject;
        if (target is null) return;
        foreach (var (key, value) in target)
        {
            var slash = key.IndexOf('/');
            if (slash <= 0 || value is not JsonObject entry) continue;
            var name = key[..slash];
            var assemblies = (entry["runtime"] as JsonObject)?.Select(r => Path.GetFileName(r.Key)).Where(f => f.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).ToList() ?? [];
            var dependencies = (entry["dependencies"] as JsonObject)?.Select(d => d.Key).ToList() ?? [];
            libraries.TryAdd(name, new DepsLibrary(name, key[(slash + 1)..], assemblies, dependencies));
        }
    }

    private static bool VersionsEqual(string a, string b) =>
        NuGetVersionCore(a) is var x && NuGetVersionCore(b) is var y && string.Equals(x, y, StringComparison.OrdinalIgnoreCase);

    // "0.23.1" == "0.23.1.0"; prerelease labels compare as text.
    private static string NuGetVersionCore(string v)
    {
        var parts = v.Trim().Split('-', 2);
        var numbers = parts[0].Split('.').ToList();
        while (numbers.Count > 3 && numbers[^1] == "0") numbers.RemoveAt(numbers.Count - 1);
        return string.Join('.', numbers) + (parts.Length > 1 ? "-" + parts[1] : "");
    }
}

/// <summary>A <c>#r "nuget: ..."</c> the runner cannot satisfy offline; the message names the package and version.</summary>
/// <param name="message">What is missing and what is available.</param>
public sealed class NotebookPackageException(string message) : Exception(message);
