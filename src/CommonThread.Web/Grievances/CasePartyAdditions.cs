using System.ComponentModel.DataAnnotations;
using CommonThread.Data;
using CommonThread.Web.Notifications;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using CommonThread.Web.Platform.Localization;

namespace CommonThread.Web.Grievances;

public sealed record AddCasePartyInput
{
    [Required]
    public Guid? OrganisationId { get; init; }

    /// <summary>Supplier, Union or Brand: the part it takes, which must fit the kind of organisation it is.</summary>
    [Required]
    public PartyRole? Role { get; init; }
}

/// <summary>
/// A party added to a case after filing. Only the mechanism's operator or the case's mediator adds
/// one, the addition is recorded with who made it and the day, and every party hears of it. Creating
/// a link or claiming presence never adds anyone to an existing case: parties at filing come from
/// confirmed relationships (<see cref="CaseParties"/>), later ones from this deliberate act.
/// </summary>
public sealed class CasePartyAdditions(AppDbContext db, AuditLog audit, CaseNotices notices, TimeProvider clock)
{
    public async Task AddAsync(OrganisationAccess access, Guid caseId, AddCasePartyInput input, CancellationToken ct)
    {
        access.Require(MemberRole.Editor);
        var found = await (from c in db.Set<GrievanceCase>()
                           join m in db.Set<GrievanceMechanism>() on c.MechanismId equals m.Id
                           join p in db.Set<CaseParty>() on c.Id equals p.CaseId
                           where c.Id == caseId && p.OrganisationId == access.Organisation.Id
                           select new { Case = c, Mechanism = m, p.Role }).FirstOrDefaultAsync(ct)
            ?? throw RuleViolation.NotFound("case");
        if (found.Mechanism.OrganisationId != access.Organisation.Id && found.Role != PartyRole.Mediator)
        {
            throw new RuleViolation("case", "Only the mechanism's operator or the mediator adds a party to a case.", StatusCodes.Status403Forbidden);
        }

        var kindFor = new Dictionary<PartyRole, OrganisationKind[]>
        {
            [PartyRole.Supplier] = [OrganisationKind.Supplier, OrganisationKind.Intermediary],
            [PartyRole.Union] = [OrganisationKind.Union],
            [PartyRole.Brand] = [OrganisationKind.Brand],
        };
        if (input.Role is not { } role || !kindFor.TryGetValue(role, out var kinds))
        {
            throw new RuleViolation("role", "A party is added as Supplier, Union or Brand.");
        }

        var organisation = await db.Set<Organisation>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == input.OrganisationId && kinds.Contains(o.Kind), ct)
            ?? throw role switch
            {
                // One sentence per role, so the role is a word of the reader's language rather than a code.
                PartyRole.Supplier => new RuleViolation("organisationId", "No supplier organisation has this id."),
                PartyRole.Union => new RuleViolation("organisationId", "No union organisation has this id."),
                _ => new RuleViolation("organisationId", "No brand organisation has this id."),
            };
        if (await db.Set<CaseParty>().AnyAsync(p => p.CaseId == caseId && p.OrganisationId == organisation.Id, ct))
        {
            throw RuleViolation.Conflict("organisationId", "This organisation is a party to the case already.");
        }

        var party = new CaseParty
        {
            CaseId = caseId, OrganisationId = organisation.Id, Role = role, AddedByOrganisationId = access.Organisation.Id,
            AddedOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
        };
        var others = await db.Set<CaseParty>().Where(p => p.CaseId == caseId).Select(p => p.OrganisationId).ToListAsync(ct);
        db.Add(party);
        audit.Record(access.Organisation.Id, "case.party-added", $"case {found.Case.Reference}: {role} '{organisation.Name}'");
        // Brands are not told which other brands take part: the others hear that a party joined, not who.
        await notices.TellAsync(found.Case, Phrase.Of("A party was added to case {0}.", found.Case.Reference), ct, others, exceptUser: null);
        await notices.TellAsync(found.Case, Phrase.Of("You were added as a party to grievance case {0} by '{1}'.", found.Case.Reference, access.Organisation.Name), ct, [organisation.Id]);
        await db.SaveChangesAsync(ct);
    }
}
