using System.Globalization;
using System.Text;

namespace NewsAnalysis;

/// <summary>
/// A file written whole or not at all: the bytes go to a hidden temporary file in the target's folder
/// (<c>.NAME.PID-N.tmp</c>), which <see cref="Commit"/> renames over the target. A process killed while writing leaves
/// the previous file in place (and at most a stray temporary file), never a half-written one. Disposing without
/// committing deletes the temporary file.
/// </summary>
/// <remarks>
/// Hand-written: .NET has no "write then replace" helper; the rename in the same folder is what makes the replacement
/// atomic (rename(2) on Unix, MoveFileEx on Windows). Only a new file or a plain, non-empty file is replaced that way
/// (<see cref="CanReplace"/>): a link, a device or a named pipe (<c>/dev/stdout</c>, <c>/dev/null</c>, a FIFO) must be
/// written through, never renamed over.
/// </remarks>
public sealed class AtomicFile : IDisposable
{
    private static int counter;
    private readonly FileStream stream;
    private bool done;

    private AtomicFile(string path, string temporary)
    {
        Path = path;
        TemporaryPath = temporary;
        stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None);
    }

    /// <summary>The file this replaces when committed (absolute).</summary>
    public string Path { get; }

    /// <summary>Where the bytes go until <see cref="Commit"/>.</summary>
    public string TemporaryPath { get; }

    /// <summary>The stream to write to.</summary>
    public Stream Stream => stream;

    /// <summary>Starts replacing <paramref name="path"/> (its folder must exist).</summary>
    public static AtomicFile Create(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var n = Interlocked.Increment(ref counter).ToString(CultureInfo.InvariantCulture);
        var temporary = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(full)!,
            $".{System.IO.Path.GetFileName(full)}.{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{n}.tmp");
        return new AtomicFile(full, temporary);
    }

    /// <summary>
    /// True when <paramref name="path"/> may be replaced by a rename: it does not exist, or it is a non-empty file that is
    /// not a symbolic link. .NET does not tell devices and pipes from files, but they have no size (nor does an empty
    /// file, which has nothing to lose), so those are written through.
    /// </summary>
    public static bool CanReplace(string path)
    {
        var info = new FileInfo(path);
        return !info.Exists || (info.LinkTarget is null && info.Length > 0);
    }

    /// <summary>
    /// Writes <paramref name="text"/> to <paramref name="path"/> as UTF-8 without BOM, atomically when
    /// <see cref="CanReplace"/> (else written through); creates its folder.
    /// </summary>
    public static void WriteAllText(string path, string text)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        if (!CanReplace(path))
        {
            File.WriteAllText(path, text, new UTF8Encoding(false));
            return;
        }
        using var file = Create(path);
        using (var writer = new StreamWriter(file.Stream, new UTF8Encoding(false), leaveOpen: true)) writer.Write(text);
        file.Commit();
    }

    /// <summary>Flushes the bytes to disk and renames the temporary file over the target.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(done, this);
        stream.Flush(flushToDisk: true);
        stream.Dispose();
        File.Move(TemporaryPath, Path, overwrite: true);
        done = true;
    }

    /// <summary>Deletes the temporary file unless <see cref="Commit"/> ran.</summary>
    public void Dispose()
    {
        if (done) return;
        done = true;
        stream.Dispose();
        try { File.Delete(TemporaryPath); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
