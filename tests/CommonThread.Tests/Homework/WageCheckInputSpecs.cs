using System.Net;
using System.Net.Http.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Homework;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.Homework;

/// <summary>
/// The minimum-wage check compares a piece rate with the rate on record for the homeworker's country, region and
/// currency. A region or currency typed differently would find no rate and let a below-minimum order pass
/// unchecked, so they are chosen from what the table holds, and the server refuses anything else by name.
/// </summary>
public abstract class WageCheckInputSpecs(TestApp app)
{
    [Fact]
    public async Task A_region_the_minimum_wage_table_does_not_name_is_refused_with_the_regions_it_does()
    {
        var world = await HomeworkWorld.CreateAsync(app);
        var person = Json.With(HomeworkWorld.Person("Region typo", facilityId: world.FacilityId), ("region", "Homework spec"));

        var problem = await (await world.Supplier.PostAsJsonAsync($"{world.Api}/homeworkers", person)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(problem.FieldErrors("region"), e => e.Contains("Homework specs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_region_in_other_capitals_is_stored_as_the_table_spells_it()
    {
        var world = await HomeworkWorld.CreateAsync(app);
        var person = Json.With(HomeworkWorld.Person("Region capitals", facilityId: world.FacilityId), ("region", "  HOMEWORK SPECS "));

        var registered = await (await world.Supplier.PostAsJsonAsync($"{world.Api}/homeworkers", person)).ReadAsync<RegisteredHomeworker>();

        Assert.Equal("Homework specs", await app.WithDbAsync(db => db.Set<Homeworker>().Where(h => h.Id == registered.Homeworker.Id).Select(h => h.Region).SingleAsync()));
    }

    [Theory]
    [InlineData("bengali")]
    [InlineData("xx")]
    public async Task A_passbook_language_outside_the_workers_languages_is_refused(string language)
    {
        var world = await HomeworkWorld.CreateAsync(app);
        var person = Json.With(HomeworkWorld.Person($"Language {language}", facilityId: world.FacilityId), ("language", language));

        var problem = await (await world.Supplier.PostAsJsonAsync($"{world.Api}/homeworkers", person)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldErrors("language"));
    }

    [Theory]
    [InlineData("BTD")]
    [InlineData("TK")]
    [InlineData("usd")]
    public async Task A_work_order_in_a_currency_the_countrys_minimum_wage_is_not_recorded_in_is_refused(string currency)
    {
        var world = await HomeworkWorld.CreateAsync(app);
        var homeworker = await world.RegisterAsync($"Currency {currency}");
        var order = Json.With(HomeworkWorld.Order(homeworker.Homeworker.Id, pieceRate: 1.50m, minutes: 2m), ("currency", currency));

        var response = await world.Supplier.PostAsJsonAsync($"{world.Api}/work-orders", order);

        Assert.NotEmpty((await response.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("currency"));
        Assert.False(await app.WithDbAsync(db => db.Set<WorkOrder>().AnyAsync(w => w.HomeworkerId == homeworker.Homeworker.Id)));
    }

    [Fact]
    public async Task A_minimum_wage_in_a_currency_that_is_not_one_is_refused()
    {
        var (admin, adminId) = (await app.OwnerClientAsync("CommonThread Platform"), (await app.OrganisationAsync("CommonThread Platform")).Id);

        var response = await admin.PostAsJsonAsync($"/api/organisations/{adminId}/minimum-wages",
            new { country = "BD", region = "Nowhere", hourlyRate = 70m, currency = "BTD", effectiveFrom = "2026-01-01", source = "test" });

        Assert.NotEmpty((await response.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("currency"));
    }
}

public sealed class WageCheckInputSpecsOnSqlite(SqliteApp app) : WageCheckInputSpecs(app);

public sealed class WageCheckInputSpecsOnPostgres(PostgresApp app) : WageCheckInputSpecs(app);

/// <summary>A request body made from another with some of its values replaced.</summary>
internal static class Json
{
    public static System.Text.Json.Nodes.JsonObject With(object body, params (string Name, object? Value)[] changes)
    {
        var json = System.Text.Json.JsonSerializer.SerializeToNode(body)!.AsObject();
        foreach (var (name, value) in changes)
        {
            json[name] = System.Text.Json.JsonSerializer.SerializeToNode(value);
        }

        return json;
    }
}
