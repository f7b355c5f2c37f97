namespace NewsAnalysis;

/// <summary>
/// Tells a regular file from a device, a named pipe (FIFO), a socket or a folder before anything opens it: opening a
/// FIFO blocks until someone writes to it, and a device such as <c>/dev/zero</c> never ends. Links are followed.
/// </summary>
/// <remarks>
/// .NET's <see cref="FileSystemInfo"/> reports no file type on Unix (a FIFO and <c>/dev/zero</c> look like empty files):
/// the kind comes from <see cref="FileNode"/>, the folder walker's <c>stat</c>.
/// </remarks>
public static class RegularFile
{
    /// <summary>
    /// Null when <paramref name="path"/> is a regular file (after following links), else what it is instead
    /// ("a named pipe (FIFO)", "a character device", ...). A missing path is a <see cref="FileNotFoundException"/>.
    /// </summary>
    public static string? WhatElse(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path)) return "a folder";
        if (!File.Exists(path)) throw new FileNotFoundException($"No such file: '{path}'.", path);
        if (OperatingSystem.IsWindows())
            return File.GetAttributes(path).HasFlag(FileAttributes.Device) ? "a device" : null;
        return FileNode.Of(path, follow: true)?.Kind switch
        {
            null or FileKind.Regular => null,   // null: vanished or unreadable, opening it reports why
            FileKind.Fifo => "a named pipe (FIFO)",
            FileKind.CharacterDevice => "a character device",
            FileKind.BlockDevice => "a block device",
            FileKind.Socket => "a socket",
            FileKind.Directory => "a folder",
            _ => "not a file",
        };
    }

    /// <summary>
    /// Throws an <see cref="InvalidDataException"/> ("'PATH' is not a regular file (a character device)") unless
    /// <paramref name="path"/> is a regular file; a missing path is a <see cref="FileNotFoundException"/>.
    /// </summary>
    public static void Ensure(string path)
    {
        if (WhatElse(path) is { } other) throw new InvalidDataException($"'{path}' is not a regular file ({other}).");
    }
}
