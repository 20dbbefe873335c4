using CommonThread.Data;
using CommonThread.Web.Notifications;
using Microsoft.EntityFrameworkCore;
using CommonThread.Web.Platform.Localization;

namespace CommonThread.Web.Grievances;

/// <summary>
/// Closed and rejected cases are kept for the mechanism's retention period, then deleted with
/// everything in them. The parties are told <see cref="NoticeDays"/> days before, in the case record,
/// so one of them can export what its own reporting needs; a case is never deleted unannounced.
/// </summary>
public sealed class CaseRetention(AppDbContext db, CaseCrypto crypto, CaseNotices notices, TimeProvider clock, ILogger<CaseRetention> log)
{
    public const int NoticeDays = 30;

    public async Task<(int Announced, int Deleted)> RunOnceAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var closed = await (from c in db.Set<GrievanceCase>()
                            join m in db.Set<GrievanceMechanism>() on c.MechanismId equals m.Id
                            where c.ClosedOn != null
                            select new { Case = c, m.RetainClosedCasesDays }).ToListAsync(ct);
        var (announced, deleted) = (0, 0);
        foreach (var item in closed)
        {
            var grievance = item.Case;
            var deleteOn = grievance.ClosedOn!.Value.AddDays(item.RetainClosedCasesDays);
            if (grievance.DeletionAnnouncedOn is { } notice && today >= deleteOn && today >= notice.AddDays(NoticeDays))
            {
                // A later case (retaliation) may point to this one: it stays, without the link.
                await db.Set<GrievanceCase>().Where(c => c.RelatedCaseId == grievance.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.RelatedCaseId, (Guid?)null), ct);
                db.Remove(grievance);
                deleted++;
            }
            else if (grievance.DeletionAnnouncedOn is null && today >= deleteOn.AddDays(-NoticeDays))
            {
                var when = deleteOn > today.AddDays(NoticeDays) ? deleteOn : today.AddDays(NoticeDays);
                var key = crypto.Unwrap(grievance.WrappedKey, grievance.Id);
                db.Add(new CaseMessage
                {
                    CaseId = grievance.Id, Kind = MessageKind.InternalNote, On = today, Sequence = await CaseMessages.NextSequenceAsync(db, grievance.Id, ct),
                    Body = crypto.Encrypt(key, $"This closed case and everything in it will be deleted on {when:yyyy-MM-dd}, as the mechanism's retention rule says. Export what your reporting needs before then.", grievance.Id),
                });
                grievance.DeletionAnnouncedOn = today;
                await notices.TellAsync(grievance, Phrase.Of("Closed case {0} will be deleted on {1}: export what your reporting needs before then.", grievance.Reference, when), ct);
                announced++;
            }
        }

        await db.SaveChangesAsync(ct);
        if (announced + deleted > 0)
        {
            log.LogInformation("Case retention: {Announced} deletions announced, {Deleted} cases deleted.", announced, deleted);
        }

        return (announced, deleted);
    }
}
