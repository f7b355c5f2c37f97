namespace NewsAnalysis.Kernel;

/// <summary>
/// The globals of a kernel session: what <c>using static Microsoft.DotNet.Interactive.Kernel</c> gives a cell in
/// .NET Interactive. Cells call <c>display(x)</c> and <c>HTML(...)</c> unqualified.
/// </summary>
public sealed class KernelGlobals
{
    internal CellContext? Cell { get; set; }

    /// <summary>Shows <paramref name="value"/> below the cell (HTML for DataFrames and charts, text otherwise).</summary>
    /// <param name="value">The value to show.</param>
    /// <param name="mimeTypes">Restrict to these MIME types (<c>text/plain</c> or <c>text/html</c>); empty means the best available.</param>
    /// <returns>A handle whose <see cref="DisplayHandle.Update"/> replaces what was shown.</returns>
#pragma warning disable IDE1006 // lower-case like the kernel's display()
    public DisplayHandle display(object? value, params string[] mimeTypes)
#pragma warning restore IDE1006
    {
        var cell = Cell ?? throw new InvalidOperationException("display() was called outside a running cell.");
        var handle = new DisplayHandle(cell.Session, "display-" + Guid.NewGuid().ToString("N"), mimeTypes);
        cell.Add(new DisplayOutput(handle.Format(value), IsResult: false, handle.DisplayId));
        return handle;
    }

    /// <summary>Marks <paramref name="content"/> as HTML written by the notebook's author, shown as is (the kernel's <c>HTML(...)</c>).</summary>
    /// <param name="content">The HTML.</param>
#pragma warning disable IDE1006 // upper-case like the kernel's HTML()
    public HtmlContent HTML(string content) => new(content);
#pragma warning restore IDE1006
}

/// <summary>What <c>display(...)</c> returns: the shown value can be replaced later (Jupyter's update_display_data).</summary>
public sealed class DisplayHandle
{
    private readonly KernelSession session;
    private readonly string[] mimeTypes;

    internal DisplayHandle(KernelSession session, string displayId, string[] mimeTypes)
    {
        this.session = session;
        DisplayId = displayId;
        this.mimeTypes = mimeTypes;
    }

    /// <summary>The display's id.</summary>
    public string DisplayId { get; }

    /// <summary>Replaces the displayed value with <paramref name="value"/>, in the cell that displayed it or in a later one.</summary>
    /// <param name="value">The new value.</param>
    public void Update(object? value) => session.UpdateDisplay(DisplayId, Format(value));

    internal FormattedValue Format(object? value)
    {
        var formatted = session.Formatter.Format(value);
        return mimeTypes.Length > 0 && !mimeTypes.Contains("text/html") ? new FormattedValue(formatted.PlainText, null) : formatted;
    }

    /// <summary>Shown as nothing when a cell ends with <c>display(x)</c> without a semicolon.</summary>
    public override string ToString() => "";
}

/// <summary>HTML from the notebook's author (not from data), shown as is.</summary>
/// <param name="Content">The HTML.</param>
public sealed record HtmlContent(string Content)
{
    /// <summary>The HTML itself.</summary>
    public override string ToString() => Content;
}
