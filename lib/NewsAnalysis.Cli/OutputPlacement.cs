using System.CommandLine;

namespace NewsAnalysis.Cli;

/// <summary>
/// Keeps outputs out of the corpus they were made from. The loader reads every file under the data folder
/// (recursively), so a report page or a CSV written there would be read back as articles by the next run (and a file
/// written over the data file would destroy it): such an <c>--out</c> is refused in one line before anything runs.
/// A data folder inside the output folder is fine: outputs are written only at the top of <c>--out</c>.
/// </summary>
internal static class OutputPlacement
{
    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>
    /// For the verbs writing one file: when the command has <c>--data</c> and a file <c>--out</c>, refuses an output
    /// file that is the data file or lies under the data folder.
    /// </summary>
    public static void Check(ParseResult parse)
    {
        var options = parse.CommandResult.Command.Options;
        if (options.FirstOrDefault(o => o.Name == "--out") is not Option<FileInfo?> outOption
            || options.FirstOrDefault(o => o.Name == "--data") is not Option<string> dataOption) return;
        if (parse.GetValue(outOption) is not { } outFile || parse.GetValue(dataOption) is not { } data) return;
        EnsureOutsideData(outFile.FullName, CommonOptions.ResolveData(data), "--out file");
    }

    /// <summary>
    /// Refuses <paramref name="output"/> (a file, or a folder outputs go into) when it is the data file or folder, or lies
    /// under the data folder; symbolic links are followed. An <see cref="IOException"/> naming both.
    /// </summary>
    public static void EnsureOutsideData(string output, string data, string what = "--out folder")
    {
        if (!Path.Exists(data)) return;   // a missing data folder is reported by the loader, naming it
        var dataReal = RealPath(data);
        var outReal = RealPath(output);
        if (string.Equals(outReal, dataReal, PathComparison))
            throw new IOException(Directory.Exists(data)
                ? $"{what} '{output}' is the data folder '{data}': the next run would read the reports as articles; write them elsewhere."
                : $"{what} '{output}' is the data file '{data}': writing it would replace the articles; write it elsewhere.");
        if (IsUnder(outReal, dataReal))
            throw new IOException($"{what} '{output}' is inside the data folder '{data}': the next run would read it as articles; write it elsewhere.");
    }

    private static bool IsUnder(string path, string folder)
    {
        var prefix = folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, PathComparison);
    }

    /// <summary>
    /// The absolute path with every symbolic link in it resolved (the parts that do not exist yet kept as given).
    /// Hand-written: .NET resolves a link's own target (<see cref="FileSystemInfo.ResolveLinkTarget"/>), not the links
    /// among a path's parent folders, and has no realpath.
    /// </summary>
    internal static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var current = root;
        var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.Exists && info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
                next = RealPath(target.FullName);
            else if (!info.Exists)
                return Path.Combine([next, .. parts[(i + 1)..]]);
            current = next;
        }
        return Path.TrimEndingDirectorySeparator(current);
    }
}
