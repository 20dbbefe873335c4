using CommonThread.Data;
using CommonThread.Web.Notifications;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.SupplyChain;
using CommonThread.XlsForm;
using CommonThread.XlsForm.Filling;
using Microsoft.EntityFrameworkCore;
using CommonThread.Web.Platform.Localization;

namespace CommonThread.Web.Accountability;

/// <summary>
/// The 360° loop: suppliers rate the purchasing practices of the brands they produce for. Answers are
/// stored without anything that ties them to a supplier or a moment, and reach a brand only through
/// <see cref="FeedbackRelease"/>.
/// </summary>
public sealed class FeedbackService(AppDbContext db, ChainRelations relations, Notifier notifier, AuditLog audit, TimeProvider clock)
{
    private const int MaxAnswers = 200;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Invites every facility a participating brand confirmedly buys from (links in force, run by an organisation on CommonThread) that is not invited yet.</summary>
    public async Task<int> InviteAsync(Guid roundId, CancellationToken ct)
    {
        var round = await db.Set<MonitoringRound>().AsNoTracking().FirstAsync(r => r.Id == roundId, ct);
        var brands = await db.Set<RoundParticipant>().Where(p => p.RoundId == roundId).Select(p => p.BrandOrganisationId).ToListAsync(ct);
        var wanted = (await relations.SuppliesOfBuyersAsync(brands, ct))
            .Select(s => new { BrandOrganisationId = s.BuyerOrganisationId, s.FacilityId, Supplier = s.SupplierOrganisationId }).Distinct().ToList();
        var existing = (await db.Set<FeedbackInvitation>().Where(i => i.RoundId == roundId).Select(i => new { i.BrandOrganisationId, i.FacilityId }).ToListAsync(ct)).ToHashSet();
        var fresh = wanted.Where(w => !existing.Contains(new { w.BrandOrganisationId, w.FacilityId })).ToList();
        db.AddRange(fresh.Select(w => new FeedbackInvitation { RoundId = roundId, BrandOrganisationId = w.BrandOrganisationId, FacilityId = w.FacilityId, SupplierOrganisationId = w.Supplier }));
        await notifier.TellAsync(fresh.Select(w => w.Supplier).Distinct().ToList(),
            Phrase.Of("Rate the purchasing practices of the brands you produce for, anonymously, by {0} ('{1}').", round.FeedbackClosesOn, round.Name), o => $"/o/{o}/accountability", ct);
        await db.SaveChangesAsync(ct);
        return fresh.Count;
    }

    public async Task<int> InviteAsync(OrganisationAccess access, Guid roundId, CancellationToken ct)
    {
        (await RoundSeat.FindAsync(db, access, roundId, ct)).RequireInitiative();
        return await InviteAsync(roundId, ct);
    }

    public async Task<IReadOnlyList<FeedbackInvitationDto>> InvitationsAsync(OrganisationAccess access, CancellationToken ct) => await ReadInvitationsAsync(access, null, ct);

    public async Task<FeedbackInvitationDto> InvitationAsync(OrganisationAccess access, Guid invitationId, CancellationToken ct) =>
        (await ReadInvitationsAsync(access, invitationId, ct)).SingleOrDefault() ?? throw RuleViolation.NotFound("invitation");

    private async Task<List<FeedbackInvitationDto>> ReadInvitationsAsync(OrganisationAccess access, Guid? invitationId, CancellationToken ct)
    {
        var me = access.Organisation.Id;
        var today = Today;
        return (await (from i in db.Set<FeedbackInvitation>()
                       join r in db.Set<MonitoringRound>() on i.RoundId equals r.Id
                       join b in db.Set<Organisation>() on i.BrandOrganisationId equals b.Id
                       join f in db.Set<Facility>() on i.FacilityId equals f.Id
                       where i.SupplierOrganisationId == me && (invitationId == null || i.Id == invitationId)
                       select new { i.Id, i.RoundId, Round = r.Name, i.BrandOrganisationId, Brand = b.Name, Facility = f.Name, f.CountryCode, r.FeedbackClosesOn, i.Answered }).ToListAsync(ct))
            .OrderBy(i => i.Answered).ThenBy(i => i.FeedbackClosesOn).ThenBy(i => i.Brand)
            .Select(i => new FeedbackInvitationDto(i.Id, i.RoundId, i.Round, i.BrandOrganisationId, i.Brand, i.Facility, i.CountryCode, i.FeedbackClosesOn, i.Answered, !i.Answered && i.FeedbackClosesOn >= today)).ToList();
    }

