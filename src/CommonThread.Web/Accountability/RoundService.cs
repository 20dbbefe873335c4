using CommonThread.Data;
using CommonThread.Web.Notifications;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Values;
using Microsoft.EntityFrameworkCore;
using CommonThread.Web.Platform.Localization;

namespace CommonThread.Web.Accountability;

/// <summary>Monitoring rounds: opened by an initiative on a framework for its brands, each with a reviewer.</summary>
public sealed class RoundService(AppDbContext db, FeedbackService feedback, Notifier notifier, AuditLog audit, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<RoundDto> CreateAsync(OrganisationAccess access, RoundInput input, CancellationToken ct)
    {
        FrameworkService.RunsRounds(access);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 200)
        {
            errors["name"] = ["Name the round (up to 200 characters), such as \"2026 monitoring\"."];
        }

        if (input.PeriodStart is not { } start || input.PeriodEnd is not { } end || end <= start)
        {
            errors["periodEnd"] = ["A round covers a period that ends after it starts."];
        }
        else if (!Plausible.Day.Contains(start) || !Plausible.Day.Contains(end))
        {
            errors["periodStart"] = [Plausible.Day.Refusal(Plausible.Day.Contains(start) ? end : start)];
        }
        else if (input.ReportsDueOn is not { } due || due < end)
        {
            errors["reportsDueOn"] = ["Reports fall due on or after the end of the period."];
        }

        if (input.FeedbackClosesOn is not { } closes || closes < Today)
        {
            errors["feedbackClosesOn"] = ["Supplier feedback closes today or later."];
        }
        else if (!Plausible.Day.Contains(closes))
        {
            errors["feedbackClosesOn"] = [Plausible.Day.Refusal(closes)];
        }

        if (input.ReportsDueOn is { } reportsDue && !Plausible.Day.Contains(reportsDue))
        {
            errors["reportsDueOn"] = [Plausible.Day.Refusal(reportsDue)];
        }

        var threshold = input.MinimumResponses ?? MonitoringRound.DefaultThreshold;
        if (threshold < MonitoringRound.LowestThreshold)
        {
            errors["minimumResponses"] = [$"At least {MonitoringRound.LowestThreshold} suppliers must answer before a brand sees results: fewer could point at who answered."];
        }
        else if (!Plausible.Count.Contains(threshold))
        {
            errors["minimumResponses"] = [Plausible.Count.Refusal(threshold)];
        }

        var framework = input.FrameworkId is { } frameworkId
            ? await db.Set<IndicatorFramework>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == frameworkId && (f.OwnerOrganisationId == null || f.OwnerOrganisationId == access.Organisation.Id), ct)
            : null;
        if (framework is null)
        {
            errors["frameworkId"] = ["Choose the indicator framework: the starter or one of yours."];
        }

        var participants = (input.Participants ?? []).DistinctBy(p => p.BrandOrganisationId).ToList();
        var brandIds = participants.Select(p => p.BrandOrganisationId).ToList();
        var reviewerIds = participants.Select(p => p.ReviewerOrganisationId).OfType<Guid>().Distinct().ToList();
        var brands = await db.Set<Organisation>().Where(o => brandIds.Contains(o.Id) && o.Kind == OrganisationKind.Brand).CountAsync(ct);
        var reviewers = await db.Set<Organisation>().Where(o => reviewerIds.Contains(o.Id) && (o.Kind == OrganisationKind.Union || o.Kind == OrganisationKind.Initiative)).CountAsync(ct);
        if (participants.Count == 0 || brands != brandIds.Count)
        {
            errors["participants"] = ["Name the brands accountable in this round."];
        }
        else if (reviewers != reviewerIds.Count)
        {
            errors["participants"] = ["A brand's reviewer is a union or an initiative."];
        }

        if (errors.Count > 0)
        {
            throw new RuleViolation(errors, "The round was not opened.");
        }

        var round = new MonitoringRound
        {
            InitiativeOrganisationId = access.Organisation.Id, FrameworkId = framework!.Id, Name = input.Name!.Trim(), PeriodStart = input.PeriodStart!.Value, PeriodEnd = input.PeriodEnd!.Value,
            ReportsDueOn = input.ReportsDueOn!.Value, FeedbackClosesOn = input.FeedbackClosesOn!.Value, MinimumResponses = threshold, CreatedAt = clock.GetUtcNow(),
        };
        db.Add(round);
        db.AddRange(participants.Select(p => new RoundParticipant { RoundId = round.Id, BrandOrganisationId = p.BrandOrganisationId, ReviewerOrganisationId = p.ReviewerOrganisationId }));
        await notifier.TellAsync(brandIds, Phrase.Of("{0} opened the monitoring round '{1}': report by {2}.", access.Organisation.Name, round.Name, round.ReportsDueOn), o => $"/o/{o}/rounds/{round.Id}", ct);
        await notifier.TellAsync(reviewerIds, Phrase.Of("{0} asks you to review brands' reports in '{1}'.", access.Organisation.Name, round.Name), o => $"/o/{o}/rounds/{round.Id}", ct);
        audit.Record(access.Organisation.Id, "round.opened", $"Monitoring round '{round.Name}' with {participants.Count} brands (threshold {threshold})");
        await db.SaveChangesAsync(ct);
        await feedback.InviteAsync(round.Id, ct);
        return await FindAsync(access, round.Id, ct);
    }

    public async Task<IReadOnlyList<RoundDto>> ListAsync(OrganisationAccess access, CancellationToken ct)
    {
        var me = access.Organisation.Id;
        var ids = await db.Set<MonitoringRound>().Where(r => r.InitiativeOrganisationId == me
                || db.Set<RoundParticipant>().Any(p => p.RoundId == r.Id && (p.BrandOrganisationId == me || p.ReviewerOrganisationId == me))
                || db.Set<FeedbackInvitation>().Any(i => i.RoundId == r.Id && i.SupplierOrganisationId == me))
            .OrderByDescending(r => r.PeriodEnd).Select(r => r.Id).ToListAsync(ct);
        var rounds = new List<RoundDto>();
        foreach (var id in ids)
        {
            rounds.Add(await FindAsync(access, id, ct));
        }

        return rounds;
    }

    public async Task<RoundDto> FindAsync(OrganisationAccess access, Guid roundId, CancellationToken ct)
    {
        var seat = await RoundSeat.FindAsync(db, access, roundId, ct);
        var round = seat.Round;
        var names = await db.Set<Organisation>().Where(o => o.Id == round.InitiativeOrganisationId || seat.Brands.Contains(o.Id)
                || db.Set<RoundParticipant>().Any(p => p.RoundId == roundId && p.ReviewerOrganisationId == o.Id && seat.Brands.Contains(p.BrandOrganisationId)))
            .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var framework = await db.Set<IndicatorFramework>().Where(f => f.Id == round.FrameworkId).Select(f => f.Name).FirstAsync(ct);
        var indicators = await db.Set<Indicator>().CountAsync(i => i.FrameworkId == round.FrameworkId, ct);
        var participants = await db.Set<RoundParticipant>().AsNoTracking().Where(p => p.RoundId == roundId && seat.Brands.Contains(p.BrandOrganisationId)).ToListAsync(ct);
        var reports = (await db.Set<IndicatorReport>().Where(r => r.RoundId == roundId && seat.Brands.Contains(r.BrandOrganisationId))
            .Select(r => new { r.BrandOrganisationId, r.Status, r.SubmittedOn }).ToListAsync(ct)).ToLookup(r => r.BrandOrganisationId);
        var invitations = seat.Initiative
            ? (await db.Set<FeedbackInvitation>().Where(i => i.RoundId == roundId).GroupBy(i => i.BrandOrganisationId)
                .Select(g => new { Brand = g.Key, Invited = g.Count(), Answered = g.Count(i => i.Answered) }).ToListAsync(ct)).ToDictionary(g => g.Brand)
            : null;
        var overdue = Today > round.ReportsDueOn;
        return new RoundDto(round.Id, round.Name, names[round.InitiativeOrganisationId], round.FrameworkId, framework, round.PeriodStart, round.PeriodEnd, round.ReportsDueOn,
            round.FeedbackClosesOn, round.MinimumResponses, round.ReleasedCycle, round.ReleasedOn, seat.Initiative,
            participants.OrderBy(p => names[p.BrandOrganisationId]).Select(p =>
            {
                var mine = reports[p.BrandOrganisationId].ToList();
                var late = mine.Count(r => r.SubmittedOn > round.ReportsDueOn) + (overdue ? indicators - mine.Count : 0);
                var counts = invitations?.GetValueOrDefault(p.BrandOrganisationId);
                return new ParticipantDto(p.BrandOrganisationId, names[p.BrandOrganisationId], names[p.ReviewerOrganisationId ?? round.InitiativeOrganisationId], indicators, mine.Count,
                    mine.Count(r => r.Status == ReportStatus.Accepted), mine.Count(r => r.Status == ReportStatus.Queried), late,
                    invitations is null ? null : counts?.Invited ?? 0, invitations is null ? null : counts?.Answered ?? 0);
            }).ToList());
    }

    /// <summary>Raises the number of suppliers a brand's results need; it never goes down, so results once hidden stay hidden.</summary>
    public async Task<RoundDto> RaiseThresholdAsync(OrganisationAccess access, Guid roundId, ThresholdInput input, CancellationToken ct)
    {
        var seat = (await RoundSeat.FindAsync(db, access, roundId, ct)).RequireInitiative();
        if (input.MinimumResponses is not { } threshold || !RoundThreshold.MayChange(seat.Round.MinimumResponses, threshold) || !Plausible.Count.Contains(threshold))
        {
            throw new RuleViolation("minimumResponses", Phrase.Of("The threshold can only go up from {0}.", seat.Round.MinimumResponses));
        }

        var round = await db.Set<MonitoringRound>().FirstAsync(r => r.Id == roundId, ct);
        round.MinimumResponses = threshold;
        audit.Record(access.Organisation.Id, "round.threshold", $"Threshold of '{round.Name}' raised to {threshold}");
        await db.SaveChangesAsync(ct);
        return await FindAsync(access, roundId, ct);
    }
}
