using System.Net.Http.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Assessments;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.Assessments;

/// <summary>Sending a questionnaire to the whole chain first shows how wide that is, and sends only once confirmed.</summary>
public abstract class SendToAllSpecs(TestApp app)
{
    /// <summary>Facilities the supplier runs, each bought by the brand at tier 1 through a confirmed link.</summary>
    private Task ChainAsync(Organisation brand, Organisation supplier, params (string Name, string Country)[] facilities) => app.WithDbAsync(async db =>
    {
        foreach (var (name, country) in facilities)
        {
            var facility = new Facility { Name = $"{name} {Guid.NewGuid():N}", Address = "1 Road", CountryCode = country, OperatorOrganisationId = supplier.Id, CreatedAt = DateTimeOffset.UnixEpoch };
            db.AddRange(facility, new SupplyLink
            {
                BuyerOrganisationId = brand.Id, FacilityId = facility.Id, Tier = 1, StartDate = new DateOnly(2024, 1, 1), Status = LinkStatus.Confirmed, CreatedAt = DateTimeOffset.UnixEpoch,
            });
        }

        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Sending_to_all_in_the_chain_previews_the_facilities_and_countries_and_sends_nothing_until_confirmed()
    {
        var brand = await app.NewOrganisationAsync(OrganisationKind.Brand);
        var supplier = await app.NewOrganisationAsync(OrganisationKind.Supplier);
        await ChainAsync(brand, supplier, ("Preview Unit BD", "BD"), ("Preview Unit VN", "VN"));
        var member = await app.NewMemberAsync(brand.Name, MemberRole.Editor);
        var client = await app.SignedInAsync(member.Email, TestMember.Password);
        var path = $"/o/{brand.Id}/assessments";
        var fields = new Dictionary<string, string>
        {
            ["Assign.QuestionnaireId"] = QuestionnaireLibrary.Starters[0].Id.ToString(),
            ["Assign.DueOn"] = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(30).ToString("yyyy-MM-dd"),
        };
        Task<int> SentAsync() => app.WithDbAsync(db => db.Set<Assignment>().CountAsync(a => a.AssignedByOrganisationId == brand.Id));

        var preview = await (await client.PostFormAsync(path, "assign", fields)).Content.ReadAsStringAsync();

        Assert.Equal(0, await SentAsync());
        Assert.Contains("id=\"assign-preview\"", preview, StringComparison.Ordinal);
        Assert.Contains("to 2 facilities in your chain", preview, StringComparison.Ordinal);
        Assert.Contains("Bangladesh", preview, StringComparison.Ordinal);
        Assert.Contains("Viet", preview, StringComparison.Ordinal);

        var sent = await (await client.PostFormAsync(path, "assign", new(fields) { ["Assign.Confirmed"] = "true" })).Content.ReadAsStringAsync();

        Assert.Equal(2, await SentAsync());
        Assert.DoesNotContain("id=\"assign-preview\"", sent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sending_to_chosen_countries_previews_and_reaches_only_the_chains_facilities_there_and_an_unknown_country_is_refused()
    {
        var brand = await app.NewOrganisationAsync(OrganisationKind.Brand);
        var supplier = await app.NewOrganisationAsync(OrganisationKind.Supplier);
        await ChainAsync(brand, supplier, ("Country Unit BD 1", "BD"), ("Country Unit BD 2", "BD"), ("Country Unit VN", "VN"), ("Country Unit KH", "KH"));
        var member = await app.NewMemberAsync(brand.Name, MemberRole.Editor);
        var client = await app.SignedInAsync(member.Email, TestMember.Password);
        var api = await app.ClientForAsync(member);
        var path = $"/o/{brand.Id}/assessments";
        var due = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(30);
        var fields = new Dictionary<string, string> { ["Assign.QuestionnaireId"] = QuestionnaireLibrary.Starters[0].Id.ToString(), ["Assign.DueOn"] = due.ToString("yyyy-MM-dd") };
        Task<List<string>> SentToAsync() => app.WithDbAsync(db => (from a in db.Set<Assignment>()
                                                                     join f in db.Set<Facility>() on a.FacilityId equals f.Id
                                                                     where a.AssignedByOrganisationId == brand.Id
                                                                     select f.CountryCode).ToListAsync());

        var form = await client.GetStringAsync(path);
        KeyValuePair<string, string>[] countries = [new("Assign.Countries", "BD"), new("Assign.Countries", "KH")];
        var preview = await (await client.PostFormFieldsAsync(path, "assign", [.. fields, .. countries])).Content.ReadAsStringAsync();
        var previewed = await SentToAsync();
        await client.PostFormFieldsAsync(path, "assign", [.. fields, new("Assign.Confirmed", "true"), .. countries]);
        var byPage = await SentToAsync();
        var byApi = await api.PostAsJsonAsync($"/api/organisations/{brand.Id}/assignments",
            new { questionnaireId = QuestionnaireLibrary.Starters[1].Id, dueOn = due, countries = new[] { "Viet Nam" } });
        var unknown = await api.PostAsJsonAsync($"/api/organisations/{brand.Id}/assignments",
            new { questionnaireId = QuestionnaireLibrary.Starters[1].Id, dueOn = due, countries = new[] { "Atlantis" } });

        Assert.Contains("id=\"assign-countries\"", form, StringComparison.Ordinal);
        Assert.Empty(previewed);
        Assert.Contains("to 3 facilities in your chain", preview, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"Assign.Countries\" value=\"KH\"", preview, StringComparison.Ordinal);
        Assert.Equal(["BD", "BD", "KH"], byPage.Order());
        Assert.Equal(1, (await byApi.ReadAsync<AssignResult>()).Sent);
        Assert.NotEmpty((await unknown.ProblemAsync(System.Net.HttpStatusCode.BadRequest)).FieldErrors("countries"));
        Assert.Equal(4, (await SentToAsync()).Count);
    }
}

public sealed class SendToAllSpecsOnSqlite(SqliteApp app) : SendToAllSpecs(app);

public sealed class SendToAllSpecsOnPostgres(PostgresApp app) : SendToAllSpecs(app);
