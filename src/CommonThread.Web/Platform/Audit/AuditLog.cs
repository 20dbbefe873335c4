using System.Globalization;
using CommonThread.Data;
using CommonThread.Web.Platform.Api;
using CommonThread.Web.Platform.Errors;
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

    /// <summary>
    /// Newest first, <paramref name="limit"/> entries after the cursor's (from the newest without one), paged in the
    /// database: the trail only grows, and its order is its id alone. Callers must have checked that the reader is an owner of the organisation.
    /// </summary>
    public async Task<ListPage<AuditEntry>> PageAsync(Guid organisationId, string? cursor, int limit, CancellationToken ct)
    {
        var trail = db.Set<AuditEntry>().AsNoTracking().Where(a => a.OrganisationId == organisationId);
        var total = await trail.CountAsync(ct);
        if (!string.IsNullOrEmpty(cursor))
        {
            var before = long.TryParse(ListPaging.Read(cursor, 1)[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? id : throw new RuleViolation("cursor", "This cursor is not one this list gave; start again without it.");
            trail = trail.Where(a => a.Id < before);
        }

        var rows = await trail.OrderByDescending(a => a.Id).Take(limit + 1).ToListAsync(ct);
        var page = rows.Take(limit).ToList();
        return new(page, total, rows.Count > limit ? ListPaging.Cursor(page[^1].Id.ToString(CultureInfo.InvariantCulture)) : null);
    }
}
