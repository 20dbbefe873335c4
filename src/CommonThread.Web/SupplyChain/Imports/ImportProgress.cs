using System.Collections.Concurrent;

namespace CommonThread.Web.SupplyChain.Imports;

public sealed record ImportProgressDto(string Phase, int Done, int Total)
{
    public int Percent => Total == 0 ? 0 : (int)(100L * Done / Total);
}

/// <summary>
/// How far running imports have got, kept in memory: the write runs in one transaction, and on SQLite a
/// second connection could not write progress while it is open. After a restart a queued import
/// simply starts again, so nothing is lost with this.
/// </summary>
public sealed class ImportProgress
{
    private readonly ConcurrentDictionary<Guid, ImportProgressDto> running = new();

    public void Report(Guid importId, string phase, int done, int total) => running[importId] = new(phase, done, total);

    public ImportProgressDto? Of(Guid importId) => running.GetValueOrDefault(importId);

    public void Forget(Guid importId) => running.TryRemove(importId, out _);
}

/// <summary>Wakes the import worker when an import is queued, so it starts at once rather than at the next poll.</summary>
public sealed class ImportQueue
{
    private readonly SemaphoreSlim signal = new(0);

    public void Wake() => signal.Release();

    public async Task WaitAsync(TimeSpan poll, CancellationToken ct)
    {
        await signal.WaitAsync(poll, ct);
    }
}
