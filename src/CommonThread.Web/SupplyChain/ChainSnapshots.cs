using CommonThread.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Caching.Memory;

namespace CommonThread.Web.SupplyChain;

/// <summary>
/// What an organisation's chain looks like (the facilities it sees and lists, their rows) kept in memory
/// between requests, because working it out for a portfolio of 20,000 facilities takes most of a page's
/// time. Each picture is kept under the chain's <see cref="ChangeStamp"/> version: a change to a facility,
/// a link, a union presence, a fact or a share gives the chain a new version in its own transaction, so
/// no picture outlives a change it does not show, and a revoked link takes its rights with it at once,
/// on every node. The pictures are shared between requests: nothing may change what it gets from here.
/// </summary>
public sealed class ChainSnapshots : IDisposable
{
    public const string Area = "supply-chain";

    /// <summary>The tables whose every change gives the chain a new version.</summary>
    public static readonly Type[] Tables = [typeof(Facility), typeof(SupplyLink), typeof(UnionPresence), typeof(FoaFact), typeof(FoaShare)];

    // Counted in facilities, so a node keeps at most this many rows of pictures whatever the portfolios' sizes.
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 1_000_000 });

    /// <summary>The list <paramref name="kind"/> for the organisation at the chain's current version, made by <paramref name="make"/> when there is none.</summary>
    public Task<IReadOnlyList<T>> GetAsync<T>(string kind, Guid organisationId, ChangeStamps stamps, Func<Task<IReadOnlyList<T>>> make, CancellationToken ct) =>
        GetAsync(kind, organisationId, stamps, make, list => list.Count, ct);

    /// <summary>The picture <paramref name="kind"/> for the organisation at the chain's current version, made by <paramref name="make"/> when there is none; <paramref name="size"/> counts its facilities.</summary>
    public async Task<T> GetAsync<T>(string kind, Guid organisationId, ChangeStamps stamps, Func<Task<T>> make, Func<T, int> size, CancellationToken ct)
        where T : class
    {
        // The version is read before the picture is made: a change committing meanwhile is then kept at
        // the old version, which no later request asks for.
        var version = await stamps.VersionAsync(Area, ct);
        if (version == Guid.Empty)
        {
            return await make();
        }

        // One picture per organisation and kind: a new version replaces the old, which no one asks for again.
        var key = (kind, organisationId);
        if (cache.TryGetValue(key, out Picture? known) && known is not null && known.Version == version)
        {
            try
            {
                // Requests arriving while the picture is being made wait for it rather than make it again.
                return (T)await known.Making;
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                // The request that was making it gave up or failed; this one makes it itself.
            }
        }

        var making = Typed(make());
        var picture = new Picture(version, making);
        cache.Set(key, picture, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
        var made = (T)await making;
        // Now that its size is known, the picture is counted for what it holds (unless a newer one replaced it meanwhile).
        if (cache.TryGetValue(key, out Picture? current) && ReferenceEquals(current, picture))
        {
            cache.Set(key, picture, new MemoryCacheEntryOptions { Size = Math.Max(1, size(made)), SlidingExpiration = TimeSpan.FromMinutes(10) });
        }

        return made;
    }

    private static async Task<object> Typed<T>(Task<T> task) where T : class => await task;

    private sealed record Picture(Guid Version, Task<object> Making);

    public void Dispose() => cache.Dispose();
}

/// <summary>The chain's stamp row, there from the migration on, so no first change has to create it.</summary>
internal sealed class ChainStampSeed : IEntityTypeConfiguration<ChangeStamp>
{
    public void Configure(EntityTypeBuilder<ChangeStamp> builder) =>
        builder.HasData(new ChangeStamp { Area = ChainSnapshots.Area, Version = new Guid("5c0ffee0-0000-4000-8000-000000000001") });
}
