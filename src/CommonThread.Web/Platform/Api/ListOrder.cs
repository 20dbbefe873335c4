using System.Text.Json;
using CommonThread.Web.Platform.Errors;

namespace CommonThread.Web.Platform.Api;

/// <summary>
/// The order an API list is paged in, as its sort keys: <see cref="By{TKey}"/> each in turn, then the item's id,
/// so the order is total and a cursor (the last item's key values) names exactly one place in it. The next page
/// starts strictly after that place, so an item that left or changed since moves no other item across the page edge.
/// Lists are paged here, in memory, after the service's access-checked query: rows are decrypted or computed
/// (overdue flags, pooled names) before they can be ordered, and the rights stay in one place.
/// </summary>
public sealed class ListOrder<T> : IComparer<T>
{
    private readonly List<IKey> keys = [];

    // The keys and the id last, as an array: Compare runs hundreds of thousands of times to sort a portfolio.
    private IKey[] all;

    /// <param name="id">The item's identity, compared last so no two items share a place.</param>
    public ListOrder(Func<T, Guid> id)
    {
        Id = new Key<Guid>(id, Comparer<Guid>.Default, descending: false);
        all = [Id];
    }

    /// <param name="id">The item's identity as text (a user id), compared exactly and last.</param>
    public ListOrder(Func<T, string> id)
    {
        Id = new Key<string>(id, StringComparer.Ordinal, descending: false);
        all = [Id];
    }

    private IKey Id { get; }

    private IReadOnlyList<IKey> All => all;

    /// <summary>Then by <paramref name="key"/>: text without regard to case unless <paramref name="comparer"/> says otherwise.</summary>
    public ListOrder<T> By<TKey>(Func<T, TKey> key, bool descending = false, IComparer<TKey>? comparer = null)
    {
        keys.Add(new Key<TKey>(key, comparer ?? (typeof(TKey) == typeof(string) ? (IComparer<TKey>)StringComparer.OrdinalIgnoreCase : Comparer<TKey>.Default), descending));
        all = [.. keys, Id];
        return this;
    }

    public int Compare(T? x, T? y)
    {
        foreach (var key in all)
        {
            var c = key.Compare(x!, y!);
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }

    /// <summary>The items in this order, the page after <paramref name="cursor"/> (from the start without one) of at most <paramref name="limit"/>, and the total.</summary>
    public ListPage<T> Page(IEnumerable<T> items, string? cursor, int limit)
    {
        var sorted = items.ToList();
        sorted.Sort(this);
        return After(sorted, cursor, limit);
    }

    /// <summary>As <see cref="Page"/> for items already sorted in this order.</summary>
    public ListPage<T> After(IReadOnlyList<T> sorted, string? cursor, int limit)
    {
        var start = 0;
        if (!string.IsNullOrEmpty(cursor))
        {
            var place = Read(cursor);
            // The first item past the cursor's place: the item it named may have left the list since.
            var (low, high) = (0, sorted.Count);
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (Compare(sorted[middle], place) <= 0)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            start = low;
        }

        var page = sorted.Skip(start).Take(limit).ToList();
        var next = start + page.Count < sorted.Count ? ListPaging.Cursor(All.Select(k => k.Write(page[^1])).ToArray()) : null;
        return new(page, sorted.Count, next);
    }

    private int Compare(T item, object?[] place)
    {
        var i = 0;
        foreach (var key in All)
        {
            var c = key.Compare(item, place[i++]);
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }

    private object?[] Read(string cursor)
    {
        var values = ListPaging.Read(cursor, keys.Count + 1);
        try
        {
            return All.Select((k, i) => k.Read(values[i])).ToArray();
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            // A cursor another list gave holds other kinds of values.
            throw new RuleViolation("cursor", "This cursor is not one this list gave; start again without it.");
        }
    }

    private interface IKey
    {
        int Compare(T a, T b);

        int Compare(T item, object? value);

        string Write(T item);

        object? Read(string? text);
    }

    private sealed class Key<TKey>(Func<T, TKey> value, IComparer<TKey> comparer, bool descending) : IKey
    {
        public int Compare(T a, T b) => Directed(comparer.Compare(value(a), value(b)));

        public int Compare(T item, object? place) => Directed(comparer.Compare(value(item), (TKey)place!));

        public string Write(T item) => JsonSerializer.Serialize(value(item));

        public object? Read(string? text)
        {
            var read = JsonSerializer.Deserialize<TKey>(text ?? throw new JsonException("No value."));
            // A value type's key is never missing; only a nullable one may hold null.
            return read is null && default(TKey) is not null ? throw new JsonException("No value.") : read;
        }

        private int Directed(int c) => descending ? -c : c;
    }
}