    /// <summary>The questions, for API clients that draw their own form.</summary>
    public async Task<FeedbackFormDto> FormAsync(OrganisationAccess access, Guid invitationId, string? language, CancellationToken ct)
    {
        var invitation = await InvitationAsync(access, invitationId, ct);
        var form = FeedbackForm.Definition;
        language = language is null
            ? FeedbackForm.LanguageForCountry(invitation.FacilityCountry, System.Globalization.CultureInfo.CurrentUICulture.Name)
            : FeedbackForm.LanguageFor(language);
        var evaluation = FormEvaluation.Of(form, new FormAnswers(), Today, language, clock.GetUtcNow());
        return new FeedbackFormDto(form.Title, invitation.Brand, form.Languages,
            form.AllQuestions.Where(q => q.IsAsked && q.Type != QuestionType.Note).Select(q => new FeedbackQuestionDto(q.Name, FeedbackForm.CategoryOf(q), evaluation.Text(q, q.Label),
                q.Type.ToString(), evaluation.ChoicesFor(q).Select(c => new FeedbackChoiceDto(c.Name, c.Label.In(language))).ToList())).ToList());
    }

    /// <summary>
    /// A supplier's answer: checked against the form, then stored at once with the invitation marked
    /// answered — in one transaction, so a second answer through the same invitation is refused.
    /// </summary>
    public async Task SubmitAsync(OrganisationAccess access, Guid invitationId, FeedbackAnswersInput input, CancellationToken ct)
    {
        var invitation = await InvitationAsync(access, invitationId, ct);
        if (invitation.Answered)
        {
            throw RuleViolation.Conflict("invitation", "This facility already gave its feedback on this brand in this round.");
        }

        if (!invitation.Open)
        {
            throw RuleViolation.Conflict("invitation", "Feedback for this round has closed.");
        }

        var (evaluation, score) = Scored(input);
        var ownNames = await (from f in db.Set<Facility>() where f.OperatorOrganisationId == access.Organisation.Id select f.Name).ToListAsync(ct);
        ownNames.Add(access.Organisation.Name);
        var response = new FeedbackResponse { RoundId = invitation.RoundId, BrandOrganisationId = invitation.BrandOrganisationId, Overall = score.Percent!.Value };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.Set<FeedbackInvitation>().Where(i => i.Id == invitationId && !i.Answered).ExecuteUpdateAsync(s => s.SetProperty(i => i.Answered, true), ct) != 1)
        {
            throw RuleViolation.Conflict("invitation", "This facility already gave its feedback on this brand in this round.");
        }

