using CommonThread.Data;
using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Accountability;

/// <summary>Scorecards per brand and round, trends across an initiative's rounds, and the initiative's round report.</summary>
public sealed class ScorecardService(AppDbContext db, RoundService rounds, IndicatorReportService reports, FeedbackRelease release, PaymentTermsService payments, TimeProvider clock)
{
    private const int TrendRounds = 8;

    public async Task<ScorecardDto> ScorecardAsync(OrganisationAccess access, Guid roundId, Guid brandId, string? language, CancellationToken ct)
    {
        var seat = await RoundSeat.FindAsync(db, access, roundId, ct);
        seat.RequireSees(brandId);
        var round = seat.Round;
        var terms = await TermsAsync(round, [brandId], ct);
        var summary = (await SummariesAsync(round, [brandId], terms, ct)).Single();
        var sheet = await reports.SheetAsync(access, roundId, brandId, ct);
        var commitments = sheet.Lines.GroupBy(l => l.Indicator.Commitment).Select(g => new CommitmentScoreDto(g.Key, g.Count(), g.Count(l => l.Status is not null),
            g.Count(l => l.Status == ReportStatus.Accepted), g.Count(l => l.Indicator.Target is not null && l.Indicator.Kind != IndicatorKind.Text), g.Count(l => l.MeetsTarget == true))).ToList();
        var feedback = await release.ResultsAsync(round, brandId, language, ct);
        return new ScorecardDto(round.Id, round.Name, round.PeriodStart, round.PeriodEnd, summary, commitments, sheet, feedback, terms[brandId], await TrendAsync(round, brandId, ct));
    }

    /// <summary>The initiative's report on its round; the brands' lines are built in a handful of queries however many brands take part.</summary>
    public async Task<RoundReportDto> RoundReportAsync(OrganisationAccess access, Guid roundId, string? language, CancellationToken ct)
    {
        var seat = (await RoundSeat.FindAsync(db, access, roundId, ct)).RequireInitiative();
        var dto = await rounds.FindAsync(access, roundId, ct);
        var brands = await SummariesAsync(seat.Round, seat.Brands, await TermsAsync(seat.Round, seat.Brands, ct), ct);
        var averages = await db.Set<FeedbackResult>().AsNoTracking().Where(r => r.RoundId == roundId && r.BrandOrganisationId == null && r.Count >= FeedbackRelease.MinimumBrandsForAverage)
            .ToDictionaryAsync(r => r.Category, r => Math.Round(r.Score), ct);
        var allBrands = FeedbackForm.Categories.Select(c => (c.Name, Label: c.Label.In(language))).Append((Name: FeedbackForm.OverallCategory, Label: FeedbackForm.Label(FeedbackForm.OverallCategory, language)))
            .Select(c => new FeedbackCategoryDto(c.Name, c.Label, averages.TryGetValue(c.Name, out var s) ? s : null, averages.TryGetValue(c.Name, out var r) ? FeedbackForm.Rating(r) : null, null, null))
            .ToList();
        return new RoundReportDto(dto, brands.OrderBy(b => b.Brand).ToList(), allBrands);
    }

    /// <param name="terms">The brands' payment terms over the round's period, as the caller already has them.</param>
    private async Task<IReadOnlyList<BrandSummaryDto>> SummariesAsync(MonitoringRound round, IReadOnlyCollection<Guid> brandIds, IReadOnlyDictionary<Guid, PaymentTermsDto> terms,
        CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var indicators = await db.Set<Indicator>().AsNoTracking().Where(i => i.FrameworkId == round.FrameworkId).ToDictionaryAsync(i => i.Id, ct);
        var withTarget = indicators.Values.Count(i => i.Target is not null && i.Kind != IndicatorKind.Text);
        var reported = (await db.Set<IndicatorReport>().AsNoTracking().Where(r => r.RoundId == round.Id && brandIds.Contains(r.BrandOrganisationId))
            .Select(r => new { r.BrandOrganisationId, r.IndicatorId, r.Value, r.Status, r.SubmittedOn }).ToListAsync(ct)).ToLookup(r => r.BrandOrganisationId);
        var feedback = await db.Set<FeedbackResult>().AsNoTracking()
            .Where(r => r.RoundId == round.Id && r.Category == FeedbackForm.OverallCategory && r.BrandOrganisationId != null && brandIds.Contains(r.BrandOrganisationId.Value))
            .ToDictionaryAsync(r => r.BrandOrganisationId!.Value, ct);
        var overdue = today > round.ReportsDueOn;
        return brandIds.Select(brand =>
        {
            var mine = reported[brand].ToList();
            var shown = feedback.TryGetValue(brand, out var f) && f.Count >= round.MinimumResponses ? f : null;
            var pay = terms[brand];
            return new BrandSummaryDto(brand, pay.Brand, indicators.Count, mine.Count, mine.Count(r => r.Status == ReportStatus.Accepted), mine.Count(r => r.Status == ReportStatus.Queried),
                mine.Count(r => r.SubmittedOn > round.ReportsDueOn) + (overdue ? indicators.Count - mine.Count : 0), withTarget,
                mine.Count(r => indicators.TryGetValue(r.IndicatorId, out var i) && i.Meets(r.Value) == true), shown?.Count, shown is null ? null : Math.Round(shown.Score),
                shown is null ? null : FeedbackForm.Rating(Math.Round(shown.Score)), pay.BrandRecorded.OnTimeShare, pay.BrandRecorded.AverageDaysToPay, pay.SupplierReported?.OnTimeShare);
        }).ToList();
    }

    /// <summary>Payment terms over the round's period, suppliers' reports pooled with the round's threshold.</summary>
    private Task<IReadOnlyDictionary<Guid, PaymentTermsDto>> TermsAsync(MonitoringRound round, IReadOnlyCollection<Guid> brandIds, CancellationToken ct) =>
        payments.TermsAsync(brandIds, round.PeriodStart, round.PeriodEnd, round.MinimumResponses, ct);

    /// <summary>The brand across the initiative's rounds it took part in, oldest first, up to this one.</summary>
    private async Task<IReadOnlyList<TrendPointDto>> TrendAsync(MonitoringRound round, Guid brandId, CancellationToken ct)
    {
        var earlier = await (from r in db.Set<MonitoringRound>()
                             join p in db.Set<RoundParticipant>() on r.Id equals p.RoundId
                             where r.InitiativeOrganisationId == round.InitiativeOrganisationId && p.BrandOrganisationId == brandId && r.PeriodEnd <= round.PeriodEnd
                             orderby r.PeriodEnd descending
                             select r).AsNoTracking().Take(TrendRounds).ToListAsync(ct);
        var points = new List<TrendPointDto>();
        foreach (var r in earlier.OrderBy(r => r.PeriodEnd))
        {
            var s = (await SummariesAsync(r, [brandId], await TermsAsync(r, [brandId], ct), ct)).Single();
            points.Add(new TrendPointDto(r.Id, r.Name, r.PeriodEnd, s.ReportedPercent, s.TargetsMetPercent, s.Feedback, s.OnTimeShare));
        }

        return points;
    }
}
