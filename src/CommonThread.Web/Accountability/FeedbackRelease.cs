using CommonThread.Data;
using CommonThread.Web.Notifications;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using CommonThread.Web.Platform.Localization;

namespace CommonThread.Web.Accountability;

/// <summary>
/// Results reach brands in cycles: a release counts and averages every answer so far and stores the
/// figures; brands read only the stored figures. An answer given after a release changes nothing a
/// brand sees until the next one, so no single late answer can be picked out by watching.
/// </summary>
public sealed class FeedbackRelease(AppDbContext db, Notifier notifier, AuditLog audit, TimeProvider clock, IOptions<AccountabilityOptions> options)
{
    /// <summary>
    /// An all-brand average of fewer brands lets a brand that knows its own score work out the others':
    /// with three or more it cannot.
    /// </summary>
    public const int MinimumBrandsForAverage = 3;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The initiative releases now, between the scheduled cycles.</summary>
    public async Task<ReleaseDto> ReleaseAsync(OrganisationAccess access, Guid roundId, CancellationToken ct)
    {
        (await RoundSeat.FindAsync(db, access, roundId, ct)).RequireInitiative();
        return await ReleaseRoundAsync(roundId, access.Organisation.Id, ct);
    }

    /// <summary>
    /// The scheduled cycle: every round with feedback open (or closed within a cycle) and not released
    /// for a cycle is released, on behalf of its initiative. Returns how many rounds were released.
    /// </summary>
    /// <param name="initiativeId">Only this initiative's rounds; every initiative's when null.</param>
    public async Task<int> ReleaseDueAsync(Guid? initiativeId, CancellationToken ct)
    {
        var today = Today;
        var every = options.Value.ReleaseEveryDays;
        var due = await db.Set<MonitoringRound>()
            .Where(r => (initiativeId == null || r.InitiativeOrganisationId == initiativeId) && r.FeedbackClosesOn >= today.AddDays(-every) && (r.ReleasedOn == null || r.ReleasedOn <= today.AddDays(-every))
                && db.Set<FeedbackResponse>().Any(f => f.RoundId == r.Id && !f.SelfAssessment))
            .Select(r => new { r.Id, r.InitiativeOrganisationId }).ToListAsync(ct);
        foreach (var round in due)
        {
            await ReleaseRoundAsync(round.Id, round.InitiativeOrganisationId, ct);
            db.ChangeTracker.Clear();
        }

        return due.Count;
    }

