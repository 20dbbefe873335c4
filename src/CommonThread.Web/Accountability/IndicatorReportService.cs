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

/// <summary>A brand reports each indicator with evidence; its reviewer accepts or queries, and both discuss each report.</summary>
public sealed class IndicatorReportService(AppDbContext db, Notifier notifier, AuditLog audit, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<BrandSheetDto> SheetAsync(OrganisationAccess access, Guid roundId, Guid brandId, CancellationToken ct)
    {
        var seat = await RoundSeat.FindAsync(db, access, roundId, ct);
        seat.RequireSees(brandId);
        var round = seat.Round;
        var participant = await db.Set<RoundParticipant>().FirstAsync(p => p.RoundId == roundId && p.BrandOrganisationId == brandId, ct);
        var names = await db.Set<Organisation>().Where(o => o.Id == brandId || o.Id == (participant.ReviewerOrganisationId ?? round.InitiativeOrganisationId))
            .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var indicators = await db.Set<Indicator>().AsNoTracking().Where(i => i.FrameworkId == round.FrameworkId).OrderBy(i => i.Order).ToListAsync(ct);
        var reports = await db.Set<IndicatorReport>().AsNoTracking().Where(r => r.RoundId == roundId && r.BrandOrganisationId == brandId)
            .Select(r => new { r.Id, r.IndicatorId, r.Value, r.Text, r.EvidenceFileName, r.Status, r.SubmittedOn }).ToDictionaryAsync(r => r.IndicatorId, ct);
        var reportIds = reports.Values.Select(r => r.Id).ToList();
        var messages = (await (from m in db.Set<ReportMessage>()
                               join o in db.Set<Organisation>() on m.OrganisationId equals o.Id
                               where reportIds.Contains(m.ReportId)
                               select new { m.Id, m.ReportId, o.Name, m.Text, m.CreatedAt }).ToListAsync(ct)).OrderBy(m => m.Id).ToLookup(m => m.ReportId);
        var lines = indicators.Select(i =>
        {
            var r = reports.GetValueOrDefault(i.Id);
            return new ReportLineDto(FrameworkService.Dto(i), r?.Id, r?.Value, r?.Text, r?.EvidenceFileName, r?.Status, r?.SubmittedOn,
                r is null ? Today > round.ReportsDueOn : r.SubmittedOn > round.ReportsDueOn, r is null ? null : i.Meets(r.Value),
                r is null ? [] : messages[r.Id].Select(m => new ReportMessageDto(m.Name, m.Text, m.CreatedAt)).ToList());
        }).ToList();
        return new BrandSheetDto(roundId, brandId, names[brandId], names[participant.ReviewerOrganisationId ?? round.InitiativeOrganisationId],
            brandId == access.Organisation.Id, seat.Reviews(brandId), lines);
    }

    /// <summary>The brand's value for an indicator; reporting again after a query sends it back for review.</summary>
    public async Task<BrandSheetDto> ReportAsync(OrganisationAccess access, Guid roundId, Guid indicatorId, ReportInput input, CancellationToken ct)
    {
        var (round, indicator) = await OwnIndicatorAsync(access, roundId, indicatorId, ct);
        var (value, text) = Validated(indicator, input);
        var report = await db.Set<IndicatorReport>().FirstOrDefaultAsync(r => r.RoundId == roundId && r.BrandOrganisationId == access.Organisation.Id && r.IndicatorId == indicatorId, ct);
        if (report?.Status == ReportStatus.Accepted)
        {
            throw RuleViolation.Conflict("status", "The reviewer accepted this report: it no longer changes.");
        }

        if (report is null)
        {
            report = new IndicatorReport { RoundId = roundId, BrandOrganisationId = access.Organisation.Id, IndicatorId = indicatorId };
            db.Add(report);
        }

        report.Value = value;
        report.Text = text;
        report.Status = ReportStatus.Submitted;
        report.SubmittedOn = Today;
        audit.Record(access.Organisation.Id, "round.reported", $"Indicator {indicator.Code} reported in '{round.Name}'");
        await db.SaveChangesAsync(ct);
        return await SheetAsync(access, roundId, access.Organisation.Id, ct);
    }

    public async Task<BrandSheetDto> AttachEvidenceAsync(OrganisationAccess access, Guid roundId, Guid indicatorId, string fileName, byte[] bytes, CancellationToken ct)
    {
        await OwnIndicatorAsync(access, roundId, indicatorId, ct);
        var report = await db.Set<IndicatorReport>().FirstOrDefaultAsync(r => r.RoundId == roundId && r.BrandOrganisationId == access.Organisation.Id && r.IndicatorId == indicatorId, ct)
            ?? throw new RuleViolation("indicator", "Report the indicator before attaching its evidence.");
        var name = AttachedDocument.Checked(fileName, bytes, "evidence");
        if (report.Status == ReportStatus.Accepted)
        {
            throw RuleViolation.Conflict("status", "The reviewer accepted this report: it no longer changes.");
        }

        report.EvidenceFileName = name;
        report.Evidence = bytes;
        report.Status = ReportStatus.Submitted;
        audit.Record(access.Organisation.Id, "round.evidence", $"Evidence '{report.EvidenceFileName}' attached");
        await db.SaveChangesAsync(ct);
        return await SheetAsync(access, roundId, access.Organisation.Id, ct);
    }

    public async Task<(string FileName, byte[] Content)> EvidenceAsync(OrganisationAccess access, Guid roundId, Guid reportId, CancellationToken ct)
    {
        var seat = await RoundSeat.FindAsync(db, access, roundId, ct);
        var found = await db.Set<IndicatorReport>().Where(r => r.Id == reportId && r.RoundId == roundId).Select(r => new { r.BrandOrganisationId, r.EvidenceFileName, r.Evidence }).FirstOrDefaultAsync(ct);
        return found is { EvidenceFileName: { } name, Evidence: { } content } && seat.Sees(found.BrandOrganisationId) ? (name, content) : throw RuleViolation.NotFound("evidence");
    }

    /// <summary>The reviewer's verdict. A query says what is missing; evidence an indicator requires must be there to accept.</summary>
    public async Task<BrandSheetDto> ReviewAsync(OrganisationAccess access, Guid roundId, Guid reportId, ReviewInput input, CancellationToken ct)
    {
        var (seat, report) = await ReportAsync(access, roundId, reportId, ct);
        if (!seat.Reviews(report.BrandOrganisationId))
        {
            throw new RuleViolation("report", "Only the brand's reviewer in this round accepts or queries its reports.", StatusCodes.Status403Forbidden);
        }

        var message = TextInput.OrNull(input.Message);
        if (input.Verdict is not (ReportStatus.Accepted or ReportStatus.Queried) || (input.Verdict == ReportStatus.Queried && message is null))
        {
            throw new RuleViolation(input.Verdict is null or ReportStatus.Submitted ? "verdict" : "message", "Accept the report, or query it saying what is missing.");
        }

        var indicator = await db.Set<Indicator>().FirstAsync(i => i.Id == report.IndicatorId, ct);
        if (input.Verdict == ReportStatus.Accepted && indicator.EvidenceRequired && report.EvidenceFileName is null)
        {
            throw new RuleViolation("verdict", Phrase.Of("Indicator {0} needs evidence before it can be accepted: query it instead.", indicator.Code));
        }

        report.Status = input.Verdict.Value;
        report.ReviewedOn = Today;
        await AddMessageAsync(access, report, message, ct);
        audit.Record(access.Organisation.Id, "round.reviewed", $"Indicator {indicator.Code} {report.Status.ToString().ToLowerInvariant()}");
        await db.SaveChangesAsync(ct);
        return await SheetAsync(access, roundId, report.BrandOrganisationId, ct);
    }

    public async Task<BrandSheetDto> DiscussAsync(OrganisationAccess access, Guid roundId, Guid reportId, MessageInput input, CancellationToken ct)
    {
        var (seat, report) = await ReportAsync(access, roundId, reportId, ct);
        if (report.BrandOrganisationId != access.Organisation.Id && !seat.Reviews(report.BrandOrganisationId) && !seat.Initiative)
        {
            throw new RuleViolation("report", "The brand, its reviewer and the initiative discuss a report.", StatusCodes.Status403Forbidden);
        }

        if (TextInput.OrNull(input.Text) is not { Length: <= CommitmentComment.TextMaxLength } text)
        {
            throw new RuleViolation("text", Phrase.Of("Write a message of up to {0} characters.", CommitmentComment.TextMaxLength));
        }

        await AddMessageAsync(access, report, text, ct);
        await db.SaveChangesAsync(ct);
        return await SheetAsync(access, roundId, report.BrandOrganisationId, ct);
    }

    private async Task AddMessageAsync(OrganisationAccess access, IndicatorReport report, string? text, CancellationToken ct)
    {
        if (text is null)
        {
            return;
        }

        db.Add(new ReportMessage { ReportId = report.Id, OrganisationId = access.Organisation.Id, Text = text, CreatedAt = clock.GetUtcNow() });
        var participant = await db.Set<RoundParticipant>().FirstAsync(p => p.RoundId == report.RoundId && p.BrandOrganisationId == report.BrandOrganisationId, ct);
        var round = await db.Set<MonitoringRound>().FirstAsync(r => r.Id == report.RoundId, ct);
        var others = new[] { report.BrandOrganisationId, participant.ReviewerOrganisationId ?? round.InitiativeOrganisationId }.Where(o => o != access.Organisation.Id).Distinct().ToList();
        await notifier.TellAsync(others, Phrase.Of("{0} wrote about a report in '{1}'.", access.Organisation.Name, round.Name), o => $"/o/{o}/rounds/{round.Id}?brand={report.BrandOrganisationId}", ct);
    }

    private async Task<(RoundSeat, IndicatorReport)> ReportAsync(OrganisationAccess access, Guid roundId, Guid reportId, CancellationToken ct)
    {
        var seat = await RoundSeat.FindAsync(db, access, roundId, ct);
        var report = await db.Set<IndicatorReport>().FirstOrDefaultAsync(r => r.Id == reportId && r.RoundId == roundId, ct);
        return report is not null && seat.Sees(report.BrandOrganisationId) ? (seat, report) : throw RuleViolation.NotFound("report");
    }

    private async Task<(MonitoringRound, Indicator)> OwnIndicatorAsync(OrganisationAccess access, Guid roundId, Guid indicatorId, CancellationToken ct)
    {
        var seat = await RoundSeat.FindAsync(db, access, roundId, ct);
        if (!seat.Sees(access.Organisation.Id))
        {
            throw new RuleViolation("round", "Only a brand accountable in the round reports on it.", StatusCodes.Status403Forbidden);
        }

        var indicator = await db.Set<Indicator>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == indicatorId && i.FrameworkId == seat.Round.FrameworkId, ct)
            ?? throw RuleViolation.NotFound("indicator");
        return (seat.Round, indicator);
    }

    private static (decimal? Value, string? Text) Validated(Indicator indicator, ReportInput input)
    {
        var text = TextInput.OrNull(input.Text);
        if (text?.Length > IndicatorReport.TextMaxLength)
        {
            throw new RuleViolation("text", Phrase.Of("Keep the explanation to {0} characters.", IndicatorReport.TextMaxLength));
        }

        var fits = indicator.Kind switch
        {
            IndicatorKind.Text => text is not null,
            IndicatorKind.Percentage => input.Value is { } percent && Plausible.Percent.Contains(percent),
            IndicatorKind.YesNo => input.Value is 0 or 1,
            IndicatorKind.Scale => input.Value is { } v && v >= 1 && v <= (indicator.ScaleMax ?? 1) && decimal.IsInteger(v),
            _ => input.Value is { } number && Plausible.AnyNumber.Contains(number),
        };
        return fits
            ? (indicator.Kind == IndicatorKind.Text ? null : input.Value, text)
            : throw indicator.Kind switch
            {
                IndicatorKind.Text => new RuleViolation("text", "Write the answer."),
                IndicatorKind.Percentage => new RuleViolation("value", "Give a percentage from 0 to 100."),
                IndicatorKind.YesNo => new RuleViolation("value", "Answer yes (1) or no (0)."),
                IndicatorKind.Scale => new RuleViolation("value", Phrase.Of("Give a whole number from 1 to {0}.", indicator.ScaleMax)),
                _ => new RuleViolation("value", "Give a number."),
            };
    }
}
