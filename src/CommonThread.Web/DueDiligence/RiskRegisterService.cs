using CommonThread.Data;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Geography;
using CommonThread.Web.Platform.Localization;
using CommonThread.Web.Platform.Text;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommonThread.Web.DueDiligence;

public sealed record CommentRow(string Organisation, string Text, DateTimeOffset At);

/// <summary>An impact as a register lists it: its place, what put it there, whose it is, and the remarks on it.</summary>
public sealed record RegisterRow(AdverseImpact Impact, int Rank, Phrase? Reason, string Owner, bool Mine, string? Facility, IReadOnlyList<CommentRow> Comments);

/// <summary>
/// The risk register (identify and assess, OECD step 2). Rights, all from confirmed relationships: an
/// organisation keeps its own register and alone assesses what is in it; a facility an impact names must
/// be one it sees through a confirmed link, its operation or a verified union presence, never a claim. A
/// union verified at a facility reads the impacts others' registers hold on that facility and comments on
/// them; the impacts it raises itself are offered to the buyers whose confirmed chains reach the facility.
/// Nobody else — a competing brand, the facility's operator, an unlinked union — learns that an impact exists.
/// </summary>
public sealed class RiskRegisterService(AppDbContext db, SupplyChainService chain, ImpactProposals proposals, AuditLog audit, TimeProvider clock)
{
    public static bool KeepsRegister(OrganisationKind kind) => kind is OrganisationKind.Brand or OrganisationKind.Supplier or OrganisationKind.Union;

    /// <summary>The organisation's register in priority order, then (for a union) the impacts others hold on the facilities where it is verified.</summary>
    public async Task<IReadOnlyList<RegisterRow>> ListAsync(OrganisationAccess access, CancellationToken ct)
    {
        Require(access);
        var me = access.Organisation.Id;
        var own = ImpactPriority.Order(await db.Set<AdverseImpact>().AsNoTracking().Where(i => i.OwnerOrganisationId == me).ToListAsync(ct));
        var others = access.Organisation.Kind == OrganisationKind.Union ? await OthersAtMyFacilitiesAsync(access, ct) : [];
        return await RowsAsync(access, own, others, ct);
    }

    public async Task<RegisterRow> FindAsync(OrganisationAccess access, Guid impactId, CancellationToken ct) =>
        (await ListAsync(access, ct)).FirstOrDefault(r => r.Impact.Id == impactId) ?? throw RuleViolation.NotFound("impact");

    public async Task<IReadOnlyList<ImpactProposal>> ProposalsAsync(OrganisationAccess access, CancellationToken ct)
    {
        Require(access);
        return await proposals.ForAsync(access, await TakenAsync(access.Organisation.Id, ct), ct);
    }

    public async Task<AdverseImpact> RaiseAsync(OrganisationAccess access, ImpactInput input, CancellationToken ct)
    {
        Require(access).Require(MemberRole.Editor);
        var title = TextInput.OrNull(input.Title) ?? throw new RuleViolation("title", "Give the impact a title.");
        var (facility, country) = await WhereAsync(access, input.FacilityId, input.Country, ct);
        var impact = new AdverseImpact
        {
            OwnerOrganisationId = access.Organisation.Id, FacilityId = facility?.Id, CountryCode = country,
            Issue = input.Issue ?? throw new RuleViolation("issue", "Choose the issue."), Nature = input.Nature ?? throw new RuleViolation("nature", "Say whether the impact is potential or actual."),
            Title = title, Description = TextInput.OrNull(input.Description), Source = ImpactSource.Manual, Status = ImpactStatus.Open,
            RaisedAt = clock.GetUtcNow(), AssessedAt = clock.GetUtcNow(),
        };
        Assess(impact, input.Scale, input.Scope, input.Irremediability, input.Likelihood);
        db.Add(impact);
        audit.Record(access.Organisation.Id, "risk.raised", $"impact {impact.Title} ({impact.Issue}) raised");
        await db.SaveChangesAsync(ct);
        return impact;
    }

