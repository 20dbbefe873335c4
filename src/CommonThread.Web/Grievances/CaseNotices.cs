using CommonThread.Data;
using CommonThread.Web.Notifications;
using Microsoft.EntityFrameworkCore;
using CommonThread.Web.Platform.Localization;

namespace CommonThread.Web.Grievances;

/// <summary>
/// Tells the members of a case's parties what happened on it. The text names the case by its
/// reference and never quotes the report, messages or another party: brands are not told which
/// other brands take part, and members who stepped back from the case hear nothing more of it.
/// </summary>
public sealed class CaseNotices(AppDbContext db, Notifier notifier)
{
    /// <param name="organisations">The parties to tell; by default every party of the case, including those added in this unit of work.</param>
    /// <param name="exceptUser">The member who did it, who needs no telling.</param>
    /// <param name="dayOnly">It tells of an anonymous act: dated by the day, with a random id (see <see cref="Notifier"/>).</param>
    public async Task TellAsync(GrievanceCase grievance, Phrase text, CancellationToken ct, IReadOnlyCollection<Guid>? organisations = null,
        string? key = null, bool urgent = false, string? exceptUser = null, bool dayOnly = false)
    {
        organisations ??= (await db.Set<CaseParty>().Where(p => p.CaseId == grievance.Id).Select(p => p.OrganisationId).ToListAsync(ct))
            .Concat(db.ChangeTracker.Entries<CaseParty>().Where(e => e.State == EntityState.Added && e.Entity.CaseId == grievance.Id).Select(e => e.Entity.OrganisationId))
            .Distinct().ToList();
        // A case being filed in this unit of work has nobody who stepped back from it yet.
        var steppedBack = db.Entry(grievance).State == EntityState.Added
            ? []
            : await db.Set<CaseRecusal>().Where(r => r.CaseId == grievance.Id).Select(r => r.UserId).ToListAsync(ct);
        if (exceptUser is not null)
        {
            steppedBack.Add(exceptUser);
        }

        await notifier.TellAsync(organisations, text, organisation => $"/o/{organisation}/grievances/{grievance.Id}", ct, key, urgent || grievance.Urgent, steppedBack, dayOnly);
    }

    /// <summary>Names the case, its facility and its deadline, and nothing of the reporter (it is told of an anonymous act).</summary>
    public static Phrase Received(GrievanceCase grievance, string? facilityName) => (grievance.RelatedCaseId is null, facilityName) switch
    {
        (true, null) => Phrase.Of("New grievance case {0}: acknowledge it by {1}.", grievance.Reference, grievance.AcknowledgeBy),
        (true, { } facility) => Phrase.Of("New grievance case {0} about {1}: acknowledge it by {2}.", grievance.Reference, facility, grievance.AcknowledgeBy),
        (false, null) => Phrase.Of("Retaliation reported in new case {0}: acknowledge it by {1}.", grievance.Reference, grievance.AcknowledgeBy),
        (false, { } facility) => Phrase.Of("Retaliation reported in new case {0} about {1}: acknowledge it by {2}.", grievance.Reference, facility, grievance.AcknowledgeBy),
    };
}
