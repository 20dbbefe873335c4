using CommonThread.Data;
using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Accountability;

/// <summary>A purchasing-practice category of a brand's last released supplier feedback: pooled, shown only above the round's threshold.</summary>
public sealed record FeedbackCategorySignal(Guid RoundId, string Round, DateOnly ReleasedOn, string Category, int Responses, double Score);

/// <summary>
/// What a brand's suppliers say about its purchasing practices, for its own risk register: their pooled feedback
/// as last released to it (never below the round's threshold, never a response or a facility). Its own payment
/// records are <see cref="PaymentTermsService.OwnLatePaymentsAsync"/>.
/// </summary>
public sealed class PurchasingPracticeSignals(AppDbContext db)
{
    public async Task<IReadOnlyList<FeedbackCategorySignal>> FeedbackAsync(OrganisationAccess access, CancellationToken ct)
    {
        var brand = access.Organisation.Id;
        var latest = await db.Set<MonitoringRound>().AsNoTracking()
            .Where(r => r.ReleasedOn != null && db.Set<FeedbackResult>().Any(f => f.RoundId == r.Id && f.BrandOrganisationId == brand))
            .OrderByDescending(r => r.ReleasedOn).FirstOrDefaultAsync(ct);
        if (latest is null)
        {
            return [];
        }

        var results = await db.Set<FeedbackResult>().AsNoTracking()
            .Where(f => f.RoundId == latest.Id && f.BrandOrganisationId == brand && f.Count >= latest.MinimumResponses && f.Category != FeedbackForm.OverallCategory)
            .ToListAsync(ct);
        return results.OrderBy(f => f.Category, StringComparer.Ordinal)
            .Select(f => new FeedbackCategorySignal(latest.Id, latest.Name, latest.ReleasedOn!.Value, f.Category, f.Count, Math.Round(f.Score))).ToList();
    }
}