    /// <summary>
    /// Takes a proposal into the register with its figures; the evidence it came from is kept with it. Without
    /// a title of the member's own, the impact is named by its issue and place in the member's language.
    /// </summary>
    public async Task<AdverseImpact> AcceptAsync(OrganisationAccess access, ProposalAcceptInput input, IStringLocalizer text, CancellationToken ct)
    {
        Require(access).Require(MemberRole.Editor);
        var proposal = (await ProposalsAsync(access, ct)).FirstOrDefault(p => p.Key == input.Key)
            ?? throw new RuleViolation("key", "There is no such proposal, or it is in the register already.", StatusCodes.Status404NotFound);
        var impact = new AdverseImpact
        {
            OwnerOrganisationId = access.Organisation.Id, FacilityId = proposal.FacilityId, CountryCode = proposal.CountryCode, Issue = proposal.Issue,
            Nature = proposal.Nature, Title = TextInput.OrNull(input.Title) ?? Title(proposal, text)[..Math.Min(AdverseImpact.TitleMaxLength, Title(proposal, text).Length)], Source = proposal.Source, EvidenceKey = proposal.Key, Evidence = proposal.Evidence.English,
            EvidenceTemplate = proposal.Evidence.Template, EvidenceArguments = proposal.Evidence.ArgumentsJson, Scale = proposal.Scale, Scope = proposal.Scope,
            Irremediability = proposal.Irremediability, Likelihood = proposal.Likelihood, Status = ImpactStatus.Open, RaisedAt = clock.GetUtcNow(), AssessedAt = clock.GetUtcNow(),
        };
        db.Add(impact);
        audit.Record(access.Organisation.Id, "risk.accepted", $"impact {impact.Title} accepted from {proposal.Source}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            throw RuleViolation.Conflict("key", "This proposal is in the register already.");
        }

        return impact;
    }

    public async Task<AdverseImpact> AssessAsync(OrganisationAccess access, Guid impactId, ImpactAssessmentInput input, CancellationToken ct)
    {
        Require(access).Require(MemberRole.Editor);
        var impact = await db.Set<AdverseImpact>().FirstOrDefaultAsync(i => i.Id == impactId && i.OwnerOrganisationId == access.Organisation.Id, ct)
            ?? (await FindAsync(access, impactId, ct) is not null
                ? throw new RuleViolation("impact", "Only the organisation whose register holds the impact assesses it; you may comment.", StatusCodes.Status403Forbidden)
                : throw RuleViolation.NotFound("impact"));
        impact.Nature = input.Nature ?? throw new RuleViolation("nature", "Say whether the impact is potential or actual.");
        impact.Status = input.Status ?? throw new RuleViolation("status", "Choose the status.");
        Assess(impact, input.Scale, input.Scope, input.Irremediability, input.Likelihood);
        impact.AssessedAt = clock.GetUtcNow();
        audit.Record(access.Organisation.Id, "risk.assessed", $"impact {impact.Title} assessed: severity {ImpactPriority.Severity(impact)}, likelihood {impact.Likelihood}, {impact.Status}");
        await db.SaveChangesAsync(ct);
        return impact;
    }

