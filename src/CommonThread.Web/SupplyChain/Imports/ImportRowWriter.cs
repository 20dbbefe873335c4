using CommonThread.Data;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.SupplyChain.Imports;

public enum LinkOutcome
{
    Created,
    Updated,
    Unchanged,
}

/// <summary>
/// Writes checked rows into one organisation's chain: a new facility when nothing matched, the
/// organisation's link to the facility, and the FoA facts the row states. Writing the same row twice
/// changes nothing the second time: an open link is updated only where the row differs, and a fact
/// is recorded only when it differs from the organisation's own newest fact about the same thing.
/// Used by the background import (many rows) and by a review decision (one row).
/// </summary>
public sealed class ImportRowWriter
{
    private readonly AppDbContext db;
    private readonly Guid organisationId;
    private readonly DateOnly today;
    private readonly DateTimeOffset now;
    private readonly Dictionary<Guid, SupplyLink> openLinks;
    private readonly Dictionary<(Guid Facility, FoaFactKind Kind, string Name), FoaFact> ownNewestFacts;

    private ImportRowWriter(AppDbContext db, Guid organisationId, DateOnly today, DateTimeOffset now,
        Dictionary<Guid, SupplyLink> openLinks, Dictionary<(Guid, FoaFactKind, string), FoaFact> ownNewestFacts)
    {
        (this.db, this.organisationId, this.today, this.now, this.openLinks, this.ownNewestFacts) = (db, organisationId, today, now, openLinks, ownNewestFacts);
    }

    /// <summary>Loads the organisation's open links and its own FoA facts, tracked so changes save with the rest.</summary>
    public static async Task<ImportRowWriter> LoadAsync(AppDbContext db, Guid organisationId, DateTimeOffset now, CancellationToken ct)
    {
        var links = await db.Set<SupplyLink>().Where(l => l.BuyerOrganisationId == organisationId && l.EndDate == null).ToListAsync(ct);
        var facts = await db.Set<FoaFact>().AsNoTracking().Where(f => f.RecordedByOrganisationId == organisationId).ToListAsync(ct);
        var newest = FoaProfileService.NewestFirst(facts)
            .GroupBy(f => (f.FacilityId, f.Kind, FactKey(f.Name)))
            .ToDictionary(g => g.Key, g => g.First());
        return new(db, organisationId, DateOnly.FromDateTime(now.UtcDateTime), now,
            links.GroupBy(l => l.FacilityId).ToDictionary(g => g.Key, g => g.OrderByDescending(l => l.StartDate).First()), newest);
    }

    private readonly List<Guid> createdFacilityIds = [];

    /// <summary>Facilities this writer made a new link to: their operators are asked to confirm.</summary>
    public IReadOnlyCollection<Guid> CreatedFacilityIds => createdFacilityIds;

    public Facility NewFacility(ImportRow row, Guid id)
    {
        var facility = new Facility
        {
            Id = id, OperatorOrganisationId = null, Name = row.Name, Address = row.Address, CountryCode = row.CountryCode, OsId = row.OsId,
            Latitude = row.Latitude, Longitude = row.Longitude, Sector = row.Sector, ProductTypes = row.ProductTypes, ProcessingTypes = row.ProcessingTypes,
            WorkersTotal = row.WorkersTotal, WorkersWomen = row.WorkersWomen, WorkersMen = row.WorkersMen, ParentCompany = row.ParentCompany,
            CreatedAt = now, UpdatedAt = now,
        };
        db.Add(facility);
        return facility;
    }

    /// <summary>Creates or corrects the organisation's link; a new link is a claim that awaits the facility's operator.</summary>
    public LinkOutcome Link(ImportRow row, Guid facilityId, Guid? viaFacilityId, Guid? importId = null)
    {
        if (openLinks.TryGetValue(facilityId, out var link))
        {
            var same = link.Tier == row.Tier && link.ViaFacilityId == viaFacilityId && link.Process == row.Process && link.Product == row.Product
                && link.ShareOfOutputPercent == row.ShareOfOutputPercent && (row.StartDate is null || row.StartDate == link.StartDate);
            if (same)
            {
                return LinkOutcome.Unchanged;
            }

            // A different start date is a new relationship only if the old one ended; an open one is corrected.
            link.Tier = row.Tier;
            link.ViaFacilityId = viaFacilityId;
            link.Process = row.Process;
            link.Product = row.Product;
            link.ShareOfOutputPercent = row.ShareOfOutputPercent;
            link.StartDate = row.StartDate ?? link.StartDate;
            (link.SourceImportId, link.SourceRowNumber) = (importId, row.RowNumber);
            return LinkOutcome.Updated;
        }

        link = new SupplyLink
        {
            BuyerOrganisationId = organisationId, FacilityId = facilityId, Tier = row.Tier, ViaFacilityId = viaFacilityId, Process = row.Process,
            Product = row.Product, StartDate = row.StartDate ?? today, ShareOfOutputPercent = row.ShareOfOutputPercent, CreatedAt = now,
            SourceImportId = importId, SourceRowNumber = row.RowNumber,
        };
        db.Add(link);
        openLinks[facilityId] = link;
        createdFacilityIds.Add(facilityId);
        return LinkOutcome.Created;
    }

    /// <summary>Records the union, committee and agreement the row states; returns how many facts were new.</summary>
    public int RecordFacts(ImportRow row, Guid facilityId)
    {
        if (!row.HasFoaFacts)
        {
            return 0;
        }

        var recorded = 0;
        if (row.UnionName is { } union)
        {
            recorded += Record(row, facilityId, FoaFactKind.Union, union, true, federation: row.UnionFederation, recognised: row.UnionRecognised);
        }

        if (row.WorkerCommitteeElected is { } elected)
        {
            recorded += Record(row, facilityId, FoaFactKind.WorkerCommittee, "Worker committee", true, elected: elected);
        }
        else if (row.WorkerCommitteeAbsent)
        {
            recorded += Record(row, facilityId, FoaFactKind.WorkerCommittee, "Worker committee", false);
        }

        if (row.CollectiveAgreement is { } cba)
        {
            recorded += Record(row, facilityId, FoaFactKind.CollectiveAgreement, "Collective agreement", cba, expires: row.CollectiveAgreementExpires);
        }

        return recorded;
    }

    private int Record(ImportRow row, Guid facilityId, FoaFactKind kind, string name, bool present,
        string? federation = null, bool? recognised = null, bool? elected = null, DateOnly? expires = null)
    {
        var key = (facilityId, kind, FactKey(name));
        if (ownNewestFacts.TryGetValue(key, out var newest) && newest.Present == present && newest.Federation == federation
            && newest.RecognisedByManagement == recognised && newest.Elected == elected && newest.Expires == expires)
        {
            return 0;
        }

        var fact = new FoaFact
        {
            FacilityId = facilityId, Kind = kind, Source = row.FoaSource, ObservedOn = row.FoaObservedOn ?? today, Present = present, Name = name,
            Federation = federation, RecognisedByManagement = recognised, Elected = elected, Expires = expires,
            RecordedByOrganisationId = organisationId, RecordedAt = now,
        };
        db.Add(fact);
        ownNewestFacts[key] = fact;
        return 1;
    }

    private static string FactKey(string name) => name.Trim().ToLowerInvariant();
}
