using System.Net.Http.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Demo;
using CommonThread.Web.Grievances;
using CommonThread.Web.Notifications;
using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommonThread.Tests.Grievances;

/// <summary>Who hears of what happens on a case (demo mechanism of Dhaka Knitwear: BGWF is the union there; Northwind and Meridian buy from it).</summary>
public abstract class GrievanceNotificationSpecs(TestApp app)
{
    private const string Union = "Bangladesh Garment Workers Federation (demo)";

    private Task<List<Notification>> NotificationsOfAsync(TestMember member, GrievanceCase grievance) =>
        app.WithDbAsync(db => db.Set<Notification>().AsNoTracking().Where(n => n.UserId == member.UserId && n.Link.EndsWith(grievance.Id.ToString())).ToListAsync());

    private async Task<(GrievanceCase Case, string Code)> ReportAsync(string text)
    {
        var (page, code) = await new Reporter(app).ReportAsync(DemoGrievances.ChannelCode, text);
        var reference = System.Text.RegularExpressions.Regex.Match(page, "GR-[0-9A-Z]{8}").Value;
        return (await app.WithDbAsync(db => db.Set<GrievanceCase>().AsNoTracking().SingleAsync(c => c.Reference == reference)), code);
    }

    private static DateOnly Today => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    /// <summary>The batch the schedule releases; through today, so a test need not wait for tomorrow.</summary>
    private async Task ReleaseAsync(bool urgentOnly = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AnonymousActNotices>().ReleaseAsync(Today, urgentOnly, CancellationToken.None);
    }

    private Task<List<Notification>> NewCaseNoticesOfAsync(TestMember member) =>
        app.WithDbAsync(db => db.Set<Notification>().AsNoTracking().Where(n => n.UserId == member.UserId && n.Key == $"grievances:{member.OrganisationId}:new:{Today:yyyy-MM-dd}").ToListAsync());

    private async Task RunDeadlinesAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CaseDeadlines>().RunOnceAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_new_case_tells_every_member_of_every_party_in_the_days_batch_without_the_report_and_nobody_else()
    {
        var supplier = await app.NewMemberAsync("Dhaka Knitwear Ltd", MemberRole.Viewer);
        var union = await app.NewMemberAsync(Union, MemberRole.Editor);
        var brand = await app.NewMemberAsync("Northwind Apparel", MemberRole.Viewer);
        var outsider = await app.NewMemberAsync("Solstice Sportswear", MemberRole.Owner);
        var text = $"The canteen water is not safe {Guid.NewGuid():N}";

        var (grievance, _) = await ReportAsync(text);
        await ReleaseAsync();

        foreach (var member in new[] { supplier, union, brand })
        {
            // Other tests file on the same channel today: the batch names this case alone, or counts it with theirs.
            var told = Assert.Single(await NewCaseNoticesOfAsync(member));
            Assert.DoesNotContain(text, told.Text, StringComparison.Ordinal);
            Assert.Equal(told.Text.Contains(grievance.Reference, StringComparison.Ordinal)
                ? $"/o/{member.OrganisationId}/grievances/{grievance.Id}" : $"/o/{member.OrganisationId}/grievances", told.Link);
        }

        Assert.Empty(await NewCaseNoticesOfAsync(outsider));
        Assert.Empty(await NotificationsOfAsync(outsider, grievance));
        var brandHome = await (await app.SignedInAsync(brand.Email, TestMember.Password)).GetStringAsync("/notifications");
        Assert.Contains(Assert.Single(await NewCaseNoticesOfAsync(brand)).Text, brandHome, StringComparison.Ordinal);
        Assert.DoesNotContain("Meridian", brandHome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missed_deadline_tells_each_party_member_once_and_not_the_member_who_stepped_back()
    {
        var colleague = await app.NewMemberAsync("Dhaka Knitwear Ltd", MemberRole.Editor);
        var conflicted = await app.NewMemberAsync("Dhaka Knitwear Ltd", MemberRole.Editor);
        var (grievance, _) = await ReportAsync("Wages for October are missing");
        var conflictedClient = await app.ClientForAsync(conflicted);
        await conflictedClient.PostAsync($"/api/organisations/{conflicted.OrganisationId}/grievances/{grievance.Id}/step-back", null);
        await app.WithDbAsync(db => db.Set<GrievanceCase>().Where(c => c.Id == grievance.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.AcknowledgeBy, grievance.ReceivedOn.AddDays(-1))));

        await RunDeadlinesAsync();
        await RunDeadlinesAsync();

        var overdue = (await NotificationsOfAsync(colleague, grievance)).Where(n => n.Text.Contains("overdue", StringComparison.Ordinal)).ToList();
        Assert.True(Assert.Single(overdue).Urgent);
        Assert.Contains("acknowledged by", overdue[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(await NotificationsOfAsync(conflicted, grievance), n => n.Text.Contains("overdue", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_status_change_tells_the_other_members_and_a_reporters_message_tells_every_party()
    {
        var actor = await app.NewMemberAsync("Dhaka Knitwear Ltd", MemberRole.Editor);
        var union = await app.NewMemberAsync(Union, MemberRole.Viewer);
        var (grievance, code) = await ReportAsync("Night shift without transport home");
        var actorClient = await app.ClientForAsync(actor);

        await actorClient.PostAsJsonAsync($"/api/organisations/{actor.OrganisationId}/grievances/{grievance.Id}/transitions", new { to = "Acknowledged" });
        await new Reporter(app).ReplyAsync(code, "It happened again on Friday");
        await ReleaseAsync();

        var unionHeard = await NotificationsOfAsync(union, grievance);
        var actorHeard = await NotificationsOfAsync(actor, grievance);
        Assert.Contains(unionHeard, n => n.Text == $"Case {grievance.Reference} is now acknowledged.");
        Assert.DoesNotContain(actorHeard, n => n.Text.Contains("is now acknowledged", StringComparison.Ordinal));
        Assert.Contains(unionHeard, n => n.Text.Contains("reporter", StringComparison.Ordinal));
        Assert.Contains(actorHeard, n => n.Text.Contains("reporter", StringComparison.Ordinal));
        Assert.DoesNotContain(unionHeard, n => n.Text.Contains("Friday", StringComparison.Ordinal));
    }
}

// Releasing a batch tells of every case pending in the app: classes that release or wait for one take turns.
[Collection(nameof(AnonymousActNotices))]
public sealed class GrievanceNotificationSpecsOnSqlite(SqliteApp app) : GrievanceNotificationSpecs(app);

[Collection(nameof(AnonymousActNotices))]
public sealed class GrievanceNotificationSpecsOnPostgres(PostgresApp app) : GrievanceNotificationSpecs(app);
