using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Demo;
using CommonThread.Web.Knowledge.Networks;
using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommonThread.Tests.Knowledge.Networks;

/// <summary>
/// Task forces and working groups: an organisation is a member only once it accepts; members alone read meetings,
/// minutes and documents; the convener keeps them; an action item is closed by its owner or the convener; attendance
/// counts member organisations only, and says whether a meeting was tripartite.
/// </summary>
public abstract class NetworkSpecs(TestApp app)
{
    private sealed record Party(HttpClient Client, Guid Id)
    {
        public string Api => $"/api/organisations/{Id}/networks";
    }

    private async Task<Party> PartyAsync(OrganisationKind kind, MemberRole role = MemberRole.Editor)
    {
        var (client, organisation) = await app.NewOrganisationClientAsync(kind, role);
        return new(client, organisation.Id);
    }

    /// <summary>A task force an initiative convenes, joined by a government, an employers' organisation and a union; a brand only invited.</summary>
    private sealed record World(Guid NetworkId, Party Convener, Party Government, Party Employers, Party Union, Party InvitedBrand, Party Outsider);

    private async Task<World> NewWorldAsync()
    {
        var convener = await PartyAsync(OrganisationKind.Initiative);
        var created = await convener.Client.PostAsJsonAsync(convener.Api, new { title = "Gender task force", kind = "TaskForce", theme = "GenderEquality", purpose = "End harassment." });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var world = new World(id, convener, await PartyAsync(OrganisationKind.Government), await PartyAsync(OrganisationKind.EmployerOrganisation), await PartyAsync(OrganisationKind.Union),
            await PartyAsync(OrganisationKind.Brand), await PartyAsync(OrganisationKind.Union));
        foreach (var invited in new[] { world.Government, world.Employers, world.Union, world.InvitedBrand })
        {
            Assert.Equal(HttpStatusCode.OK, (await convener.Client.PostAsJsonAsync($"{convener.Api}/{id}/members", new { organisationId = invited.Id })).StatusCode);
        }

        foreach (var joining in new[] { world.Government, world.Employers, world.Union })
        {
            Assert.Equal(HttpStatusCode.OK, (await joining.Client.PutAsJsonAsync($"{joining.Api}/{id}/membership", new { join = true })).StatusCode);
        }

        return world;
    }

