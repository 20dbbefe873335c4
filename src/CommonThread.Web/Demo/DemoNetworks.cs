using CommonThread.Web.Knowledge.Library;
using CommonThread.Web.Knowledge.Networks;
using CommonThread.Web.Organisations;

namespace CommonThread.Web.Demo;

/// <summary>
/// The regional gender task force: convened by the initiative, joined by the ministry, the employers' association and two
/// unions (a tripartite-plus meeting with its minutes, decisions and action items, one of them overdue, and the next
/// meeting on the calendar); a brand is invited and has yet to answer.
/// </summary>
public static class DemoNetworks
{
    public const string TaskForce = "Regional gender task force (demo)";

    public static async Task SeedAsync(IReadOnlyDictionary<string, Organisation> organisations, NetworkService networks, DateOnly today, CancellationToken ct)
    {
        OrganisationAccess As(string name) => new(organisations[name], MemberRole.Owner);
        var initiative = As("Fair Threads Initiative");
        var task = await networks.CreateAsync(initiative, new NetworkInput
        {
            Title = TaskForce, Kind = NetworkKind.TaskForce, Theme = KnowledgeTheme.GenderEquality,
            Purpose = "Brings governments, employers and unions of the region together to end gender-based violence and harassment in garment workplaces, and to bring women into the leadership of unions and employers' organisations.",
        }, ct);
        string[] members = ["Ministry of Labour and Employment (demo)", "Garment Employers' Association (demo)", "Bangladesh Garment Workers Federation (demo)", "Cambodian Apparel Workers Union (demo)"];
        foreach (var name in members.Append("Northwind Apparel"))
        {
            await networks.InviteAsync(initiative, task.Id, new NetworkInvitation(organisations[name].Id), ct);
        }

        foreach (var name in members)
        {
            await networks.AnswerAsync(As(name), task.Id, join: true, ct);
        }

        var held = await networks.ScheduleAsync(initiative, task.Id, new MeetingInput
        {
            Title = "Second meeting: C190 in workplace policies", HeldOn = today.AddDays(-40), Format = MeetingFormat.Hybrid, Place = "Dhaka, and online",
            Agenda = "1. Where C190 ratification stands in each country\n2. Anti-harassment committees in factories: what works\n3. The women leaders' cohort: the next intake",
        }, ct);
        await networks.RecordMinutesAsync(initiative, task.Id, held.Id, new MinutesInput
        {
            Minutes = "The ministry reported on the consultation on ratifying C190. The employers' association presented its model anti-harassment policy; the federation asked that committees be elected by the workers and have a majority of women. The members agreed the points below.",
            Decisions =
            [
                "The model policy is revised so that anti-harassment committees are elected by the workers, with a majority of women.",
                "The task force asks each member to nominate two women for the next cohort of the leadership programme.",
            ],
            Attendance =
            [
                new(organisations["Fair Threads Initiative"].Id, 1, 1),
                new(organisations["Ministry of Labour and Employment (demo)"].Id, 1, 1),
                new(organisations["Garment Employers' Association (demo)"].Id, 1, 2),
                new(organisations["Bangladesh Garment Workers Federation (demo)"].Id, 3, 0),
                new(organisations["Cambodian Apparel Workers Union (demo)"].Id, 2, 0),
            ],
        }, ct);
        await networks.AddActionAsync(initiative, task.Id, held.Id, new ActionItemInput
        {
            Description = "Circulate the revised model anti-harassment policy to the members.", OwnerOrganisationId = organisations["Garment Employers' Association (demo)"].Id, DueOn = today.AddDays(-10),
        }, ct);
        await networks.AddActionAsync(initiative, task.Id, held.Id, new ActionItemInput
        {
            Description = "Nominate two women for the leadership cohort.", OwnerOrganisationId = organisations["Bangladesh Garment Workers Federation (demo)"].Id, DueOn = today.AddDays(20),
        }, ct);
        var shared = await networks.AddActionAsync(initiative, task.Id, held.Id, new ActionItemInput
        {
            Description = "Share the timetable of the C190 consultation.", OwnerOrganisationId = organisations["Ministry of Labour and Employment (demo)"].Id, DueOn = today.AddDays(-20),
        }, ct);
        await networks.UpdateActionAsync(As("Ministry of Labour and Employment (demo)"), task.Id, shared.Id, new ActionItemUpdate(ActionItemStatus.Done, "Sent to all members by e-mail."), ct);
        await networks.ScheduleAsync(initiative, task.Id, new MeetingInput
        {
            Title = "Third meeting: the cohort's first session", HeldOn = today.AddDays(30), Format = MeetingFormat.Online,
            Agenda = "1. Progress on the action items\n2. The revised model policy\n3. Planning the cohort's first session",
        }, ct);
    }
}
