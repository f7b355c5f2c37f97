using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsAnalysis.Kernel;

/// <summary>A package a cell asks for with <c>#r "nuget: Id[, Version]"</c>; a null version means the newest.</summary>
/// <param name="Id">Package id.</param>
/// <param name="Version">Version (or range) as written, or null.</param>
public sealed record PackageRequest(string Id, string? Version);

/// <summary>A package a restore resolved, with the files a session loads from it.</summary>
/// <param name="Id">Package id as the feed spells it.</param>
/// <param name="Version">The version restored.</param>
/// <param name="Assemblies">Its runtime assemblies for this framework and platform (full paths).</param>
/// <param name="NativeLibraries">Its native libraries for this platform (full paths).</param>
public sealed record RestoredPackage(string Id, string Version, IReadOnlyList<string> Assemblies, IReadOnlyList<string> NativeLibraries);

/// <summary>A <c>#r "nuget: ..."</c> that cannot be satisfied; the message names the package and NuGet's reason.</summary>
/// <param name="message">What is missing and why.</param>
public sealed class PackageRestoreException(string message) : Exception(message);

/// <summary>
/// Resolves <c>#r "nuget:"</c> the way .NET Interactive does: a throw-away project with one PackageReference per
/// request, <c>dotnet restore</c> (so the machine's NuGet configuration, feeds and global packages folder apply, and
/// dependencies, versions and native assets follow NuGet's own rules), then the resolved assets from
/// <c>project.assets.json</c>. A resolution is cached by the exact request set, so a notebook's packages are restored
/// once per machine (the cache is <see cref="CacheRoot"/>). The NuGet client libraries are not on the package mirror;
/// the restore is the SDK's own, only the reading of the assets file is written here.
/// </summary>
public static class NuGetRestorer
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>
    /// Where resolutions are cached: <c>$NEWSANALYSIS_KERNEL_CACHE</c>, else <c>$XDG_CACHE_HOME/newsanalysis/kernel</c>,
    /// else <c>~/.cache/newsanalysis/kernel</c>.
    /// </summary>
    public static string CacheRoot =>
        Environment.GetEnvironmentVariable("NEWSANALYSIS_KERNEL_CACHE") is { Length: > 0 } own ? own
        : Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "newsanalysis", "kernel");

    /// <summary>The framework restored for: the one the kernel runs on (net10.0).</summary>
    public static string TargetFramework => $"net{Environment.Version.Major}.{Environment.Version.Minor}";

    /// <summary>Restores <paramref name="requests"/> together (so their dependencies unify) with the extra <paramref name="sources"/>.</summary>
    public static IReadOnlyList<RestoredPackage> Restore(IReadOnlyList<PackageRequest> requests, IReadOnlyList<string> sources, CancellationToken cancellationToken = default)
    {
        if (requests.Count == 0) return [];
        var key = Key(requests, sources);
        var dir = Path.Combine(CacheRoot, "restore", key);
        var resolvedFile = Path.Combine(dir, "resolved.json");
        if (ReadCached(resolvedFile) is { } cached) return cached;

        var work = dir + ".tmp-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Directory.CreateDirectory(work);
        try
        {
            File.WriteAllText(Path.Combine(work, "restore.csproj"), Project(requests, sources));
            RunRestore(work, requests, cancellationToken);
            var packages = ReadAssets(Path.Combine(work, "obj", "project.assets.json"));
            File.WriteAllText(Path.Combine(work, "resolved.json"), JsonSerializer.Serialize(packages, Json));
            try
            {
                Directory.Move(work, dir);
            }
            catch (IOException) when (Directory.Exists(dir))
            {
                // Another kernel restored the same set at the same time: its result is as good as ours.
            }
            return packages;
        }
        finally
        {
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }
    }

    private static IReadOnlyList<RestoredPackage>? ReadCached(string file)
    {
        if (!File.Exists(file)) return null;
        try
        {
            var packages = JsonSerializer.Deserialize<List<RestoredPackage>>(File.ReadAllText(file));
            // A cleaned global packages folder invalidates the entry.
            return packages is not null && packages.All(p => p.Assemblies.Concat(p.NativeLibraries).All(File.Exists)) ? packages : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Key(IReadOnlyList<PackageRequest> requests, IReadOnlyList<string> sources)
    {
        var text = new StringBuilder(TargetFramework).Append('\n').Append(RuntimeInformation.RuntimeIdentifier).Append('\n');
        foreach (var r in requests.OrderBy(r => r.Id, StringComparer.OrdinalIgnoreCase)) text.Append(r.Id.ToLowerInvariant()).Append(' ').Append(r.Version ?? "*").Append('\n');
        foreach (var s in sources) text.Append("source ").Append(s).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..20];
    }

    private static string Project(IReadOnlyList<PackageRequest> requests, IReadOnlyList<string> sources)
    {
        var project = new StringBuilder("<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n")
            .Append($"    <TargetFramework>{TargetFramework}</TargetFramework>\n")
            .Append("    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>\n    <NuGetAudit>false</NuGetAudit>\n");
        if (sources.Count > 0) project.Append($"    <RestoreAdditionalProjectSources>{System.Security.SecurityElement.Escape(string.Join(';', sources))}</RestoreAdditionalProjectSources>\n");
        project.Append("  </PropertyGroup>\n  <ItemGroup>\n");
        foreach (var r in requests)
            project.Append($"    <PackageReference Include=\"{System.Security.SecurityElement.Escape(r.Id)}\" Version=\"{System.Security.SecurityElement.Escape(r.Version ?? "*")}\" />\n");
        return project.Append("  </ItemGroup>\n</Project>\n").ToString();
    }

    private static void RunRestore(string work, IReadOnlyList<PackageRequest> requests, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(DotnetExecutable())
        {
            WorkingDirectory = work,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The project sits in a cache folder: no Directory.Build.props or central versions from above it apply.
        foreach (var arg in new[] { "restore", "restore.csproj", "-nologo", "-v:q", "-p:ImportDirectoryBuildProps=false", "-p:ImportDirectoryPackagesProps=false" })
            start.ArgumentList.Add(arg);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new PackageRestoreException("could not start 'dotnet restore'.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            process.WaitForExitAsync(cancellationToken).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        if (process.ExitCode == 0) return;
        var errors = (stdout.Result + "\n" + stderr.Result).Split('\n')
            .Select(l => l.Trim()).Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))
            .Select(l => l.Replace(Path.Combine(work, "restore.csproj"), "").Trim(' ', ':', '[', ']'))
            .Distinct().Take(5).ToList();
        var asked = string.Join(", ", requests.Select(r => r.Version is null ? r.Id : r.Id + " " + r.Version));
        throw new PackageRestoreException($"#r \"nuget:\" could not restore {asked}: {(errors.Count > 0 ? string.Join(" ", errors) : "dotnet restore exited with " + process.ExitCode)}");
    }

    /// <summary>The <c>dotnet</c> host that runs this kernel (found from the runtime's folder), else the one on PATH.</summary>
    internal static string DotnetExecutable()
    {
        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var beside = Path.Combine(root, name);
        if (File.Exists(beside)) return beside;
        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : name;
    }

    /// <summary>Reads the runtime and native assets of every package of a restore, for this framework and platform.</summary>
    internal static IReadOnlyList<RestoredPackage> ReadAssets(string assetsFile)
    {
        var root = JsonNode.Parse(File.ReadAllText(assetsFile)) as JsonObject ?? throw new InvalidDataException($"'{assetsFile}' is not a JSON object.");
        var folders = (root["packageFolders"] as JsonObject)?.Select(f => f.Key).ToList() ?? [];
        var libraries = root["libraries"] as JsonObject ?? [];
        var target = (root["targets"] as JsonObject)?.FirstOrDefault(t => !t.Key.Contains('/')).Value as JsonObject ?? [];
        var rids = RuntimeIdentifiers();
        var packages = new List<RestoredPackage>();
        foreach (var (key, node) in target)
        {
            if (node is not JsonObject entry || entry["type"]?.GetValue<string>() != "package") continue;
            var slash = key.IndexOf('/');
            var libraryPath = libraries[key]?["path"]?.GetValue<string>() ?? key.ToLowerInvariant();
            var packageRoot = folders.Select(f => Path.Combine(f, libraryPath)).FirstOrDefault(Directory.Exists);
            if (packageRoot is null) continue;
            string Full(string asset) => Path.GetFullPath(Path.Combine(packageRoot, asset));
            var assemblies = Assets(entry["runtime"]).Where(a => a.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).Select(Full).ToList();
            var natives = new List<string>();
            // RID-specific assets: the most specific platform the package has (e.g. linux-x64); managed ones replace
            // the portable assembly of the same name.
            var specific = (entry["runtimeTargets"] as JsonObject ?? [])
                .Select(t => (Asset: t.Key, Rid: t.Value?["rid"]?.GetValue<string>(), Kind: t.Value?["assetType"]?.GetValue<string>()))
                .Where(t => t.Rid is not null && rids.Contains(t.Rid) && !IsPlaceholder(t.Asset))
                .GroupBy(t => t.Kind).ToList();
            foreach (var group in specific)
            {
                var best = group.OrderBy(t => rids.IndexOf(t.Rid!)).First().Rid;
                foreach (var (asset, _, kind) in group.Where(t => t.Rid == best))
                {
                    if (kind == "native") natives.Add(Full(asset));
                    else if (kind == "runtime")
                    {
                        assemblies.RemoveAll(a => string.Equals(Path.GetFileName(a), Path.GetFileName(asset), StringComparison.OrdinalIgnoreCase));
                        assemblies.Add(Full(asset));
                    }
                }
            }
            packages.Add(new RestoredPackage(key[..slash], key[(slash + 1)..], assemblies, natives));
        }
        return packages;
    }

    private static IEnumerable<string> Assets(JsonNode? node) =>
        (node as JsonObject)?.Select(a => a.Key).Where(a => !IsPlaceholder(a)) ?? [];

    private static bool IsPlaceholder(string asset) => Path.GetFileName(asset) == "_._";

    // This platform's runtime identifiers, most specific first (linux-x64, linux, unix, any).
    private static List<string> RuntimeIdentifiers()
    {
        var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        var arch = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        var list = new List<string> { RuntimeInformation.RuntimeIdentifier, $"{os}-{arch}", os };
        if (os != "win") list.Add("unix");
        list.Add("any");
        return list.Distinct().ToList();
    }
}
