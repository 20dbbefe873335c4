using CommonThread.Data;
using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;
using CommonThread.Web.Platform.Localization;

namespace CommonThread.Web.Notifications;

/// <param name="Text">The stored English text; <see cref="Phrase.Say"/> turns it, its template and arguments into the reader's language.</param>
public sealed record NotificationItem(Guid Id, string Organisation, string Text, string? Template, string? Arguments, string Link, bool Urgent, DateTimeOffset CreatedAt, bool Read);

/// <summary>A member's own notifications, only from organisations they still belong to.</summary>
public sealed class NotificationInbox(AppDbContext db, MemberDirectory directory, TimeProvider clock)
{
    public const int PageSize = 100;

    public async Task<int> UnreadCountAsync(string userId, CancellationToken ct) =>
        await (await MineAsync(userId, ct)).CountAsync(n => n.ReadAt == null, ct);

    public async Task<IReadOnlyList<NotificationItem>> ListAsync(string userId, CancellationToken ct) =>
        await (from n in await MineAsync(userId, ct)
               join o in db.Set<Organisation>() on n.OrganisationId equals o.Id
               orderby n.ReadAt == null descending, n.CreatedAt descending
               select new NotificationItem(n.Id, o.Name, n.Text, n.Template, n.Arguments, n.Link, n.Urgent, n.CreatedAt, n.ReadAt != null))
            .Take(PageSize).AsNoTracking().ToListAsync(ct);

    /// <summary>Marks one notification (or, without an id, all of them) read; returns where it leads.</summary>
    public async Task<string?> MarkReadAsync(string userId, Guid? id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var mine = await MineAsync(userId, ct);
        var query = mine.Where(n => n.ReadAt == null && (id == null || n.Id == id));
        await query.ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        return id is null ? null : await mine.Where(n => n.Id == id).Select(n => n.Link).FirstOrDefaultAsync(ct);
    }

    /// <summary>The user's notifications from the organisations they belong to now (Organisations says which).</summary>
    private async Task<IQueryable<Notification>> MineAsync(string userId, CancellationToken ct)
    {
        var organisationIds = await directory.OrganisationsOfAsync(userId, ct);
        return db.Set<Notification>().Where(n => n.UserId == userId && organisationIds.Contains(n.OrganisationId));
    }
}