    private static async Task<Guid> ScheduleAsync(World world) =>
        (await (await world.Convener.Client.PostAsJsonAsync($"{world.Convener.Api}/{world.NetworkId}/meetings", new
        {
            title = "First meeting", heldOn = "2026-10-01", format = "Hybrid", place = "Phnom Penh", agenda = "1. Terms of reference",
        })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

    [Fact]
    public async Task An_invited_organisation_learns_only_what_it_is_invited_to_until_it_accepts_and_an_outsider_finds_nothing()
    {
        var world = await NewWorldAsync();
        await ScheduleAsync(world);

        var invited = await world.InvitedBrand.Client.GetFromJsonAsync<JsonElement>($"{world.InvitedBrand.Api}/{world.NetworkId}");
        Assert.Equal("Invited", invited.GetProperty("network").GetProperty("yourStatus").GetString());
        Assert.Equal(0, invited.GetProperty("meetings").GetArrayLength());
        await (await world.Outsider.Client.GetAsync($"{world.Outsider.Api}/{world.NetworkId}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Outsider.Client.GetAsync($"/o/{world.Outsider.Id}/networks/{world.NetworkId}")).StatusCode);
        // Answering for another organisation is not possible: an outsider cannot join a network it was not invited to.
        await (await world.Outsider.Client.PutAsJsonAsync($"{world.Outsider.Api}/{world.NetworkId}/membership", new { join = true })).ProblemAsync(HttpStatusCode.NotFound);

        await world.InvitedBrand.Client.PutAsJsonAsync($"{world.InvitedBrand.Api}/{world.NetworkId}/membership", new { join = true });
        var joined = await world.InvitedBrand.Client.GetFromJsonAsync<JsonElement>($"{world.InvitedBrand.Api}/{world.NetworkId}");
        Assert.Equal("First meeting", joined.GetProperty("meetings")[0].GetProperty("title").GetString());

        // Leaving ends the reading.
        Assert.Equal(HttpStatusCode.NoContent, (await world.InvitedBrand.Client.PutAsJsonAsync($"{world.InvitedBrand.Api}/{world.NetworkId}/membership", new { join = false })).StatusCode);
        await (await world.InvitedBrand.Client.GetAsync($"{world.InvitedBrand.Api}/{world.NetworkId}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Minutes_count_member_organisations_only_and_say_whether_the_meeting_was_tripartite()
    {
        var world = await NewWorldAsync();
        var meeting = await ScheduleAsync(world);
        var minutes = $"{world.Convener.Api}/{world.NetworkId}/meetings/{meeting}/minutes";

        var refused = await (await world.Convener.Client.PutAsJsonAsync(minutes, new
        {
            minutes = "Met.", attendance = new object[] { new { organisationId = world.Union.Id, women = 2, men = 0 }, new { organisationId = world.Outsider.Id, women = 1, men = 0 } },
        })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("attendance[1]", out _));

        var recorded = await (await world.Convener.Client.PutAsJsonAsync(minutes, new
        {
            minutes = "Met and agreed.", decisions = new[] { "Adopt the terms of reference.", "Meet every quarter." },
            attendance = new object[]
            {
                new { organisationId = world.Government.Id, women = 1, men = 1 }, new { organisationId = world.Employers.Id, women = 0, men = 2 },
                new { organisationId = world.Union.Id, women = 3, men = 0 },
            },
        })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(recorded.GetProperty("tripartite").GetBoolean());
        Assert.Equal(2, recorded.GetProperty("decisions").GetArrayLength());

        // Recorded again, the record is replaced, not doubled: without the employers the meeting was not tripartite.
        var corrected = await (await world.Convener.Client.PutAsJsonAsync(minutes, new
        {
            minutes = "Met.", decisions = new[] { "Adopt the terms of reference." },
            attendance = new object[] { new { organisationId = world.Government.Id, women = 1, men = 1 }, new { organisationId = world.Union.Id, women = 3, men = 0 } },
        })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(corrected.GetProperty("tripartite").GetBoolean());
        Assert.Equal(1, corrected.GetProperty("decisions").GetArrayLength());
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<MeetingAttendance>().CountAsync(a => a.MeetingId == meeting)));
        // A member keeps no minutes: the convener does.
        await (await world.Union.Client.PutAsJsonAsync($"{world.Union.Api}/{world.NetworkId}/meetings/{meeting}/minutes", new { minutes = "Ours." }))
            .ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_action_item_belongs_to_a_member_which_closes_it_and_no_other_member_can()
    {
        var world = await NewWorldAsync();
        var meeting = await ScheduleAsync(world);
        var actions = $"{world.Convener.Api}/{world.NetworkId}/meetings/{meeting}/actions";
        await (await world.Convener.Client.PostAsJsonAsync(actions, new { description = "Draft", ownerOrganisationId = world.InvitedBrand.Id, dueOn = "2026-12-01" }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        var item = await (await world.Convener.Client.PostAsJsonAsync(actions, new { description = "Draft the model policy.", ownerOrganisationId = world.Employers.Id, dueOn = "2026-12-01" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = item.GetProperty("id").GetGuid();
        Assert.True(await app.WithDbAsync(db => db.Set<CommonThread.Web.Notifications.Notification>().AnyAsync(n => n.OrganisationId == world.Employers.Id)));

        await (await world.Union.Client.PutAsJsonAsync($"{world.Union.Api}/{world.NetworkId}/actions/{id}", new { status = "Done" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await world.Outsider.Client.PutAsJsonAsync($"{world.Outsider.Api}/{world.NetworkId}/actions/{id}", new { status = "Done" })).ProblemAsync(HttpStatusCode.NotFound);
        var done = await (await world.Employers.Client.PutAsJsonAsync($"{world.Employers.Api}/{world.NetworkId}/actions/{id}", new { status = "Done", note = "Circulated." }))
            .Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(("Done", "Circulated."), (done.GetProperty("status").GetString(), done.GetProperty("note").GetString()));
        Assert.False(done.GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task Members_share_documents_that_the_invited_and_outsiders_cannot_download()
    {
        var world = await NewWorldAsync();
        var pdf = "%PDF-1.4 terms of reference"u8.ToArray();
        var added = await world.Union.Client.PostAsync($"{world.Union.Api}/{world.NetworkId}/documents",
            new MultipartFormDataContent { { new ByteArrayContent(pdf), "file", "terms.pdf" }, { new StringContent("Terms of reference"), "title" } });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var id = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        Assert.Equal(pdf, await world.Government.Client.GetByteArrayAsync($"{world.Government.Api}/{world.NetworkId}/documents/{id}"));
        await (await world.InvitedBrand.Client.GetAsync($"{world.InvitedBrand.Api}/{world.NetworkId}/documents/{id}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await world.Outsider.Client.GetAsync($"{world.Outsider.Api}/{world.NetworkId}/documents/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        // A file that is not what its name says is refused, and nothing is kept.
        await (await world.Union.Client.PostAsync($"{world.Union.Api}/{world.NetworkId}/documents",
            new MultipartFormDataContent { { new ByteArrayContent("<html>"u8.ToArray()), "file", "minutes.pdf" }, { new StringContent("Fake"), "title" } })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<NetworkDocument>().CountAsync(d => d.NetworkId == world.NetworkId)));
    }

    [Fact]
    public async Task Only_initiatives_and_constituents_convene_only_the_convener_schedules_and_the_convener_cannot_leave()
    {
        var world = await NewWorldAsync();
        var brand = await PartyAsync(OrganisationKind.Brand);
        await (await brand.Client.PostAsJsonAsync(brand.Api, new { title = "Brands' club", kind = "WorkingGroup", theme = "Productivity", purpose = "Compare." }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        await (await world.Union.Client.PostAsJsonAsync($"{world.Union.Api}/{world.NetworkId}/meetings", new { title = "Ours", heldOn = "2026-12-01", format = "Online", agenda = "1." }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        await (await world.Union.Client.PostAsJsonAsync($"{world.Union.Api}/{world.NetworkId}/members", new { organisationId = brand.Id })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await world.Convener.Client.PutAsJsonAsync($"{world.Convener.Api}/{world.NetworkId}/membership", new { join = false })).ProblemAsync(HttpStatusCode.Conflict);
        var problem = await (await world.Convener.Client.PostAsJsonAsync($"{world.Convener.Api}/{world.NetworkId}/meetings", new { title = "Next", heldOn = "2026-12-01", agenda = "1." }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Format", out _) || problem.GetProperty("errors").TryGetProperty("format", out _));
    }

    [Fact]
    public async Task The_owner_of_an_action_hears_once_a_week_before_it_is_due_and_with_the_convener_once_it_is_overdue()
    {
        var world = await NewWorldAsync();
        var meeting = await ScheduleAsync(world);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        async Task<Guid> ActionAsync(string description, int daysLeft, Party owner) =>
            (await (await world.Convener.Client.PostAsJsonAsync($"{world.Convener.Api}/{world.NetworkId}/meetings/{meeting}/actions",
                new { description, ownerOrganisationId = owner.Id, dueOn = today.AddDays(daysLeft).ToString("yyyy-MM-dd") })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var soon = await ActionAsync("Draft the policy", 5, world.Union);
        var late = await ActionAsync("Send the figures", -2, world.Government);
        await ActionAsync("Plan next year", 40, world.Union);
        var left = await ActionAsync("Translate the policy", 3, world.Employers);
        await world.Employers.Client.PutAsJsonAsync($"{world.Employers.Api}/{world.NetworkId}/membership", new { join = false });

        for (var run = 0; run < 2; run++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ActionReminders>().RemindAsync(CancellationToken.None);
        }

        var keys = await app.WithDbAsync(db => db.Set<CommonThread.Web.Notifications.Notification>().Where(n => n.Key != null && n.Key.StartsWith("network-action:"))
            .Select(n => new { n.Key, n.OrganisationId }).ToListAsync());
        Assert.Single(keys, k => k.Key == $"network-action:{soon}:due" && k.OrganisationId == world.Union.Id);
        Assert.Single(keys, k => k.Key == $"network-action:{late}:overdue" && k.OrganisationId == world.Government.Id);
        Assert.Single(keys, k => k.Key == $"network-action:{late}:overdue" && k.OrganisationId == world.Convener.Id);
        Assert.DoesNotContain(keys, k => k.Key!.StartsWith($"network-action:{left}", StringComparison.Ordinal));
        Assert.Equal(3, keys.Count(k => k.Key!.Contains(soon.ToString()) || k.Key.Contains(late.ToString())));
    }

    [Fact]
    public async Task The_demo_task_force_met_tripartite_plus_and_has_an_overdue_action_item()
    {
        var federation = await app.OwnerClientAsync("Bangladesh Garment Workers Federation (demo)");
        var id = (await app.OrganisationAsync("Bangladesh Garment Workers Federation (demo)")).Id;
        var networks = await federation.GetFromJsonAsync<JsonElement>($"/api/organisations/{id}/networks");
        var task = networks.EnumerateArray().Single(n => n.GetProperty("title").GetString() == DemoNetworks.TaskForce).GetProperty("id").GetGuid();

        var detail = await federation.GetFromJsonAsync<JsonElement>($"/api/organisations/{id}/networks/{task}");

        var held = detail.GetProperty("meetings").EnumerateArray().Single(m => m.GetProperty("minutes").ValueKind == JsonValueKind.String);
        Assert.True(held.GetProperty("tripartite").GetBoolean());
        Assert.Contains(held.GetProperty("attendance").EnumerateArray(), a => a.GetProperty("group").GetString() == "Other");
        Assert.Contains(held.GetProperty("actions").EnumerateArray(), a => a.GetProperty("overdue").GetBoolean());
    }
}

public sealed class NetworkSpecsOnSqlite(SqliteApp app) : NetworkSpecs(app);

public sealed class NetworkSpecsOnPostgres(PostgresApp app) : NetworkSpecs(app);
