using CommonThread.Data;
using CommonThread.Web.Notifications;
using CommonThread.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Knowledge.Networks;

/// <summary>
/// Reminds the organisation that owns an open action item a week before it is due, and, once it is overdue, tells the
/// owner and the convener. An organisation that left the network is no longer reminded of what it undertook there.
/// </summary>
public sealed class ActionReminders(AppDbContext db, Notifier notifier, TimeProvider clock)
{
    /// <summary>Days before the due day at which the owner hears of it.</summary>
    public const int DaysBefore = 7;

    /// <summary>How long after the due day an overdue notice that was missed (the platform was down) is still sent.</summary>
    private const int LateDays = 30;

    public async Task<int> RemindAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var first = today.AddDays(-LateDays);
        var last = today.AddDays(DaysBefore);
        var items = await (from a in db.Set<ActionItem>()
                           join n in db.Set<Network>() on a.NetworkId equals n.Id
                           where a.Status == ActionItemStatus.Open && a.DueOn >= first && a.DueOn <= last
                               && db.Set<NetworkMember>().Any(m => m.NetworkId == n.Id && m.OrganisationId == a.OwnerOrganisationId && m.Status == MembershipStatus.Joined)
                           select new { a, Network = n.Title, n.ConvenerOrganisationId }).ToListAsync(ct);
        var told = 0;
        foreach (var item in items)
        {
            var a = item.a;
            var overdue = a.DueOn < today;
            var what = NetworkService.Shorten(a.Description);
            var count = await notifier.TellAsync(overdue ? [a.OwnerOrganisationId, item.ConvenerOrganisationId] : [a.OwnerOrganisationId],
                overdue ? Phrase.Of("An action of '{0}' was due on {1} and is not done: {2}", item.Network, a.DueOn, what)
                    : Phrase.Of("An action of '{0}' is due on {1}: {2}", item.Network, a.DueOn, what),
                o => $"/o/{o}/networks/{a.NetworkId}#action-{a.Id}", ct, key: $"network-action:{a.Id}:{(overdue ? "overdue" : "due")}");
            if (count > 0)
            {
                a.RemindedOn = today;
                told += count;
            }
        }

        await db.SaveChangesAsync(ct);
        return told;
    }
}
