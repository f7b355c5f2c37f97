using System.Runtime.CompilerServices;

namespace NewsAnalysis.Tests;

/// <summary>
/// <see cref="MappedFile"/>: the bytes a read gives, kept when the file is replaced by rename (how the corpus cache
/// rewrites a bucket while a corpus still reads the old one), and on Linux unmapped once the memory is collected.
/// </summary>
public sealed class MappedFileTests : TempFolderTest
{

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4095)]
    [InlineData(1_000_003)]
    public void A_file_reads_as_its_bytes(int length)
    {
        var file = Path.Combine(Root, "bytes.bin");
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        File.WriteAllBytes(file, bytes);
        var memory = MappedFile.Read(file);
        Assert.Equal(bytes, memory.ToArray());
        Assert.Equal(bytes.AsSpan(length / 3, length / 3).ToArray(), memory.Slice(length / 3, length / 3).Span.ToArray());
    }

    [Fact]
    public void A_file_replaced_by_rename_reads_as_it_was()
    {
        var file = Path.Combine(Root, "bucket.bin");
        File.WriteAllBytes(file, "the old bucket"u8.ToArray());
        var memory = MappedFile.Read(file);
        File.WriteAllBytes(file + ".tmp", "the new bucket, longer"u8.ToArray());
        if (!OperatingSystem.IsWindows()) File.Move(file + ".tmp", file, overwrite: true);   // Windows reads, never maps: nothing to show there
        Assert.Equal("the old bucket"u8.ToArray(), memory.ToArray());
        Assert.Equal(OperatingSystem.IsWindows() ? "the old bucket"u8.ToArray() : "the new bucket, longer"u8.ToArray(), MappedFile.Read(file).ToArray());
    }

    [Fact]
    public void A_missing_file_is_an_error_naming_it()
    {
        var file = Path.Combine(Root, "missing.bin");
        var error = Assert.Throws<FileNotFoundException>(() => MappedFile.Read(file));
        Assert.Contains("missing.bin", error.Message);
    }

    [Fact]
    public void The_mapping_is_released_when_its_memory_is_collected()
    {
        if (!OperatingSystem.IsLinux()) return;   // read from /proc/self/maps
        var file = Path.Combine(Root, "released.bin");
        File.WriteAllBytes(file, new byte[64 * 1024]);
        Assert.Equal(64 * 1024, ReadAndDrop(file));
        Assert.True(Mapped(file), "mapped until its memory is collected");
        for (int i = 0; i < 5 && Mapped(file); i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        Assert.False(Mapped(file), "still mapped after its memory was collected");
    }

    // Reads the file and keeps nothing of it (the memory is unreachable once this returns).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ReadAndDrop(string file) => MappedFile.Read(file).Length;

    private static bool Mapped(string file) => File.ReadAllLines("/proc/self/maps").Any(line => line.EndsWith(file, StringComparison.Ordinal));
}
