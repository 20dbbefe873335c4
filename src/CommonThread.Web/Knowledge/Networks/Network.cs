using CommonThread.Web.Knowledge.Library;
using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.Knowledge.Networks;

public enum NetworkKind
{
    TaskForce,
    WorkingGroup,
    ResearchNetwork,
}

/// <summary>Where an organisation stands in a network: invited by the convener, it is a member only once it accepts.</summary>
public enum MembershipStatus
{
    Invited,
    Joined,
    Declined,
    Left,
}

public enum MeetingFormat
{
    InPerson,
    Online,
    Hybrid,
}

public enum ActionItemStatus
{
    Open,
    Done,
    Dropped,
}

/// <summary>
/// A task force, working group or research network of the regional programme (the gender task force, the environmental
/// research network): organisations that meet, decide and follow up together. What it holds (meetings, minutes,
/// decisions, action items, documents) is read by its members alone; an organisation becomes a member by accepting the
/// convener's invitation, never by being named.
/// </summary>
public sealed class Network
{
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 4000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Title { get; init; }

    public NetworkKind Kind { get; init; }

    public KnowledgeTheme Theme { get; init; }

    public required string Purpose { get; init; }

    public Guid ConvenerOrganisationId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

public sealed class NetworkMember
{
    public Guid NetworkId { get; init; }

    public Guid OrganisationId { get; init; }

    public MembershipStatus Status { get; set; }

    public DateOnly InvitedOn { get; init; }

    public DateOnly? AnsweredOn { get; set; }
}

/// <summary>A meeting: its agenda before, its minutes, decisions and who attended after.</summary>
public sealed class Meeting
{
    public const int AgendaMaxLength = 8000;
    public const int MinutesMaxLength = 50_000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid NetworkId { get; init; }

    public required string Title { get; init; }

    public DateOnly HeldOn { get; init; }

    public MeetingFormat Format { get; init; }

    public string? Place { get; init; }

    public required string Agenda { get; init; }

    public string? Minutes { get; set; }

    public DateTimeOffset ScheduledAt { get; init; }
}

/// <summary>A member organisation present at a meeting, with how many of its people came, by sex, for the programme's figures.</summary>
public sealed class MeetingAttendance
{
    public Guid MeetingId { get; init; }

    public Guid OrganisationId { get; init; }

    public int Women { get; init; }

    public int Men { get; init; }
}

public sealed class MeetingDecision
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid MeetingId { get; init; }

    public int Number { get; init; }

    public required string Text { get; init; }
}

/// <summary>Something a member organisation undertook at a meeting, by a date; the owner (or the convener) says when it is done.</summary>
public sealed class ActionItem
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid NetworkId { get; init; }

    public Guid MeetingId { get; init; }

    public required string Description { get; init; }

    public Guid OwnerOrganisationId { get; init; }

    public DateOnly DueOn { get; init; }

    public ActionItemStatus Status { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public string? Note { get; set; }

    public DateOnly? RemindedOn { get; set; }
}

/// <summary>A document the members share (a concept note, a presentation, a draft): for the members only, unlike the public library.</summary>
public sealed class NetworkDocument
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid NetworkId { get; init; }

    public Guid? MeetingId { get; init; }

    public required string Title { get; init; }

    public required string FileName { get; init; }

    public required byte[] Bytes { get; init; }

    public Guid AddedByOrganisationId { get; init; }

    public DateTimeOffset AddedAt { get; init; }
}

internal sealed class NetworkConfiguration : IEntityTypeConfiguration<Network>
{
    public void Configure(EntityTypeBuilder<Network> b)
    {
        b.ToTable("Networks");
        b.Property(n => n.Title).HasMaxLength(Network.TitleMaxLength);
        b.Property(n => n.Purpose).HasMaxLength(Network.TextMaxLength);
        b.Property(n => n.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(n => n.Theme).HasConversion<string>().HasMaxLength(24);
        b.HasIndex(n => n.ConvenerOrganisationId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(n => n.ConvenerOrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NetworkMemberConfiguration : IEntityTypeConfiguration<NetworkMember>
{
    public void Configure(EntityTypeBuilder<NetworkMember> b)
    {
        b.ToTable("NetworkMembers");
        b.HasKey(m => new { m.NetworkId, m.OrganisationId });
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(12);
        b.HasIndex(m => new { m.OrganisationId, m.Status });
        b.HasOne<Network>().WithMany().HasForeignKey(m => m.NetworkId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.ToTable("NetworkMeetings");
        b.Property(m => m.Title).HasMaxLength(Network.TitleMaxLength);
        b.Property(m => m.Place).HasMaxLength(Network.TitleMaxLength);
        b.Property(m => m.Agenda).HasMaxLength(Meeting.AgendaMaxLength);
        b.Property(m => m.Minutes).HasMaxLength(Meeting.MinutesMaxLength);
        b.Property(m => m.Format).HasConversion<string>().HasMaxLength(12);
        b.HasIndex(m => new { m.NetworkId, m.HeldOn });
        b.HasOne<Network>().WithMany().HasForeignKey(m => m.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingAttendanceConfiguration : IEntityTypeConfiguration<MeetingAttendance>
{
    public void Configure(EntityTypeBuilder<MeetingAttendance> b)
    {
        b.ToTable("NetworkMeetingAttendance");
        b.HasKey(a => new { a.MeetingId, a.OrganisationId });
        b.HasOne<Meeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingDecisionConfiguration : IEntityTypeConfiguration<MeetingDecision>
{
    public void Configure(EntityTypeBuilder<MeetingDecision> b)
    {
        b.ToTable("NetworkDecisions");
        b.Property(d => d.Text).HasMaxLength(Network.TextMaxLength);
        b.HasIndex(d => new { d.MeetingId, d.Number }).IsUnique();
        b.HasOne<Meeting>().WithMany().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> b)
    {
        b.ToTable("NetworkActionItems");
        b.Property(a => a.Description).HasMaxLength(Network.TextMaxLength);
        b.Property(a => a.Note).HasMaxLength(Network.TextMaxLength);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(12);
        b.HasIndex(a => new { a.NetworkId, a.Status, a.DueOn });
        b.HasIndex(a => new { a.OwnerOrganisationId, a.Status });
        b.HasOne<Meeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NetworkDocumentConfiguration : IEntityTypeConfiguration<NetworkDocument>
{
    public void Configure(EntityTypeBuilder<NetworkDocument> b)
    {
        b.ToTable("NetworkDocuments");
        b.Property(d => d.Title).HasMaxLength(Network.TitleMaxLength);
        b.Property(d => d.FileName).HasMaxLength(255);
        b.HasIndex(d => d.NetworkId);
        b.HasOne<Network>().WithMany().HasForeignKey(d => d.NetworkId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(d => d.AddedByOrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
