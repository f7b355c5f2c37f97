using System.Runtime.InteropServices;

namespace NewsAnalysis;

/// <summary>
/// Tells a regular file from a device, a named pipe (FIFO), a socket or a folder before anything opens it: opening a
/// FIFO blocks until someone writes to it, and a device such as <c>/dev/zero</c> never ends. Links are followed.
/// </summary>
/// <remarks>
/// Hand-written: .NET's <see cref="FileSystemInfo"/> reports no file type on Unix (a FIFO and <c>/dev/zero</c> look like
/// empty files). This asks the runtime's own native shim (<c>SystemNative_Stat</c> in libSystem.Native, what
/// <see cref="FileInfo"/> itself calls), whose status record starts with a flags word and then the <c>st_mode</c> bits on
/// every Unix the runtime supports.
/// </remarks>
public static class RegularFile
{
    private const int TypeMask = 0xF000, Fifo = 0x1000, CharacterDevice = 0x2000, Folder = 0x4000, BlockDevice = 0x6000, Regular = 0x8000, Socket = 0xC000;

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
        if (Stat(path, out var status) != 0) return null;   // vanished or unreadable: opening it reports why
        return (status.Mode & TypeMask) switch
        {
            Regular => null,
            Fifo => "a named pipe (FIFO)",
            CharacterDevice => "a character device",
            BlockDevice => "a block device",
            Socket => "a socket",
            Folder => "a folder",
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

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out NativeFileStatus status);

    /// <summary>The start of the runtime's FileStatus record (flags, mode), padded well past its real size.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 256)]
    private struct NativeFileStatus
    {
        public int Flags;
        public int Mode;
    }
}
