using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Demo;
using CommonThread.Web.Grievances;
using CommonThread.Web.Notifications;
using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommonThread.Tests.Grievances;

/// <summary>
/// Nothing that follows from a worker's anonymous act tells the parties its time of day: notices come in
/// batches dated by the day, ids are random, and the case views show days.
/// </summary>
public abstract partial class AnonymousTimingSpecs(TestApp app)
{
    private const string Union = "Bangladesh Garment Workers Federation (demo)";

    private static DateOnly Today => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    private static readonly DateTimeOffset Midnight = new(TimeProvider.System.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);

    private async Task ReleaseAsync(bool urgentOnly = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AnonymousActNotices>().ReleaseAsync(Today, urgentOnly, CancellationToken.None);
    }

    private Task<List<Notification>> NoticesAsync(Func<Notification, bool> which) =>
        app.WithDbAsync(async db => (await db.Set<Notification>().AsNoTracking().ToListAsync()).Where(which).ToList());

    private async Task<(GrievanceCase Case, string Code)> ReportAsync(string text)
    {
        var (page, code) = await new Reporter(app).ReportAsync(DemoGrievances.ChannelCode, text);
        var reference = Regex.Match(page, "GR-[0-9A-Z]{8}").Value;
        return (await app.WithDbAsync(db => db.Set<GrievanceCase>().AsNoTracking().SingleAsync(c => c.Reference == reference)), code);
    }

