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
    private Task TellAsync(TestMember member, string text, string? key = null) => TellAsync([member], Phrase.Of(text), key);

    private async Task TellAsync(IReadOnlyList<TestMember> members, Phrase text, string? key = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        await notifier.TellAsync([.. members.Select(m => m.OrganisationId).Distinct()], text, org => $"/o/{org}/grievances", CancellationToken.None, key);
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
    public async Task A_notice_shows_and_is_e_mailed_in_each_member_s_own_language()
    {
        var organisation = await app.NewOrganisationAsync(OrganisationKind.Brand);
        var bengali = await app.NewMemberAsync(organisation.Name, MemberRole.Viewer);
        var english = await app.NewMemberAsync(organisation.Name, MemberRole.Viewer);
        await app.WithDbAsync(db => db.Set<CommonThread.Data.AppUser>().Where(u => u.Id == bengali.UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredCulture, "bn")));
        var reference = $"GR-T{Guid.NewGuid().ToString("N")[..5].ToUpperInvariant()}";
        await TellAsync([bengali, english], Phrase.Of("A party was added to case {0}.", reference));

        var bengaliPage = WebUtility.HtmlDecode(await (await app.SignedInAsync(bengali.Email, TestMember.Password)).GetStringAsync("/notifications?culture=bn&ui-culture=bn"));
        var englishPage = WebUtility.HtmlDecode(await (await app.SignedInAsync(english.Email, TestMember.Password)).GetStringAsync("/notifications"));
        var mails = await SendAllAsync();
        var bengaliMail = Assert.Single(mails, m => m.To == bengali.Email);
        var englishMail = Assert.Single(mails, m => m.To == english.Email);

        Assert.Contains($"কেস {reference}-এ একটি পক্ষ যোগ করা হয়েছে।", bengaliPage, StringComparison.Ordinal);
        Assert.Contains($"A party was added to case {reference}.", englishPage, StringComparison.Ordinal);
        Assert.Equal($"CommonThread: কেস {reference}-এ একটি পক্ষ যোগ করা হয়েছে।", bengaliMail.Subject);
        Assert.Contains($"কেস {reference}-এ একটি পক্ষ যোগ করা হয়েছে।", bengaliMail.Body, StringComparison.Ordinal);
        Assert.Contains("পড়তে ও পদক্ষেপ নিতে সাইন-ইন করুন।", bengaliMail.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Sign in to read", bengaliMail.Body, StringComparison.Ordinal);
        Assert.Equal($"CommonThread: A party was added to case {reference}.", englishMail.Subject);
        Assert.Contains("Sign in to read and act on it.", englishMail.Body, StringComparison.Ordinal);
        Assert.Equal($"A party was added to case {reference}.", await app.WithDbAsync(db => db.Set<Notification>().Where(n => n.UserId == bengali.UserId).Select(n => n.Text).SingleAsync()));
    }

    [Fact]
    public async Task A_notice_from_before_templates_or_with_an_unknown_one_still_shows_its_stored_text()
    {
        var member = await app.NewMemberAsync((await app.NewOrganisationAsync(OrganisationKind.Supplier)).Name, MemberRole.Viewer);
        var old = $"An old notice {Guid.NewGuid():N}";
        var unknown = $"A notice with a template nobody knows {Guid.NewGuid():N}";
        await app.WithDbAsync(async db =>
        {
            db.Add(new Notification { UserId = member.UserId, OrganisationId = member.OrganisationId, Text = old, Link = "/notifications", CreatedAt = TimeProvider.System.GetUtcNow() });
            db.Add(new Notification
            {
                UserId = member.UserId, OrganisationId = member.OrganisationId, Text = unknown, Template = "Nobody translated {0}.", Arguments = "[\"x\"]", Link = "/notifications",
                CreatedAt = TimeProvider.System.GetUtcNow(),
            });
            return await db.SaveChangesAsync();
        });

        var page = WebUtility.HtmlDecode(await (await app.SignedInAsync(member.Email, TestMember.Password)).GetStringAsync("/notifications?culture=bn&ui-culture=bn"));

        Assert.Contains(old, page, StringComparison.Ordinal);
        Assert.Contains(unknown, page, StringComparison.Ordinal);
        Assert.DoesNotContain("Nobody translated", page, StringComparison.Ordinal);
    }

    /// <summary>Sends every waiting e-mail (other specs' too, fifty at a time) into a fresh pickup folder and reads them back.</summary>
    private async Task<IReadOnlyList<SentMail>> SendAllAsync()
    {
        var folder = Directory.CreateTempSubdirectory("ct-mail-").FullName;
        var options = Options.Create(new EmailOptions { PickupDirectory = folder, SiteUrl = "https://ct.example" });
        while (true)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CommonThread.Data.AppDbContext>();
            var mailer = new NotificationMailer(db, options, scope.ServiceProvider.GetRequiredService<IStringLocalizer<Shell>>(), TimeProvider.System, NullLogger<NotificationMailer>.Instance);
            if (await mailer.SendDueAsync(CancellationToken.None) == 0)
            {
                break;
            }
        }

        return [.. Directory.GetFiles(folder, "*.eml").Select(f => SentMail.Read(File.ReadAllText(f)))];
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
