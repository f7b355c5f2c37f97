namespace NewsAnalysis.Notebooks;

/// <summary>
/// The globals of the runner's script session: what <c>using static Microsoft.DotNet.Interactive.Kernel</c> gives a
/// cell in the real kernel. Cells call <c>display(x)</c> unqualified.
/// </summary>
public sealed class NotebookGlobals
{
    internal NotebookCellContext? Cell { get; set; }

    /// <summary>Shows <paramref name="value"/> below the cell (HTML for DataFrames and charts, text otherwise).</summary>
    /// <param name="value">The value to show.</param>
    /// <param name="mimeTypes">Restrict to these MIME types (<c>text/plain</c> or <c>text/html</c>); empty means the best available.</param>
#pragma warning disable IDE1006 // lower-case like the kernel's display()
    public void display(object? value, params string[] mimeTypes)
#pragma warning restore IDE1006
    {
        var cell = Cell ?? throw new InvalidOperationException("display() was called outside a running cell.");
        var formatted = cell.Formatter.Format(value);
        if (mimeTypes.Length > 0 && !mimeTypes.Contains("text/html")) formatted = new FormattedValue(formatted.PlainText, null);
        cell.Add(new DisplayOutput(formatted, IsResult: false));
    }

    /// <summary>Marks <paramref name="content"/> as HTML written by the notebook's author, shown as is (the kernel's <c>HTML(...)</c>).</summary>
    /// <param name="content">The HTML.</param>
#pragma warning disable IDE1006 // upper-case like the kernel's HTML()
    public NotebookHtmlContent HTML(string content) => new(content);
#pragma warning restore IDE1006
}

/// <summary>HTML from the notebook's author (not from data), shown as is by <see cref="NotebookValueFormatter"/>.</summary>
/// <param name="Content">The HTML.</param>
public sealed record NotebookHtmlContent(string Content)
{
    /// <summary>The HTML itself.</summary>
    public override string ToString() => Content;
}

/// <summary>The outputs a running cell has produced so far; console text is merged into stream outputs in order.</summary>
internal sealed class NotebookCellContext(NotebookValueFormatter formatter)
{
    private readonly List<NotebookOutput> outputs = [];
    private readonly System.Text.StringBuilder pending = new();
    private string? pendingName;
    private readonly Lock gate = new();

    public NotebookValueFormatter Formatter { get; } = formatter;

    public void Write(string name, string text)
    {
        lock (gate)
        {
            if (pendingName != name) FlushLocked();
            pendingName = name;
            pending.Append(text);
        }
    }

    public void Add(NotebookOutput output)
    {
        lock (gate)
        {
            FlushLocked();
            outputs.Add(output);
        }
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
/// Routes Console.Out/Console.Error to the running cell (per async flow, so runs in other threads are untouched) and
/// to the original console otherwise.
/// </summary>
internal sealed class ConsoleCapture : TextWriter
{
    private static readonly AsyncLocal<NotebookCellContext?> current = new();
    private static int installed;
    private readonly TextWriter original;
    private readonly string name;

    private ConsoleCapture(TextWriter original, string name)
    {
        this.original = original;
        this.name = name;
    }

    public override System.Text.Encoding Encoding => original.Encoding;

    /// <summary>The cell receiving console text in this async flow.</summary>
    public static NotebookCellContext? Current
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

    public override void Flush() => original.Flush();
}
