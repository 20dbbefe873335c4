using CommonThread.Data;
using CommonThread.Web.Notifications;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Files;
using CommonThread.Web.Platform.Localization;
using CommonThread.Web.Platform.Text;
using CommonThread.Web.Platform.Values;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Knowledge.Networks;

/// <summary>
/// Task forces, working groups and research networks: the convener invites, members accept, meetings are scheduled with
/// their agendas and recorded with their minutes, decisions, attendance and action items, and members share documents.
/// </summary>
public sealed class NetworkService(AppDbContext db, NetworkAccess rights, Notifier notifier, AuditLog audit, TimeProvider clock)
{
    public const int MaxDecisions = 100;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The networks the organisation is in or invited to, invitations first.</summary>
    public async Task<IReadOnlyList<NetworkSummary>> ListAsync(Guid organisationId, CancellationToken ct)
    {
        var rows = await (from m in db.Set<NetworkMember>()
                          join n in db.Set<Network>() on m.NetworkId equals n.Id
                          join c in db.Set<Organisation>() on n.ConvenerOrganisationId equals c.Id
                          where m.OrganisationId == organisationId && (m.Status == MembershipStatus.Invited || m.Status == MembershipStatus.Joined)
                          select new { n, Convener = c.Name, m.Status, Members = db.Set<NetworkMember>().Count(x => x.NetworkId == n.Id && x.Status == MembershipStatus.Joined) })
            .AsNoTracking().ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Status == MembershipStatus.Joined).ThenBy(r => r.n.Title, StringComparer.CurrentCulture)
            .Select(r => Summary(r.n, r.Convener, r.Status, r.Members))];
    }

    public async Task<NetworkSummary> CreateAsync(OrganisationAccess access, NetworkInput input, CancellationToken ct)
    {
        access.Require(MemberRole.Editor).RequireKind(Phrase.Of("Initiatives, unions, governments and employers' organisations convene networks."), NetworkAccess.Conveners);
        var errors = new FieldChecks();
        var title = errors.Text(input.Title, Network.TitleMaxLength, "title", "Give the network's name, of up to 200 characters.");
        var purpose = errors.Text(input.Purpose, Network.TextMaxLength, "purpose", "Say what the network is for, in up to 4,000 characters.");
        if (input.Kind is null)
        {
            errors.Add("kind", "Say whether it is a task force, a working group or a research network.");
        }

        if (input.Theme is null)
        {
            errors.Add("theme", "Choose the theme it works on.");
        }

        errors.ThrowIfAny();
        var network = new Network
        {
            Title = title!, Purpose = purpose!, Kind = input.Kind!.Value, Theme = input.Theme!.Value, ConvenerOrganisationId = access.Organisation.Id, CreatedAt = clock.GetUtcNow(),
        };
        db.Add(network);
        db.Add(new NetworkMember { NetworkId = network.Id, OrganisationId = access.Organisation.Id, Status = MembershipStatus.Joined, InvitedOn = Today, AnsweredOn = Today });
        audit.Record(access.Organisation.Id, "network.created", $"{network.Kind} '{network.Title}'");
        await db.SaveChangesAsync(ct);
        return Summary(network, access.Organisation.Name, MembershipStatus.Joined, 1);
    }

    /// <summary>The network as the organisation may read it: whole for a member, the network and its members for an invited organisation.</summary>
    public async Task<NetworkDetail> FindAsync(Guid organisationId, Guid networkId, CancellationToken ct)
    {
        var (network, status) = await rights.StandingAsync(organisationId, networkId, ct);
        var members = await (from m in db.Set<NetworkMember>()
                             join o in db.Set<Organisation>() on m.OrganisationId equals o.Id
                             where m.NetworkId == networkId && (m.Status == MembershipStatus.Joined || m.Status == MembershipStatus.Invited)
                             select new { m.OrganisationId, o.Name, o.Kind, m.Status }).AsNoTracking().ToListAsync(ct);
        var names = members.ToDictionary(m => m.OrganisationId, m => (m.Name, Group: ConstituentGroups.Of(m.Kind)));
        var convener = names.GetValueOrDefault(network.ConvenerOrganisationId).Name ?? "";
        var summary = Summary(network, convener, status, members.Count(m => m.Status == MembershipStatus.Joined));
        var memberEntries = members.OrderBy(m => m.Status != MembershipStatus.Joined).ThenBy(m => m.Name, StringComparer.CurrentCulture)
            .Select(m => new MemberEntry(m.OrganisationId, m.Name, ConstituentGroups.Of(m.Kind), m.Status)).ToList();
        if (status != MembershipStatus.Joined)
        {
            return new(summary, memberEntries, [], []);
        }

        var meetings = await db.Set<Meeting>().AsNoTracking().Where(m => m.NetworkId == networkId).OrderByDescending(m => m.HeldOn).ToListAsync(ct);
        var meetingIds = meetings.Select(m => m.Id).ToList();
        var decisions = (await db.Set<MeetingDecision>().AsNoTracking().Where(d => meetingIds.Contains(d.MeetingId)).ToListAsync(ct)).ToLookup(d => d.MeetingId);
        var attendance = (await db.Set<MeetingAttendance>().AsNoTracking().Where(a => meetingIds.Contains(a.MeetingId)).ToListAsync(ct)).ToLookup(a => a.MeetingId);
        var actions = await db.Set<ActionItem>().AsNoTracking().Where(a => a.NetworkId == networkId).ToListAsync(ct);
        // A former member still owns what it undertook, and attended what it attended: its name is looked up apart.
        var others = actions.Select(a => a.OwnerOrganisationId).Concat(attendance.SelectMany(g => g).Select(a => a.OrganisationId)).Where(id => !names.ContainsKey(id)).Distinct().ToList();
        foreach (var o in await db.Set<Organisation>().AsNoTracking().Where(o => others.Contains(o.Id)).ToListAsync(ct))
        {
            names[o.Id] = (o.Name, ConstituentGroups.Of(o.Kind));
        }

        var today = Today;
        var actionsByMeeting = actions.OrderBy(a => a.DueOn).Select(a => new ActionEntry(a.Id, a.MeetingId, a.Description, a.OwnerOrganisationId, names[a.OwnerOrganisationId].Name, a.DueOn,
            a.Status, a.Status == ActionItemStatus.Open && a.DueOn < today, a.ClosedOn, a.Note)).ToLookup(a => a.MeetingId);
        var documents = await (from d in db.Set<NetworkDocument>()
                               join o in db.Set<Organisation>() on d.AddedByOrganisationId equals o.Id
                               where d.NetworkId == networkId
                               orderby d.AddedAt descending
                               select new NetworkDocumentEntry(d.Id, d.Title, d.FileName, o.Name, d.AddedAt, d.MeetingId)).AsNoTracking().ToListAsync(ct);
        return new(summary, memberEntries, [.. meetings.Select(m => new MeetingEntry(m.Id, m.Title, m.HeldOn, m.Format, m.Place, m.Agenda, m.Minutes,
            [.. decisions[m.Id].OrderBy(d => d.Number).Select(d => d.Text)],
            [.. attendance[m.Id].Select(a => new AttendanceEntry(a.OrganisationId, names[a.OrganisationId].Name, names[a.OrganisationId].Group, a.Women, a.Men)).OrderBy(a => a.Group).ThenBy(a => a.Name, StringComparer.CurrentCulture)],
            [.. actionsByMeeting[m.Id]]))], documents);
    }

    /// <summary>The convener invites an organisation; it is a member only once it accepts. Inviting again one that declined or left asks it again.</summary>
    public async Task<NetworkDetail> InviteAsync(OrganisationAccess access, Guid networkId, NetworkInvitation invitation, CancellationToken ct)
    {
        var network = await rights.RequireConvenerAsync(access, networkId, ct);
        var invited = await db.Set<Organisation>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == invitation.OrganisationId && o.Kind != OrganisationKind.PlatformAdmin, ct)
            ?? throw new RuleViolation("organisationId", "No organisation has this id.");
        var member = await db.Set<NetworkMember>().SingleOrDefaultAsync(m => m.NetworkId == networkId && m.OrganisationId == invited.Id, ct);
        if (member?.Status is MembershipStatus.Joined or MembershipStatus.Invited)
        {
            return await FindAsync(access.Organisation.Id, networkId, ct);
        }

        if (member is not null)
        {
            db.Remove(member);
        }

        db.Add(new NetworkMember { NetworkId = networkId, OrganisationId = invited.Id, Status = MembershipStatus.Invited, InvitedOn = Today });
        await notifier.TellAsync([invited.Id], Phrase.Of("{0} invites you to join '{1}'.", access.Organisation.Name, network.Title), o => $"/o/{o}/networks/{networkId}", ct);
        audit.Record(access.Organisation.Id, "network.invited", $"'{invited.Name}' invited to '{network.Title}'");
        await db.SaveChangesAsync(ct);
        return await FindAsync(access.Organisation.Id, networkId, ct);
    }

    /// <summary>An invited organisation joins or declines; a member leaves. The convener stays: it would leave the network without anyone to keep it.</summary>
    public async Task<NetworkDetail?> AnswerAsync(OrganisationAccess access, Guid networkId, bool join, CancellationToken ct)
    {
        access.Require(MemberRole.Editor);
        var (network, _) = await rights.StandingAsync(access.Organisation.Id, networkId, ct);
        var member = await db.Set<NetworkMember>().SingleAsync(m => m.NetworkId == networkId && m.OrganisationId == access.Organisation.Id, ct);
        if (!join && network.ConvenerOrganisationId == access.Organisation.Id)
        {
            throw new RuleViolation("join", "The convener cannot leave its network.", StatusCodes.Status409Conflict);
        }

        var was = member.Status;
        member.Status = join ? MembershipStatus.Joined : was == MembershipStatus.Joined ? MembershipStatus.Left : MembershipStatus.Declined;
        member.AnsweredOn = Today;
        if (member.Status != was)
        {
            audit.Record(access.Organisation.Id, $"network.{member.Status.ToString().ToLowerInvariant()}", $"'{network.Title}'");
            await notifier.TellAsync([network.ConvenerOrganisationId], member.Status switch
            {
                MembershipStatus.Joined => Phrase.Of("{0} joined '{1}'.", access.Organisation.Name, network.Title),
                MembershipStatus.Left => Phrase.Of("{0} left '{1}'.", access.Organisation.Name, network.Title),
                _ => Phrase.Of("{0} declined to join '{1}'.", access.Organisation.Name, network.Title),
            }, o => $"/o/{o}/networks/{networkId}", ct);
        }

        await db.SaveChangesAsync(ct);
        return join ? await FindAsync(access.Organisation.Id, networkId, ct) : null;
    }

    public async Task<MeetingEntry> ScheduleAsync(OrganisationAccess access, Guid networkId, MeetingInput input, CancellationToken ct)
    {
        var network = await rights.RequireConvenerAsync(access, networkId, ct);
        var errors = new FieldChecks();
        var title = errors.Text(input.Title, Network.TitleMaxLength, "title", "Give the meeting's title, of up to 200 characters.");
        var agenda = errors.Text(input.Agenda, Meeting.AgendaMaxLength, "agenda", "Give the agenda, in up to 8,000 characters.");
        if (input.HeldOn is not { } heldOn || !Plausible.Day.Contains(heldOn))
        {
            errors.Add("heldOn", "Give the day of the meeting.");
        }

        if (input.Format is null)
        {
            errors.Add("format", "Say whether it meets in person, online or both.");
        }

        if (input.Place is { Length: > Network.TitleMaxLength })
        {
            errors.Add("place", "A place of up to 200 characters.");
        }

        errors.ThrowIfAny();
        var meeting = new Meeting
        {
            NetworkId = networkId, Title = title!, Agenda = agenda!, HeldOn = input.HeldOn!.Value, Format = input.Format!.Value, Place = TextInput.OrNull(input.Place),
            ScheduledAt = clock.GetUtcNow(),
        };
        db.Add(meeting);
        var members = (await rights.JoinedAsync(networkId, ct)).Where(id => id != access.Organisation.Id).ToList();
        await notifier.TellAsync(members, Phrase.Of("'{0}' meets on {1}: {2}.", network.Title, meeting.HeldOn, meeting.Title), o => $"/o/{o}/networks/{networkId}#meeting-{meeting.Id}", ct);
        audit.Record(access.Organisation.Id, "network.meeting-scheduled", $"'{meeting.Title}' of '{network.Title}' on {meeting.HeldOn:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        return (await FindAsync(access.Organisation.Id, networkId, ct)).Meetings.Single(m => m.Id == meeting.Id);
    }

    /// <summary>Records (or corrects) a meeting's minutes, decisions and attendance; attendance is of member organisations only.</summary>
    public async Task<MeetingEntry> RecordMinutesAsync(OrganisationAccess access, Guid networkId, Guid meetingId, MinutesInput input, CancellationToken ct)
    {
        await rights.RequireConvenerAsync(access, networkId, ct);
        var meeting = await db.Set<Meeting>().SingleOrDefaultAsync(m => m.Id == meetingId && m.NetworkId == networkId, ct) ?? throw RuleViolation.NotFound("meeting");
        var errors = new FieldChecks();
        var minutes = errors.Text(input.Minutes, Meeting.MinutesMaxLength, "minutes", "Give the minutes, in up to 50,000 characters.");
        var decisions = (input.Decisions ?? []).Select(TextInput.OrNull).OfType<string>().ToList();
        if (decisions.Count > MaxDecisions || decisions.Any(d => d.Length > Network.TextMaxLength))
        {
            errors.Add("decisions", "At most 100 decisions, each of up to 4,000 characters.");
        }

        var joined = await rights.JoinedAsync(networkId, ct);
        var attendance = input.Attendance ?? [];
        for (var i = 0; i < attendance.Count; i++)
        {
            if (!joined.Contains(attendance[i].OrganisationId))
            {
                errors.Add($"attendance[{i}]", "Only member organisations are recorded as attending.");
            }
            else if (!Plausible.Headcount.Contains(attendance[i].Women) || !Plausible.Headcount.Contains(attendance[i].Men) || attendance[i].Women + attendance[i].Men == 0)
            {
                errors.Add($"attendance[{i}]", "Say how many women and men of the organisation came.");
            }
        }

        if (attendance.GroupBy(a => a.OrganisationId).Any(g => g.Count() > 1))
        {
            errors.Add("attendance", "Each organisation once.");
        }

        errors.ThrowIfAny();
        meeting.Minutes = minutes;
        // Replaced in the same unit of work as the minutes: a failure leaves the earlier record whole.
        db.RemoveRange(await db.Set<MeetingDecision>().Where(d => d.MeetingId == meetingId).ToListAsync(ct));
        db.RemoveRange(await db.Set<MeetingAttendance>().Where(a => a.MeetingId == meetingId).ToListAsync(ct));
        db.AddRange(decisions.Select((d, i) => new MeetingDecision { MeetingId = meetingId, Number = i + 1, Text = d }));
        db.AddRange(attendance.Select(a => new MeetingAttendance { MeetingId = meetingId, OrganisationId = a.OrganisationId, Women = a.Women, Men = a.Men }));
        audit.Record(access.Organisation.Id, "network.minutes", $"Minutes of '{meeting.Title}': {decisions.Count} decisions, {attendance.Count} organisations present");
        await db.SaveChangesAsync(ct);
        return (await FindAsync(access.Organisation.Id, networkId, ct)).Meetings.Single(m => m.Id == meetingId);
    }

    /// <summary>An action item from a meeting, owned by a member organisation, which is told.</summary>
    public async Task<ActionEntry> AddActionAsync(OrganisationAccess access, Guid networkId, Guid meetingId, ActionItemInput input, CancellationToken ct)
    {
        var network = await rights.RequireConvenerAsync(access, networkId, ct);
        _ = await db.Set<Meeting>().AnyAsync(m => m.Id == meetingId && m.NetworkId == networkId, ct) ? 0 : throw RuleViolation.NotFound("meeting");
        var errors = new FieldChecks();
        var description = errors.Text(input.Description, Network.TextMaxLength, "description", "Say what is to be done, in up to 4,000 characters.");
        if (input.OwnerOrganisationId is not { } owner || !(await rights.JoinedAsync(networkId, ct)).Contains(owner))
        {
            errors.Add("ownerOrganisationId", "The owner is a member organisation of the network.");
        }

        if (input.DueOn is not { } due || !Plausible.Day.Contains(due))
        {
            errors.Add("dueOn", "Give the day it is due.");
        }

        errors.ThrowIfAny();
        var item = new ActionItem { NetworkId = networkId, MeetingId = meetingId, Description = description!, OwnerOrganisationId = input.OwnerOrganisationId!.Value, DueOn = input.DueOn!.Value };
        db.Add(item);
        await notifier.TellAsync([item.OwnerOrganisationId], Phrase.Of("In '{0}', you undertook by {1}: {2}", network.Title, item.DueOn, Shorten(item.Description)),
            o => $"/o/{o}/networks/{networkId}#action-{item.Id}", ct);
        audit.Record(access.Organisation.Id, "network.action-added", $"Action in '{network.Title}' due {item.DueOn:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        return (await FindAsync(access.Organisation.Id, networkId, ct)).Meetings.SelectMany(m => m.Actions).Single(a => a.Id == item.Id);
    }

    /// <summary>The owner, or the convener, says an action item is done (or dropped, or open again), with a note.</summary>
    public async Task<ActionEntry> UpdateActionAsync(OrganisationAccess access, Guid networkId, Guid actionId, ActionItemUpdate update, CancellationToken ct)
    {
        var network = await rights.RequireMemberAsync(access, networkId, MemberRole.Editor, ct);
        var item = await db.Set<ActionItem>().SingleOrDefaultAsync(a => a.Id == actionId && a.NetworkId == networkId, ct) ?? throw RuleViolation.NotFound("action");
        if (item.OwnerOrganisationId != access.Organisation.Id && network.ConvenerOrganisationId != access.Organisation.Id)
        {
            throw new RuleViolation("action", "Only the organisation that owns the action, or the convener, updates it.", StatusCodes.Status403Forbidden);
        }

        if (update.Status is not { } status)
        {
            throw new RuleViolation("status", "Say whether it is open, done or dropped.");
        }

        if (update.Note is { Length: > Network.TextMaxLength })
        {
            throw new RuleViolation("note", "A note of up to 4,000 characters.");
        }

        item.Status = status;
        item.ClosedOn = status == ActionItemStatus.Open ? null : Today;
        item.Note = TextInput.OrNull(update.Note) ?? item.Note;
        audit.Record(access.Organisation.Id, "network.action-updated", $"Action in '{network.Title}' now {status}");
        await db.SaveChangesAsync(ct);
        return (await FindAsync(access.Organisation.Id, networkId, ct)).Meetings.SelectMany(m => m.Actions).Single(a => a.Id == actionId);
    }

    /// <summary>A member shares a document (PDF, Word, spreadsheet, presentation) with the other members.</summary>
    public async Task<NetworkDocumentEntry> AddDocumentAsync(OrganisationAccess access, Guid networkId, string? title, Guid? meetingId, (string Name, byte[] Bytes) file, CancellationToken ct)
    {
        await rights.RequireMemberAsync(access, networkId, MemberRole.Editor, ct);
        var errors = new FieldChecks();
        var kept = errors.Text(title, Network.TitleMaxLength, "title", "Give the document's title, of up to 200 characters.");
        errors.ThrowIfAny();
        if (meetingId is { } m && !await db.Set<Meeting>().AnyAsync(x => x.Id == m && x.NetworkId == networkId, ct))
        {
            throw RuleViolation.NotFound("meeting");
        }

        var fileName = AttachedDocument.Checked(file.Name, file.Bytes, "a document");
        var document = new NetworkDocument
        {
            NetworkId = networkId, MeetingId = meetingId, Title = kept!, FileName = fileName, Bytes = file.Bytes, AddedByOrganisationId = access.Organisation.Id, AddedAt = clock.GetUtcNow(),
        };
        db.Add(document);
        audit.Record(access.Organisation.Id, "network.document-added", $"'{document.Title}' ({fileName})");
        await db.SaveChangesAsync(ct);
        return new(document.Id, document.Title, document.FileName, access.Organisation.Name, document.AddedAt, meetingId);
    }

    public async Task<(string FileName, byte[] Bytes)> DocumentAsync(OrganisationAccess access, Guid networkId, Guid documentId, CancellationToken ct)
    {
        await rights.RequireMemberAsync(access, networkId, MemberRole.Viewer, ct);
        var document = await db.Set<NetworkDocument>().AsNoTracking().Where(d => d.Id == documentId && d.NetworkId == networkId).Select(d => new { d.FileName, d.Bytes })
            .SingleOrDefaultAsync(ct) ?? throw RuleViolation.NotFound("document");
        return (document.FileName, document.Bytes);
    }

    private static NetworkSummary Summary(Network n, string convener, MembershipStatus status, int members) =>
        new(n.Id, n.Title, n.Kind, n.Theme, n.Purpose, n.ConvenerOrganisationId, convener, status, members);



    /// <summary>An action's description cut to fit a notice.</summary>
    internal static string Shorten(string text) => text.Length <= 120 ? text : text[..119] + "…";
}
