using System.Runtime.InteropServices;

namespace NewsAnalysis;

/// <summary>
/// ML.NET's native LDA (libLdaNative) prints its progress with printf to the process's standard output, which
/// would corrupt CSV or JSON written by the CLI. On Linux this points file descriptor 1 at /dev/null while the
/// native code runs, then restores it. .NET's own Console writes through a duplicate of descriptor 1 taken when
/// Console.Out is first used (touched here before redirecting), so managed output is unaffected. Elsewhere it is a no-op.
/// Written by hand: no package does this.
/// </summary>
internal static class NativeStdoutSilencer
{
    private static readonly Lock Gate = new();

    public static T Run<T>(Func<T> action)
    {
        if (!OperatingSystem.IsLinux()) return action();
        lock (Gate)
        {
            Console.Out.Flush();
            int saved, sink;
            try
            {
                Fflush(IntPtr.Zero);
                saved = Dup(1);
                sink = Open("/dev/null", 1 /* O_WRONLY */);
            }
            catch (DllNotFoundException) { return action(); }
            catch (EntryPointNotFoundException) { return action(); }
            if (saved < 0 || sink < 0)
            {
                if (saved >= 0) Close(saved);
                if (sink >= 0) Close(sink);
                return action();
            }
            Dup2(sink, 1);
            Close(sink);
            try { return action(); }
            finally
            {
                Fflush(IntPtr.Zero); // C stdio buffers: flush them into /dev/null before restoring
                Dup2(saved, 1);
                Close(saved);
            }
        }
    }

    [DllImport("libc", EntryPoint = "dup")] private static extern int Dup(int fd);
    [DllImport("libc", EntryPoint = "dup2")] private static extern int Dup2(int fd, int fd2);
    [DllImport("libc", EntryPoint = "open", CharSet = CharSet.Ansi, BestFitMapping = false)] private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
    [DllImport("libc", EntryPoint = "close")] private static extern int Close(int fd);
    [DllImport("libc", EntryPoint = "fflush")] private static extern int Fflush(IntPtr stream);
}
