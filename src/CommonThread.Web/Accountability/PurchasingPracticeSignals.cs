using CommonThread.Data;
using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Accountability;

/// <summary>A purchasing-practice category of a brand's last released supplier feedback: pooled, shown only above the round's threshold.</summary>
public sealed record FeedbackCategorySignal(Guid RoundId, string Round, DateOnly ReleasedOn, string Category, int Responses, double Score);

/// <summary>A brand's own payment records to one supplier over the last twelve months: invoices paid late or overdue, of those judged.</summary>
public sealed record LatePaymentSignal(Guid SupplierOrganisationId, int Late, int Judged);

/// <summary>
/// What a brand's purchasing practices say about the risks it contributes to, for its own risk register: its
/// suppliers' pooled feedback as last released to it (never below the round's threshold, never a response or a
/// facility), and the payments it recorded itself (its own data, so per supplier). Suppliers' own payment reports
/// are left out: per supplier they would name who reported the brand.
/// </summary>
public sealed class PurchasingPracticeSignals(AppDbContext db, TimeProvider clock)
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

    public async Task<IReadOnlyList<LatePaymentSignal>> LatePaymentsAsync(OrganisationAccess access, CancellationToken ct)
    {
        var brand = access.Organisation.Id;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var since = today.AddYears(-1);
        var rows = await db.Set<PaymentRecord>().AsNoTracking()
            .Where(p => p.BrandOrganisationId == brand && p.RecordedByOrganisationId == brand && p.InvoiceDate >= since)
            .Select(p => new { p.SupplierOrganisationId, p.InvoiceDate, p.AgreedTermsDays, p.PaidDate }).ToListAsync(ct);
        return rows.GroupBy(r => r.SupplierOrganisationId).Select(g =>
            {
                // Judged: paid, or unpaid past its due day; an invoice not yet due says nothing either way.
                var judged = g.Where(r => r.PaidDate is not null || r.InvoiceDate.AddDays(r.AgreedTermsDays) < today).ToList();
                var late = judged.Count(r => (r.PaidDate ?? today) > r.InvoiceDate.AddDays(r.AgreedTermsDays));
                return new LatePaymentSignal(g.Key, late, judged.Count);
            })
            .Where(s => s.Late > 0).OrderBy(s => s.SupplierOrganisationId).ToList();
    }
}
