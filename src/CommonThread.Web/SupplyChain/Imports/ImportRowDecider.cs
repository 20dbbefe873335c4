using CommonThread.Data;
using CommonThread.Matching;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.SupplyChain.Imports;

/// <summary>What an import does with one row: the preview shows it, the run does it, and the per-row results keep it.</summary>
public enum RowOutcome
{
    /// <summary>Linked to a facility already on the platform (or to one an earlier row of the same file makes).</summary>
    Matched,

    /// <summary>Becomes a new facility.</summary>
    New,

    /// <summary>Waits for a person: the matcher found a facility it may be, but is not sure.</summary>
    Review,

    /// <summary>Settled by an earlier import of the organisation (linked, decided in review, or still waiting there); it follows that.</summary>
    Known,

    /// <summary>Left out: the row has a problem (the parser's message says which).</summary>
    Problem,
}

/// <summary>
/// The decision for one row. <c>FacilityId</c>: the facility it goes to (for Review the candidate; for New the id the
/// new facility gets; null for a row still waiting in an earlier import's review). <c>SameAsRow</c>: the earlier row of
/// this file whose new facility it matched. <c>Match</c>: the matcher's answer, when the matcher was asked.
/// </summary>
public sealed record RowDecision(RowOutcome Outcome, Guid? FacilityId, int? SameAsRow = null, MatchResult? Match = null);

/// <summary>
/// Decides, row by row, what an import does: a row an earlier import settled follows it (see <see cref="KnownRows"/>);
/// every other row is matched against every facility on the platform. A row that becomes a new facility is added to
/// the index at once, so a later variant of it in the same file matches it instead of making a second one. The
/// background run (<see cref="FacilityImportRunner"/>) and the preview (<see cref="ImportPlanner"/>) both decide
/// through this class, so the preview says exactly what the run then does with the same registry.
/// </summary>
public sealed class ImportRowDecider
{
    private readonly FacilityIndex index;
    private readonly FacilityMatcher matcher;
    private readonly KnownRows known;
    private readonly HashSet<Guid> onRegistry;
    private readonly Dictionary<Guid, int> rowOfNewFacility = [];

    private ImportRowDecider(FacilityIndex index, KnownRows known, HashSet<Guid> onRegistry)
    {
        (this.index, matcher, this.known, this.onRegistry) = (index, new FacilityMatcher(index), known, onRegistry);
    }

    /// <summary>Reads every facility on the platform (its registry fields only) and what the organisation's earlier imports settled.</summary>
    public static async Task<ImportRowDecider> LoadAsync(AppDbContext db, Guid organisationId, CancellationToken ct)
    {
        var registry = new List<FacilityRecord>();
        var onRegistry = new HashSet<Guid>();
        await foreach (var f in db.Set<Facility>().AsNoTracking().Select(f => new { f.Id, f.Name, f.Address, f.CountryCode, f.OsId }).AsAsyncEnumerable().WithCancellation(ct))
        {
            registry.Add(new FacilityRecord(f.Id.ToString(), f.Name, f.Address, f.CountryCode, f.OsId));
            onRegistry.Add(f.Id);
        }

        var index = FacilityIndex.Build(registry);
        registry.Clear();
        return new(index, await KnownRows.LoadAsync(db, organisationId, ct), onRegistry);
    }

    public RowDecision Decide(ImportRow row)
    {
        switch (known.Find(row))
        {
            case { AwaitingReviewInImportId: not null }:
                // Already one item in the review queue: the decision there will write it.
                return new(RowOutcome.Known, null);
            case { FacilityId: { } settled } when onRegistry.Contains(settled):
                return new(RowOutcome.Known, settled);
        }

        var match = matcher.Match(new FacilityRecord("", row.Name, row.Address, row.CountryCode, row.OsId));
        switch (match.Decision)
        {
            case MatchDecision.Linked:
                var facilityId = Guid.Parse(match.FacilityId!);
                return new(known.Linked(facilityId) ? RowOutcome.Known : RowOutcome.Matched, facilityId,
                    rowOfNewFacility.TryGetValue(facilityId, out var sameAs) ? sameAs : null, match);
            case MatchDecision.NeedsReview:
                return new(RowOutcome.Review, Guid.Parse(match.FacilityId!), rowOfNewFacility.TryGetValue(Guid.Parse(match.FacilityId!), out var candidateRow) ? candidateRow : null, match);
            default:
                var id = Guid.CreateVersion7();
                // Later rows that are variants of this one now match it instead of making a second facility.
                index.Add(FacilityNormaliser.Normalise(new FacilityRecord(id.ToString(), row.Name, row.Address, row.CountryCode, row.OsId)));
                rowOfNewFacility[id] = row.RowNumber;
                return new(RowOutcome.New, id, null, match);
        }
    }
}
