using CommonThread.Data;
using CommonThread.Web.Notifications;
using Microsoft.EntityFrameworkCore;
using CommonThread.Web.Platform.Localization;

namespace CommonThread.Web.Grievances;

/// <summary>
/// Tells every party's members once when a case misses its acknowledgement or feedback deadline
/// (the lists flag such cases all along; this is the push). Run on a schedule; running it again
/// tells nobody twice.
/// </summary>
public sealed class CaseDeadlines(AppDbContext db, CaseNotices notices, TimeProvider clock)
{
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var overdue = await db.Set<GrievanceCase>()
            .Where(c => c.Status != CaseStatus.Closed && c.Status != CaseStatus.Rejected)
            .Where(c => (c.AcknowledgedOn == null && c.AcknowledgeBy < today) || (c.FirstFeedbackOn == null && c.FeedbackBy < today))
            .ToListAsync(ct);
        foreach (var grievance in overdue)
        {
            if (grievance.AcknowledgedOn is null && grievance.AcknowledgeBy < today)
            {
                await notices.TellAsync(grievance, Phrase.Of("Case {0} is overdue: it was to be acknowledged by {1}.", grievance.Reference, grievance.AcknowledgeBy),
                    ct, key: $"case:{grievance.Id}:acknowledgement-overdue", urgent: true);
            }

            if (grievance.FirstFeedbackOn is null && grievance.FeedbackBy < today)
            {
                await notices.TellAsync(grievance, Phrase.Of("Case {0} is overdue: the reporter was to hear back by {1}.", grievance.Reference, grievance.FeedbackBy),
                    ct, key: $"case:{grievance.Id}:feedback-overdue", urgent: true);
            }
        }

        await db.SaveChangesAsync(ct);
        return overdue.Count;
    }
}
