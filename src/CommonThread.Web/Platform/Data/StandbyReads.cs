using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommonThread.Web.Platform.Data;

/// <summary>
/// Endpoint metadata: the endpoint only reads, and what it reads may be a moment old (a report, an export, a
/// statistic), so its database work may go to a standby (<see cref="DatabaseOptions.StandbyConnectionString"/>)
/// and leave the primary to the writes. Its database context refuses to save, on every provider, so an endpoint
/// that starts writing is caught by the tests before a standby refuses it in production.
/// </summary>
public sealed class StandbyReads
{
    public static readonly StandbyReads Marker = new();

    private StandbyReads()
    {
    }

    public static bool AppliesTo(HttpContext? http) => http?.GetEndpoint()?.Metadata.GetMetadata<StandbyReads>() is not null;

    /// <summary>Thrown on save: reaching it is a programming error (the endpoint should not be marked).</summary>
    internal sealed class Guard : SaveChangesInterceptor
    {
        public static readonly Guard Instance = new();

        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
            throw Refusal();

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default) => throw Refusal();

        private static InvalidOperationException Refusal() =>
            new("This endpoint reads from the standby (ReadsFromStandby) and must not write.");
    }
}

public static class StandbyReadsEndpoints
{
    /// <summary>Marks endpoints whose reads may be served by the standby; see <see cref="StandbyReads"/>.</summary>
    public static TBuilder ReadsFromStandby<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(StandbyReads.Marker);
}
