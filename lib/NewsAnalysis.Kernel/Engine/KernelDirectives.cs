using System.Text.RegularExpressions;

namespace NewsAnalysis.Kernel;

/// <summary>
/// The directives .NET Interactive handles before Roslyn sees a cell: <c>#r "nuget: Name[, Version]"</c>,
/// <c>#i "nuget: source"</c> (a package folder or feed) and a first-line <c>#!csharp</c>. Handled lines become blank,
/// so compile errors keep the cell's line numbers. <c>#r "path.dll"</c> and <c>#load "file.csx"</c> are Roslyn's own
/// and resolve from the session's working directory.
/// </summary>
internal static partial class KernelDirectives
{
    [GeneratedRegex("""^\s*#r\s+"nuget:\s*(?<id>[^,"\s]+)\s*(,\s*(?<version>[^"\s]+)\s*)?"\s*$""")]
    private static partial Regex NuGetReference();

    [GeneratedRegex("""^\s*#i\s+"nuget:\s*(?<source>[^"]+?)\s*"\s*$""")]
    private static partial Regex PackageSource();

    /// <summary>A cell with its directives taken out.</summary>
    /// <param name="Code">The code for Roslyn (directive lines blank).</param>
    /// <param name="Packages">The packages asked for, in order.</param>
    /// <param name="Sources">The package sources added (full folder paths or feed URLs).</param>
    internal sealed record Processed(string Code, IReadOnlyList<PackageRequest> Packages, IReadOnlyList<string> Sources);

    /// <summary>Takes the kernel's directives out of <paramref name="source"/>; a <c>#i</c> folder that does not exist is an error naming it.</summary>
    internal static Processed Process(string source, string workingDirectory)
    {
        var lines = source.ReplaceLineEndings("\n").Split('\n');
        var packages = new List<PackageRequest>();
        var sources = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (i == 0 && line.Trim() is "#!csharp" or "#!c#" or "#!C#")
            {
                lines[i] = "";
            }
            else if (NuGetReference().Match(line) is { Success: true } nuget)
            {
                packages.Add(new PackageRequest(nuget.Groups["id"].Value, nuget.Groups["version"].Success ? nuget.Groups["version"].Value : null));
                lines[i] = "";
            }
            else if (PackageSource().Match(line) is { Success: true } src)
            {
                var value = src.Groups["source"].Value;
                if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && !uri.IsFile)
                {
                    sources.Add(value);
                }
                else
                {
                    var folder = Path.GetFullPath(uri?.IsFile == true ? uri.LocalPath : value, workingDirectory);
                    if (!Directory.Exists(folder)) throw new PackageRestoreException($"#i \"nuget: {value}\": folder '{folder}' does not exist.");
                    sources.Add(folder);
                }
                lines[i] = "";
            }
        }
        return new Processed(string.Join('\n', lines), packages, sources);
    }
}