    private async Task<ReleaseDto> ReleaseRoundAsync(Guid roundId, Guid actorOrganisationId, CancellationToken ct)
    {
        // One snapshot for counting and marking: an answer arriving meanwhile waits for the next release.
        await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var round = await db.Set<MonitoringRound>().FirstAsync(r => r.Id == roundId, ct);
        var threshold = round.MinimumResponses;
        var overall = await db.Set<FeedbackResponse>().Where(r => r.RoundId == roundId && !r.SelfAssessment).GroupBy(r => r.BrandOrganisationId)
            .Select(g => new { Brand = g.Key, Count = g.Count(), Score = g.Average(r => r.Overall) }).ToListAsync(ct);
        var categories = await (from s in db.Set<FeedbackScore>()
                                join r in db.Set<FeedbackResponse>() on s.ResponseId equals r.Id
                                where r.RoundId == roundId && !r.SelfAssessment
                                group s by new { r.BrandOrganisationId, s.Category } into g
                                select new { Brand = g.Key.BrandOrganisationId, g.Key.Category, Count = g.Count(), Score = g.Average(s => s.Score) }).ToListAsync(ct);
        var fresh = overall.Select(o => new FeedbackResult { RoundId = roundId, BrandOrganisationId = o.Brand, Category = FeedbackForm.OverallCategory, Count = o.Count, Score = o.Score })
            .Concat(categories.Select(c => new FeedbackResult { RoundId = roundId, BrandOrganisationId = c.Brand, Category = c.Category, Count = c.Count, Score = c.Score }));
        var previous = await db.Set<FeedbackResult>().AsNoTracking().Where(r => r.RoundId == roundId && r.BrandOrganisationId != null)
            .ToDictionaryAsync(r => (r.BrandOrganisationId!.Value, r.Category), ct);
        var results = fresh.Select(r => Batched(r, previous.GetValueOrDefault((r.BrandOrganisationId!.Value, r.Category)), threshold)).OfType<FeedbackResult>().ToList();
        var recounted = results.Where(r => r.Category == FeedbackForm.OverallCategory && previous.GetValueOrDefault((r.BrandOrganisationId!.Value, r.Category))?.Count != r.Count)
            .Select(r => r.BrandOrganisationId!.Value).ToList();
        // The average of brands' averages, each brand counted once and only where its own figure may be shown.
        results.AddRange(results.Where(r => r.Count >= threshold).GroupBy(r => r.Category)
            .Select(g => new FeedbackResult { RoundId = roundId, Category = g.Key, Count = g.Count(), Score = g.Average(r => r.Score) }));

        var shown = results.Where(r => r.BrandOrganisationId is not null && r.Category == FeedbackForm.OverallCategory && r.Count >= threshold).Select(r => r.BrandOrganisationId!.Value).ToList();
        round.ReleasedCycle++;
        round.ReleasedOn = Today;
        await db.Set<FeedbackResult>().Where(r => r.RoundId == roundId).ExecuteDeleteAsync(ct);
        db.AddRange(results);
        var cycle = round.ReleasedCycle;
        // Comments travel with their batch of answers, so a lone late comment does not stand out either.
        await db.Set<FeedbackComment>().Where(c => c.RoundId == roundId && !c.InBatch && recounted.Contains(c.BrandOrganisationId))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.InBatch, true), ct);
        var released = await db.Set<FeedbackComment>().Where(c => c.RoundId == roundId && c.InBatch && c.ReleasedInCycle == null && (c.Flags == null || c.Cleared))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ReleasedInCycle, cycle), ct);
        var waiting = await db.Set<FeedbackComment>().CountAsync(c => c.RoundId == roundId && c.Flags != null && !c.Cleared, ct);
        await notifier.TellAsync(shown, Phrase.Of("Supplier feedback on your purchasing practices in '{0}' was released.", round.Name), o => $"/o/{o}/rounds/{roundId}/scorecard/{o}", ct);
        audit.Record(actorOrganisationId, "round.released", $"Feedback release {cycle} of '{round.Name}': {shown.Count} brands shown, {overall.Count - shown.Count} below the threshold");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ReleaseDto(cycle, round.ReleasedOn.Value, shown.Count, overall.Count - shown.Count, released, waiting);
    }

    /// <summary>The result a release stores, as <see cref="FeedbackBatch.Next"/> decides; null when none may be stored yet.</summary>
    private static FeedbackResult? Batched(FeedbackResult fresh, FeedbackResult? stored, int threshold) =>
        FeedbackBatch.Next(stored is null ? null : new(stored.Count, stored.Score), new(fresh.Count, fresh.Score), threshold) is { } figure
            ? new FeedbackResult { RoundId = fresh.RoundId, BrandOrganisationId = fresh.BrandOrganisationId, Category = fresh.Category, Count = figure.Count, Score = figure.Score }
            : null;

    /// <summary>A brand's feedback as last released, for whoever may see the brand in the round (checked by the caller).</summary>
    public async Task<FeedbackViewDto> ResultsAsync(MonitoringRound round, Guid brandId, string? language, CancellationToken ct)
    {
        var results = await db.Set<FeedbackResult>().AsNoTracking().Where(r => r.RoundId == round.Id && (r.BrandOrganisationId == brandId || r.BrandOrganisationId == null)).ToListAsync(ct);
        var self = await (from s in db.Set<FeedbackScore>()
                          join r in db.Set<FeedbackResponse>() on s.ResponseId equals r.Id
                          where r.RoundId == round.Id && r.BrandOrganisationId == brandId && r.SelfAssessment
                          select new { s.Category, s.Score }).ToDictionaryAsync(s => s.Category, s => s.Score, ct);
        var selfOverall = await db.Set<FeedbackResponse>().Where(r => r.RoundId == round.Id && r.BrandOrganisationId == brandId && r.SelfAssessment).Select(r => (double?)r.Overall).FirstOrDefaultAsync(ct);
        var k = round.MinimumResponses;
        double? Mine(string category) => results.FirstOrDefault(r => r.BrandOrganisationId == brandId && r.Category == category) is { } r && r.Count >= k ? Math.Round(r.Score) : null;
        double? All(string category) => results.FirstOrDefault(r => r.BrandOrganisationId == null && r.Category == category) is { } r && r.Count >= MinimumBrandsForAverage ? Math.Round(r.Score) : null;
        var overall = Mine(FeedbackForm.OverallCategory);
        var shown = overall is not null;
        var comments = shown
            ? (await db.Set<FeedbackComment>().AsNoTracking().Where(c => c.RoundId == round.Id && c.BrandOrganisationId == brandId && c.ReleasedInCycle != null)
                .Select(c => new { c.Category, c.Text }).ToListAsync(ct))
                .OrderBy(c => FeedbackForm.Categories.ToList().FindIndex(g => g.Name == c.Category) is var i and >= 0 ? i : int.MaxValue).ThenBy(c => c.Text, StringComparer.Ordinal)
                .Select(c => new FeedbackCommentDto(FeedbackForm.Label(c.Category, language), c.Text)).ToList()
            : [];
        return new FeedbackViewDto(k, round.ReleasedOn, shown,
            shown ? results.First(r => r.BrandOrganisationId == brandId && r.Category == FeedbackForm.OverallCategory).Count : null,
            overall, overall is { } o ? FeedbackForm.Rating(o) : null, selfOverall is { } so ? Math.Round(so) : null, All(FeedbackForm.OverallCategory),
            FeedbackForm.Categories.Select(Category).ToList(), comments);

        FeedbackCategoryDto Category(CommonThread.XlsForm.FormGroup c)
        {
            var score = shown ? Mine(c.Name) : null;
            return new(c.Name, c.Label.In(language), score, score is { } s ? FeedbackForm.Rating(s) : null, self.TryGetValue(c.Name, out var mine) ? Math.Round(mine) : null, All(c.Name));
        }
    }
}
