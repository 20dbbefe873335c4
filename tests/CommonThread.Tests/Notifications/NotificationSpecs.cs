using System.Net;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Notifications;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CommonThread.Tests.Notifications;

public abstract class NotificationSpecs(TestApp app)
{
    private async Task TellAsync(TestMember member, string text, string? key = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        await notifier.TellAsync([member.OrganisationId], NoticeText.Of(text), org => $"/o/{org}/grievances", CancellationToken.None, key);
        await scope.ServiceProvider.GetRequiredService<CommonThread.Data.AppDbContext>().SaveChangesAsync();
    }

    [Fact]
    public async Task A_member_sees_their_unread_count_opens_a_notification_and_it_is_read()
    {
        var organisation = await app.NewOrganisationAsync(OrganisationKind.Supplier);
        var member = await app.NewMemberAsync(organisation.Name, MemberRole.Viewer);
        await TellAsync(member, $"Something to look at <script>alert(1)</script> {Guid.NewGuid():N}");
        var signedIn = await app.SignedInAsync(member.Email, TestMember.Password);

        var before = await signedIn.GetStringAsync("/notifications");
        var id = await app.WithDbAsync(db => db.Set<Notification>().Where(n => n.UserId == member.UserId).Select(n => n.Id).SingleAsync());
        var opened = await signedIn.PostFormAsync("/notifications", "notifications", new() { ["Open"] = id.ToString() });
        var after = await signedIn.GetStringAsync("/notifications");

        Assert.Contains("Notifications (1)", before, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", before, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.EndsWith($"/o/{organisation.Id}/grievances", opened.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("Notifications (1)", after, StringComparison.Ordinal);
        Assert.Contains("class=\"read", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_key_tells_a_member_once_and_leaving_the_organisation_takes_its_notifications_away()
    {
        var member = await app.NewMemberAsync("Mekong Garments Co.", MemberRole.Viewer);
        var key = $"test:{Guid.NewGuid():N}";
        await TellAsync(member, "First", key);
        await TellAsync(member, "Second", key);
        var signedIn = await app.SignedInAsync(member.Email, TestMember.Password);
        var whileMember = await signedIn.GetStringAsync("/notifications");

        await app.WithDbAsync(db => db.Set<Membership>().Where(m => m.UserId == member.UserId && m.OrganisationId == member.OrganisationId).ExecuteDeleteAsync());
        var afterLeaving = await signedIn.GetStringAsync("/notifications");

        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Notification>().CountAsync(n => n.UserId == member.UserId && n.Key == key)));
        Assert.Contains("First", whileMember, StringComparison.Ordinal);
        Assert.Contains("id=\"no-notifications\"", afterLeaving, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_notification_is_e_mailed_once_with_its_link_and_nothing_more()
    {
        var member = await app.NewMemberAsync((await app.NewOrganisationAsync(OrganisationKind.Brand)).Name, MemberRole.Viewer);
        await TellAsync(member, $"Case GR-TEST{Guid.NewGuid().ToString("N")[..4].ToUpperInvariant()} is overdue");
        var folder = Directory.CreateTempSubdirectory("ct-mail-").FullName;
        var options = Options.Create(new EmailOptions { PickupDirectory = folder, SiteUrl = "https://ct.example" });

        async Task<int> SendAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CommonThread.Data.AppDbContext>();
            return await new NotificationMailer(db, options, scope.ServiceProvider.GetRequiredService<IStringLocalizer<Shell>>(), TimeProvider.System, NullLogger<NotificationMailer>.Instance).SendDueAsync(CancellationToken.None);
        }

        var batches = 0;
        while (await SendAsync() > 0)
        {
            batches++; // other specs' notifications go out too, fifty at a time
        }

        var mails = Directory.GetFiles(folder, "*.eml").Select(File.ReadAllText).Where(m => m.Contains(member.Email, StringComparison.Ordinal)).ToList();
        var mail = Assert.Single(mails).Replace("=\r\n", "", StringComparison.Ordinal);
        Assert.True(batches >= 1);
        Assert.Contains($"https://ct.example/o/{member.OrganisationId}/grievances", mail, StringComparison.Ordinal);
        Assert.NotNull(await app.WithDbAsync(db => db.Set<Notification>().Where(n => n.UserId == member.UserId).Select(n => n.EmailedAt).SingleAsync()));
    }
}

public sealed class NotificationSpecsOnSqlite(SqliteApp app) : NotificationSpecs(app);

public sealed class NotificationSpecsOnPostgres(PostgresApp app) : NotificationSpecs(app);