    [Fact]
    public async Task A_new_case_is_told_only_when_the_batch_runs_dated_by_its_day_with_a_random_id()
    {
        var supplier = await app.NewMemberAsync("Dhaka Knitwear Ltd", MemberRole.Viewer);
        var key = $"grievances:{supplier.OrganisationId}:new:{Today:yyyy-MM-dd}";

        await ReportAsync("Drinking water ran out on the third floor");
        var beforeBatch = await NoticesAsync(n => n.UserId == supplier.UserId && n.Key == key);
        await ReleaseAsync();
        await ReleaseAsync(); // a second run (another node, a restart) tells nobody twice

        Assert.Empty(beforeBatch);
        var told = Assert.Single(await NoticesAsync(n => n.UserId == supplier.UserId && n.Key == key));
        Assert.Equal(Midnight, told.CreatedAt);
        Assert.Equal(4, told.Id.Version);
        var page = await (await app.SignedInAsync(supplier.Email, TestMember.Password)).GetStringAsync("/notifications");
        // Other tests' status changes may be listed too, with their time: look at this notice's line only.
        var line = Regex.Match(page, $"{Regex.Escape(told.Text)}</button>\\s*<span[^>]*>([^<]*)</span>").Groups[1].Value;
        Assert.Contains(Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), line, StringComparison.Ordinal);
        Assert.DoesNotMatch(TimeOfDay(), line);
    }

    [Fact]
    public async Task A_burst_of_reports_is_one_notice_per_party_in_the_batch()
    {
        var (owner, organisation) = await app.NewOrganisationClientAsync(OrganisationKind.Supplier, MemberRole.Owner);
        var api = $"/api/organisations/{organisation.Id}";
        (await owner.PutAsJsonAsync($"{api}/grievance-mechanism", new { name = "Burst line", acknowledgeWithinDays = 7, feedbackWithinDays = 90, retainClosedCasesDays = 730 })).EnsureSuccessStatusCode();
        var channel = (await (await owner.PostAsJsonAsync($"{api}/grievance-mechanism/channels", new { language = "en" })).ReadAsync<ChannelDto>()).Code;
        for (var i = 0; i < 3; i++)
        {
            (await owner.PostAsJsonAsync($"{api}/grievance-intake/{channel}", new { submissionId = Guid.NewGuid(), category = "Other", text = $"Burst {i}" })).EnsureSuccessStatusCode();
        }

        var beforeBatch = await NoticesAsync(n => n.OrganisationId == organisation.Id);
        await ReleaseAsync();

        Assert.Empty(beforeBatch);
        var told = Assert.Single(await NoticesAsync(n => n.OrganisationId == organisation.Id));
        Assert.StartsWith("3 new grievance cases", told.Text, StringComparison.Ordinal);
        Assert.Equal($"/o/{organisation.Id}/grievances", told.Link);
    }

    [Fact]
    public async Task A_retaliation_report_waits_for_the_short_urgent_cycle_and_is_then_told_as_urgent_with_its_day_only()
    {
        var union = await app.NewMemberAsync(Union, MemberRole.Viewer);
        var (_, code) = await ReportAsync("Forced overtime before the buyer's visit");
        var page = await new Reporter(app).RetaliateAsync(code, "My supervisor moved me to the packing line after I reported");
        var retaliation = await app.WithDbAsync(db => db.Set<GrievanceCase>().AsNoTracking().SingleAsync(c => c.Reference == Regex.Match(page, "GR-[0-9A-Z]{8}").Value));
        var key = $"case:{retaliation.Id}:received";

        var beforeCycle = await NoticesAsync(n => n.UserId == union.UserId && n.Key == key);
        await ReleaseAsync(urgentOnly: true);

        Assert.Empty(beforeCycle);
        var told = Assert.Single(await NoticesAsync(n => n.UserId == union.UserId && n.Key == key));
        Assert.True(told.Urgent);
        Assert.StartsWith("Retaliation reported in new case " + retaliation.Reference, told.Text, StringComparison.Ordinal);
        Assert.Equal((Midnight, 4), (told.CreatedAt, told.Id.Version));
    }

    [Fact]
    public async Task Every_row_an_anonymous_report_creates_has_a_random_id_and_the_parties_read_days_only()
    {
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xDB, 0x00, 0x04, 0x01, 0x02, 0xFF, 0xDA, 0x00, 0x02, 0x11, 0x22, 0xFF, 0xD9];
        var reporter = new Reporter(app);
        var fields = new Dictionary<string, string> { ["Input.Category"] = "HealthAndSafety", ["Input.Text"] = $"Blocked exit {Guid.NewGuid():N}", ["Input.Anonymous"] = "true" };
        var sent = await (await reporter.SendWithFilesAsync(DemoGrievances.ChannelCode, await reporter.OpenFormAsync(DemoGrievances.ChannelCode), fields, ("exit.jpg", jpeg))).Content.ReadAsStringAsync();
        var grievance = await app.WithDbAsync(db => db.Set<GrievanceCase>().AsNoTracking().SingleAsync(c => c.Reference == Regex.Match(sent, "GR-[0-9A-Z]{8}").Value));
        await reporter.ReplyAsync(Reporter.CodeOn(sent), "The exit is still blocked");
        await ReleaseAsync();
        var member = await app.NewMemberAsync("Dhaka Knitwear Ltd", MemberRole.Viewer);
        var party = await app.ClientForAsync(member);
        var cases = $"/api/organisations/{member.OrganisationId}/grievances";

        var ids = await app.WithDbAsync(async db => new List<Guid> { grievance.Id }
            .Concat(await db.Set<CaseParty>().Where(p => p.CaseId == grievance.Id).Select(p => p.Id).ToListAsync())
            .Concat(await db.Set<CaseAttachment>().Where(a => a.CaseId == grievance.Id).Select(a => a.Id).ToListAsync())
            .Concat(await db.Set<CaseMessage>().Where(m => m.CaseId == grievance.Id).Select(m => m.Id).ToListAsync())
            .ToList());
        var notices = await NoticesAsync(n => n.Link.EndsWith(grievance.Id.ToString(), StringComparison.Ordinal) || (n.Key?.Contains(":new:", StringComparison.Ordinal) ?? false));
        var list = await party.GetStringAsync(cases);
        var detail = await party.GetStringAsync($"{cases}/{grievance.Id}");

        Assert.True(ids.Count >= 5, $"{ids.Count} rows"); // the case, its parties, the photo, the reporter's message
        Assert.All(ids, id => Assert.Equal(4, id.Version));
        Assert.NotEmpty(notices);
        Assert.All(notices, n => Assert.Equal((4, TimeSpan.Zero), (n.Id.Version, n.CreatedAt.TimeOfDay)));
        Assert.Contains(grievance.Reference, list, StringComparison.Ordinal);
        Assert.DoesNotMatch(JsonTimeOfDay(), list);
        Assert.DoesNotMatch(JsonTimeOfDay(), detail);
    }

    [Theory]
    [InlineData("2026-03-04T00:30:00Z", null, "2026-03-04")] // before the notice hour (2): yesterday's batch waits; 0 starts an urgent block
    [InlineData("2026-03-04T02:10:00Z", "2026-03-03", null)]
    [InlineData("2026-03-04T04:59:00Z", "2026-03-03", "2026-03-04")]
    [InlineData("2026-03-04T23:00:00Z", "2026-03-03", null)]
    public void The_schedule_releases_yesterdays_batch_from_the_notice_hour_and_urgent_ones_at_the_start_of_each_block(string now, string? ordinary, string? urgent)
    {
        var (ordinaryThrough, urgentThrough) = AnonymousActNotices.Due(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), new GrievanceOptions());

        Assert.Equal(ordinary, ordinaryThrough?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(urgent, urgentThrough?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>A time of day as a page shows one (10:32).</summary>
    [GeneratedRegex("[0-9]{2}:[0-9]{2}")]
    private static partial Regex TimeOfDay();

    /// <summary>A timestamp in JSON that is not midnight.</summary>
    [GeneratedRegex("[0-9]{4}-[0-9]{2}-[0-9]{2}T(?!00:00:00)")]
    private static partial Regex JsonTimeOfDay();
}

[Collection(nameof(AnonymousActNotices))]
public sealed class AnonymousTimingSpecsOnSqlite(SqliteApp app) : AnonymousTimingSpecs(app);

[Collection(nameof(AnonymousActNotices))]
public sealed class AnonymousTimingSpecsOnPostgres(PostgresApp app) : AnonymousTimingSpecs(app);
