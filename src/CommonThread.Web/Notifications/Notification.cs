using CommonThread.Data;
using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using CommonThread.Web.Platform.Localization;

namespace CommonThread.Web.Notifications;

/// <summary>
/// Something a member should act on, shown on their notifications page and sent by e-mail when the
/// platform has a mail server. It names what happened and links to it, never the content itself
/// (a grievance's text stays behind sign-in and the case key).
/// </summary>
public sealed class Notification
{
    public const int TextMaxLength = 300;

    /// <summary>Time-ordered, except for notices of anonymous acts, which get a random one (see <see cref="Notifier"/>).</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string UserId { get; init; }

    /// <summary>The organisation on whose behalf the member is told: shown beside the text, and the notification disappears with the membership.</summary>
    public Guid OrganisationId { get; init; }

    /// <summary>The notice in English, as it was told; what is shown when the template is missing or unknown.</summary>
    public required string Text { get; init; }

    /// <summary>The English format string the text came from, and its resource key (see <see cref="Phrase"/>); null on rows from before it.</summary>
    public string? Template { get; init; }

    /// <summary>The values put into the template, as a JSON array of strings.</summary>
    public string? Arguments { get; init; }

    /// <summary>A path inside the site.</summary>
    public required string Link { get; init; }

    /// <summary>Makes a scheduled check idempotent: one notification per user and key (e.g. one case's overdue acknowledgement).</summary>
    public string? Key { get; init; }

    public bool Urgent { get; init; }

    /// <summary>Midnight UTC for a notice of an anonymous act: such notices carry the day only.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>When the e-mail went out; null while waiting, and for good when the platform sends no e-mail.</summary>
    public DateTimeOffset? EmailedAt { get; set; }

    public int EmailAttempts { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("Notifications");
        b.Property(n => n.Text).HasMaxLength(Notification.TextMaxLength);
        b.Property(n => n.Template).HasMaxLength(Notification.TextMaxLength);
        b.Property(n => n.Link).HasMaxLength(300);
        b.Property(n => n.Key).HasMaxLength(120);
        b.HasIndex(n => new { n.UserId, n.Key }).IsUnique();
        b.HasIndex(n => new { n.UserId, n.ReadAt });
        b.HasIndex(n => n.EmailedAt);
        b.HasOne<AppUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(n => n.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