        db.Add(response);
        db.AddRange(score.Sections.Select(s => new FeedbackScore { ResponseId = response.Id, Category = s.Name, Score = s.Percent!.Value }));
        foreach (var (question, text) in FreeText(evaluation))
        {
            db.Add(new FeedbackComment
            {
                RoundId = response.RoundId, BrandOrganisationId = response.BrandOrganisationId, Category = FeedbackForm.CategoryOf(question),
                Text = text[..Math.Min(text.Length, FeedbackComment.TextMaxLength)], Flags = CommentScreen.Flags(text, ownNames),
            });
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>The brand rates itself on the same questions; a new self-assessment replaces the last until feedback closes.</summary>
    public async Task SelfAssessAsync(OrganisationAccess access, Guid roundId, FeedbackAnswersInput input, CancellationToken ct)
    {
        var seat = await RoundSeat.FindAsync(db, access, roundId, ct);
        if (!seat.Sees(access.Organisation.Id))
        {
            throw new RuleViolation("round", "Only a brand accountable in the round assesses itself.", StatusCodes.Status403Forbidden);
        }

        if (Today > seat.Round.FeedbackClosesOn)
        {
            throw RuleViolation.Conflict("round", "Feedback for this round has closed.");
        }

        var (_, score) = Scored(input);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Set<FeedbackResponse>().Where(r => r.RoundId == roundId && r.BrandOrganisationId == access.Organisation.Id && r.SelfAssessment).ExecuteDeleteAsync(ct);
        var response = new FeedbackResponse { RoundId = roundId, BrandOrganisationId = access.Organisation.Id, SelfAssessment = true, Overall = score.Percent!.Value };
        db.Add(response);
        db.AddRange(score.Sections.Select(s => new FeedbackScore { ResponseId = response.Id, Category = s.Name, Score = s.Percent!.Value }));
        audit.Record(access.Organisation.Id, "round.self-assessed", $"Self-assessment in '{seat.Round.Name}': {score.Percent:0}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<FlaggedCommentDto>> FlaggedAsync(OrganisationAccess access, Guid roundId, CancellationToken ct)
    {
        (await RoundSeat.FindAsync(db, access, roundId, ct)).RequireInitiative();
        return (await (from c in db.Set<FeedbackComment>()
                       join b in db.Set<Organisation>() on c.BrandOrganisationId equals b.Id
                       where c.RoundId == roundId && c.Flags != null && !c.Cleared
                       select new { c.Id, Brand = b.Name, c.Category, c.Text, c.Flags }).ToListAsync(ct))
            .OrderBy(c => c.Brand).ThenBy(c => c.Category).Select(c => new FlaggedCommentDto(c.Id, c.Brand, FeedbackForm.Label(c.Category, null), c.Text, c.Flags!)).ToList();
    }

    /// <summary>The initiative's redaction: the text as brands may read it (unchanged when nothing identifies the writer). It is shown from the next release.</summary>
    public async Task RedactAsync(OrganisationAccess access, Guid roundId, Guid commentId, CommentRedactionInput input, CancellationToken ct)
    {
        (await RoundSeat.FindAsync(db, access, roundId, ct)).RequireInitiative();
        var comment = await db.Set<FeedbackComment>().FirstOrDefaultAsync(c => c.Id == commentId && c.RoundId == roundId, ct) ?? throw RuleViolation.NotFound("comment");
        if (string.IsNullOrWhiteSpace(input.Text) || input.Text.Trim().Length > FeedbackComment.TextMaxLength)
        {
            throw new RuleViolation("text", Phrase.Of("Give the text as brands may read it, up to {0} characters.", FeedbackComment.TextMaxLength));
        }

        comment.Text = input.Text.Trim();
        comment.Cleared = true;
        audit.Record(access.Organisation.Id, "round.comment-redacted", "A flagged supplier comment was redacted");
        await db.SaveChangesAsync(ct);
    }

    private (FormEvaluation, FormScore) Scored(FeedbackAnswersInput input)
    {
        var answers = input.Answers ?? new Dictionary<string, string>();
        if (answers.Count > MaxAnswers || answers.Values.Any(v => v?.Length > FeedbackComment.TextMaxLength))
        {
            throw new RuleViolation("answers", Phrase.Of("Too many answers, or an answer over {0} characters.", FeedbackComment.TextMaxLength));
        }

        var form = FeedbackForm.Definition;
        var values = answers.Where(a => form.Questions.ContainsKey(a.Key) && !string.IsNullOrWhiteSpace(a.Value)).ToDictionary(a => a.Key, a => a.Value.Trim(), StringComparer.Ordinal);
        var evaluation = FormEvaluation.Of(form, new FormAnswers { Values = values }, Today, input.Language, clock.GetUtcNow());
        var errors = evaluation.Errors();
        if (errors.Count > 0)
        {
            throw new RuleViolation(errors.GroupBy(e => e.Question.Name).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()), "Some answers need another look: nothing was stored.");
        }

        var score = evaluation.Score();
        return score.Percent is null
            ? throw new RuleViolation("answers", "Rate at least one statement.")
            : (evaluation, score);
    }

    private static IEnumerable<(FormQuestion Question, string Text)> FreeText(FormEvaluation evaluation) =>
        evaluation.Form.AllQuestions.Where(q => q.Type == QuestionType.Text && evaluation.IsRelevant(q))
            .Select(q => (q, evaluation.Value(q).Trim())).Where(a => a.Item2.Length > 0);
}
