using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Knowledge.PeerReview;
using CommonThread.Web.Notifications;
using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.Knowledge.PeerReview;

/// <summary>
/// Peer review in a research network: members submit, the convener edits, people of other member organisations review.
/// Work under review is read by its authors, its editor and its reviewers alone; reviewers are named to the editor only,
/// to the authors and the public they are numbers; what a reviewer writes to the editor never leaves the editor.
/// </summary>
public abstract class PeerReviewSpecs(TestApp app)
{
    private sealed record Party(HttpClient Client, Guid Id, TestMember Person)
    {
        public string Api(Guid network) => $"/api/organisations/{Id}/networks/{network}/submissions";
    }

    private async Task<Party> PartyAsync(OrganisationKind kind, MemberRole role = MemberRole.Editor)
    {
        var organisation = await app.NewOrganisationAsync(kind);
        var person = await app.NewMemberAsync(organisation.Name, role);
        return new(await app.ClientForAsync(person), organisation.Id, person);
    }

    /// <summary>
    /// A research network an initiative convenes (the editor), with a union (the authors), a university-like employers'
    /// organisation and a government whose people review, a fourth member that has no part, and an outsider.
    /// </summary>
    private sealed record World(Guid NetworkId, Party Editor, Party Authors, Party FirstReviewer, Party SecondReviewer, Party Bystander, Party Outsider)
    {
        public string Editorial => Editor.Api(NetworkId);
    }

    private async Task<World> NewWorldAsync(string kind = "ResearchNetwork")
    {
        var editor = await PartyAsync(OrganisationKind.Initiative);
        var networks = $"/api/organisations/{editor.Id}/networks";
        var created = await editor.Client.PostAsJsonAsync(networks, new { title = "Environmental research network", kind, theme = "Environment", purpose = "Just transition." });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var world = new World(id, editor, await PartyAsync(OrganisationKind.Union), await PartyAsync(OrganisationKind.EmployerOrganisation),
            await PartyAsync(OrganisationKind.Government), await PartyAsync(OrganisationKind.Union), await PartyAsync(OrganisationKind.Union));
        foreach (var member in new[] { world.Authors, world.FirstReviewer, world.SecondReviewer, world.Bystander })
        {
            Assert.Equal(HttpStatusCode.OK, (await editor.Client.PostAsJsonAsync($"{networks}/{id}/members", new { organisationId = member.Id })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await member.Client.PutAsJsonAsync($"/api/organisations/{member.Id}/networks/{id}/membership", new { join = true })).StatusCode);
        }

        return world;
    }

    private static object Paper(string title = "Wet-bulb temperatures in garment factories") => new
    {
        title, authors = "A. Rahman, S. Chea", summary = "What hot air does to workers.", text = "Wet-bulb temperatures above 30 °C were measured in 12 of 20 factories.",
        language = "en", licence = "CcBy", countries = new[] { "BD", "kh" }, genderData = true,
    };

    private static async Task<Guid> SubmitAsync(World world)
    {
        var created = await world.Authors.Client.PostAsJsonAsync(world.Authors.Api(world.NetworkId), Paper());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("submission").GetProperty("id").GetGuid();
    }

    private static async Task AskAsync(World world, Guid submission, Party reviewer) =>
        Assert.Equal(HttpStatusCode.OK, (await world.Editor.Client.PostAsJsonAsync($"{world.Editorial}/{submission}/reviewers",
            new { email = reviewer.Person.Email.ToUpperInvariant(), dueOn = "2099-01-31" })).StatusCode);

    private static async Task ReviewAsync(World world, Guid submission, Party reviewer, string verdict, string toAuthors, string? toEditor = null) =>
        Assert.Equal(HttpStatusCode.OK, (await reviewer.Client.PostAsJsonAsync($"{reviewer.Api(world.NetworkId)}/{submission}/review",
            new { verdict, toAuthors, toEditor })).StatusCode);

    private static async Task DecideAsync(World world, Guid submission, string decision, string letter = "Dear authors,") =>
        Assert.Equal(HttpStatusCode.OK, (await world.Editor.Client.PostAsJsonAsync($"{world.Editorial}/{submission}/decision", new { decision, letter })).StatusCode);

