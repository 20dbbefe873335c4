using CommonThread.Data;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Localization;
using CommonThread.Web.Platform.Values;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Homework;

/// <summary>The intermediaries a supplier gives homework through, with their pre-qualification, licence, contract and training.</summary>
public sealed class IntermediaryService(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IReadOnlyList<IntermediaryDto>> ListAsync(OrganisationAccess access, CancellationToken ct) =>
        (await db.Set<Intermediary>().AsNoTracking().Where(i => i.OrganisationId == access.Organisation.Id).OrderBy(i => i.Name).ToListAsync(ct))
            .Select(i => IntermediaryDto.From(i, Today)).ToList();

    public async Task<IntermediaryDto> SaveAsync(OrganisationAccess access, Guid? intermediaryId, IntermediaryInput input, CancellationToken ct)
    {
        HomeworkRegister.EnsureKeeper(access);
        var intermediary = intermediaryId is { } id
            ? await db.Set<Intermediary>().FirstOrDefaultAsync(i => i.Id == id && i.OrganisationId == access.Organisation.Id, ct) ?? throw RuleViolation.NotFound("intermediary")
            : null;
        await CheckAsync(access, intermediaryId, input, ct);
        if (intermediary is null)
        {
            intermediary = new Intermediary { OrganisationId = access.Organisation.Id, Name = "" };
            db.Add(intermediary);
        }

        intermediary.Name = input.Name.Trim();
        intermediary.IsOrganisation = input.IsOrganisation;
        intermediary.FacilityId = input.FacilityId;
        intermediary.ParentIntermediaryId = input.ParentIntermediaryId;
        intermediary.LicenceNumber = string.IsNullOrWhiteSpace(input.LicenceNumber) ? null : input.LicenceNumber.Trim();
        intermediary.LicenceExpires = input.LicenceExpires;
        intermediary.PreQualification = input.PreQualification;
        intermediary.PreQualifiedOn = input.PreQualifiedOn;
        intermediary.ChecklistMet = input.ChecklistMet.Distinct().Order().ToList();
        intermediary.ContractStart = input.ContractStart;
        intermediary.ContractEnd = input.ContractEnd;
        intermediary.ContractDocument = string.IsNullOrWhiteSpace(input.ContractDocument) ? null : input.ContractDocument.Trim();
        intermediary.TrainedOn = input.TrainedOn;
        audit.Record(access.Organisation.Id, "intermediary.saved", $"intermediary {intermediary.Name}: {intermediary.PreQualification}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            throw RuleViolation.Conflict("name", Phrase.Of("Your organisation already has an intermediary called {0}.", input.Name.Trim()));
        }

        return IntermediaryDto.From(intermediary, Today);
    }

    /// <summary>
    /// Why work cannot go to a homeworker through this intermediary and every intermediary above it,
    /// on a day: the first one that falls short and what it lacks; null when work can go.
    /// </summary>
    public async Task<(Intermediary Intermediary, IntermediaryGap Gap)?> WhyNotQualifiedAsync(Guid intermediaryId, DateOnly on, CancellationToken ct)
    {
        var seen = new HashSet<Guid>();
        for (Guid? next = intermediaryId; next is { } id && seen.Add(id);)
        {
            var intermediary = await db.Set<Intermediary>().AsNoTracking().FirstAsync(i => i.Id == id, ct);
            if (intermediary.GapOn(on) is { } gap)
            {
                return (intermediary, gap);
            }

            next = intermediary.ParentIntermediaryId;
        }

        return null;
    }

    private async Task CheckAsync(OrganisationAccess access, Guid? selfId, IntermediaryInput input, CancellationToken ct)
    {
        var unknown = input.ChecklistMet.Where(item => !IntermediaryChecklist.Items.ContainsKey(item)).ToList();
        if (unknown.Count > 0)
        {
            throw new RuleViolation("checklistMet", Phrase.Of("Unknown checklist items: {0}. Known: {1}.", string.Join(", ", unknown), string.Join(", ", IntermediaryChecklist.Items.Keys)));
        }

        if (input.PreQualification == PreQualification.Passed && IntermediaryChecklist.Items.Keys.Except(input.ChecklistMet).ToList() is { Count: > 0 } missing)
        {
            throw new RuleViolation("preQualification", Phrase.Of("Pre-qualification passes only when every item is met; not met: {0}.", string.Join(", ", missing)));
        }

        if (input.PreQualification != PreQualification.Pending && input.PreQualifiedOn is null)
        {
            throw new RuleViolation("preQualifiedOn", "Give the day of the pre-qualification.");
        }

        foreach (var (field, day) in new[]
                 {
                     ("licenceExpires", input.LicenceExpires), ("preQualifiedOn", input.PreQualifiedOn), ("contractStart", input.ContractStart),
                     ("contractEnd", input.ContractEnd), ("trainedOn", input.TrainedOn),
                 })
        {
            Plausible.Day.Require(day, field);
        }

        foreach (var (field, day) in new[] { ("preQualifiedOn", input.PreQualifiedOn), ("trainedOn", input.TrainedOn) })
        {
            if (day > Today)
            {
                throw new RuleViolation(field, "That day is in the future.");
            }
        }

        if (input.ContractEnd < input.ContractStart)
        {
            throw new RuleViolation("contractEnd", "The contract ends before it starts.");
        }

        if (input.FacilityId is { } facility && !await db.Set<Facility>().AnyAsync(f => f.Id == facility && f.OperatorOrganisationId == access.Organisation.Id, ct))
        {
            throw new RuleViolation("facilityId", "Choose one of the facilities your organisation runs.");
        }

        if (input.ParentIntermediaryId is { } parent)
        {
            var parents = await db.Set<Intermediary>().Where(i => i.OrganisationId == access.Organisation.Id)
                .Select(i => new { i.Id, i.ParentIntermediaryId }).ToDictionaryAsync(i => i.Id, i => i.ParentIntermediaryId, ct);
            if (!parents.ContainsKey(parent))
            {
                throw new RuleViolation("parentIntermediaryId", "Choose one of your organisation's intermediaries.");
            }

            for (Guid? up = parent; up is { } id; up = parents.GetValueOrDefault(id))
            {
                if (id == selfId)
                {
                    throw new RuleViolation("parentIntermediaryId", "An intermediary cannot take work from itself, even through others.");
                }
            }
        }
    }
}
