using NewsAnalysis.Kernel;

namespace NewsAnalysis.Tests;

/// <summary>
/// An interrupt is reported as <c>Interrupted</c> however the race between the cell and the kernel's own cancellation
/// callback ends. Cancelling a token sets its flag before any callback runs, so a loop check may stop the cell, and
/// the cell's task complete, before the kernel hears of the interrupt (seen once in CI under load as an error named
/// System.OperationCanceledException).
/// </summary>
public class KernelSessionInterruptTests
{
    [Fact]
    public async Task A_cell_stopped_by_its_loop_check_before_the_kernel_hears_of_the_interrupt_is_reported_as_interrupted()
    {
        var session = new KernelSession(Environment.CurrentDirectory);
        var flag = "NewsAnalysis.Tests.interrupt-race." + Guid.NewGuid().ToString("N");
        Assert.True((await session.ExecuteAsync("var before = 41;")).Succeeded);
        using var source = new CancellationTokenSource();
        var cell = session.ExecuteAsync($"AppDomain.CurrentDomain.SetData(\"{flag}\", true); var n = 0; while (true) {{ n++; }}", cancellationToken: source.Token);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (AppDomain.CurrentDomain.GetData(flag) is null)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "the loop cell never started");
            await Task.Delay(10);
        }
        await Task.Delay(200);

        // Registered after the kernel's own callback, so it runs first (callbacks run last-registered first) and holds
        // the kernel's back while the loop, which already sees the flag, stops and its task completes.
        using (source.Token.Register(() => Thread.Sleep(500))) await source.CancelAsync();

        var error = Assert.IsType<ErrorOutput>(Assert.Single((await cell).Outputs));
        Assert.Equal("Interrupted", error.Name);
        var after = await session.ExecuteAsync("before + 1");
        Assert.Equal("42", Assert.IsType<DisplayOutput>(Assert.Single(after.Outputs)).Value.PlainText);
    }
}
