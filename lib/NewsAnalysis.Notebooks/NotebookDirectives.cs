using System.Reflection;
using System.Text.RegularExpressions;

namespace NewsAnalysis.Notebooks;

/// <summary>
/// The kernel's own directives, handled before Roslyn as .NET Interactive does: <c>#r "nuget: Name, Version"</c>,
/// <c>#i "nuget: source"</c>, a first-line <c>#!csharp</c>, and <c>#r</c> of the project's own assemblies (mapped onto the
/// copies this process has loaded, so a Debug/Release mismatch cannot load two copies). Handled lines become blank, so
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

    /// <summary>The assemblies of this project whose <c>#r</c> is mapped onto the loaded copy.</summary>
    internal static readonly IReadOnlyDictionary<string, Assembly> OwnAssemblies = new[]
    {
        typeof(NewsCorpus).Assembly,
        typeof(NewsAnalysis.Interactive.NotebookSupport).Assembly,
    }.ToDictionary(a => a.GetName().Name + ".dll", StringComparer.OrdinalIgnoreCase);

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
            else if (FileReference().Match(line) is { Success: true } file
                && OwnAssemblies.TryGetValue(Path.GetFileName(file.Groups["path"].Value), out var own))
            {
                references.Add(own.Location);
                lines[i] = "";
            }
        }
        return new Processed(string.Join('\n', lines), references, packages);
    }
}
