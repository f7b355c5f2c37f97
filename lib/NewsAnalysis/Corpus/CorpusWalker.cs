namespace NewsAnalysis;

/// <summary>
/// Lists the regular files under a data folder, safely: symbolic links inside the folder are never followed (each is a
/// rejected row saying why: its target is outside the folder, is read at its own path inside the folder, is a folder
/// already walked, does not exist, or is not a regular file), so nothing outside the folder is read and no loop is
/// walked; every folder is visited once by its real identity (device and inode), so bind mounts cannot loop either;
/// devices, FIFOs and sockets are rejected rows, never opened (opening a FIFO waits forever, reading a device never ends).
/// Only the data folder given itself may be a link.
/// </summary>
internal static class CorpusWalker
{
    /// <summary>The regular files under <paramref name="root"/> (a folder), ordinal order; everything else goes to <paramref name="rejected"/>.</summary>
    public static List<string> Walk(string root, List<RejectedInput> rejected)
    {
        var realRoot = RealPath(root);
        var files = new List<string>();
        var visited = new HashSet<(long, long)>();
        if (FileNode.Of(root, follow: true) is { } top) visited.Add(top.Identity);
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            string[] entries;
            try { entries = Directory.GetFileSystemEntries(dir); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                rejected.Add(new(dir, $"cannot read the folder: {e.Message}"));
                continue;
            }
            Array.Sort(entries, StringComparer.Ordinal);
            var folders = new List<string>();
            foreach (var entry in entries)
            {
                var node = FileNode.Of(entry, follow: false);
                if (node is null) { rejected.Add(new(entry, "vanished while the folder was read")); continue; }
                switch (node.Kind)
                {
                    case FileKind.Regular: files.Add(entry); break;
                    case FileKind.Directory:
                        if (visited.Add(node.Identity)) folders.Add(entry);
                        else rejected.Add(new(entry, "folder already walked (the same folder mounted twice): not read again"));
                        break;
                    case FileKind.Link: rejected.Add(new(entry, LinkReason(entry, realRoot))); break;
                    default: rejected.Add(new(entry, $"not a regular file ({Describe(node.Kind)})")); break;
                }
            }
            for (int i = folders.Count - 1; i >= 0; i--) pending.Push(folders[i]);   // reversed: walked in ordinal order
        }
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    // Why a symbolic link is not read: its target, where it is and what it is.
    private static string LinkReason(string link, string realRoot)
    {
        string target = ReadLink(link);
        var node = FileNode.Of(link, follow: true);
        if (node is null) return $"dangling symbolic link (to '{target}', which does not exist)";
        var real = RealPath(link);
        bool inside = real == realRoot || real.StartsWith(realRoot.EndsWith('/') ? realRoot : realRoot + "/", StringComparison.Ordinal);
        return (inside, node.Kind) switch
        {
            (_, FileKind.Regular or FileKind.Directory) when !inside =>
                $"symbolic link to '{real}', outside the data folder: not followed",
            (true, FileKind.Directory) =>
                $"symbolic link to the folder '{real}' inside the data folder (a loop or a second way in): not followed, the folder is read at its own path",
            (true, FileKind.Regular) =>
                $"symbolic link to '{real}' inside the data folder: not followed, the file is read at its own path",
            _ => $"symbolic link to '{real}', not a regular file ({Describe(node.Kind)})",
        };
    }

    private static string ReadLink(string link)
    {
        try { return new FileInfo(link).LinkTarget ?? "?"; }
        catch (IOException) { return "?"; }
    }

    /// <summary>The path with every link resolved (the path itself when it cannot be).</summary>
    public static string RealPath(string path)
    {
        try
        {
            var full = Path.GetFullPath(path);
            var parts = new List<string>();
            // Resolve component by component: a link anywhere on the way (not only at the end) is resolved.
            string current = Path.GetPathRoot(full)!;
            var rest = new Queue<string>(full[current.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries));
            int hops = 0;
            while (rest.Count > 0)
            {
                var name = rest.Dequeue();
                var next = Path.Combine(current, name);
                var info = new FileInfo(next);
                if (info.LinkTarget is { } target && ++hops < 64)
                {
                    var resolved = Path.GetFullPath(target, current);
                    var root = Path.GetPathRoot(resolved)!;
                    var tail = resolved[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Concat(rest).ToList();
                    current = root;
                    rest = new Queue<string>(tail);
                    continue;
                }
                current = next;
            }
            return Path.GetFullPath(current);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return path;
        }
    }

    private static string Describe(FileKind kind) => kind switch
    {
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Fifo => "a FIFO",
        FileKind.Socket => "a socket",
        FileKind.Directory => "a folder",
        FileKind.Link => "a symbolic link",
        _ => "an unknown kind of file",
    };
}
