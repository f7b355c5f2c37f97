using CsCheck;

namespace NewsAnalysis.Tests;

/// <summary><see cref="OrderedChunkPipeline"/>: results in input order, bounded chunks held, errors after what came before.</summary>
public class OrderedChunkPipelineTests
{
    [Fact]
    public void Results_come_in_input_order_whatever_the_chunk_size_window_and_workers()
    {
        Gen.Select(Gen.Int[0, 300], Gen.Int[1, 17], Gen.Int[1, 5], Gen.Int[0, 3]).Sample((count, chunk, window, workers) =>
        {
            var seen = new List<int>();
            var read = OrderedChunkPipeline.Run(Enumerable.Range(0, count), chunk, window,
                (items, n) =>
                {
                    // Uneven work so that later chunks often finish first.
                    Thread.SpinWait((items[0] * 7919 % 13) * 200);
                    return items.Take(n).Select(i => i * 2).ToArray();
                },
                seen.AddRange, _ => false, workers);
            Assert.Equal(count, read);
            Assert.Equal(Enumerable.Range(0, count).Select(i => i * 2), seen);
        }, iter: 200);
    }

    [Fact]
    public void At_most_the_window_of_chunks_is_read_ahead_of_the_one_consumed()
    {
        const int window = 3, chunk = 4;
        var read = 0;
        var consumed = 0;
        var ahead = 0;
        IEnumerable<int> Items()
        {
            for (var i = 0; i < 200; i++)
            {
                read = i + 1;
                ahead = Math.Max(ahead, read - Volatile.Read(ref consumed));
                yield return i;
            }
        }
        OrderedChunkPipeline.Run(Items(), chunk, window, (items, n) => n, n => Volatile.Write(ref consumed, consumed + n), _ => false, workers: 2);
        Assert.Equal(200, consumed);
        // The chunk being filled plus the window of chunks waiting.
        Assert.InRange(ahead, 1, (window + 1) * chunk);
    }

    [Fact]
    public void A_read_error_comes_after_every_item_before_it_and_a_work_error_in_its_turn()
    {
        IEnumerable<int> Failing()
        {
            for (var i = 0; i < 50; i++) yield return i;
            throw new IOException("bad byte on line 51");
        }
        var seen = new List<int>();
        var e = Assert.Throws<IOException>(() => OrderedChunkPipeline.Run(Failing(), 8, 2, (items, n) => items.Take(n).ToArray(), seen.AddRange, x => x is IOException, workers: 1));
        Assert.Equal("bad byte on line 51", e.Message);
        Assert.Equal(Enumerable.Range(0, 50), seen);

        seen.Clear();
        var boom = Assert.Throws<InvalidOperationException>(() => OrderedChunkPipeline.Run(Enumerable.Range(0, 100), 10, 3,
            (items, n) => items[0] == 40 ? throw new InvalidOperationException("chunk at 40") : items.Take(n).ToArray(), seen.AddRange, _ => false, workers: 1));
        Assert.Equal("chunk at 40", boom.Message);
        Assert.Equal(Enumerable.Range(0, 40), seen);

        // An error the caller does not accept as the end of the input is not swallowed.
        IEnumerable<int> Broken() { yield return 1; throw new FormatException("not input"); }
        Assert.Throws<FormatException>(() => OrderedChunkPipeline.Run(Broken(), 8, 2, (items, n) => n, _ => { }, x => x is IOException));
    }
}
