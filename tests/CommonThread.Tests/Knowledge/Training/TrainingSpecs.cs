using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Demo;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Files;

namespace CommonThread.Tests.Knowledge.Training;

/// <summary>
/// Capacity building: an organiser's programme, its sessions and participants, who attended, the before and after test
/// scored by the XLSForm, certificates in the participant's language, figures by gender and constituent group; nobody
/// else reads a programme's participants.
/// </summary>
public abstract class TrainingSpecs(TestApp app)
{
    private sealed record Organiser(HttpClient Client, Guid Id, string Name)
    {
        public string Api => $"/api/organisations/{Id}/training";
    }

    private async Task<Organiser> OrganiserAsync(OrganisationKind kind = OrganisationKind.Initiative)
    {
        var (client, organisation) = await app.NewOrganisationClientAsync(kind);
        return new(client, organisation.Id, organisation.Name);
    }

    private static byte[] DemoTest()
    {
        using var stream = typeof(DemoTraining).Assembly.GetManifestResourceStream("training-test.csv")!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static async Task<Guid> IdAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>A programme tested on the demo XLSForm, with one session and the participants named.</summary>
    private static async Task<(Guid Programme, Guid Session, Dictionary<string, Guid> People)> ProgrammeAsync(Organiser organiser,
        params (string Name, string Group, string Gender, string Language)[] people)
    {
        var test = await IdAsync(await organiser.Client.PostAsync($"/api/organisations/{organiser.Id}/questionnaires/import",
            new MultipartFormDataContent { { new ByteArrayContent(DemoTest()), "file", "test.csv" } }));
        var programme = await IdAsync(await organiser.Client.PostAsJsonAsync(organiser.Api, new
        {
            title = "Women leaders", kind = "Cohort", theme = "GenderEquality", description = "Leadership.", questionnaireId = test,
        }));
        var session = await IdAsync(await organiser.Client.PostAsJsonAsync($"{organiser.Api}/{programme}/sessions", new
        {
            title = "Negotiating", startsOn = "2026-09-01", endsOn = "2026-09-02", place = "Dhaka", language = "bn", trainers = "Trainers",
        }));
        var ids = new Dictionary<string, Guid>();
        foreach (var (name, group, gender, language) in people)
        {
            ids[name] = await IdAsync(await organiser.Client.PostAsJsonAsync($"{organiser.Api}/{programme}/participants", new
            {
                name, organisation = "Some organisation", group, gender, role = "Member", language,
            }));
        }

        return (programme, session, ids);
    }

    [Fact]
    public async Task The_figures_count_the_people_who_attended_by_gender_and_constituent_group()
    {
        var organiser = await OrganiserAsync();
        var (programme, session, people) = await ProgrammeAsync(organiser,
            ("Ana", "Workers", "Woman", "es"), ("Bea", "Government", "Woman", "es"), ("Carl", "Employers", "Man", "en"), ("Dina", "Workers", "Woman", "bn"));

        var attended = await organiser.Client.PutAsJsonAsync($"{organiser.Api}/{programme}/sessions/{session}/attendance",
            new { participants = new[] { people["Ana"], people["Bea"], people["Carl"] } });
        Assert.Equal(HttpStatusCode.OK, attended.StatusCode);

        var figures = (await organiser.Client.GetFromJsonAsync<JsonElement>($"{organiser.Api}/{programme}")).GetProperty("figures");
        Assert.Equal((2, 1), (figures.GetProperty("byGender").GetProperty("Woman").GetInt32(), figures.GetProperty("byGender").GetProperty("Man").GetInt32()));
        Assert.Equal((1, 1, 1, 0), (figures.GetProperty("byGroup").GetProperty("Workers").GetInt32(), figures.GetProperty("byGroup").GetProperty("Government").GetInt32(),
            figures.GetProperty("byGroup").GetProperty("Employers").GetInt32(), figures.GetProperty("byGroup").GetProperty("Other").GetInt32()));
        // Someone named who never came is not counted as trained: Dina attended nothing.
        Assert.DoesNotContain(figures.GetProperty("byGroupAndGender").EnumerateArray(), g => g.GetProperty("group").GetString() == "Workers" && g.GetProperty("people").GetInt32() > 1);
    }

    [Fact]
    public async Task A_test_is_checked_and_scored_by_the_programme_s_XLSForm_before_and_after()
    {
        var organiser = await OrganiserAsync();
        var (programme, _, people) = await ProgrammeAsync(organiser, ("Ana", "Workers", "Woman", "bn"));
        var tests = $"{organiser.Api}/{programme}/participants/{people["Ana"]}/tests";

        var incomplete = await (await organiser.Client.PutAsJsonAsync($"{tests}/before", new { values = new { c190_scope = "everyone" } })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(incomplete.GetProperty("errors").TryGetProperty("committee", out _));
        var before = await (await organiser.Client.PutAsJsonAsync($"{tests}/before",
            new { values = new { c190_scope = "employees", committee = "management", bargaining = "negotiated", leadership = "wait" } })).Content.ReadFromJsonAsync<JsonElement>();
        var after = await (await organiser.Client.PutAsJsonAsync($"{tests}/after",
            new { values = new { c190_scope = "everyone", committee = "workers", bargaining = "negotiated", leadership = "reserved" } })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(25m, before.GetProperty("scoreBefore").GetDecimal());
        Assert.Equal((25m, 100m), (after.GetProperty("scoreBefore").GetDecimal(), after.GetProperty("scoreAfter").GetDecimal()));
        await (await organiser.Client.PutAsJsonAsync($"{tests}/during", new { values = new { } })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, (await organiser.Client.GetAsync($"/o/{organiser.Id}/training/{programme}/participants/{people["Ana"]}/tests/after")).StatusCode);
    }

    [Fact]
    public async Task A_certificate_is_a_PDF_in_the_participant_s_language_issued_once_a_session_was_attended()
    {
        var organiser = await OrganiserAsync(OrganisationKind.Union);
        var (programme, session, people) = await ProgrammeAsync(organiser, ("Ana Pérez", "Workers", "Woman", "es"), ("Rahima", "Workers", "Woman", "bn"));
        var certificate = $"{organiser.Api}/{programme}/participants/{people["Ana Pérez"]}/certificate";
        await (await organiser.Client.GetAsync(certificate)).ProblemAsync(HttpStatusCode.Conflict);

        await organiser.Client.PutAsJsonAsync($"{organiser.Api}/{programme}/sessions/{session}/attendance", new { participants = people.Values });
        var response = await organiser.Client.GetAsync(certificate);
        var text = PdfText.Of(await response.Content.ReadAsByteArrayAsync(), 10_000);

        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Ana Pérez", text, StringComparison.Ordinal);
        // Searched without "fi", which the font joins into one glyph.
        Assert.Contains("de participación", text, StringComparison.Ordinal);
        Assert.Contains("Negotiating", text, StringComparison.Ordinal);
        var bengali = await organiser.Client.GetByteArrayAsync($"{organiser.Api}/{programme}/participants/{people["Rahima"]}/certificate");
        Assert.Equal(FileSignature.Pdf, FileSignature.TypeOf(bengali));
    }

    [Fact]
    public async Task A_programme_s_participants_are_read_by_its_organiser_alone_and_only_its_own_participants_attend()
    {
        var organiser = await OrganiserAsync();
        var other = await OrganiserAsync();
        var (programme, session, _) = await ProgrammeAsync(organiser, ("Ana", "Workers", "Woman", "es"));
        var (_, _, strangers) = await ProgrammeAsync(other, ("Eve", "Workers", "Woman", "es"));

        await (await other.Client.GetAsync($"/api/organisations/{other.Id}/training/{programme}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/o/{other.Id}/training/{programme}")).StatusCode);
        await (await organiser.Client.PutAsJsonAsync($"{organiser.Api}/{programme}/sessions/{session}/attendance", new { participants = new[] { strangers["Eve"] } }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        var brand = await OrganiserAsync(OrganisationKind.Brand);
        await (await brand.Client.PostAsJsonAsync(brand.Api, new { title = "Brand academy", kind = "Course", theme = "Productivity", description = "Ours." }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        var viewerClient = await app.ClientForAsync(await app.NewMemberAsync(organiser.Name, MemberRole.Viewer));
        await (await viewerClient.PostAsJsonAsync($"{organiser.Api}/{programme}/participants", new { name = "X", organisation = "Y", group = "Workers", gender = "Woman", language = "en" }))
            .ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_demo_cohort_tested_its_participants_and_improved_and_has_certificates()
    {
        var initiative = await app.OwnerClientAsync("Fair Threads Initiative");
        var id = (await app.OrganisationAsync("Fair Threads Initiative")).Id;
        var programmes = await initiative.GetFromJsonAsync<JsonElement>($"/api/organisations/{id}/training");
        var cohort = programmes.EnumerateArray().Single(p => p.GetProperty("title").GetString() == DemoTraining.Cohort).GetProperty("id").GetGuid();

        var detail = await initiative.GetFromJsonAsync<JsonElement>($"/api/organisations/{id}/training/{cohort}");

        var figures = detail.GetProperty("figures");
        Assert.True(figures.GetProperty("averageAfter").GetDecimal() > figures.GetProperty("averageBefore").GetDecimal());
        Assert.True(figures.GetProperty("byGender").GetProperty("Woman").GetInt32() > figures.GetProperty("byGender").GetProperty("Man").GetInt32());
        Assert.Contains(detail.GetProperty("participants").EnumerateArray(), p => p.GetProperty("certified").GetBoolean());
    }
}

public sealed class TrainingSpecsOnSqlite(SqliteApp app) : TrainingSpecs(app);

public sealed class TrainingSpecsOnPostgres(PostgresApp app) : TrainingSpecs(app);
