using System.Collections;

namespace NewsAnalysis;

/// <summary>
/// A read-only list of <paramref name="count"/> items, each made by <paramref name="make"/> from <paramref name="state"/>
/// and its index when read (never stored). The state is passed, not captured, so a static lambda makes a view with no
/// closure: an article's paragraphs and sentences, the corpus's articles without their near-duplicate marks, a run of them.
/// </summary>
internal sealed class IndexedView<TState, T>(TState state, int count, Func<TState, int, T> make) : IReadOnlyList<T>
{
    public T this[int index] => (uint)index < (uint)count ? make(state, index) : throw new ArgumentOutOfRangeException(nameof(index));

    public int Count => count;

    public IEnumerator<T> GetEnumerator()
    {
        for (int i = 0; i < count; i++) yield return make(state, i);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
