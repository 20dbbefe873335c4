using CommonThread.Data;
using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;
using CommonThread.Web.Platform.Localization;

namespace CommonThread.Web.Notifications;

/// <summary>
/// Tells every member of some organisations about something. The notifications are added to the
/// caller's unit of work, so they are saved with the change that caused them or not at all.
/// </summary>
public sealed class Notifier(AppDbContext db, MemberDirectory directory, TimeProvider clock)
{
    /// <param name="text">Its words, kept as a template and values so each member reads it in their language.</param>
    /// <param name="linkFor">Where each organisation's members go to act on it (a path inside the site).</param>
    /// <param name="key">With a key, a member already told under it is not told again.</param>
    /// <param name="exceptUsers">Members who must not hear of it (for a case: those who stepped back from it).</param>
    /// <param name="dayOnly">
    /// It comes from an anonymous act (a report, a reporter's message): it is dated by the day (midnight UTC) and
    /// gets a random id, because a time of day or a time-ordered id could single out the worker who acted.
    /// </param>
    public async Task<int> TellAsync(IReadOnlyCollection<Guid> organisationIds, Phrase text, Func<Guid, string> linkFor, CancellationToken ct,
        string? key = null, bool urgent = false, IReadOnlyCollection<string>? exceptUsers = null, bool dayOnly = false)
    {
        var members = await directory.MembersOfAsync(organisationIds, ct);
        var told = new HashSet<string>();
        if (key is not null)
        {
            var userIds = members.Select(m => m.UserId).Distinct().ToList();
            told.UnionWith(await db.Set<Notification>().Where(n => n.Key == key && userIds.Contains(n.UserId)).Select(n => n.UserId).ToListAsync(ct));
            told.UnionWith(db.ChangeTracker.Entries<Notification>().Where(e => e.Entity.Key == key).Select(e => e.Entity.UserId));
        }

        var now = dayOnly ? new DateTimeOffset(clock.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero) : clock.GetUtcNow();
        var count = 0;
        // A person in two of the organisations hears of it once (the key is unique per person).
        foreach (var member in members.Where(m => exceptUsers?.Contains(m.UserId) != true).DistinctBy(m => m.UserId))
        {
            if (!told.Add(member.UserId))
            {
                continue;
            }

            db.Add(new Notification
            {
                Id = dayOnly ? Guid.NewGuid() : Guid.CreateVersion7(), UserId = member.UserId, OrganisationId = member.OrganisationId, Text = Shorten(text.English), Template = text.Template, Arguments = text.ArgumentsJson, Link = linkFor(member.OrganisationId), Key = key,
                Urgent = urgent, CreatedAt = now,
            });
            count++;
        }

        return count;
    }

    /// <summary>Tells one person, in the organisation they act for, about something meant for them alone (a review they are asked to write).</summary>
    public void TellPerson(string userId, Guid organisationId, Phrase text, string link) =>
        db.Add(new Notification
        {
            UserId = userId, OrganisationId = organisationId, Text = Shorten(text.English), Template = text.Template, Arguments = text.ArgumentsJson, Link = link,
            CreatedAt = clock.GetUtcNow(),
        });

    private static string Shorten(string text) => text.Length <= Notification.TextMaxLength ? text : text[..(Notification.TextMaxLength - 1)] + "…";
}
