using System.Runtime.InteropServices;

namespace NewsAnalysis;

/// <summary>What a path is on disk.</summary>
internal enum FileKind { Regular, Directory, Link, CharacterDevice, BlockDevice, Fifo, Socket, Other }

/// <summary>
/// A path's kind, size and identity (device, inode), from <c>stat</c>/<c>lstat</c>. The BCL does not say whether a file
/// is a device, FIFO or socket, and opening one to find out can block forever; this calls the .NET runtime's own native
/// shim (libSystem.Native, present in every .NET process on Linux and macOS, the call FileInfo makes internally) rather
/// than a package, because the one managed libc binding (Tmds.LibC) ships only RID-specific assemblies that the
/// notebook kernel, which reads no .deps.json, cannot load. On Windows the BCL's attributes suffice (no FIFOs or devices
/// in folders).
/// </summary>
internal sealed record FileNode(FileKind Kind, long Size, (long Device, long Inode) Identity)
{
    /// <summary>The node at <paramref name="path"/> (following a final link when <paramref name="follow"/>), or null when nothing is there.</summary>
    public static FileNode? Of(string path, bool follow)
    {
        if (OperatingSystem.IsWindows()) return OfAttributes(path, follow);
        var status = new NativeFileStatus();
        int r = follow ? NativeStat(path, ref status) : NativeLStat(path, ref status);
        if (r != 0) return null;
        var kind = (status.Mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.Link,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0x1000 => FileKind.Fifo,
            0xC000 => FileKind.Socket,
            _ => FileKind.Other,
        };
        return new FileNode(kind, status.Size, (status.Dev, status.Ino));
    }

    private static FileNode? OfAttributes(string path, bool follow)
    {
        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (!info.Exists && info.LinkTarget is null) return null;
        if (info.LinkTarget is not null)
        {
            if (!follow) return new FileNode(FileKind.Link, 0, (0, path.GetHashCode(StringComparison.OrdinalIgnoreCase)));
            var final = info.ResolveLinkTarget(returnFinalTarget: true);
            if (final is null || !final.Exists) return null;
            info = final;
        }
        return info is DirectoryInfo d
            ? new FileNode(FileKind.Directory, 0, (0, d.FullName.GetHashCode(StringComparison.OrdinalIgnoreCase)))
            : new FileNode(FileKind.Regular, ((FileInfo)info).Length, (0, info.FullName.GetHashCode(StringComparison.OrdinalIgnoreCase)));
    }

    // The runtime's FileStatus (src/libraries/Common/src/Interop/Unix/System.Native/Interop.Stat.cs), with room to spare.
    [StructLayout(LayoutKind.Sequential)]
    private struct NativeFileStatus
    {
        public int Flags;
        public int Mode;
        public uint Uid;
        public uint Gid;
        public long Size;
        public long ATime, ATimeNsec, MTime, MTimeNsec, CTime, CTimeNsec, BirthTime, BirthTimeNsec;
        public long Dev;
        public long RDev;
        public long Ino;
        public long Spare0, Spare1, Spare2, Spare3, Spare4, Spare5, Spare6, Spare7;
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", CharSet = CharSet.Ansi)]
    private static extern int NativeStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, ref NativeFileStatus status);

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat", CharSet = CharSet.Ansi)]
    private static extern int NativeLStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, ref NativeFileStatus status);
}
