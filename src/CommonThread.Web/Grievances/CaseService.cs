using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using CommonThread.Data;
using CommonThread.Web.Notifications;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.Platform.Data;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Identity;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;
using CommonThread.Web.Platform.Localization;

namespace CommonThread.Web.Grievances;

/// <summary>A case in a party's list: what it is about, where it stands, and whether a deadline has passed.</summary>
public sealed record CaseSummary(Guid Id, string Reference, GrievanceCategory Category, CaseStatus Status, bool Urgent, string? FacilityName,
    DateOnly ReceivedOn, DateOnly AcknowledgeBy, DateOnly FeedbackBy, bool AcknowledgementOverdue, bool FeedbackOverdue, PartyRole YourRole);

/// <param name="Translation">The words as the reporter reads them, in the report's language, when the writer gave a translation.</param>
public sealed record CaseMessageDto(Guid Id, MessageKind Kind, string? From, PartyRole? FromRole, DateOnly On, CaseStatus? NewStatus, string Text, string? Translation);

public sealed record CasePartyDto(string Organisation, PartyRole Role, bool Agreed);

public sealed record CaseAttachmentDto(Guid Id, string FileName, string ContentType, long Size);

/// <param name="AgreementPendingFrom">The parties (by name) whose agreement to the proposed remedy the mechanism needs and has not had yet.</param>
/// <param name="OtherBrandsPending">Of those, the other brands a brand may not see by name: only their number.</param>
/// <param name="ReportLanguage">The language the reporter wrote in and reads replies in (a worker language's culture name).</param>
/// <param name="ReporterSatisfied">The reporter's answer on their follow-up page: satisfied with the outcome, or not; null when not asked or not answered.</param>
/// <param name="LaterRetaliation">Retaliation cases its reporter filed against this one (the ones this party takes part in).</param>
public sealed record CaseDetail(CaseSummary Summary, string Report, bool Anonymous, ReporterIdentity? Reporter, bool IdentityWithheld, ReporterGender ReporterGender,
    IReadOnlyList<CasePartyDto> Parties, IReadOnlyList<CaseMessageDto> Messages, IReadOnlyList<CaseStatus> NextStates, bool ClosingAgreed,
    IReadOnlyList<CaseAttachmentDto> Attachments, IReadOnlyList<string> AgreementPendingFrom, int OtherBrandsPending, bool? ReporterSatisfied,
    IReadOnlyList<LinkedCaseDto> LaterRetaliation, string ReportLanguage);

/// <summary>
/// A case of the party's whose remedy is on its way or done: when it was proposed, agreed and implemented (as far as
/// the party may read the case's record), how many parties' agreement the mechanism still needs (a number: a brand
/// does not learn which other brands take part), and the reporter's answer on whether they are satisfied.
/// </summary>
public sealed record CaseRemedy(CaseSummary Summary, DateOnly? ProposedOn, DateOnly? AgreedOn, DateOnly? ImplementedOn, int AgreementsPending, bool? ReporterSatisfied)
{
    public bool Implemented => Summary.Status is CaseStatus.RemedyImplemented or CaseStatus.Closed;
}

public sealed record LinkedCaseDto(Guid Id, string Reference, CaseStatus Status);

public sealed record CaseMessageInput
{
    [Required]
    public MessageKind? Kind { get; init; }

    [Required, StringLength(IntakeService.TextMaxLength)]
    public string Text { get; init; } = "";

    /// <summary>The same message in the reporter's language (the one the report was written in), for a message the reporter reads.</summary>
    [StringLength(IntakeService.TextMaxLength)]
    public string? Translation { get; init; }
}

public sealed record CaseTransitionInput
{
    [Required]
    public CaseStatus? To { get; init; }

    [StringLength(IntakeService.TextMaxLength)]
    public string? Reason { get; init; }
}

