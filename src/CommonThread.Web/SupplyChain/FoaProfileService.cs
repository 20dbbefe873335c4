using CommonThread.Data;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.Platform.Data;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Text;
using CommonThread.Web.Platform.Values;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.SupplyChain;

/// <summary>Freedom-of-association profiles: who may read them, who may add facts, and what the current picture is.</summary>
public sealed class FoaProfileService(AppDbContext db, SupplyChainService chain, UnionPresences unions, AuditLog audit, TimeProvider clock,
    ChainSnapshots snapshots, ChangeStamps stamps)
{
    public async Task<FoaProfileDto> ProfileAsync(OrganisationAccess access, Guid facilityId, CancellationToken ct) =>
        await ProfileAsync(access, await chain.FindListedAsync(access.Organisation.Id, facilityId, ct), ct);

    /// <summary>The profile as this organisation may read it, for a facility it has been found to see.</summary>
    public async Task<FoaProfileDto> ProfileAsync(OrganisationAccess access, VisibleFacility visible, CancellationToken ct)
    {
        var facilityId = visible.Facility.Id;
        var all = await db.Set<FoaFact>().AsNoTracking().Where(f => f.FacilityId == facilityId).ToListAsync(ct);
        var readable = await ReadableAsync(access.Organisation.Id, [visible], all, ct);
        var facts = NewestFirst(all.Where(readable)).ToList();
        var current = Current(facts);
        var readsContacts = await unions.IsVerifiedAsync(access.Organisation.Id, facilityId, ct);
        FoaFactDto Dto(FoaFact f)
        {
            var mayRead = readsContacts || f.RecordedByOrganisationId == access.Organisation.Id;
            return new(f.Id, f.Kind, f.Source, f.ObservedOn, f.Present, f.Name, f.Federation, f.NationalCentre, f.GlobalFederation, f.Members,
                f.RecognisedByManagement, f.Elected, f.Since, f.Expires, f.CoveredWorkers, mayRead ? f.Contact : null, !mayRead && f.Contact is not null);
        }

        var sharers = await (from share in db.Set<FoaShare>()
                             join o in db.Set<Organisation>() on share.SharedByOrganisationId equals o.Id
                             where share.FacilityId == facilityId && share.WithdrawnAt == null
                             select new { o.Id, o.Name }).ToListAsync(ct);
        return new(facilityId, Has(current, FoaFactKind.Union), Has(current, FoaFactKind.WorkerCommittee), Has(current, FoaFactKind.CollectiveAgreement),
            current.Select(Dto).ToList(), facts.Select(Dto).ToList(),
            sharers.Any(s => s.Id == access.Organisation.Id),
            visible.Tier is null || !visible.Confirmed ? [] : sharers.Where(s => s.Id != access.Organisation.Id).Select(s => s.Name).Order().ToList());
    }

    /// <summary>
    /// Which facts an organisation reads, at facilities it sees through a confirmed relationship. Its own;
    /// what the operator declared and what unions reported, which every such party reads; everything,
    /// for the operator and for a union whose presence was verified; and another buyer's audits and
    /// interviews only where that buyer shares them and the reader's confirmed chain reaches the facility too.
    /// </summary>
    private async Task<Func<FoaFact, bool>> ReadableAsync(Guid organisationId, IReadOnlyCollection<VisibleFacility> facilities, IReadOnlyCollection<FoaFact> facts, CancellationToken ct)
    {
        var operated = facilities.Where(v => v.Operated).Select(v => v.Facility.Id).ToHashSet();
        var confirmed = facilities.Where(v => v.Confirmed).Select(v => v.Facility.Id).ToHashSet();
        var inChain = facilities.Where(v => v.Tier is not null && v.Confirmed).Select(v => v.Facility.Id).ToHashSet();
        var ids = facilities.Select(v => v.Facility.Id).ToHashSet();
        // A union's verified presences are few: fetched whole, rather than sending every listed facility's id along.
        var unionAt = (await unions.FacilitiesWhereVerified(organisationId).ToListAsync(ct)).Where(ids.Contains).ToHashSet();
        bool ReadableWithoutShare(FoaFact f) => f.RecordedByOrganisationId == organisationId
            || (f.Source is FactSource.SelfDeclared or FactSource.Union && confirmed.Contains(f.FacilityId))
            || operated.Contains(f.FacilityId)
            || unionAt.Contains(f.FacilityId);
        // Shares are asked for only where a fact would need one: another buyer's audits in the chain, usually few.
        var needShare = facts.Where(f => !ReadableWithoutShare(f) && inChain.Contains(f.FacilityId)).Select(f => f.FacilityId).Distinct().ToList();
        var shares = needShare.Count == 0 ? new HashSet<(Guid, Guid)>() : (await db.Set<FoaShare>().AsNoTracking().Where(s => s.WithdrawnAt == null && needShare.Contains(s.FacilityId))
            .Select(s => new { s.FacilityId, s.SharedByOrganisationId }).ToListAsync(ct))
            .Select(s => (s.FacilityId, s.SharedByOrganisationId)).ToHashSet();
        return f => ReadableWithoutShare(f) || shares.Contains((f.FacilityId, f.RecordedByOrganisationId));
    }

    /// <summary>Every facility the organisation sees, with whether workers there have a union, a committee, a CBA; and counts by country and tier.</summary>
    public async Task<FoaSummaryDto> SummaryAsync(OrganisationAccess access, CancellationToken ct) =>
        FoaSummaryDto.Of(await ListedRowsAsync(access, ct));

    /// <summary>The facilities the organisation lists, narrowed and ordered by <paramref name="query"/>.</summary>
    public async Task<FacilityListing> ListingAsync(OrganisationAccess access, FacilityQuery query, CancellationToken ct)
    {
        var selection = query.Parse();
        return new(await ListedRowsAsync(access, ct), selection);
    }

    /// <summary>A row for every facility the organisation lists (<see cref="SupplyChainService.ListedAsync"/>), in that order.</summary>
    public Task<IReadOnlyList<FoaSummaryRow>> ListedRowsAsync(OrganisationAccess access, CancellationToken ct) =>
        snapshots.GetAsync("rows", access.Organisation.Id, stamps, async () => await RowsAsync(access, await chain.ListedAsync(access.Organisation.Id, ct), ct), ct);

    private async Task<IReadOnlyList<FoaSummaryRow>> RowsAsync(OrganisationAccess access, IReadOnlyList<VisibleFacility> visible, CancellationToken ct)
    {
        var ids = visible.Select(v => v.Facility.Id).ToList();
        // A join on the ids (unnest / json_each) rather than "= ANY(ids)": PostgreSQL may test ANY against a
        // parameter array one element at a time, which for a portfolio of 20,000 facilities dominated the page.
        var all = await (from f in db.Set<FoaFact>().AsNoTracking() join id in ids on f.FacilityId equals id select f).ToListAsync(ct);
        var readable = await ReadableAsync(access.Organisation.Id, visible, all, ct);
        // The current picture only where there are facts to read: most facilities of a big portfolio have none.
        var flags = all.Where(readable).GroupBy(f => f.FacilityId).ToDictionary(g => g.Key, g =>
        {
            var current = Current(NewestFirst(g));
            return (Union: Has(current, FoaFactKind.Union), Committee: Has(current, FoaFactKind.WorkerCommittee), Cba: Has(current, FoaFactKind.CollectiveAgreement));
        });
        var rows = new List<FoaSummaryRow>(visible.Count);
        foreach (var v in visible)
        {
            var f = v.Facility;
            var (union, committee, cba) = flags.GetValueOrDefault(f.Id);
            rows.Add(new FoaSummaryRow(f.Id, f.Name, f.Address, f.CountryCode, f.OsId, v.Tier, v.Operated, union, committee, cba,
                f.WorkersWomen, f.WorkersMen, f.WorkersTotal, f.Latitude, f.Longitude, v.Claim));
        }

        return rows;
    }

    /// <summary>Lets the other buyers of the facility read the facts this organisation recorded there; saying it twice changes nothing.</summary>
    public async Task<FoaProfileDto> ShareAsync(OrganisationAccess access, Guid facilityId, bool share, CancellationToken ct)
    {
        access.Require(MemberRole.Editor);
        var visible = await chain.FindVisibleAsync(access.Organisation.Id, facilityId, ct);
        if (visible.Tier is null)
        {
            throw new RuleViolation("facility", "Only an organisation that buys from the facility shares with its other buyers.", StatusCodes.Status403Forbidden);
        }

        var active = await db.Set<FoaShare>().FirstOrDefaultAsync(s => s.FacilityId == facilityId && s.SharedByOrganisationId == access.Organisation.Id && s.WithdrawnAt == null, ct);
        if (share && active is null)
        {
            db.Add(new FoaShare { FacilityId = facilityId, SharedByOrganisationId = access.Organisation.Id, SharedAt = clock.GetUtcNow() });
            audit.Record(access.Organisation.Id, "foa.shared", $"FoA facts at '{visible.Facility.Name}' shared with its other buyers");
        }
        else if (!share && active is not null)
        {
            active.WithdrawnAt = clock.GetUtcNow();
            audit.Record(access.Organisation.Id, "foa.share-withdrawn", $"FoA facts at '{visible.Facility.Name}' no longer shared");
        }

        await db.SaveChangesAsync(ct);
        return await ProfileAsync(access, visible, ct);
    }

    internal static IEnumerable<FoaFact> NewestFirst(IEnumerable<FoaFact> facts) =>
        facts.OrderByDescending(f => f.ObservedOn).ThenByDescending(f => f.RecordedAt);

    /// <summary>The newest fact about each thing (kind and name); the input must be newest first.</summary>
    internal static List<FoaFact> Current(IEnumerable<FoaFact> newestFirst) =>
        newestFirst.GroupBy(f => (f.Kind, Key: f.Name.Trim().ToLowerInvariant())).Select(g => g.First()).ToList();

    private static bool Has(IEnumerable<FoaFact> current, FoaFactKind kind) => current.Any(f => f.Kind == kind && f.Present);

    /// <summary>
    /// Adds a fact and returns it with the profile as it now reads. Anyone who sees the facility may
    /// report what an audit or interview found; only the facility's operator declares for itself,
    /// and only a union reports as a union. A fact is a finding: naming a union (or saying none is
    /// there) never gives or takes a union's rights, which come from its verified presence alone.
    /// </summary>
    public async Task<(FoaFact Fact, FoaProfileDto Profile)> RecordAsync(OrganisationAccess access, Guid facilityId, FoaFactInput input, CancellationToken ct)
    {
        access.Require(MemberRole.Editor);
        // An organisation records its own findings about a facility it only claims; nobody else reads them but those it shares with once confirmed.
        var visible = await chain.FindListedAsync(access.Organisation.Id, facilityId, ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Plausible.Day.Require(input.ObservedOn, "observedOn");
        Plausible.Day.Require(input.Since, "since");
        Plausible.Day.Require(input.Expires, "expires");
        Plausible.Headcount.Require(input.Members, "members");
        Plausible.Headcount.Require(input.CoveredWorkers, "coveredWorkers");
        if (input.ObservedOn > today)
        {
            throw new RuleViolation("observedOn", "A fact cannot be observed in the future.");
        }

        if (input.Source == FactSource.SelfDeclared && !visible.Operated)
        {
            throw new RuleViolation("source", "Only the organisation that runs the facility declares for itself.", StatusCodes.Status403Forbidden);
        }

        if (input.Source == FactSource.Union && access.Organisation.Kind != OrganisationKind.Union)
        {
            throw new RuleViolation("source", "Only a union reports with the source Union.", StatusCodes.Status403Forbidden);
        }

        if (input is { Since: { } since, Expires: { } expires } && expires < since)
        {
            throw new RuleViolation("expires", "An agreement cannot expire before it starts.");
        }

        if (input.UnionOrganisationId is { } unionId
            && !await db.Set<Organisation>().AnyAsync(o => o.Id == unionId && o.Kind == OrganisationKind.Union, ct))
        {
            throw new RuleViolation("unionOrganisationId", "No union organisation has this id.");
        }

        var fact = new FoaFact
        {
            FacilityId = facilityId, Kind = input.Kind!.Value, Source = input.Source!.Value, ObservedOn = input.ObservedOn!.Value, Present = input.Present,
            Name = input.Name.Trim(), Federation = TextInput.OrNull(input.Federation), NationalCentre = TextInput.OrNull(input.NationalCentre), GlobalFederation = TextInput.OrNull(input.GlobalFederation),
            Members = input.Members, RecognisedByManagement = input.RecognisedByManagement, Elected = input.Elected, Since = input.Since, Expires = input.Expires,
            CoveredWorkers = input.CoveredWorkers, Contact = TextInput.OrNull(input.Contact), UnionOrganisationId = input.UnionOrganisationId,
            RecordedByOrganisationId = access.Organisation.Id, RecordedAt = clock.GetUtcNow(),
        };
        db.Add(fact);
        // The audit entry names the fact, never a representative's contact.
        audit.Record(access.Organisation.Id, "foa.recorded", $"{fact.Kind} '{fact.Name}' ({(fact.Present ? "present" : "absent")}, {fact.Source}, {fact.ObservedOn:yyyy-MM-dd}) at '{visible.Facility.Name}'");
        await db.SaveChangesAsync(ct);
        return (fact, await ProfileAsync(access, visible, ct));
    }

    /// <summary>
    /// Adds facts to the caller's unit of work, saved with the record they came from (a questionnaire's answer, which
    /// the operator declares; a collective agreement in the register, from its employer or a union verified there):
    /// the caller has checked that the recorder may speak with <paramref name="source"/>.
    /// </summary>
    public void AddFrom(FactSource source, Guid facilityId, Guid recordedBy, IEnumerable<FoaFactInput> facts, DateTimeOffset now) =>
        db.AddRange(facts.Select(input => new FoaFact
        {
            FacilityId = facilityId, Kind = input.Kind!.Value, Source = source, ObservedOn = input.ObservedOn!.Value, Present = input.Present,
            Name = input.Name, Federation = input.Federation, Members = input.Members, RecognisedByManagement = input.RecognisedByManagement,
            Elected = input.Elected, Since = input.Since, Expires = input.Expires, CoveredWorkers = input.CoveredWorkers,
            UnionOrganisationId = input.UnionOrganisationId, RecordedByOrganisationId = recordedBy, RecordedAt = now,
        }));
}
