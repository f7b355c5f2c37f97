using System.Text.RegularExpressions;

namespace NewsAnalysis.Notebooks;

/// <summary>
/// The kernel's own directives, handled before Roslyn as .NET Interactive does: <c>#r "nuget: Name, Version"</c>,
/// <c>#i "nuget: source"</c>, a first-line <c>#!csharp</c>, and <c>#r "path.dll"</c> of an assembly this process ships
/// (the project's own NewsAnalysis*.dll of the setup cell, or any dependency): mapped onto the runner's copy, so a
/// Debug/Release mismatch or a missing Debug build cannot load a second copy. Handled lines become blank, so
/// compile errors keep the cell's line numbers. Other <c>#r "path"</c> and <c>#load</c> are left to Roslyn.
/// </summary>
internal static partial class NotebookDirectives
{
    [GeneratedRegex("""^\s*#r\s+"nuget:\s*(?<id>[^,"\s]+)\s*(,\s*(?<version>[^"\s]+)\s*)?"\s*$""")]
    private static partial Regex NuGetReference();

    [GeneratedRegex("""^\s*#i\s+"nuget:\s*(?<source>[^"]+?)\s*"\s*$""")]
    private static partial Regex PackageSource();

    [GeneratedRegex("""^\s*#r\s+"(?<path>[^"]+\.dll)"\s*$""", RegexOptions.IgnoreCase)]
    private static partial Regex FileReference();

    /// <summary>The runner's own copy of an assembly file name (loaded, or shipped beside the runner), or null.</summary>
    internal static string? ShippedCopy(string fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName);
        var loaded = AppDomain.CurrentDomain.GetAssemblies()
            .FirstOrDefault(a => !a.IsDynamic && a.Location.Length > 0 && string.Equals(a.GetName().Name, name, StringComparison.OrdinalIgnoreCase));
        if (loaded is not null) return loaded.Location;
        var beside = Path.Combine(AppContext.BaseDirectory, name + ".dll");
        return File.Exists(beside) ? beside : null;
    }

    /// <summary>What a cell asks for besides its code.</summary>
    internal sealed record Processed(string Code, IReadOnlyList<string> References, IReadOnlyList<NotebookPackage> Packages);

    /// <summary>Rewrites <paramref name="source"/>; <paramref name="sources"/> gathers <c>#i</c> folders across cells.</summary>
    internal static Processed Process(string source, string notebookDir, List<string> sources)
    {
        var lines = source.ReplaceLineEndings("\n").Split('\n');
        var references = new List<string>();
        var packages = new List<NotebookPackage>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (i == 0 && line.Trim() is "#!csharp" or "#!c#" or "#!C#") { lines[i] = ""; continue; }
            if (NuGetReference().Match(line) is { Success: true } nuget)
            {
                var id = nuget.Groups["id"].Value;
                var version = nuget.Groups["version"].Success ? nuget.Groups["version"].Value : null;
                var (resolved, files) = PackageCatalog.Current.Resolve(id, version, sources);
                references.AddRange(files);
                packages.Add(new NotebookPackage(id, resolved));
                lines[i] = "";
            }
            else if (PackageSource().Match(line) is { Success: true } src)
            {
                var value = src.Groups["source"].Value;
                var folder = Path.GetFullPath(value, notebookDir);
                // Only local folders of extracted packages can be used offline; a URL is accepted but adds nothing.
                if (Directory.Exists(folder)) sources.Add(folder);
                else if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.IsFile)
                    throw new NotebookPackageException($"#i \"nuget: {value}\": folder '{folder}' does not exist.");
                lines[i] = "";
            }
            else if (FileReference().Match(line) is { Success: true } file && ShippedCopy(Path.GetFileName(file.Groups["path"].Value)) is { } own)
            {
                references.Add(own);
                lines[i] = "";
            }
        }
        return new Processed(string.Join('\n', lines), references, packages);
    }
}
