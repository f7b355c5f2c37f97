using System.Text;

namespace NewsAnalysis.Kernel;

/// <summary>
/// The outputs a running cell has produced so far. Console text is merged into stream outputs in order; every output
/// is also passed, as it happens, to the session's listener (a Jupyter frontend shows it live).
/// </summary>
internal sealed class CellContext(KernelSession session, Action<NotebookOutput>? listener)
{
    private readonly List<NotebookOutput> outputs = [];
    private readonly StringBuilder pending = new();
    private string? pendingName;
    private readonly Lock gate = new();

    public KernelSession Session { get; } = session;

    public void Write(string name, string text)
    {
        lock (gate)
        {
            if (pendingName != name) FlushLocked();
            pendingName = name;
            pending.Append(text);
        }
        listener?.Invoke(new StreamOutput(name, text));
    }

    public void Add(NotebookOutput output)
    {
        lock (gate)
        {
            FlushLocked();
            outputs.Add(output);
        }
        listener?.Invoke(output);
    }

    /// <summary>Replaces the display with this id if this cell shows it; false when it belongs to an earlier cell.</summary>
    public bool TryUpdate(DisplayUpdateOutput update)
    {
        lock (gate)
        {
            var index = outputs.FindIndex(o => o is DisplayOutput d && d.DisplayId == update.DisplayId);
            if (index < 0) return false;
            outputs[index] = ((DisplayOutput)outputs[index]) with { Value = update.Value };
        }
        listener?.Invoke(update);
        return true;
    }

    public IReadOnlyList<NotebookOutput> Complete()
    {
        lock (gate)
        {
            FlushLocked();
            return outputs.ToList();
        }
    }

    private void FlushLocked()
    {
        if (pending.Length > 0 && pendingName is not null) outputs.Add(new StreamOutput(pendingName, pending.ToString()));
        pending.Clear();
        pendingName = null;
    }
}

/// <summary>
/// Routes Console.Out/Console.Error to the running cell (per async flow, so other threads are untouched) and to the
/// original console otherwise.
/// </summary>
internal sealed class ConsoleCapture : TextWriter
{
    private static readonly AsyncLocal<CellContext?> current = new();
    private static int installed;
    private readonly TextWriter original;
    private readonly string name;

    private ConsoleCapture(TextWriter original, string name)
    {
        this.original = original;
        this.name = name;
    }

    public override Encoding Encoding => original.Encoding;

    /// <summary>The cell receiving console text in this async flow.</summary>
    public static CellContext? Current
    {
        get => current.Value;
        set => current.Value = value;
    }

    public static void Install()
    {
        if (Interlocked.Exchange(ref installed, 1) == 1) return;
        Console.SetOut(new ConsoleCapture(Console.Out, "stdout"));
        Console.SetError(new ConsoleCapture(Console.Error, "stderr"));
    }

    public override void Write(char value) => Write(value.ToString());

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Write(string? value)
    {
        if (value is null) return;
        if (current.Value is { } cell) cell.Write(name, value);
        else original.Write(value);
    }

    // One piece for a line and its end, so a frontend gets one stream message per WriteLine.
    public override void WriteLine(string? value) => Write(value + new string(CoreNewLine));

    public override void Flush() => original.Flush();
}
