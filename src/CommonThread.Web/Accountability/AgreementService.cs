using CommonThread.Data;
using CommonThread.Web.Notifications;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Files;
using CommonThread.Web.Platform.Text;
using CommonThread.Web.Platform.Values;
using Microsoft.EntityFrameworkCore;
using CommonThread.Web.Platform.Localization;

namespace CommonThread.Web.Accountability;

/// <summary>Agreements and their commitments: seen and followed up by their signatories only.</summary>
public sealed class AgreementService(AppDbContext db, Notifier notifier, AuditLog audit, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<AgreementDto> CreateAsync(OrganisationAccess access, AgreementInput input, CancellationToken ct)
    {
        if (input.Kind is not { } kind || string.IsNullOrWhiteSpace(input.Title) || input.Title.Trim().Length > Agreement.TitleMaxLength)
        {
            throw new RuleViolation(input.Kind is null ? "kind" : "title", Phrase.Of("Say what kind of agreement it is and give it a title of up to {0} characters.", Agreement.TitleMaxLength));
        }

        if (input.StartsOn is not { } starts || (input.ReviewOn is { } review && review <= starts))
        {
            throw new RuleViolation(input.StartsOn is null ? "startsOn" : "reviewOn", "An agreement starts on a day and is reviewed after it starts.");
        }

        Plausible.Day.Require(starts, "startsOn");
        Plausible.Day.Require(input.ReviewOn, "reviewOn");

        var others = (input.Parties ?? []).Where(p => p.OrganisationId != access.Organisation.Id).DistinctBy(p => p.OrganisationId).ToList();
        var ids = others.Select(p => p.OrganisationId).ToList();
        var known = await db.Set<Organisation>().Where(o => ids.Contains(o.Id) && o.Kind != OrganisationKind.PlatformAdmin).Select(o => o.Id).ToListAsync(ct);
        if (others.Count == 0 || known.Count != others.Count)
        {
            throw new RuleViolation("parties", "Name the other signatories: organisations on CommonThread.");
        }

        var parties = others.Select(p => new AgreementParty { OrganisationId = p.OrganisationId, Accountable = p.Accountable })
            .Append(new AgreementParty { OrganisationId = access.Organisation.Id, Accountable = input.CreatorAccountable }).ToList();
        if (parties.All(p => p.Accountable) || parties.All(p => !p.Accountable))
        {
            throw new RuleViolation("parties", "Someone is accountable, and to someone: mark the accountable signatories and leave at least one they answer to.");
        }

        var commitments = (input.Commitments ?? []).Select(TextInput.OrNull).OfType<string>().ToList();
        if (commitments.Count == 0 || commitments.Any(c => c.Length > Commitment.TextMaxLength))
        {
            throw new RuleViolation("commitments", Phrase.Of("List the commitments or action points, each up to {0} characters.", Commitment.TextMaxLength));
        }

        var agreement = new Agreement { Kind = kind, Title = input.Title.Trim(), StartsOn = starts, ReviewOn = input.ReviewOn, CreatedByOrganisationId = access.Organisation.Id, CreatedAt = clock.GetUtcNow() };
        db.Add(agreement);
        db.AddRange(parties.Select(p => new AgreementParty { AgreementId = agreement.Id, OrganisationId = p.OrganisationId, Accountable = p.Accountable }));
        db.AddRange(commitments.Select((text, i) => new Commitment { AgreementId = agreement.Id, Number = i + 1, Text = text }));
        audit.Record(access.Organisation.Id, "agreement.created", $"{kind} '{agreement.Title}' with {others.Count} other signatories and {commitments.Count} commitments");
        await notifier.TellAsync(ids, Phrase.Of("{0} recorded the agreement '{1}' with you.", access.Organisation.Name, agreement.Title), o => $"/o/{o}/agreements/{agreement.Id}", ct);
        await db.SaveChangesAsync(ct);
        return await FindAsync(access, agreement.Id, ct);
    }

    public async Task<IReadOnlyList<AgreementDto>> ListAsync(OrganisationAccess access, CancellationToken ct)
    {
        var ids = await db.Set<AgreementParty>().Where(p => p.OrganisationId == access.Organisation.Id).Select(p => p.AgreementId).ToListAsync(ct);
        return await ReadAsync(ids, ct);
    }

    public async Task<AgreementDto> FindAsync(OrganisationAccess access, Guid agreementId, CancellationToken ct)
    {
        await SignatoryAsync(access, agreementId, ct);
        return (await ReadAsync([agreementId], ct)).Single();
    }

    /// <summary>A signatory's progress note on a commitment, and the status it now has.</summary>
    public async Task<AgreementDto> CommentAsync(OrganisationAccess access, Guid agreementId, Guid commitmentId, CommitmentCommentInput input, CancellationToken ct)
    {
        await SignatoryAsync(access, agreementId, ct);
        var commitment = await db.Set<Commitment>().FirstOrDefaultAsync(c => c.Id == commitmentId && c.AgreementId == agreementId, ct) ?? throw RuleViolation.NotFound("commitment");
        var text = TextInput.OrNull(input.Text);
        if (text is null || text.Length > CommitmentComment.TextMaxLength)
        {
            throw new RuleViolation("text", Phrase.Of("Say what progress was made, in up to {0} characters.", CommitmentComment.TextMaxLength));
        }

        commitment.Status = input.Status ?? commitment.Status;
        db.Add(new CommitmentComment { CommitmentId = commitment.Id, OrganisationId = access.Organisation.Id, Text = text, CreatedAt = clock.GetUtcNow() });
        var others = await db.Set<AgreementParty>().Where(p => p.AgreementId == agreementId && p.OrganisationId != access.Organisation.Id).Select(p => p.OrganisationId).ToListAsync(ct);
        await notifier.TellAsync(others, Phrase.Of("{0} wrote on commitment {1}.", access.Organisation.Name, commitment.Number), o => $"/o/{o}/agreements/{agreementId}", ct);
        audit.Record(access.Organisation.Id, "agreement.commented", $"Progress on commitment {commitment.Number} ({commitment.Status})");
        await db.SaveChangesAsync(ct);
        return (await ReadAsync([agreementId], ct)).Single();
    }

    public async Task AttachDocumentAsync(OrganisationAccess access, Guid agreementId, string fileName, byte[] bytes, CancellationToken ct)
    {
        await SignatoryAsync(access, agreementId, ct);
        var name = AttachedDocument.Checked(fileName, bytes, "a document");
        var agreement = await db.Set<Agreement>().FirstAsync(a => a.Id == agreementId, ct);
        agreement.DocumentFileName = name;
        agreement.Document = bytes;
        audit.Record(access.Organisation.Id, "agreement.document", $"Document '{agreement.DocumentFileName}' attached to '{agreement.Title}'");
        await db.SaveChangesAsync(ct);
    }

    public async Task<(string FileName, byte[] Content)> DocumentAsync(OrganisationAccess access, Guid agreementId, CancellationToken ct)
    {
        await SignatoryAsync(access, agreementId, ct);
        var found = await db.Set<Agreement>().Where(a => a.Id == agreementId).Select(a => new { a.DocumentFileName, a.Document }).FirstAsync(ct);
        return found is { DocumentFileName: { } name, Document: { } content } ? (name, content) : throw RuleViolation.NotFound("document");
    }

    private async Task SignatoryAsync(OrganisationAccess access, Guid agreementId, CancellationToken ct)
    {
        if (!await db.Set<AgreementParty>().AnyAsync(p => p.AgreementId == agreementId && p.OrganisationId == access.Organisation.Id, ct))
        {
            throw RuleViolation.NotFound("agreement");
        }
    }

    private async Task<List<AgreementDto>> ReadAsync(List<Guid> ids, CancellationToken ct)
    {
        var agreements = await db.Set<Agreement>().AsNoTracking().Where(a => ids.Contains(a.Id)).OrderByDescending(a => a.StartsOn)
            .Select(a => new { a.Id, a.Kind, a.Title, a.StartsOn, a.ReviewOn, a.DocumentFileName }).ToListAsync(ct);
        var parties = (await (from p in db.Set<AgreementParty>()
                              join o in db.Set<Organisation>() on p.OrganisationId equals o.Id
                              where ids.Contains(p.AgreementId)
                              orderby o.Name
                              select new { p.AgreementId, p.OrganisationId, o.Name, p.Accountable }).ToListAsync(ct)).ToLookup(p => p.AgreementId);
        var commitments = (await db.Set<Commitment>().AsNoTracking().Where(c => ids.Contains(c.AgreementId)).OrderBy(c => c.Number).ToListAsync(ct)).ToLookup(c => c.AgreementId);
        var commitmentIds = commitments.SelectMany(g => g).Select(c => c.Id).ToList();
        var comments = (await (from c in db.Set<CommitmentComment>()
                               join o in db.Set<Organisation>() on c.OrganisationId equals o.Id
                               where commitmentIds.Contains(c.CommitmentId)
                               select new { c.Id, c.CommitmentId, o.Name, c.Text, c.CreatedAt }).ToListAsync(ct)).OrderBy(c => c.Id).ToLookup(c => c.CommitmentId);
        return agreements.Select(a => new AgreementDto(a.Id, a.Kind, a.Title, a.StartsOn, a.ReviewOn, a.ReviewOn <= Today, a.DocumentFileName,
            parties[a.Id].Select(p => new AgreementPartyDto(p.OrganisationId, p.Name, p.Accountable)).ToList(),
            commitments[a.Id].Select(c => new CommitmentDto(c.Id, c.Number, c.Text, c.Status,
                comments[c.Id].Select(m => new CommitmentCommentDto(m.Name, m.Text, m.CreatedAt)).ToList())).ToList())).ToList();
    }
}
