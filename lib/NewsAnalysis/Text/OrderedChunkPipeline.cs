namespace NewsAnalysis;

/// <summary>
/// Runs work over a stream of items in chunks on the calling thread and <c>cores − 1</c> worker threads, and hands the
/// results on in input order on the calling thread, with a bounded number of chunks held.
/// </summary>
/// <remarks>
/// Written by hand rather than with tasks or PLINQ: with <c>Task.Run</c> per chunk the calling thread, which only reads
/// and writes, spent its time spinning in <c>Task.Wait</c> while two pool threads scored, three busy threads on two
/// cores. Here the calling thread, instead of waiting for the oldest chunk, takes the next chunk nobody has started and
/// does it itself, so the cores do the work and nothing spins. Order, bounded memory and errors: results are consumed
/// strictly in input order; at most <c>window</c> chunks are read but not consumed; an exception thrown by the work on a
/// chunk is rethrown on the calling thread when that chunk's turn comes, after every chunk before it was consumed.
/// </remarks>
internal static class OrderedChunkPipeline
{
    /// <summary>
    /// Reads <paramref name="items"/> in chunks of <paramref name="chunkSize"/>, runs <paramref name="work"/> on each
    /// (items, count; on any thread, chunks in parallel) and calls <paramref name="consume"/> with the results in input
    /// order on this thread. Returns the items read. When enumerating <paramref name="items"/> throws an exception that
    /// <paramref name="stopsInput"/> accepts, the chunks read before it are finished and consumed, then it is rethrown.
    /// </summary>
    public static long Run<TItem, TResult>(IEnumerable<TItem> items, int chunkSize, int window, Func<TItem[], int, TResult> work,
        Action<TResult> consume, Func<Exception, bool> stopsInput, int? workers = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        var state = new Shared<TItem, TResult>(work);
        var threads = new Thread[Math.Clamp(workers ?? Environment.ProcessorCount - 1, 0, window)];
        for (var i = 0; i < threads.Length; i++)
        {
            threads[i] = new Thread(state.WorkerLoop) { IsBackground = true, Name = "chunk worker" };
            threads[i].Start();
        }
        var order = new Queue<Chunk<TItem, TResult>>();
        long read = 0;
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? failure = null;
        try
        {
            var buffer = new TItem[chunkSize];
            var count = 0;
            try
            {
                foreach (var item in items)
                {
                    buffer[count++] = item;
                    read++;
                    if (count < chunkSize) continue;
                    Submit(buffer, count);
                    buffer = new TItem[chunkSize];
                    count = 0;
                }
            }
            catch (Exception e) when (stopsInput(e))
            {
                failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
            }
            if (count > 0) Submit(buffer, count);
            while (order.Count > 0) ConsumeOldest();
        }
        finally
        {
            state.Stop();
            foreach (var thread in threads) thread.Join();
        }
        failure?.Throw();
        return read;

        void Submit(TItem[] chunkItems, int count)
        {
            while (order.Count >= window) ConsumeOldest();
            var chunk = new Chunk<TItem, TResult>(chunkItems, count);
            order.Enqueue(chunk);
            state.Offer(chunk);
        }

        void ConsumeOldest()
        {
            var oldest = order.Peek();
            state.Finish(oldest);
            order.Dequeue();
            if (oldest.Error is { } error) error.Throw();
            consume(oldest.Result!);
        }
    }

    private sealed class Chunk<TItem, TResult>(TItem[] items, int count)
    {
        public TItem[] Items { get; } = items;
        public int Count { get; } = count;
        public TResult? Result { get; set; }
        public System.Runtime.ExceptionServices.ExceptionDispatchInfo? Error { get; set; }
        public bool Done { get; set; }
    }

    /// <summary>The chunks nobody has started, and the signal that one is done; everything under one lock.</summary>
    private sealed class Shared<TItem, TResult>(Func<TItem[], int, TResult> work)
    {
        private readonly object gate = new();
        private readonly Queue<Chunk<TItem, TResult>> unstarted = new();
        private bool stopped;

        public void Offer(Chunk<TItem, TResult> chunk)
        {
            lock (gate)
            {
                unstarted.Enqueue(chunk);
                Monitor.PulseAll(gate);
            }
        }

        public void Stop()
        {
            lock (gate)
            {
                stopped = true;
                Monitor.PulseAll(gate);
            }
        }

        /// <summary>Returns once <paramref name="chunk"/> is done, doing unstarted chunks (oldest first) meanwhile.</summary>
        public void Finish(Chunk<TItem, TResult> chunk)
        {
            while (true)
            {
                Chunk<TItem, TResult>? next;
                lock (gate)
                {
                    if (chunk.Done) return;
                    if (!unstarted.TryDequeue(out next))
                    {
                        Monitor.Wait(gate);
                        continue;
                    }
                }
                Execute(next);
            }
        }

        public void WorkerLoop()
        {
            while (true)
            {
                Chunk<TItem, TResult>? next;
                lock (gate)
                {
                    while (!unstarted.TryDequeue(out next))
                    {
                        if (stopped) return;
                        Monitor.Wait(gate);
                    }
                }
                Execute(next);
            }
        }

        private void Execute(Chunk<TItem, TResult> chunk)
        {
            try
            {
                chunk.Result = work(chunk.Items, chunk.Count);
            }
            catch (Exception e)
            {
                chunk.Error = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
            }
            lock (gate)
            {
                chunk.Done = true;
                Monitor.PulseAll(gate);
            }
        }
    }
}
