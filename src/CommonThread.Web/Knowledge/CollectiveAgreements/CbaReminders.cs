using CommonThread.Data;
using CommonThread.Web.Notifications;
using CommonThread.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Knowledge.CollectiveAgreements;

/// <summary>
/// Tells an agreement's recorder and its confirmed parties on the platform that it is coming to an end: ninety days
/// before (time to open bargaining), thirty days before, and on expiry. Agreements imported from a dataset are the
/// dataset's: nobody here bargains them, so nobody is reminded.
/// </summary>
public sealed class CbaReminders(AppDbContext db, Notifier notifier, TimeProvider clock)
{
    /// <summary>Days before expiry at which the parties hear of it, the furthest first; 0 is the day it expires.</summary>
    public static readonly int[] Stages = [90, 30, 0];

    /// <summary>How long after expiry a reminder that was missed (the platform was down) is still sent.</summary>
    private const int LateDays = 30;

    public async Task<int> RemindAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var first = today.AddDays(-LateDays);
        var last = today.AddDays(Stages[0]);
        var ending = await db.Set<CollectiveAgreement>().AsNoTracking()
            .Where(a => a.Source == AgreementSource.Recorded && a.ExpiresOn != null && a.ExpiresOn >= first && a.ExpiresOn <= last)
            .Select(a => new
            {
                a.Id, a.Title, ExpiresOn = a.ExpiresOn!.Value, a.RecordedByOrganisationId,
                Parties = a.Parties.Where(p => p.OrganisationId != null && p.ConfirmedOn != null).Select(p => p.OrganisationId!.Value).ToList(),
            })
            .ToListAsync(ct);
        var told = 0;
        foreach (var a in ending)
        {
            var daysLeft = a.ExpiresOn.DayNumber - today.DayNumber;
            // The nearest stage reached: a reminder missed while the platform was down is sent late, never twice.
            var stage = Stages.Last(s => daysLeft <= s);
            var text = stage == 0
                ? Phrase.Of("The collective agreement '{0}' expired on {1}.", a.Title, a.ExpiresOn)
                : Phrase.Of("The collective agreement '{0}' expires on {1}, in {2} days.", a.Title, a.ExpiresOn, daysLeft);
            told += await notifier.TellAsync([a.RecordedByOrganisationId, .. a.Parties], text, o => $"/o/{o}/collective-agreements/{a.Id}", ct,
                key: $"agreement-expiry:{a.Id}:{stage}");
        }

        await db.SaveChangesAsync(ct);
        return told;
    }
}
