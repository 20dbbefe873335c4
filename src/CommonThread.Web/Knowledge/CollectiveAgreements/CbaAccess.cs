using CommonThread.Data;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Localization;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Knowledge.CollectiveAgreements;

/// <summary>
/// Who reads, records and confirms collective agreements: the register's one policy. Every right here comes from
/// something confirmed (a confirmed supply link, the facility one runs, a union's verified presence, being a confirmed
/// party) or from the agreement being public, never from what another party wrote about the reader.
/// </summary>
public sealed class CbaAccess(AppDbContext db, SupplyChainService chain, UnionPresences unions)
{
    /// <summary>Keep the register of sector and national agreements: the bargaining and registering bodies, and initiatives.</summary>
    public static readonly OrganisationKind[] RegisterKeepers =
        [OrganisationKind.Union, OrganisationKind.Initiative, OrganisationKind.Government, OrganisationKind.EmployerOrganisation];

    /// <summary>Record a company's agreement: the register keepers, and the company itself.</summary>
    public static readonly OrganisationKind[] CompanyRecorders = [.. RegisterKeepers, OrganisationKind.Supplier, OrganisationKind.Intermediary];

    /// <summary>Who may be named as the employers' side on the platform (the workers' side is always a union).</summary>
    public static readonly OrganisationKind[] EmployerSides = [OrganisationKind.Supplier, OrganisationKind.Intermediary, OrganisationKind.EmployerOrganisation];

    public static bool MayRecordAny(OrganisationAccess access) => CompanyRecorders.Contains(access.Organisation.Kind) && access.Allows(MemberRole.Editor);

    /// <summary>The facilities whose agreements the organisation reads: those it sees through a confirmed relationship, never a pending claim.</summary>
    public async Task<IReadOnlyList<Guid>> FacilitiesAsync(Guid organisationId, CancellationToken ct) =>
        [.. (await chain.ListedAsync(organisationId, ct)).Where(v => v.Confirmed).Select(v => v.Facility.Id)];

    /// <summary>The agreements the organisation reads (anyone, without one: the public ones).</summary>
    public async Task<IQueryable<CollectiveAgreement>> ReadableAsync(Guid? organisationId, CancellationToken ct)
    {
        var agreements = db.Set<CollectiveAgreement>().AsNoTracking();
        if (organisationId is not { } me)
        {
            return agreements.Where(a => a.Public);
        }

        var facilities = await FacilitiesAsync(me, ct);
        var parties = db.Set<CbaParty>();
        return agreements.Where(a => a.Public || a.RecordedByOrganisationId == me || parties.Any(p => p.AgreementId == a.Id && p.OrganisationId == me)
            || (a.FacilityId != null && facilities.Contains(a.FacilityId.Value)));
    }

    /// <summary>
    /// Refuses an organisation that may not record an agreement of this level; for a facility's agreement, returns the
    /// facility and the source its FoA fact is recorded with. A facility's agreement is recorded by its employer or by a
    /// union verified there, and made public only by the union: whether a workplace's union and its agreement are
    /// shown to the world is the workers' side's decision.
    /// </summary>
    public async Task<(Facility Facility, FactSource Source)?> RequireMayRecordAsync(OrganisationAccess access, AgreementLevel level, Guid? facilityId, bool isPublic,
        CancellationToken ct)
    {
        access.Require(MemberRole.Editor);
        var kind = access.Organisation.Kind;
        switch (level)
        {
            case AgreementLevel.Sector or AgreementLevel.National:
                access.RequireKind(Phrase.Of("Unions, initiatives, governments and employers' organisations record sector and national agreements."), RegisterKeepers);
                return null;
            case AgreementLevel.Company:
                access.RequireKind(Phrase.Of("A company's agreement is recorded by the company, a union, an initiative, a government or an employers' organisation."), CompanyRecorders);
                return null;
        }

        if (facilityId is not { } id)
        {
            throw new RuleViolation("facilityId", "Choose the facility the agreement covers.");
        }

        // A facility the recorder does not see is not found, as everywhere: its existence is not confirmed to a stranger.
        var visible = await chain.FindListedAsync(access.Organisation.Id, id, ct);
        if (visible.Operated)
        {
            return isPublic
                ? throw new RuleViolation("public", "Only a union that is party to a facility's agreement makes it public.", StatusCodes.Status403Forbidden)
                : (visible.Facility, FactSource.SelfDeclared);
        }

        if (kind == OrganisationKind.Union && await unions.IsVerifiedAsync(access.Organisation.Id, id, ct))
        {
            return (visible.Facility, FactSource.Union);
        }

        throw new RuleViolation("facilityId", "A facility's agreement is recorded by its employer or by a union whose presence there is verified.", StatusCodes.Status403Forbidden);
    }

    /// <summary>Whether a union's confirmation of a facility's agreement is also a fact a union reports there: only where its presence is verified.</summary>
    public Task<bool> SpeaksAtAsync(Guid unionId, Guid facilityId, CancellationToken ct) => unions.IsVerifiedAsync(unionId, facilityId, ct);
}
