using System.Net;
using System.Net.Http.Json;
using System.Text;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Assessments;
using CommonThread.Web.Notifications;
using CommonThread.Web.Platform.Files;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommonThread.Tests.Assessments;

public abstract class AssessmentSpecs(TestApp app)
{
    [Fact]
    public async Task A_supplier_answers_the_starter_its_brand_sent_and_the_answers_are_scored_and_land_in_the_foa_profile()
    {
        var world = await AssessmentWorld.CreateAsync(app);
        var assignment = await world.AssignAsync();
        var answers = AssessmentWorld.CompleteStarterAnswers();

        var draft = await (await world.Supplier.PutAsJsonAsync($"{world.SupplierApi}/assignments/{assignment.Id}/response", new { values = new Dictionary<string, string> { ["workers"] = "400" } }))
            .ReadAsync<ResponseDto>();
        var resumed = await world.Supplier.GetFromJsonAsync<ResponseDto>($"{world.SupplierApi}/assignments/{assignment.Id}/response", Http.Json);
        var submitted = await (await world.Supplier.PostAsJsonAsync($"{world.SupplierApi}/assignments/{assignment.Id}/response/submit", new { values = answers, language = "Español (es)" }))
            .ReadAsync<ResponseDto>();
        var sent = await world.Brand.GetFromJsonAsync<List<AssignmentDto>>($"{world.BrandApi}/assignments?direction=sent", Http.Json);
        var brandReads = await world.Brand.GetFromJsonAsync<ResponseDto>($"{world.BrandApi}/assignments/{assignment.Id}/response", Http.Json);
        var profile = await world.Supplier.GetFromJsonAsync<FoaProfileDto>($"{world.SupplierApi}/facilities/{world.FacilityId}/foa", Http.Json);
        var brandTold = await app.WithDbAsync(db => db.Set<Notification>().AnyAsync(n => n.OrganisationId == world.BrandOrganisation.Id && n.Text.Contains("answered")));

        Assert.Null(draft.SubmittedAt);
        Assert.Equal("400", resumed!.Values["workers"]);
        Assert.NotNull(submitted.SubmittedAt);
        Assert.Equal("Español (es)", submitted.Language);
        Assert.Equal("30", submitted.Values["union_density"]);
        Assert.False(submitted.Values.ContainsKey("agreement_expires"));
        Assert.InRange(submitted.ScorePercent!.Value, 1, 99);
        Assert.Contains(submitted.Sections, s => s.Name == "union" && s.Percent is > 0);
        var row = Assert.Single(sent!, a => a.Id == assignment.Id);
        Assert.Equal((AssignmentStatus.Submitted, submitted.ScorePercent), (row.Status, row.ScorePercent));
        Assert.Equal(submitted.Values, brandReads!.Values);
        var union = Assert.Single(profile!.Current, f => f.Kind == FoaFactKind.Union);
        Assert.Equal(("Cambodian Garment Workers' Union", FactSource.SelfDeclared, 120, true), (union.Name, union.Source, union.Members, union.RecognisedByManagement));
        Assert.Contains(profile.Current, f => f.Kind == FoaFactKind.CollectiveAgreement && !f.Present);
        Assert.True(profile.HasUnion);
        Assert.True(brandTold);
    }

    [Fact]
    public async Task A_submission_breaking_a_constraint_or_leaving_a_required_question_is_refused_by_question_and_nothing_is_kept()
    {
        var world = await AssessmentWorld.CreateAsync(app);
        var assignment = await world.AssignAsync();
        var answers = AssessmentWorld.CompleteStarterAnswers();
        answers["union_members"] = "500";
        answers.Remove("contact_name");
        answers["workers"] = "four hundred";

        var refused = await world.Supplier.PostAsJsonAsync($"{world.SupplierApi}/assignments/{assignment.Id}/response/submit", new { values = answers });
        var unknown = await world.Supplier.PostAsJsonAsync($"{world.SupplierApi}/assignments/{assignment.Id}/response/submit", new { values = new Dictionary<string, string> { ["not_a_question"] = "x" } });

        var problem = await refused.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["Enter a whole number."], problem.FieldErrors("workers"));
        Assert.Equal(["This question must be answered."], problem.FieldErrors("contact_name"));
        Assert.NotEmpty((await unknown.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("values"));
        var (open, facts) = await app.WithDbAsync(async db => (
            await db.Set<Assignment>().AnyAsync(a => a.Id == assignment.Id && a.SubmittedAt == null),
            await db.Set<FoaFact>().CountAsync(f => f.FacilityId == world.FacilityId)));
        Assert.True(open);
        Assert.Equal(0, facts);
    }