    [Fact]
    public async Task Work_under_review_is_found_by_its_authors_editor_and_reviewers_and_by_no_other_member_or_outsider()
    {
        var world = await NewWorldAsync();
        var submission = await SubmitAsync(world);
        await AskAsync(world, submission, world.FirstReviewer);

        foreach (var party in new[] { world.Authors, world.Editor, world.FirstReviewer })
        {
            Assert.Equal(HttpStatusCode.OK, (await party.Client.GetAsync($"{party.Api(world.NetworkId)}/{submission}")).StatusCode);
            Assert.Single((await party.Client.GetFromJsonAsync<JsonElement>(party.Api(world.NetworkId))).EnumerateArray());
        }

        // A member with no part, an outsider, and the reviewer's own colleague find nothing: that it is under review is not told.
        var colleague = await app.ClientForAsync(await app.NewMemberAsync((await app.WithDbAsync(db => db.Set<Organisation>().SingleAsync(o => o.Id == world.FirstReviewer.Id))).Name, MemberRole.Owner));
        foreach (var (client, api) in new[] { (world.Bystander.Client, world.Bystander.Api(world.NetworkId)), (colleague, world.FirstReviewer.Api(world.NetworkId)) })
        {
            await (await client.GetAsync($"{api}/{submission}")).ProblemAsync(HttpStatusCode.NotFound);
            Assert.Empty((await client.GetFromJsonAsync<JsonElement>(api)).EnumerateArray());
        }

        await (await world.Outsider.Client.GetAsync($"{world.Outsider.Api(world.NetworkId)}/{submission}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await world.Outsider.Client.GetAsync(world.Outsider.Api(world.NetworkId))).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Bystander.Client.GetAsync($"/o/{world.Bystander.Id}/networks/{world.NetworkId}/submissions/{submission}")).StatusCode);
        // A viewer of the convener is not of the editorial office, which knows the reviewers' names.
        var convenerViewer = await app.ClientForAsync(await app.NewMemberAsync((await app.WithDbAsync(db => db.Set<Organisation>().SingleAsync(o => o.Id == world.Editor.Id))).Name, MemberRole.Viewer));
        await (await convenerViewer.GetAsync($"{world.Editorial}/{submission}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Reviewers_are_named_to_the_editor_alone_and_what_they_tell_the_editor_never_reaches_the_authors()
    {
        var world = await NewWorldAsync();
        var submission = await SubmitAsync(world);
        await AskAsync(world, submission, world.FirstReviewer);
        await AskAsync(world, submission, world.SecondReviewer);
        await ReviewAsync(world, submission, world.FirstReviewer, "MinorRevisions", "Report the humidity as well.", "Confidential: the sample looks thin.");

        // Before the decision the authors read no review at all.
        var before = await world.Authors.Client.GetStringAsync($"{world.Authors.Api(world.NetworkId)}/{submission}");
        Assert.DoesNotContain("humidity", before, StringComparison.Ordinal);

        await ReviewAsync(world, submission, world.SecondReviewer, "Accept", "Clear and useful.");
        // A reviewer reads their own review, not the other's, and no name.
        var second = await world.SecondReviewer.Client.GetStringAsync($"{world.SecondReviewer.Api(world.NetworkId)}/{submission}");
        Assert.DoesNotContain("humidity", second, StringComparison.Ordinal);
        Assert.DoesNotContain(world.FirstReviewer.Person.Email, second, StringComparison.OrdinalIgnoreCase);

        await DecideAsync(world, submission, "MinorRevisions", "Please address reviewer 1.");
        var editorView = await world.Editor.Client.GetStringAsync($"{world.Editorial}/{submission}");
        Assert.Contains(world.FirstReviewer.Person.Email, editorView, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("sample looks thin", editorView, StringComparison.Ordinal);

        var authors = await world.Authors.Client.GetFromJsonAsync<JsonElement>($"{world.Authors.Api(world.NetworkId)}/{submission}");
        var text = authors.GetRawText();
        Assert.Contains("humidity", text, StringComparison.Ordinal);
        Assert.DoesNotContain("sample looks thin", text, StringComparison.Ordinal);
        foreach (var reviewer in new[] { world.FirstReviewer, world.SecondReviewer })
        {
            Assert.DoesNotContain(reviewer.Person.Email, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(reviewer.Person.UserId, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(reviewer.Id.ToString(), text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal([1, 2], authors.GetProperty("rounds")[0].GetProperty("reviews").EnumerateArray().Select(r => r.GetProperty("number").GetInt32()));
        Assert.All(authors.GetProperty("rounds")[0].GetProperty("reviews").EnumerateArray(), r => Assert.Equal(JsonValueKind.Null, r.GetProperty("reviewer").ValueKind));
        // Nor do the authors learn who reviewed from their notifications.
        var notices = string.Join('\n', await app.WithDbAsync(db => db.Set<Notification>().Where(n => n.OrganisationId == world.Authors.Id).Select(n => n.Text).ToListAsync()));
        Assert.Contains("needs revisions", notices, StringComparison.Ordinal);
        foreach (var reviewer in new[] { world.FirstReviewer, world.SecondReviewer })
        {
            Assert.DoesNotContain((await app.WithDbAsync(db => db.Set<Organisation>().SingleAsync(o => o.Id == reviewer.Id))).Name, notices, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_paper_goes_through_revision_to_the_public_library_with_a_review_record_that_numbers_its_reviewers()
    {
        var world = await NewWorldAsync();
        var submission = await SubmitAsync(world);
        await AskAsync(world, submission, world.FirstReviewer);
        await ReviewAsync(world, submission, world.FirstReviewer, "MajorRevisions", "Compare with the dry season.", "Between us: promising.");
        await DecideAsync(world, submission, "MajorRevisions", "Compare seasons, please.");
        // The round is closed: its reviewer writes no more in it.
        await (await world.FirstReviewer.Client.PostAsJsonAsync($"{world.FirstReviewer.Api(world.NetworkId)}/{submission}/review", new { verdict = "Accept", toAuthors = "Late." }))
            .ProblemAsync(HttpStatusCode.Conflict);

        var revised = await world.Authors.Client.PostAsJsonAsync($"{world.Authors.Api(world.NetworkId)}/{submission}/revision",
            new { text = "Both seasons now: 12 of 20 factories in the wet, 5 in the dry.", response = "We added the dry season." });
        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        Assert.Equal(2, (await revised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("submission").GetProperty("round").GetInt32());
        await AskAsync(world, submission, world.SecondReviewer);
        await AskAsync(world, submission, world.FirstReviewer);
        await ReviewAsync(world, submission, world.FirstReviewer, "Accept", "The seasons are compared now.");
        await DecideAsync(world, submission, "Accept", "Accepted.");

        var published = await world.Editor.Client.PostAsync($"{world.Editorial}/{submission}/publication", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var document = (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("publishedDocumentId").GetGuid();

        var record = await world.Bystander.Client.GetFromJsonAsync<JsonElement>($"/api/library/{document}/review-record");
        Assert.Equal("A. Rahman, S. Chea", record.GetProperty("authors").GetString());
        Assert.Equal(2, record.GetProperty("rounds").GetArrayLength());
        // The reviewer asked first keeps number 1 in the second round, though asked after another.
        Assert.Equal(1, record.GetProperty("rounds")[1].GetProperty("reviews")[0].GetProperty("number").GetInt32());
        Assert.Equal("We added the dry season.", record.GetProperty("rounds")[1].GetProperty("response").GetString());

        var page = await app.Anonymous().GetStringAsync($"/library/{document}");
        Assert.Contains("Compare with the dry season.", page, StringComparison.Ordinal);
        Assert.Contains("Reviewer 1", page, StringComparison.Ordinal);
        foreach (var secret in new[] { "Between us", world.FirstReviewer.Person.Email, world.SecondReviewer.Person.Email, "Test Editor" })
        {
            Assert.DoesNotContain(secret, page, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(secret, record.GetRawText(), StringComparison.OrdinalIgnoreCase);
        }

        var library = await app.Anonymous().GetStringAsync("/library?q=seasons");
        Assert.Contains("Wet-bulb temperatures in garment factories", library, StringComparison.Ordinal);
        // Published once: a second publication is refused and adds no second document.
        await (await world.Editor.Client.PostAsync($"{world.Editorial}/{submission}/publication", null)).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_editor_asks_no_one_from_the_authors_organisation_nor_outside_the_network_and_accepts_nothing_unreviewed()
    {
        var world = await NewWorldAsync();
        var submission = await SubmitAsync(world);
        var colleague = await app.NewMemberAsync((await app.WithDbAsync(db => db.Set<Organisation>().SingleAsync(o => o.Id == world.Authors.Id))).Name, MemberRole.Viewer);
        foreach (var email in new[] { colleague.Email, world.Outsider.Person.Email, "nobody@nowhere.example", world.Editor.Person.Email })
        {
            var refused = await (await world.Editor.Client.PostAsJsonAsync($"{world.Editorial}/{submission}/reviewers", new { email, dueOn = "2099-01-01" }))
                .ProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(refused.GetProperty("errors").TryGetProperty("email", out _));
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.Set<ReviewTask>().CountAsync(t => t.SubmissionId == submission)));
        var unreviewed = await (await world.Editor.Client.PostAsJsonAsync($"{world.Editorial}/{submission}/decision", new { decision = "Accept", letter = "Fine." }))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.True(unreviewed.GetProperty("errors").TryGetProperty("decision", out _));
        Assert.Equal("UnderReview", (await world.Authors.Client.GetFromJsonAsync<JsonElement>($"{world.Authors.Api(world.NetworkId)}/{submission}"))
            .GetProperty("submission").GetProperty("status").GetString());

        // The authors decide nothing about their own work, and ask no reviewer.
        await (await world.Authors.Client.PostAsJsonAsync($"{world.Authors.Api(world.NetworkId)}/{submission}/decision", new { decision = "Accept", letter = "Ours." }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        await (await world.Authors.Client.PostAsJsonAsync($"{world.Authors.Api(world.NetworkId)}/{submission}/reviewers", new { email = world.FirstReviewer.Person.Email, dueOn = "2099-01-01" }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        // Desk rejection needs no review.
        await DecideAsync(world, submission, "Reject", "Out of scope.");
    }

    [Fact]
    public async Task Only_joined_members_of_a_research_network_submit_and_its_editor_does_not_submit_to_itself()
    {
        var world = await NewWorldAsync();
        await (await world.Outsider.Client.PostAsJsonAsync(world.Outsider.Api(world.NetworkId), Paper())).ProblemAsync(HttpStatusCode.NotFound);
        await (await world.Editor.Client.PostAsJsonAsync(world.Editorial, Paper())).ProblemAsync(HttpStatusCode.Forbidden);
        var invited = await PartyAsync(OrganisationKind.Union);
        await world.Editor.Client.PostAsJsonAsync($"/api/organisations/{world.Editor.Id}/networks/{world.NetworkId}/members", new { organisationId = invited.Id });
        await (await invited.Client.PostAsJsonAsync(invited.Api(world.NetworkId), Paper())).ProblemAsync(HttpStatusCode.Forbidden);

        var bad = await (await world.Authors.Client.PostAsJsonAsync(world.Authors.Api(world.NetworkId), new
        {
            title = "T", authors = "A", summary = "S", text = "X", language = "xx", licence = "CcBy", countries = new[] { "Narnia" },
        })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("language", out _));
        Assert.True(bad.GetProperty("errors").TryGetProperty("countries", out _));

        var taskForce = await NewWorldAsync("TaskForce");
        await (await taskForce.Authors.Client.PostAsJsonAsync(taskForce.Authors.Api(taskForce.NetworkId), Paper())).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Submission>().CountAsync(s => s.NetworkId == world.NetworkId || s.NetworkId == taskForce.NetworkId)));
    }

    [Fact]
    public async Task A_reviewer_who_declines_no_longer_reads_the_work_and_the_authors_may_withdraw_it()
    {
        var world = await NewWorldAsync();
        var submission = await SubmitAsync(world);
        await AskAsync(world, submission, world.FirstReviewer);
        Assert.Equal(HttpStatusCode.NoContent, (await world.FirstReviewer.Client.PostAsync($"{world.FirstReviewer.Api(world.NetworkId)}/{submission}/review/decline", null)).StatusCode);
        await (await world.FirstReviewer.Client.GetAsync($"{world.FirstReviewer.Api(world.NetworkId)}/{submission}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains(await app.WithDbAsync(db => db.Set<Notification>().Where(n => n.OrganisationId == world.Editor.Id).Select(n => n.Text).ToListAsync()),
            n => n.Contains("Reviewer 1 declined", StringComparison.Ordinal));

        var withdrawn = await world.Authors.Client.PostAsync($"{world.Authors.Api(world.NetworkId)}/{submission}/withdrawal", null);
        Assert.Equal("Withdrawn", (await withdrawn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("submission").GetProperty("status").GetString());
        await (await world.Editor.Client.PostAsJsonAsync($"{world.Editorial}/{submission}/reviewers", new { email = world.SecondReviewer.Person.Email, dueOn = "2099-01-01" }))
            .ProblemAsync(HttpStatusCode.Conflict);
    }
}

public sealed class PeerReviewSpecsOnSqlite(SqliteApp app) : PeerReviewSpecs(app);

public sealed class PeerReviewSpecsOnPostgres(PostgresApp app) : PeerReviewSpecs(app);
