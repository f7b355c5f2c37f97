using System.Runtime.InteropServices;

namespace NewsAnalysis.Kernel;

/// <summary>
/// A Jupyter kernel must take SIGINT as "interrupt the running cell" even when it was started with SIGINT ignored: a
/// process started in the background by a non-interactive shell (<c>jupyter lab &amp;</c>, nohup, a CI job) passes the
/// ignored disposition on to every kernel it launches. .NET never installs its handler over an inherited ignored
/// SIGINT (System.Native skips it so that child processes keep ignoring it), so without this a
/// <see cref="PosixSignalRegistration"/> for SIGINT silently never fires. ipykernel sets its own SIGINT handler
/// whatever it inherited; this does the same by putting back the default disposition before .NET's signal handling
/// starts. Written by hand: no .NET API changes an inherited disposition.
/// </summary>
internal static class InheritedSigint
{
    private const int Sigint = 2; // SIGINT is 2 on Linux and macOS.

    /// <summary>Puts SIGINT back to its default disposition when it was inherited as ignored (no-op on Windows).</summary>
    public static void Restore()
    {
        if (OperatingSystem.IsWindows()) return;
        var previous = Signal(Sigint, IntPtr.Zero); // SIG_DFL
        // Anything but SIG_IGN (1) — SIG_DFL, or a handler the runtime installed — is put back as it was.
        if (previous is not (0 or 1)) Signal(Sigint, previous);
    }

    [DllImport("libc", EntryPoint = "signal")]
    private static extern nint Signal(int signal, nint handler);
}