    public async Task CommentAsync(OrganisationAccess access, Guid impactId, ImpactCommentInput input, CancellationToken ct)
    {
        Require(access).Require(MemberRole.Editor);
        var row = await FindAsync(access, impactId, ct);
        var text = CommentText.Require(input.Text, ImpactComment.TextMaxLength);
        db.Add(new ImpactComment { ImpactId = row.Impact.Id, OrganisationId = access.Organisation.Id, Text = text, At = clock.GetUtcNow() });
        audit.Record(access.Organisation.Id, "risk.commented", $"comment on impact {row.Impact.Title}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The organisation, when its kind keeps a register; otherwise the refusal every due-diligence service gives.</summary>
    public static OrganisationAccess Require(OrganisationAccess access) =>
        KeepsRegister(access.Organisation.Kind) ? access
        : throw new RuleViolation("organisation", "Only a brand, a supplier or a union keeps a risk register.", StatusCodes.Status403Forbidden);

    private static void Assess(AdverseImpact impact, int? scale, int? scope, int? irremediability, int? likelihood)
    {
        impact.Scale = Figure(scale, "scale");
        impact.Scope = Figure(scope, "scope");
        impact.Irremediability = Figure(irremediability, "irremediability");
        impact.Likelihood = Figure(likelihood, "likelihood");
    }

    private static int Figure(int? value, string field) =>
        value is >= 1 and <= 5 ? value.Value : throw new RuleViolation(field, "A figure from 1 to 5 is required.");

    /// <summary>A facility the organisation sees through a confirmed relationship (its country then), or a country for a country-wide impact.</summary>
    private async Task<(Facility? Facility, string Country)> WhereAsync(OrganisationAccess access, Guid? facilityId, string? country, CancellationToken ct)
    {
        if (facilityId is { } id)
        {
            var visible = (await chain.VisibleAsync(access.Organisation.Id, ct)).FirstOrDefault(v => v.Facility.Id == id && v.Confirmed)
                ?? throw RuleViolation.NotFound("facility").For("facilityId");
            return (visible.Facility, visible.Facility.CountryCode);
        }

        if (access.Organisation.Kind == OrganisationKind.Union)
        {
            throw new RuleViolation("facilityId", "A union raises an impact at a facility where its presence is verified.");
        }

        return (null, Countries.Require(country));
    }

    private async Task<IReadOnlySet<string>> TakenAsync(Guid organisationId, CancellationToken ct) =>
        (await db.Set<AdverseImpact>().Where(i => i.OwnerOrganisationId == organisationId && i.EvidenceKey != null).Select(i => i.EvidenceKey!).ToListAsync(ct)).ToHashSet();

    private async Task<List<AdverseImpact>> OthersAtMyFacilitiesAsync(OrganisationAccess access, CancellationToken ct)
    {
        var facilities = (await chain.VisibleAsync(access.Organisation.Id, ct)).Where(v => v.Confirmed).Select(v => v.Facility.Id).ToList();
        var others = await db.Set<AdverseImpact>().AsNoTracking()
            .Where(i => i.OwnerOrganisationId != access.Organisation.Id && i.FacilityId != null && facilities.Contains(i.FacilityId.Value)).ToListAsync(ct);
        return [.. ImpactPriority.Order(others)];
    }

    private async Task<IReadOnlyList<RegisterRow>> RowsAsync(OrganisationAccess access, IReadOnlyList<AdverseImpact> own, IReadOnlyList<AdverseImpact> others, CancellationToken ct)
    {
        var all = own.Concat(others).ToList();
        var ids = all.Select(i => i.Id).ToList();
        var comments = await (from c in db.Set<ImpactComment>()
                              join o in db.Set<Organisation>() on c.OrganisationId equals o.Id
                              where ids.Contains(c.ImpactId)
                              select new { c.ImpactId, o.Name, c.Text, c.At }).AsNoTracking().ToListAsync(ct);
        var owners = all.Select(i => i.OwnerOrganisationId).Distinct().ToList();
        var ownerNames = await db.Set<Organisation>().Where(o => owners.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var facilityIds = all.Where(i => i.FacilityId != null).Select(i => i.FacilityId!.Value).Distinct().ToList();
        var facilityNames = await db.Set<Facility>().Where(f => facilityIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, ct);
        RegisterRow Row(AdverseImpact i, int rank, AdverseImpact? next) => new(i, rank, ImpactPriority.Reason(i, next), ownerNames.GetValueOrDefault(i.OwnerOrganisationId, ""),
            i.OwnerOrganisationId == access.Organisation.Id, i.FacilityId is { } f ? facilityNames.GetValueOrDefault(f) : null,
            comments.Where(c => c.ImpactId == i.Id).OrderBy(c => c.At).Select(c => new CommentRow(c.Name, c.Text, c.At)).ToList());
        return own.Select((i, n) => Row(i, n + 1, n + 1 < own.Count ? own[n + 1] : null))
            .Concat(others.Select((i, n) => Row(i, 0, null))).ToList();
    }

    private static string Title(ImpactProposal p, IStringLocalizer text) => $"{text.Label(p.Issue)} · {p.Facility ?? Countries.NameOf(p.CountryCode)}";
}
