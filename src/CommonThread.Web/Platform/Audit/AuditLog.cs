using CommonThread.Data;
using CommonThread.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Platform.Audit;

/// <summary>
/// Adds an audit entry to the pending changes, so it is saved by the same SaveChanges as the change
/// it describes: there is never a change without its entry or an entry without its change.
/// </summary>
public sealed class AuditLog(AppDbContext db, CurrentUser me, TimeProvider clock)
{
    public void Record(Guid organisationId, string action, string details) =>
        RecordAs(organisationId, me.UserId, me.ActorName, action, details);

    /// <summary>For work done later on someone's behalf, such as a background import: the person who started it is the actor.</summary>
    public void RecordAs(Guid organisationId, string? actorUserId, string actorName, string action, string details) =>
        db.Add(new AuditEntry
        {
            OrganisationId = organisationId,
            ActorUserId = actorUserId,
            ActorName = actorName,
            Action = action,
            Details = details.Length > 1000 ? details[..1000] : details,
            At = clock.GetUtcNow(),
        });

    /// <summary>Newest first. Callers must have checked that the reader is an owner of the organisation.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(Guid organisationId, int take, CancellationToken ct) =>
        await db.Set<AuditEntry>().AsNoTracking()
            .Where(a => a.OrganisationId == organisationId)
            .OrderByDescending(a => a.Id)
            .Take(Math.Clamp(take, 1, 500))
            .ToListAsync(ct);
}