/// <summary>
/// The parties' side of a case. Every party sees the case and acts within its role; no party closes it
/// alone: closing and agreeing a remedy need the agreement the mechanism's rules name, and every change
/// of state is written to the record the reporter reads.
/// </summary>
public sealed class CaseService(AppDbContext db, CaseCrypto crypto, CurrentUser me, AuditLog audit, CaseNotices notices, TimeProvider clock)
{
    /// <summary>Which state may follow which; Escalated is reachable from any open state (see <see cref="NextStates"/>).</summary>
    private static readonly Dictionary<CaseStatus, CaseStatus[]> Transitions = new()
    {
        [CaseStatus.Received] = [CaseStatus.Acknowledged, CaseStatus.Rejected],
        [CaseStatus.Acknowledged] = [CaseStatus.UnderInvestigation, CaseStatus.Rejected],
        [CaseStatus.UnderInvestigation] = [CaseStatus.Rejected],
        [CaseStatus.RemedyProposed] = [CaseStatus.RemedyAgreed, CaseStatus.UnderInvestigation],
        [CaseStatus.RemedyAgreed] = [CaseStatus.RemedyImplemented],
        [CaseStatus.RemedyImplemented] = [CaseStatus.Closed, CaseStatus.UnderInvestigation],
        [CaseStatus.Escalated] = [CaseStatus.UnderInvestigation, CaseStatus.Rejected],
        [CaseStatus.Closed] = [],
        [CaseStatus.Rejected] = [],
    };

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IReadOnlyList<CaseSummary>> ListAsync(OrganisationAccess access, CancellationToken ct)
    {
        var organisationId = access.Organisation.Id;
        var rows = await (from p in db.Set<CaseParty>()
                          join c in db.Set<GrievanceCase>() on p.CaseId equals c.Id
                          join f in db.Set<Facility>() on c.FacilityId equals f.Id into facilities
                          from f in facilities.DefaultIfEmpty()
                          where p.OrganisationId == organisationId && !db.Set<CaseRecusal>().Any(r => r.CaseId == c.Id && r.UserId == me.UserId)
                          select new { Case = c, p.Role, Facility = f == null ? null : f.Name }).AsNoTracking().ToListAsync(ct);
        return rows.Select(r => Summary(r.Case, r.Facility, r.Role))
            .OrderByDescending(s => s.Urgent).ThenByDescending(s => s.AcknowledgementOverdue || s.FeedbackOverdue).ThenByDescending(s => s.ReceivedOn)
            // Within a day by the random reference: the database's own order is the order of filing.
            .ThenBy(s => s.Reference, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The party's cases with a remedy proposed, agreed or implemented, and those closed after their remedy was
    /// implemented: remediation followed to completion, with the agreement the mechanism requires.
    /// </summary>
    public async Task<IReadOnlyList<CaseRemedy>> RemediesAsync(OrganisationAccess access, CancellationToken ct)
    {
        var cases = await ListAsync(access, ct);
        var ids = cases.Select(c => c.Id).ToList();
        var steps = (await db.Set<CaseMessage>().AsNoTracking()
            .Where(m => ids.Contains(m.CaseId) && (m.Kind == MessageKind.RemedyProposal || m.NewStatus == CaseStatus.RemedyAgreed || m.NewStatus == CaseStatus.RemedyImplemented))
            .Select(m => new { m.CaseId, m.Kind, m.NewStatus, m.On, m.AuthorOrganisationId }).ToListAsync(ct)).ToLookup(m => m.CaseId);
        var remedied = cases.Where(c => c.Status is CaseStatus.RemedyProposed or CaseStatus.RemedyAgreed or CaseStatus.RemedyImplemented
            || (c.Status == CaseStatus.Closed && steps[c.Id].Any(s => s.NewStatus == CaseStatus.RemedyImplemented))).ToList();
        var remediedIds = remedied.Select(c => c.Id).ToList();
        var grievances = await db.Set<GrievanceCase>().AsNoTracking().Where(c => remediedIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var mechanismIds = grievances.Values.Select(c => c.MechanismId).Distinct().ToList();
        var mechanisms = await db.Set<GrievanceMechanism>().AsNoTracking().Where(m => mechanismIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var parties = (await db.Set<CaseParty>().AsNoTracking().Where(p => remediedIds.Contains(p.CaseId))
            .Select(p => new { p.CaseId, p.OrganisationId, p.Role, p.AgreedAt }).ToListAsync(ct)).ToLookup(p => p.CaseId);
        var me = access.Organisation.Id;
        return remedied.Select(c =>
        {
            // As in the case's record: a brand reads no step another brand took.
            var otherBrands = c.YourRole == PartyRole.Brand
                ? parties[c.Id].Where(p => p.Role == PartyRole.Brand && p.OrganisationId != me).Select(p => p.OrganisationId).ToHashSet()
                : [];
            var readable = steps[c.Id].Where(s => s.AuthorOrganisationId is not { } author || !otherBrands.Contains(author)).ToList();
            DateOnly? Last(Func<MessageKind, CaseStatus?, bool> step) => readable.Where(s => step(s.Kind, s.NewStatus)).Select(s => (DateOnly?)s.On).Max();
            var grievance = grievances[c.Id];
            var pending = AgreementPending(mechanisms[grievance.MechanismId], grievance, parties[c.Id].Select(p => (p.OrganisationId, p.Role, p.AgreedAt)).ToList());
            return new CaseRemedy(c, Last((kind, _) => kind == MessageKind.RemedyProposal), Last((_, status) => status == CaseStatus.RemedyAgreed),
                Last((_, status) => status == CaseStatus.RemedyImplemented), pending.Count, grievance.ReporterSatisfied);
        }).ToList();
    }

    private CaseSummary Summary(GrievanceCase c, string? facility, PartyRole role)
    {
        var open = c.Status is not (CaseStatus.Closed or CaseStatus.Rejected);
        return new(c.Id, c.Reference, c.Category, c.Status, c.Urgent, facility, c.ReceivedOn, c.AcknowledgeBy, c.FeedbackBy,
            open && c.AcknowledgedOn is null && Today > c.AcknowledgeBy,
            open && c.FirstFeedbackOn is null && Today > c.FeedbackBy, role);
    }

    /// <summary>The case as this party sees it; not found for anyone who is not a party, or who stepped back.</summary>
    public async Task<CaseDetail> GetAsync(OrganisationAccess access, Guid caseId, CancellationToken ct)
    {
        var (grievance, party) = await FindAsync(access, caseId, ct);
        var key = crypto.Unwrap(grievance.WrappedKey, grievance.Id);
        var parties = await (from p in db.Set<CaseParty>()
                             join o in db.Set<Organisation>() on p.OrganisationId equals o.Id
                             where p.CaseId == caseId
                             select new { p.OrganisationId, o.Name, p.Role, p.AgreedAt }).AsNoTracking().ToListAsync(ct);
        // A brand never learns which other brands take part, nor reads their notes.
        var otherBrands = party.Role == PartyRole.Brand
            ? parties.Where(p => p.Role == PartyRole.Brand && p.OrganisationId != party.OrganisationId).Select(p => p.OrganisationId).ToHashSet()
            : [];
        var messages = await db.Set<CaseMessage>().AsNoTracking().Where(m => m.CaseId == caseId).OrderBy(m => m.Sequence).ToListAsync(ct);
        var names = parties.ToDictionary(p => p.OrganisationId, p => p.Name);
        var visible = messages.Where(m => m.AuthorOrganisationId is not { } author || !otherBrands.Contains(author) || m.Kind == MessageKind.ToReporter)
            .Select(m => new CaseMessageDto(m.Id, m.Kind,
                m.AuthorOrganisationId is { } author ? (otherBrands.Contains(author) ? null : names.GetValueOrDefault(author)) : null,
                m.AuthorRole, m.On, m.NewStatus, crypto.Decrypt(key, m.Body, grievance.Id), m.Translation is null ? null : crypto.Decrypt(key, m.Translation, grievance.Id)))
            .ToList();
        // The reporter's gender goes with their identity: on an anonymous case it can single out the one
        // man on a line, and counting cases by it would undo the statistics' hidden gender groups.
        // Parties see gender only in the statistics, where small groups are hidden.
        var mayKnowReporter = grievance.ReporterIdentity is not null && grievance.IdentityVisibleTo.HasFlag(KindOf(party.Role));
        var facility = grievance.FacilityId is { } id ? await db.Set<Facility>().Where(f => f.Id == id).Select(f => f.Name).FirstAsync(ct) : null;
        var mechanism = await db.Set<GrievanceMechanism>().AsNoTracking().FirstAsync(m => m.Id == grievance.MechanismId, ct);
        var attachments = await db.Set<CaseAttachment>().AsNoTracking().Where(a => a.CaseId == caseId).OrderBy(a => a.Id).Select(a => new { a.Id, a.Name, a.ContentType, a.Size }).ToListAsync(ct);
        var pending = AgreementPending(mechanism, grievance, parties.Select(p => (p.OrganisationId, p.Role, p.AgreedAt)).ToList());
        var organisationId = access.Organisation.Id;
        var retaliation = await (from c in db.Set<GrievanceCase>()
                                 join p in db.Set<CaseParty>() on c.Id equals p.CaseId
                                 where c.RelatedCaseId == caseId && p.OrganisationId == organisationId
                                 orderby c.ReceivedOn, c.Reference
                                 select new LinkedCaseDto(c.Id, c.Reference, c.Status)).AsNoTracking().ToListAsync(ct);
        return new(Summary(grievance, facility, party.Role), crypto.Decrypt(key, grievance.Report, grievance.Id), grievance.Anonymous,
            mayKnowReporter ? JsonSerializer.Deserialize<ReporterIdentity>(crypto.Decrypt(key, grievance.ReporterIdentity!, grievance.Id)) : null,
            grievance.ReporterIdentity is not null && !mayKnowReporter, mayKnowReporter ? grievance.ReporterGender : ReporterGender.NotGiven,
            parties.Where(p => !otherBrands.Contains(p.OrganisationId)).Select(p => new CasePartyDto(p.Name, p.Role, p.AgreedAt is not null)).ToList(),
            visible, NextStates(grievance, mechanism), AgreementReached(mechanism, parties.Select(p => (p.Role, p.AgreedAt)).ToList()),
            attachments.Select((a, i) => new CaseAttachmentDto(a.Id, Attachments.ShownName(crypto.Decrypt(key, a.Name, grievance.Id), i + 1, a.ContentType), a.ContentType, a.Size)).ToList(),
            pending.Where(p => !otherBrands.Contains(p)).Select(p => names[p]).Order(StringComparer.CurrentCulture).ToList(), pending.Count(otherBrands.Contains),
            grievance.ReporterSatisfied, retaliation, grievance.Language);
    }

    /// <summary>
    /// While a remedy waits for agreement (proposed, or agreed and on its way to closing), the parties whose
    /// agreement the mechanism needs and has not had; otherwise none.
    /// </summary>
    private static List<Guid> AgreementPending(GrievanceMechanism mechanism, GrievanceCase grievance, IReadOnlyList<(Guid OrganisationId, PartyRole Role, DateTimeOffset? AgreedAt)> parties) =>
        grievance.Status is CaseStatus.RemedyProposed or CaseStatus.RemedyAgreed or CaseStatus.RemedyImplemented
            ? parties.Where(p => NeedsAgreementOf(mechanism, p.Role) && p.AgreedAt is null).Select(p => p.OrganisationId).ToList()
            : [];

    private static bool NeedsAgreementOf(GrievanceMechanism mechanism, PartyRole role) =>
        KindOf(role) != PartyKinds.None && mechanism.ClosingNeedsAgreementOf.HasFlag(KindOf(role));

    private static PartyKinds KindOf(PartyRole role) => role switch
    {
        PartyRole.Supplier => PartyKinds.Supplier,
        PartyRole.Union => PartyKinds.Union,
        PartyRole.Brand => PartyKinds.Brand,
        _ => PartyKinds.None,
    };

    private static IReadOnlyList<CaseStatus> NextStates(GrievanceCase c, GrievanceMechanism mechanism)
    {
        var next = Transitions[c.Status].ToList();
        if (c.Status is not (CaseStatus.Closed or CaseStatus.Rejected or CaseStatus.Escalated) && mechanism.MediatorOrganisationId is not null)
        {
            next.Add(CaseStatus.Escalated);
        }

        return next;
    }

    /// <summary>Every party of each kind the mechanism names has agreed; kinds absent from the case need no one.</summary>
    private static bool AgreementReached(GrievanceMechanism mechanism, IReadOnlyList<(PartyRole Role, DateTimeOffset? AgreedAt)> parties) =>
        parties.Where(p => NeedsAgreementOf(mechanism, p.Role)).All(p => p.AgreedAt is not null);

    private async Task<(GrievanceCase Case, CaseParty Party)> FindAsync(OrganisationAccess access, Guid caseId, CancellationToken ct)
    {
        var party = await db.Set<CaseParty>().FirstOrDefaultAsync(p => p.CaseId == caseId && p.OrganisationId == access.Organisation.Id, ct);
        if (party is null || await db.Set<CaseRecusal>().AnyAsync(r => r.CaseId == caseId && r.UserId == me.UserId, ct))
        {
            throw RuleViolation.NotFound("case");
        }

        return (await db.Set<GrievanceCase>().FirstAsync(c => c.Id == caseId, ct), party);
    }

    /// <summary>A message to the reporter, an internal note, a finding, or a remedy proposal (which asks every party to agree anew).</summary>
    public async Task<CaseDetail> PostAsync(OrganisationAccess access, Guid caseId, CaseMessageInput input, CancellationToken ct)
    {
        var (grievance, party) = await FindAsync(access, caseId, ct);
        var kind = input.Kind ?? throw new RuleViolation("kind", "Choose what you are writing.");
        if (kind is MessageKind.FromReporter or MessageKind.StatusChange)
        {
            throw new RuleViolation("kind", "A party writes to the reporter, a note, a finding or a remedy proposal.");
        }

        if (string.IsNullOrWhiteSpace(input.Text))
        {
            throw new RuleViolation("text", "Write the message.");
        }

        if (grievance.Status is CaseStatus.Closed or CaseStatus.Rejected)
        {
            throw RuleViolation.Conflict("status", "The case is closed.");
        }

        var translation = string.IsNullOrWhiteSpace(input.Translation) ? null : input.Translation.Trim();
        if (translation is not null && kind is not (MessageKind.ToReporter or MessageKind.RemedyProposal))
        {
            throw new RuleViolation("translation", "Only a message the reporter reads carries a translation for them.");
        }

        if (kind == MessageKind.RemedyProposal)
        {
            if (grievance.Status is not (CaseStatus.UnderInvestigation or CaseStatus.RemedyProposed or CaseStatus.Escalated))
            {
                throw RuleViolation.Conflict("kind", "A remedy is proposed once the case is under investigation.");
            }

            grievance.Status = CaseStatus.RemedyProposed;
            await db.Set<CaseParty>().Where(p => p.CaseId == caseId).ExecuteUpdateAsync(s => s.SetProperty(p => p.AgreedAt, (DateTimeOffset?)null), ct);
        }

        if (kind is MessageKind.ToReporter or MessageKind.RemedyProposal)
        {
            grievance.FirstFeedbackOn ??= Today;
        }

        await AppendAsync(grievance, party, kind, input.Text.Trim(), kind == MessageKind.RemedyProposal ? CaseStatus.RemedyProposed : null, ct, translation);
        audit.Record(access.Organisation.Id, "case.message", $"{kind} on case {grievance.Reference}");
        if (kind is MessageKind.RemedyProposal or MessageKind.Finding)
        {
            await notices.TellAsync(grievance, kind == MessageKind.RemedyProposal
                ? Phrase.Of("A remedy was proposed on case {0}: each party is asked to agree or answer.", grievance.Reference)
                : Phrase.Of("A party added a finding to case {0}.", grievance.Reference), ct, exceptUser: me.UserId);
        }

        await db.SaveChangesAsync(ct);
        return await GetAsync(access, caseId, ct);
    }

    public async Task<CaseDetail> TransitionAsync(OrganisationAccess access, Guid caseId, CaseTransitionInput input, CancellationToken ct)
    {
        var (grievance, party) = await FindAsync(access, caseId, ct);
        var mechanism = await db.Set<GrievanceMechanism>().AsNoTracking().FirstAsync(m => m.Id == grievance.MechanismId, ct);
        var to = input.To ?? throw new RuleViolation("to", "Choose the new status.");
        if (!NextStates(grievance, mechanism).Contains(to))
        {
            // The two statuses are left out: codes would reach the reader, and the case lists the statuses it can move to.
            throw RuleViolation.Conflict("to", "The case cannot move from its present status to the one chosen; choose one of the next statuses the case offers.");
        }

        var reason = input.Reason?.Trim();
        if (to is CaseStatus.Rejected or CaseStatus.Escalated && string.IsNullOrEmpty(reason))
        {
            throw new RuleViolation("reason", "Give the reason: the reporter and every party read it.");
        }

        if (to == CaseStatus.Rejected && party.OrganisationId != mechanism.OrganisationId && party.Role != PartyRole.Mediator)
        {
            throw new RuleViolation("to", "Only the mechanism's organisation or the mediator rejects a case.", StatusCodes.Status403Forbidden);
        }

        if (to is CaseStatus.RemedyAgreed or CaseStatus.Closed)
        {
            var parties = await db.Set<CaseParty>().Where(p => p.CaseId == caseId).Select(p => new { p.Role, p.AgreedAt }).ToListAsync(ct);
            if (!AgreementReached(mechanism, parties.Select(p => (p.Role, p.AgreedAt)).ToList()))
            {
                throw RuleViolation.Conflict("to", "Not every party whose agreement the mechanism requires has agreed to the remedy.");
            }
        }

        if (to == CaseStatus.Escalated && !await db.Set<CaseParty>().AnyAsync(p => p.CaseId == caseId && p.OrganisationId == mechanism.MediatorOrganisationId, ct))
        {
            db.Add(new CaseParty
            {
                CaseId = caseId, OrganisationId = mechanism.MediatorOrganisationId!.Value, Role = PartyRole.Mediator, AddedByOrganisationId = access.Organisation.Id, AddedOn = Today,
            });
        }

        grievance.Status = to;
        grievance.AcknowledgedOn ??= to == CaseStatus.Acknowledged ? Today : null;
        grievance.ClosedOn = to is CaseStatus.Closed or CaseStatus.Rejected ? Today : null;
        await AppendAsync(grievance, party, MessageKind.StatusChange, reason ?? "", to, ct);
        audit.Record(access.Organisation.Id, "case.status", $"case {grievance.Reference} → {to}");
        await notices.TellAsync(grievance, StatusNotice(to, grievance.Reference, mechanism.Name), ct, exceptUser: me.UserId);
        await db.SaveChangesAsync(ct);
        return await GetAsync(access, caseId, ct);
    }

    /// <summary>One whole sentence per status, so each language can say it its own way.</summary>
    private static Phrase StatusNotice(CaseStatus status, string reference, string mechanism) => status switch
    {
        CaseStatus.Escalated => Phrase.Of("Case {0} was escalated to the mediator ({1}).", reference, mechanism),
        CaseStatus.Received => Phrase.Of("Case {0} is now received.", reference),
        CaseStatus.Acknowledged => Phrase.Of("Case {0} is now acknowledged.", reference),
        CaseStatus.UnderInvestigation => Phrase.Of("Case {0} is now under investigation.", reference),
        CaseStatus.RemedyProposed => Phrase.Of("Case {0} is now awaiting agreement to a remedy.", reference),
        CaseStatus.RemedyAgreed => Phrase.Of("Case {0} is now remedy agreed.", reference),
        CaseStatus.RemedyImplemented => Phrase.Of("Case {0} is now remedy implemented.", reference),
        CaseStatus.Closed => Phrase.Of("Case {0} is now closed.", reference),
        CaseStatus.Rejected => Phrase.Of("Case {0} is now rejected.", reference),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>
    /// The party agrees to the remedy now proposed. The agreement that completes what the mechanism needs
    /// moves the case to RemedyAgreed by itself, in the same transaction, with a status entry in the record
    /// and a notice to the parties: nobody has to remember to move it. Run serializable, so two parties
    /// agreeing at the same moment cannot each miss the other's agreement (the loser is asked to try again).
    /// </summary>
    public async Task<CaseDetail> AgreeAsync(OrganisationAccess access, Guid caseId, CancellationToken ct)
    {
        await db.RunSerializableAsync(async () =>
        {
            var (grievance, party) = await FindAsync(access, caseId, ct);
            if (grievance.Status is not (CaseStatus.RemedyProposed or CaseStatus.RemedyAgreed or CaseStatus.RemedyImplemented))
            {
                throw RuleViolation.Conflict("status", "There is no proposed remedy to agree to.");
            }

            party.AgreedAt ??= clock.GetUtcNow();
            audit.Record(access.Organisation.Id, "case.agreed", $"agreed to the remedy on case {grievance.Reference}");
            var mechanism = await db.Set<GrievanceMechanism>().AsNoTracking().FirstAsync(m => m.Id == grievance.MechanismId, ct);
            var others = await db.Set<CaseParty>().Where(p => p.CaseId == caseId && p.Id != party.Id).Select(p => new { p.Role, p.AgreedAt }).ToListAsync(ct);
            if (grievance.Status == CaseStatus.RemedyProposed
                && AgreementReached(mechanism, [.. others.Select(p => (p.Role, p.AgreedAt)), (party.Role, party.AgreedAt)]))
            {
                grievance.Status = CaseStatus.RemedyAgreed;
                await AppendAsync(grievance, null, MessageKind.StatusChange, "", CaseStatus.RemedyAgreed, ct);
                audit.Record(access.Organisation.Id, "case.status", $"case {grievance.Reference} → {CaseStatus.RemedyAgreed} (every party needed agreed)");
                await notices.TellAsync(grievance, Phrase.Of("Case {0} is now remedy agreed: every party whose agreement is needed agreed.", grievance.Reference), ct);
            }

            await db.SaveChangesAsync(ct);
        }, ct);
        return await GetAsync(access, caseId, ct);
    }

    /// <summary>An attachment of a case the party sees, decrypted.</summary>
    public async Task<(string FileName, string ContentType, byte[] Content)> AttachmentAsync(OrganisationAccess access, Guid caseId, Guid attachmentId, CancellationToken ct)
    {
        var (grievance, _) = await FindAsync(access, caseId, ct);
        var attachment = await db.Set<CaseAttachment>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.CaseId == caseId, ct)
            ?? throw RuleViolation.NotFound("attachment");
        var key = crypto.Unwrap(grievance.WrappedKey, grievance.Id);
        var position = (await db.Set<CaseAttachment>().Where(a => a.CaseId == caseId).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct)).IndexOf(attachmentId) + 1;
        return (Attachments.ShownName(crypto.Decrypt(key, attachment.Name, grievance.Id), position, attachment.ContentType), attachment.ContentType, crypto.Open(key, attachment.Content, grievance.Id));
    }

    /// <summary>The member steps back for a conflict of interest: from now on the case is hidden from them.</summary>
    public async Task StepBackAsync(OrganisationAccess access, Guid caseId, CancellationToken ct)
    {
        var (grievance, _) = await FindAsync(access, caseId, ct);
        db.Add(new CaseRecusal { CaseId = caseId, UserId = me.UserId ?? throw new RuleViolation("user", "Only a person steps back."), At = clock.GetUtcNow() });
        audit.Record(access.Organisation.Id, "case.stepped-back", $"a member stepped back from case {grievance.Reference}");
        await db.SaveChangesAsync(ct);
    }

    /// <param name="party">The party that wrote it; null for the system, as when the last agreement moves the status.</param>
    /// <param name="translation">The text in the reporter's language, for a message the reporter reads.</param>
    private async Task AppendAsync(GrievanceCase grievance, CaseParty? party, MessageKind kind, string text, CaseStatus? newStatus, CancellationToken ct, string? translation = null)
    {
        var key = crypto.Unwrap(grievance.WrappedKey, grievance.Id);
        db.Add(new CaseMessage
        {
            CaseId = grievance.Id, Kind = kind, AuthorOrganisationId = party?.OrganisationId, AuthorUserId = party is null ? null : me.UserId, AuthorRole = party?.Role,
            On = Today, Sequence = await CaseMessages.NextSequenceAsync(db, grievance.Id, ct), NewStatus = newStatus,
            Body = crypto.Encrypt(key, text, grievance.Id),
            Translation = translation is null ? null : crypto.Encrypt(key, translation, grievance.Id),
        });
    }
}