    [Fact]
    public async Task The_constraint_message_is_the_forms_own_in_the_language_chosen()
    {
        var world = await AssessmentWorld.CreateAsync(app);
        var assignment = await world.AssignAsync();
        var answers = AssessmentWorld.CompleteStarterAnswers();
        answers["union_members"] = "500";

        var english = await (await world.Supplier.PostAsJsonAsync($"{world.SupplierApi}/assignments/{assignment.Id}/response/submit", new { values = answers }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        var spanish = await (await world.Supplier.PostAsJsonAsync($"{world.SupplierApi}/assignments/{assignment.Id}/response/submit", new { values = answers, language = "Español (es)" }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["Members cannot outnumber the workers you gave above."], english.FieldErrors("union_members"));
        Assert.Equal(["Las personas afiliadas no pueden superar a las trabajadoras indicadas arriba."], spanish.FieldErrors("union_members"));
    }

    [Fact]
    public async Task Submitted_answers_do_not_change_and_nobody_else_reads_them()
    {
        var world = await AssessmentWorld.CreateAsync(app);
        var assignment = await world.AssignAsync();
        await (await world.Supplier.PostAsJsonAsync($"{world.SupplierApi}/assignments/{assignment.Id}/response/submit", new { values = AssessmentWorld.CompleteStarterAnswers() }))
            .ReadAsync<ResponseDto>();
        var (otherBrand, other) = await app.NewOrganisationClientAsync(CommonThread.Web.Organisations.OrganisationKind.Brand);

        var again = await world.Supplier.PutAsJsonAsync($"{world.SupplierApi}/assignments/{assignment.Id}/response", new { values = new Dictionary<string, string> { ["workers"] = "1" } });
        var stranger = await otherBrand.GetAsync($"/api/organisations/{other.Id}/assignments/{assignment.Id}/response");

        await again.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
    }

    [Fact]
    public async Task Only_brands_and_initiatives_send_and_only_to_facilities_in_their_chain_with_a_deadline_ahead()
    {
        var world = await AssessmentWorld.CreateAsync(app);
        var elsewhere = await app.WithDbAsync(db => db.Set<Facility>().Where(f => f.Name == "Dhaka Knitwear Unit 1").Select(f => f.Id).SingleAsync());
        object Body(Guid facility, DateOnly due) => new { questionnaireId = AssessmentWorld.StarterId, facilityIds = new[] { facility }, dueOn = due };

        var bySupplier = await world.Supplier.PostAsJsonAsync($"{world.SupplierApi}/assignments", Body(world.FacilityId, AssessmentWorld.Today.AddDays(5)));
        var outsideChain = await world.Brand.PostAsJsonAsync($"{world.BrandApi}/assignments", Body(elsewhere, AssessmentWorld.Today.AddDays(5)));
        var pastDue = await world.Brand.PostAsJsonAsync($"{world.BrandApi}/assignments", Body(world.FacilityId, AssessmentWorld.Today));
        var first = await (await world.Brand.PostAsJsonAsync($"{world.BrandApi}/assignments", Body(world.FacilityId, AssessmentWorld.Today.AddDays(5)))).ReadAsync<AssignResult>();
        var twice = await (await world.Brand.PostAsJsonAsync($"{world.BrandApi}/assignments", Body(world.FacilityId, AssessmentWorld.Today.AddDays(5)))).ReadAsync<AssignResult>();

        await bySupplier.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.NotEmpty((await outsideChain.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("facilityIds"));
        Assert.NotEmpty((await pastDue.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("dueOn"));
        Assert.Equal(new AssignResult(1, 0, 0), first);
        Assert.Equal(new AssignResult(0, 1, 0), twice);
    }

    [Fact]
    public async Task A_respondent_is_reminded_a_week_before_the_deadline_once()
    {
        var world = await AssessmentWorld.CreateAsync(app);
        await (await world.Brand.PostAsJsonAsync($"{world.BrandApi}/assignments", new { questionnaireId = AssessmentWorld.StarterId, facilityIds = new[] { world.FacilityId }, dueOn = AssessmentWorld.Today.AddDays(7) }))
            .ReadAsync<AssignResult>();
        await using var scope = app.Services.CreateAsyncScope();
        var assignments = scope.ServiceProvider.GetRequiredService<AssignmentService>();

        await assignments.RemindAsync(CancellationToken.None);
        await assignments.RemindAsync(CancellationToken.None);

        var reminders = await app.WithDbAsync(db => db.Set<Notification>().CountAsync(n => n.OrganisationId == world.SupplierOrganisation.Id && n.Text.StartsWith("Reminder")));
        Assert.Equal(1, reminders);
    }

    [Fact]
    public async Task An_xlsx_questionnaire_made_elsewhere_imports_and_a_broken_one_is_refused_by_sheet_row_and_column()
    {
        var world = await AssessmentWorld.CreateAsync(app);
        byte[] Workbook(params string[][] survey) => Xlsx.WriteSheets(
        [
            new("survey", survey[0], survey.Skip(1).Select(r => r.Cast<object?>())),
            new("choices", ["list_name", "name", "label::English (en)", "label::Khmer (km)"], [["yn", "yes", "Yes", "បាទ"], ["yn", "no", "No", "ទេ"]]),
            new("settings", ["form_title", "form_id", "version"], [["Workplace check", "wp_check", "3"]]),
        ]);
        string[] header = ["type", "name", "label::English (en)", "label::Khmer (km)", "relevant", "calculation", "media::image"];
        var good = Workbook(header, ["select_one yn", "union", "Union?", "សហជីព?", "", "", "u.png"], ["integer", "members", "Members?", "សមាជិក?", "${union} = 'yes'", "", ""]);
        var broken = Workbook(header, ["select_one yn", "union", "Union?", "", "", "", ""], ["integer", "union", "Again", "", "pulldata('x')", "", ""],
            ["calculate", "a", "", "", "", "${b} + 1", ""], ["calculate", "b", "", "", "", "${a} + ${missing}", ""]);

        var imported = await (await world.Brand.PostAsync($"{world.BrandApi}/questionnaires/import", File(good, "check.xlsx"))).ReadAsync<QuestionnaireDto>();
        var refused = await (await world.Brand.PostAsync($"{world.BrandApi}/questionnaires/import", File(broken, "broken.xlsx"))).ProblemAsync(HttpStatusCode.BadRequest);
        var listed = await world.Brand.GetFromJsonAsync<List<QuestionnaireDto>>($"{world.BrandApi}/questionnaires", Http.Json);
        var othersSee = await world.Supplier.GetFromJsonAsync<List<QuestionnaireDto>>($"{world.SupplierApi}/questionnaires", Http.Json);

        Assert.Equal(("Workplace check", "wp_check", "3", 2), (imported.Title, imported.FormId, imported.Version, imported.Questions));
        Assert.Equal(["English (en)", "Khmer (km)"], imported.Languages);
        Assert.Contains("already the name of row 2", Assert.Single(refused.FieldErrors("survey[3].name")), StringComparison.Ordinal);
        Assert.Contains("${missing}", string.Join(" ", refused.FieldErrors("survey[5].calculation")), StringComparison.Ordinal);
        Assert.Contains(refused.FieldErrors("survey[4].calculation").Concat(refused.FieldErrors("survey[5].calculation")), m => m.Contains("depends on itself", StringComparison.Ordinal));
        Assert.Contains(listed!, q => q.Id == imported.Id);
        Assert.Contains(listed!, q => q.Starter);
        Assert.DoesNotContain(othersSee!, q => q.Id == imported.Id);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Questionnaire>().CountAsync(q => q.OwnerOrganisationId == world.BrandOrganisation.Id)));
    }

    [Fact]
    public async Task Answers_export_in_the_koboToolbox_layout_with_choices_split_into_columns()
    {
        var world = await AssessmentWorld.CreateAsync(app);
        var assignment = await world.AssignAsync();
        await (await world.Supplier.PostAsJsonAsync($"{world.SupplierApi}/assignments/{assignment.Id}/response/submit", new { values = AssessmentWorld.CompleteStarterAnswers() }))
            .ReadAsync<ResponseDto>();

        var csv = Csv.Read(await world.Brand.GetStringAsync($"{world.BrandApi}/questionnaires/{AssessmentWorld.StarterId}/responses.csv"));
        var xlsx = Xlsx.Read(await world.Brand.GetByteArrayAsync($"{world.BrandApi}/questionnaires/{AssessmentWorld.StarterId}/responses.xlsx"), 10);
        var supplierExport = Csv.Read(await world.Supplier.GetStringAsync($"{world.SupplierApi}/questionnaires/{AssessmentWorld.StarterId}/responses.csv"));

        var header = csv[0].ToList();
        var row = csv[1];
        Assert.Equal(2, csv.Count);
        Assert.Equal("400", row[header.IndexOf("workplace/workers")]);
        Assert.Equal("union hotline", row[header.IndexOf("grievances/channels")]);
        Assert.Equal(("1", "1", "0"), (row[header.IndexOf("grievances/channels/union")], row[header.IndexOf("grievances/channels/hotline")], row[header.IndexOf("grievances/channels/box")]));
        Assert.StartsWith("Phnom Penh Sewing", row[header.IndexOf("_facility")], StringComparison.Ordinal);
        Assert.Equal(header, xlsx[0]);
        Assert.Equal("400", xlsx[1][header.IndexOf("workplace/workers")]);
        Assert.Single(supplierExport);
    }

    private static MultipartFormDataContent File(byte[] bytes, string name) => new() { { new ByteArrayContent(bytes), "file", name } };
}

public sealed class AssessmentSpecsOnSqlite(SqliteApp app) : AssessmentSpecs(app);

public sealed class AssessmentSpecsOnPostgres(PostgresApp app) : AssessmentSpecs(app);
