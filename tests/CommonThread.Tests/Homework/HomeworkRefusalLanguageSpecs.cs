using System.Net;
using System.Net.Http.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Homework;

namespace CommonThread.Tests.Homework;

/// <summary>
/// Homework refusals carry their values (amounts, dates, names) into the client's language: a supplier's
/// compliance staff read why work was refused in their own language, with the figures that matter.
/// </summary>
public abstract class HomeworkRefusalLanguageSpecs(TestApp app)
{
    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Work_below_the_minimum_wage_is_refused_in_the_language_asked_for_with_its_amounts()
    {
        var world = await HomeworkWorld.CreateAsync(app);
        var homeworker = await world.RegisterAsync("Rokeya Begum");

        var spanish = await (await PostAsync(world, "work-orders", HomeworkWorld.Order(homeworker.Homeworker.Id, pieceRate: 1.50m, minutes: 2m), "es"))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);
        var english = await (await world.Supplier.PostAsJsonAsync($"{world.Api}/work-orders", HomeworkWorld.Order(homeworker.Homeworker.Id, pieceRate: 1.50m, minutes: 2m)))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(
            "Con el tiempo estándar, esto paga 45.00 BDT por hora, por debajo del mínimo legal de 60.00 BDT. Modifique la orden o entréguela de todos modos con las alertas registradas en ella.",
            Assert.Single(spanish.FieldErrors("acceptFlags")));
        Assert.Equal(
            "At the standard time this pays 45.00 BDT an hour, below the legal minimum of 60.00 BDT. Change the order, or issue it anyway with the flags kept on it.",
            Assert.Single(english.FieldErrors("acceptFlags")));
    }

    [Fact]
    public async Task Work_through_an_intermediary_whose_licence_expired_is_refused_in_the_language_asked_for_naming_the_intermediary_and_the_day()
    {
        var world = await HomeworkWorld.CreateAsync(app);
        var expiredOn = HomeworkWorld.Today.AddDays(-1);
        var intermediary = await (await world.Supplier.PostAsJsonAsync($"{world.Api}/intermediaries", new
        {
            name = "Karim Agency", preQualification = "Passed", preQualifiedOn = "2024-01-10", checklistMet = IntermediaryChecklist.Items.Keys, licenceNumber = "DH-221",
            licenceExpires = Day(expiredOn), contractStart = "2024-02-01", trainedOn = "2024-02-05",
        })).ReadAsync<IntermediaryDto>();
        var homeworker = await world.RegisterAsync("Nasima Khatun", intermediaryId: intermediary.Id);

        var bengali = await (await PostAsync(world, "work-orders", HomeworkWorld.Order(homeworker.Homeworker.Id), "bn")).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal($"এই ঠিকাদারের (মধ্যবর্তী) মাধ্যমে Nasima Khatun-কে কাজ দেওয়া যাবে না: Karim Agency-এর লাইসেন্সের মেয়াদ {Day(expiredOn)} তারিখে শেষ হয়েছে।",
            Assert.Single(bengali.FieldErrors("homeworkerId")));
        Assert.Equal($"Karim Agency's licence expired on {Day(expiredOn)}.", intermediary.WhyNotQualified);
    }

    [Fact]
    public async Task A_homeworker_already_registered_is_refused_in_the_language_asked_for_with_the_name_birth_date_and_area()
    {
        var world = await HomeworkWorld.CreateAsync(app);
        var name = $"Salma Khatun {Guid.NewGuid():N}";
        await world.RegisterAsync(name, area: "Savar");

        var chinese = await (await PostAsync(world, "homeworkers", HomeworkWorld.Person(name, area: "Savar", facilityId: world.FacilityId), "zh-Hans"))
            .ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal($"Savar的{name}（出生日期 1990-04-02）已登记。", Assert.Single(chinese.FieldErrors("name")));
    }

    private static async Task<HttpResponseMessage> PostAsync(HomeworkWorld world, string path, object body, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{world.Api}/{path}") { Content = JsonContent.Create(body) };
        request.Headers.AcceptLanguage.ParseAdd(language);
        return await world.Supplier.SendAsync(request);
    }
}

public sealed class HomeworkRefusalLanguageSpecsOnSqlite(SqliteApp app) : HomeworkRefusalLanguageSpecs(app);

public sealed class HomeworkRefusalLanguageSpecsOnPostgres(PostgresApp app) : HomeworkRefusalLanguageSpecs(app);
