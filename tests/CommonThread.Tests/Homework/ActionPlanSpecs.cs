using System.Net;
using System.Net.Http.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Homework;

namespace CommonThread.Tests.Homework;

public abstract class ActionPlanSpecs(TestApp app)
{
    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static object Plan(params (string What, string Who, DateOnly Due)[] measures) => new
    {
        title = "Pay homeworkers within 7 days", findings = "A third of payments in March were late; two homeworkers were paid short.",
        homeworkerInvolvement = "Drawn up with the Savar homeworkers' committee; reviewed with them monthly.",
        measures = measures.Select(m => new { description = m.What, owner = m.Who, dueOn = Day(m.Due) }),
    };

    [Fact]
    public async Task A_supplier_plans_measures_with_owners_and_deadlines_and_its_brand_follows_the_progress()
    {
        var world = await HomeworkWorld.CreateAsync(app);
        await world.RegisterAsync("Plan Homeworker");
        var today = HomeworkWorld.Today;
        var plan = await (await world.Supplier.PostAsJsonAsync($"{world.Api}/homework-action-plans",
            Plan(("Mobile-money payments for every homeworker", "Finance manager", today.AddDays(30)), ("Weekly payment check", "Compliance officer", today.AddDays(60)))))
            .ReadAsync<ActionPlanDto>();

        var early = await world.Supplier.PostAsync($"{world.Api}/homework-action-plans/{plan.Id}/close", null);
        foreach (var measure in plan.Measures)
        {
            await (await world.Supplier.PostAsJsonAsync($"{world.Api}/homework-action-plans/{plan.Id}/measures/{measure.Id}/done", new { doneOn = Day(today), progress = "Done" }))
                .ReadAsync<ActionPlanDto>();
        }

        var brandView = await world.Brand.GetFromJsonAsync<List<ActionPlanDto>>($"/api/organisations/{world.BrandOrganisation.Id}/homework-action-plans", Http.Json);
        var closed = await (await world.Supplier.PostAsync($"{world.Api}/homework-action-plans/{plan.Id}/close", null)).ReadAsync<ActionPlanDto>();

        await early.ProblemAsync(HttpStatusCode.Conflict);
        var seen = Assert.Single(brandView!, p => p.Id == plan.Id);
        Assert.Equal(world.SupplierOrganisation.Name, seen.Supplier);
        Assert.All(seen.Measures, m => Assert.Equal(today, m.DoneOn));
        Assert.Equal(today, closed.ClosedOn);
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Brand.PostAsJsonAsync($"/api/organisations/{world.BrandOrganisation.Id}/homework-action-plans", Plan())).StatusCode);
    }

    [Fact]
    public async Task A_plan_without_measures_or_without_the_homeworkers_involvement_is_refused()
    {
        var world = await HomeworkWorld.CreateAsync(app);

        var empty = await world.Supplier.PostAsJsonAsync($"{world.Api}/homework-action-plans", Plan());
        var withoutVoice = await world.Supplier.PostAsJsonAsync($"{world.Api}/homework-action-plans", new
        {
            title = "T", findings = "F", homeworkerInvolvement = " ", measures = new[] { new { description = "D", owner = "O", dueOn = Day(HomeworkWorld.Today) } },
        });

        Assert.NotEmpty((await empty.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("measures"));
        Assert.NotEmpty((await withoutVoice.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("homeworkerInvolvement"));
    }

    [Fact]
    public async Task The_plans_page_creates_a_plan_and_shows_an_incomplete_one_again_with_the_reason()
    {
        var world = await HomeworkWorld.CreateAsync(app);
        var member = await app.NewMemberAsync(world.SupplierOrganisation.Name, CommonThread.Web.Organisations.MemberRole.Editor);
        var client = await app.SignedInAsync(member.Email, TestMember.Password);
        var page = $"/o/{world.SupplierOrganisation.Id}/homework/plans";

        var incomplete = await (await client.PostFormAsync(page, "new-plan", new() { ["New.Title"] = "Water at home", ["New.Findings"] = "No potable water in Savar" }))
            .Content.ReadAsStringAsync();
        var created = await (await client.PostFormAsync(page, "new-plan", new()
        {
            ["New.Title"] = "Water at home", ["New.Findings"] = "No potable water in Savar", ["New.Involvement"] = "Agreed at the homeworkers' meeting",
            ["New.Measures[0].Description"] = "Water filters for every homeworker", ["New.Measures[0].Owner"] = "Compliance officer",
            ["New.Measures[0].DueOn"] = Day(HomeworkWorld.Today.AddDays(30)),
        })).Content.ReadAsStringAsync();

        Assert.Contains("homeworkers or their representatives were involved", incomplete, StringComparison.Ordinal);
        Assert.Contains("value=\"Water at home\"", incomplete, StringComparison.Ordinal);
        Assert.Contains("Water filters for every homeworker", created, StringComparison.Ordinal);
    }
}

public sealed class ActionPlanSpecsOnSqlite(SqliteApp app) : ActionPlanSpecs(app);

public sealed class ActionPlanSpecsOnPostgres(PostgresApp app) : ActionPlanSpecs(app);
