using System.ComponentModel.DataAnnotations;
using CommonThread.Web.Knowledge.Library;
using CommonThread.Web.Organisations;

namespace CommonThread.Web.Knowledge.Networks;

public sealed record NetworkInput
{
    [Required, StringLength(Network.TitleMaxLength)] public string Title { get; init; } = "";

    [Required] public NetworkKind? Kind { get; init; }

    [Required] public KnowledgeTheme? Theme { get; init; }

    [Required, StringLength(Network.TextMaxLength)] public string Purpose { get; init; } = "";
}

public sealed record NetworkInvitation(Guid OrganisationId);

/// <summary>An invited organisation's answer (true: it joins), or a member's leaving (false).</summary>
public sealed record MembershipAnswer(bool Join);

public sealed record MeetingInput
{
    [Required, StringLength(Network.TitleMaxLength)] public string Title { get; init; } = "";

    [Required] public DateOnly? HeldOn { get; init; }

    [Required] public MeetingFormat? Format { get; init; }

    [StringLength(Network.TitleMaxLength)] public string? Place { get; init; }

    [Required, StringLength(Meeting.AgendaMaxLength)] public string Agenda { get; init; } = "";
}

/// <summary>What a meeting came to: its minutes, its decisions in order, and who came (people by sex, per member organisation). Recording it again replaces it.</summary>
public sealed record MinutesInput
{
    [Required, StringLength(Meeting.MinutesMaxLength)] public string Minutes { get; init; } = "";

    public List<string>? Decisions { get; init; }

    public List<AttendanceInput>? Attendance { get; init; }
}

public sealed record AttendanceInput(Guid OrganisationId, int Women, int Men);

public sealed record ActionItemInput
{
    [Required, StringLength(Network.TextMaxLength)] public string Description { get; init; } = "";

    /// <summary>A member organisation of the network.</summary>
    [Required] public Guid? OwnerOrganisationId { get; init; }

    [Required] public DateOnly? DueOn { get; init; }
}

public sealed record ActionItemUpdate(ActionItemStatus? Status, [property: StringLength(Network.TextMaxLength)] string? Note);

public sealed record NetworkSummary(Guid Id, string Title, NetworkKind Kind, KnowledgeTheme Theme, string Purpose, Guid ConvenerId, string Convener, MembershipStatus YourStatus,
    int Members);

public sealed record MemberEntry(Guid OrganisationId, string Name, ConstituentGroup Group, MembershipStatus Status);

public sealed record AttendanceEntry(Guid OrganisationId, string Name, ConstituentGroup Group, int Women, int Men);

public sealed record ActionEntry(Guid Id, Guid MeetingId, string Description, Guid OwnerOrganisationId, string Owner, DateOnly DueOn, ActionItemStatus Status, bool Overdue,
    DateOnly? ClosedOn, string? Note);

public sealed record MeetingEntry(Guid Id, string Title, DateOnly HeldOn, MeetingFormat Format, string? Place, string Agenda, string? Minutes, IReadOnlyList<string> Decisions,
    IReadOnlyList<AttendanceEntry> Attendance, IReadOnlyList<ActionEntry> Actions)
{
    /// <summary>Tripartite when governments, employers and workers all came; tripartite-plus when others came with them.</summary>
    public bool Tripartite => Attendance.Select(a => a.Group).Distinct().Count(g => g != ConstituentGroup.Other) == 3;
}

public sealed record NetworkDocumentEntry(Guid Id, string Title, string FileName, string AddedBy, DateTimeOffset AddedAt, Guid? MeetingId);

/// <summary>A network as a member reads it whole; an invited organisation reads what it is invited to (the network and its members) and nothing more.</summary>
public sealed record NetworkDetail(NetworkSummary Network, IReadOnlyList<MemberEntry> Members, IReadOnlyList<MeetingEntry> Meetings, IReadOnlyList<NetworkDocumentEntry> Documents);
