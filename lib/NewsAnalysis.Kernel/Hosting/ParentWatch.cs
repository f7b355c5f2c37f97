using System.Diagnostics;

namespace NewsAnalysis.Kernel;

/// <summary>Ends the kernel process when the process that started it is gone, even while a cell is busy.</summary>
internal static class ParentWatch
{
    /// <summary>Checks once a second on a background thread; exits with code 3 when <paramref name="processId"/> has ended.</summary>
    public static void ExitWhenGone(int processId)
    {
        var thread = new Thread(() =>
        {
            while (true)
            {
                Thread.Sleep(1000);
                if (!IsAlive(processId)) Environment.Exit(3);
            }
        })
        { IsBackground = true, Name = "parent watch" };
        thread.Start();
    }

    private static bool IsAlive(int processId)
    {
        try
        {
            using var parent = Process.GetProcessById(processId);
            return !parent.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
