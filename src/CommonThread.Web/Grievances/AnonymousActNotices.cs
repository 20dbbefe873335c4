using CommonThread.Data;
using CommonThread.Web.Notifications;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using CommonThread.Web.Platform.Localization;

namespace CommonThread.Web.Grievances;

/// <summary>
/// Tells the parties of new cases and of reporters' messages in batches, never at the moment the worker
/// acted: a notice (or its e-mail) that arrives a minute after a report times it, and a factory that
/// knows who was on their phone at 10:32 knows who reported. Nothing is queued: what is still to be told
/// is read from the cases and messages themselves, and each notice has a key, so a run repeated (a second
/// node, a restart) tells nobody twice. Notices are dated by the day and get random ids.
/// </summary>
/// <remarks>
/// Ordinary cases: every case received on a day is told at the first run from <see cref="GrievanceOptions.NoticeHourUtc"/>
/// the next day, as one notice per party ("3 new grievance cases"), so a flood of reports is one notice too.
/// Retaliation is urgent, and waiting a day may leave a worker exposed for a day; but a retaliation report is
/// filed by a worker the factory may already suspect, so its exact time is the most dangerous to give away.
/// The trade-off: urgent notices go at the first run of every block of <see cref="GrievanceOptions.UrgentNoticeEveryHours"/>
/// hours (4 by default), so parties hear within about that many hours, and the notice places the act only
/// within such a block. Shorter blocks are faster and narrower; with several app nodes, a second run in the
/// same block releases what arrived since the first, which narrows it further.
/// </remarks>
public sealed class AnonymousActNotices(AppDbContext db, CaseNotices notices, Notifier notifier, IOptions<GrievanceOptions> options, TimeProvider clock)
{
    /// <summary>How far back a run looks for what it has not told yet (a scheduler stopped for a week still catches up).</summary>
    public const int CatchUpDays = 7;

    /// <summary>What a run at <paramref name="now"/> releases: ordinary notices through a day, urgent ones through a day, or nothing.</summary>
    public static (DateOnly? OrdinaryThrough, DateOnly? UrgentThrough) Due(DateTimeOffset now, GrievanceOptions settings)
    {
        var utc = now.UtcDateTime;
        var today = DateOnly.FromDateTime(utc);
        return (utc.Hour >= settings.NoticeHourUtc ? today.AddDays(-1) : null,
            utc.Hour % Math.Max(1, settings.UrgentNoticeEveryHours) == 0 ? today : null);
    }

    /// <summary>Called by the schedule every hour.</summary>
    public async Task RunDueAsync(CancellationToken ct)
    {
        var (ordinary, urgent) = Due(clock.GetUtcNow(), options.Value);
        if (urgent is { } urgentThrough)
        {
            await ReleaseAsync(urgentThrough, urgentOnly: true, ct);
        }

        if (ordinary is { } through)
        {
            await ReleaseAsync(through, urgentOnly: false, ct);
        }
    }

    /// <summary>Tells what anonymous acts up to and including <paramref name="through"/> have not been told yet.</summary>
    public async Task ReleaseAsync(DateOnly through, bool urgentOnly, CancellationToken ct)
    {
        var since = through.AddDays(-CatchUpDays);
        if (urgentOnly)
        {
            await TellRetaliationAsync(since, through, ct);
        }
        else
        {
            await TellNewCasesAsync(since, through, ct);
        }

        await TellReporterMessagesAsync(since, through, urgentOnly, ct);
        await db.SaveChangesAsync(ct);
    }

    private async Task TellNewCasesAsync(DateOnly since, DateOnly through, CancellationToken ct)
    {
        var received = await (from p in db.Set<CaseParty>()
                              join c in db.Set<GrievanceCase>() on p.CaseId equals c.Id
                              where c.ReceivedOn >= since && c.ReceivedOn <= through && c.Category != GrievanceCategory.Retaliation
                              select new { p.OrganisationId, c.Id, c.ReceivedOn }).AsNoTracking().ToListAsync(ct);
        foreach (var batch in received.GroupBy(r => (r.OrganisationId, r.ReceivedOn)))
        {
            var (organisationId, day) = batch.Key;
            var key = $"grievances:{organisationId}:new:{day:yyyy-MM-dd}";
            if (batch.Count() == 1)
            {
                var grievance = await db.Set<GrievanceCase>().AsNoTracking().FirstAsync(c => c.Id == batch.First().Id, ct);
                await notices.TellAsync(grievance, CaseNotices.Received(grievance, await FacilityNameAsync(grievance, ct)), ct, [organisationId], key, dayOnly: true);
            }
            else
            {
                await notifier.TellAsync([organisationId], Phrase.Of("{0} new grievance cases were received on {1}: acknowledge each by its deadline.", batch.Count(), day),
                    organisation => $"/o/{organisation}/grievances", ct, key, dayOnly: true);
            }
        }
    }

    private async Task TellRetaliationAsync(DateOnly since, DateOnly through, CancellationToken ct)
    {
        var urgent = await db.Set<GrievanceCase>().AsNoTracking()
            .Where(c => c.ReceivedOn >= since && c.ReceivedOn <= through && c.Category == GrievanceCategory.Retaliation).ToListAsync(ct);
        foreach (var grievance in urgent)
        {
            await notices.TellAsync(grievance, CaseNotices.Received(grievance, await FacilityNameAsync(grievance, ct)), ct, key: $"case:{grievance.Id}:received",
                urgent: true, dayOnly: true);
        }
    }

    /// <summary>One notice per case for the messages its reporter wrote since the last one told (the key names the newest).</summary>
    private async Task TellReporterMessagesAsync(DateOnly since, DateOnly through, bool urgentOnly, CancellationToken ct)
    {
        var written = await (from m in db.Set<CaseMessage>()
                             join c in db.Set<GrievanceCase>() on m.CaseId equals c.Id
                             where m.Kind == MessageKind.FromReporter && m.On >= since && m.On <= through && (!urgentOnly || c.Urgent)
                             group m by m.CaseId into g
                             select new { CaseId = g.Key, Newest = g.Max(m => m.Sequence), On = g.Max(m => m.On) }).ToListAsync(ct);
        foreach (var item in written)
        {
            var grievance = await db.Set<GrievanceCase>().AsNoTracking().FirstAsync(c => c.Id == item.CaseId, ct);
            await notices.TellAsync(grievance, Phrase.Of("The reporter of case {0} wrote to the parties on {1}.", grievance.Reference, item.On), ct,
                key: $"case:{grievance.Id}:reporter-wrote:{item.Newest}", dayOnly: true);
        }
    }

    private async Task<string?> FacilityNameAsync(GrievanceCase grievance, CancellationToken ct) =>
        grievance.FacilityId is { } id ? await db.Set<Facility>().Where(f => f.Id == id).Select(f => f.Name).FirstOrDefaultAsync(ct) : null;
}
