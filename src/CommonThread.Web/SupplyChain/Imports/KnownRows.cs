using System.Text.Json;
using CommonThread.Data;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.SupplyChain.Imports;

/// <summary>How an earlier import of the organisation settled a row: on a facility, or still waiting for review in that import.</summary>
public sealed record KnownRow(Guid? FacilityId, Guid? AwaitingReviewInImportId);

/// <summary>
/// What the organisation's earlier imports settled, so that a row imported again follows it instead of
/// being matched afresh: the registry has grown since, and the matcher could now answer otherwise
/// (a row once sent to review could now look new, or a facility once made could now look ambiguous).
/// A row still waiting for review stays one item in the queue; a decided row goes where the person
/// said; a row with the folded name, address and country of a facility the organisation links to goes
/// to that facility. A row is recognised by that folded key, or by its OS ID.
/// </summary>
public sealed class KnownRows
{
    private readonly Dictionary<string, KnownRow> byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KnownRow> byOsId = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<Guid> linkedFacilities = [];

    public static async Task<KnownRows> LoadAsync(AppDbContext db, Guid organisationId, CancellationToken ct)
    {
        var known = new KnownRows();
        var linked = await (from l in db.Set<SupplyLink>()
                            join f in db.Set<Facility>() on l.FacilityId equals f.Id
                            where l.BuyerOrganisationId == organisationId && l.EndDate == null
                            select new { f.Id, f.Name, f.Address, f.CountryCode }).AsNoTracking().ToListAsync(ct);
        foreach (var f in linked)
        {
            known.linkedFacilities.Add(f.Id);
            known.byKey.TryAdd(FacilityListParser.RowKey(f.CountryCode, f.Name, f.Address), new(f.Id, null));
        }

        var reviews = await db.Set<MatchReview>().AsNoTracking().Where(r => r.OrganisationId == organisationId)
            .Select(r => new { r.RowKey, r.RowJson, r.ImportId, r.Status, r.ResultFacilityId, r.DecidedAt }).ToListAsync(ct);
        // A person's word outranks the folded key: the newest decision first, and a row still waiting above all.
        foreach (var r in reviews.OrderBy(r => r.Status == ReviewStatus.Pending).ThenBy(r => r.DecidedAt))
        {
            var settled = r.Status == ReviewStatus.Pending ? new KnownRow(null, r.ImportId) : new KnownRow(r.ResultFacilityId, null);
            known.byKey[r.RowKey] = settled;
            if (JsonSerializer.Deserialize<ImportRow>(r.RowJson)?.OsId is { } osId)
            {
                known.byOsId[osId] = settled;
            }
        }

        return known;
    }

    /// <summary>How an earlier import settled this row, or null for a row never seen.</summary>
    public KnownRow? Find(ImportRow row) =>
        row.OsId is { } osId && byOsId.TryGetValue(osId, out var byOs) ? byOs : byKey.GetValueOrDefault(FacilityListParser.RowKey(row));

    /// <summary>Whether the organisation linked the facility before this import.</summary>
    public bool Linked(Guid facilityId) => linkedFacilities.Contains(facilityId);
}
