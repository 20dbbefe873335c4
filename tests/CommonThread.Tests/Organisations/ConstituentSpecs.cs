using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.Organisations;

/// <summary>
/// Governments and employers' organisations, the tripartite constituents beside unions: by their kind they see the
/// public library and publish to it, and see no facility, chain or case — only what a confirmed relationship would give.
/// </summary>
public abstract class ConstituentSpecs(TestApp app)
{
    [Theory]
    [InlineData(OrganisationKind.Government)]
    [InlineData(OrganisationKind.EmployerOrganisation)]
    public async Task A_constituent_sees_no_facility_of_any_chain_and_publishes_to_the_library(OrganisationKind kind)
    {
        var (client, organisation) = await app.NewOrganisationClientAsync(kind, MemberRole.Owner);
        var facilityId = await app.WithDbAsync(db => db.Set<Facility>().Where(f => f.Name == "Dhaka Knitwear Unit 1").Select(f => f.Id).SingleAsync());
        var api = $"/api/organisations/{organisation.Id}";

        var facilities = await client.GetFromJsonAsync<JsonElement>($"{api}/facilities");
        var facility = await client.GetAsync($"{api}/facilities/{facilityId}");
        var published = await client.PostAsJsonAsync($"{api}/library", new
        {
            title = "Labour inspection guide", summary = "How inspectors check working hours.", text = "Inspectors compare time records with pay slips.", language = "en",
            kind = "Guidance", licence = "CcBy", themes = new[] { "SocialDialogue" }, countries = new[] { "BD" },
        });

        Assert.Empty(facilities.EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, facility.StatusCode);
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        Assert.Equal(organisation.Name, (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("publisher").GetString());
    }
}

public sealed class ConstituentSpecsOnSqlite(SqliteApp app) : ConstituentSpecs(app);

public sealed class ConstituentSpecsOnPostgres(PostgresApp app) : ConstituentSpecs(app);
