using System.Net;
using System.Net.Http.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.DueDiligence;
using CommonThread.Web.DueDiligence.RiskMethods;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;

namespace CommonThread.Tests.DueDiligence;

/// <summary>
/// Initiatives publish country risk methods of their own; each register chooses the one it scores by, for its
/// country risk, its proposals and its reports. A method is public and never changes once published.
/// </summary>
public abstract class RiskMethodSpecs(TestApp app)
{
    /// <summary>Every issue weighs the ITUC rating alone: Bangladesh (rated 5, C87 and C98 ratified) scores 5 for freedom of association, 3.4 by the platform's method.</summary>
    private static Dictionary<string, Dictionary<string, double>> RatingOnly() =>
        Enum.GetNames<HumanRightsIssue>().ToDictionary(i => i, _ => new Dictionary<string, double> { ["ituc"] = 1 });

    private static object Method(string version, object weights) =>
        new { name = "Rating first", version, effectiveFrom = "2026-01-01", about = "Enforcement over ratification.", weights };

    private async Task<(HttpClient Client, Organisation Organisation)> BrandInBangladeshAsync()
    {
        var (brand, org) = await app.NewOrganisationClientAsync(OrganisationKind.Brand);
        var supplier = await app.NewOrganisationAsync(OrganisationKind.Supplier);
        await app.WithDbAsync(db =>
        {
            var facility = new Facility { OperatorOrganisationId = supplier.Id, Name = $"Method unit {Guid.NewGuid():N}"[..20], Address = "2 Test Road, Savar", CountryCode = "BD", CreatedAt = DateTimeOffset.UnixEpoch };
            db.AddRange(facility, new SupplyLink { BuyerOrganisationId = org.Id, FacilityId = facility.Id, Tier = 1, StartDate = new DateOnly(2025, 1, 1), CreatedAt = DateTimeOffset.UnixEpoch, Status = LinkStatus.Confirmed });
            return db.SaveChangesAsync();
        });
        return (brand, org);
    }

    private static async Task<double?> BangladeshFoaAsync(HttpClient client, Guid orgId) =>
        (await client.GetFromJsonAsync<CountryRiskAnswer>($"/api/organisations/{orgId}/country-risk", Http.Json))!.Risks
        .Single(r => r.CountryCode == "BD" && r.Issue == HumanRightsIssue.FreedomOfAssociation).Score;

    private static async Task<List<ImpactProposalDto>> ProposalsAsync(HttpClient client, Guid orgId) =>
        (await client.GetFromJsonAsync<List<ImpactProposalDto>>($"/api/organisations/{orgId}/risk-proposals", Http.Json))!;

    [Fact]
    public async Task A_brand_that_chooses_an_initiatives_method_scores_and_is_offered_country_risk_by_it_while_another_brand_keeps_the_platforms()
    {
        var (initiative, initiativeOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Initiative);
        var (brand, brandOrg) = await BrandInBangladeshAsync();
        var (other, otherOrg) = await BrandInBangladeshAsync();
        var version = Guid.NewGuid().ToString("N")[..8];

        var published = await (await initiative.PostAsJsonAsync($"/api/organisations/{initiativeOrg.Id}/risk-methods", Method(version, RatingOnly()))).ReadAsync<RiskMethodDto>();
        var before = await BangladeshFoaAsync(brand, brandOrg.Id);
        var offeredBefore = await ProposalsAsync(brand, brandOrg.Id);
        var chose = await brand.PutAsJsonAsync($"/api/organisations/{brandOrg.Id}/risk-method", new { methodId = published.Id });
        var after = await BangladeshFoaAsync(brand, brandOrg.Id);
        var offeredAfter = await ProposalsAsync(brand, brandOrg.Id);
        var listed = (await brand.GetFromJsonAsync<List<RiskMethodDto>>($"/api/organisations/{brandOrg.Id}/risk-methods", Http.Json))!;
        var back = await brand.PutAsJsonAsync($"/api/organisations/{brandOrg.Id}/risk-method", new { methodId = (Guid?)null });

        Assert.Equal((3.4, 5.0), (before, after));
        Assert.Equal(HttpStatusCode.NoContent, chose.StatusCode);
        Assert.DoesNotContain(offeredBefore, p => p.Key == "country:BD:FreedomOfAssociation");
        Assert.Contains($"Rating first {version}", Assert.Single(offeredAfter, p => p.Key == "country:BD:FreedomOfAssociation").Evidence, StringComparison.Ordinal);
        Assert.True(listed.Single(m => m.Id == published.Id).Chosen);
        Assert.Equal((initiativeOrg.Name, 1.0), (published.Publisher, published.Weights[HumanRightsIssue.Wages]["ituc"]));
        Assert.Equal(3.4, await BangladeshFoaAsync(other, otherOrg.Id));
        Assert.Equal(HttpStatusCode.NoContent, back.StatusCode);
        Assert.Equal(3.4, await BangladeshFoaAsync(brand, brandOrg.Id));
    }

    [Fact]
    public async Task A_method_with_an_issue_left_out_an_unknown_input_or_a_weight_out_of_range_is_refused_field_by_field_and_nothing_is_published()
    {
        var (initiative, initiativeOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Initiative);
        var api = $"/api/organisations/{initiativeOrg.Id}/risk-methods";
        var weights = RatingOnly();
        weights.Remove(nameof(HumanRightsIssue.Homework));
        weights[nameof(HumanRightsIssue.Wages)]["C999"] = 1;
        weights[nameof(HumanRightsIssue.ChildLabour)]["C138"] = -2;
        weights["Corruption"] = new() { ["ituc"] = 1 };

        var refused = await (await initiative.PostAsJsonAsync(api, Method("1", weights))).ProblemAsync(HttpStatusCode.BadRequest);
        var zero = RatingOnly();
        zero[nameof(HumanRightsIssue.Discrimination)]["ituc"] = 0;
        var allZero = await (await initiative.PostAsJsonAsync(api, Method("1", zero))).ProblemAsync(HttpStatusCode.BadRequest);
        var listed = (await initiative.GetFromJsonAsync<List<RiskMethodDto>>(api, Http.Json))!;
        var first = await initiative.PostAsJsonAsync(api, Method("1", RatingOnly()));
        var again = await initiative.PostAsJsonAsync(api, Method("1", RatingOnly()));

        Assert.NotEmpty(refused.FieldErrors("weights.Homework"));
        Assert.NotEmpty(refused.FieldErrors("weights.Wages.C999"));
        Assert.NotEmpty(refused.FieldErrors("weights.ChildLabour.C138"));
        Assert.NotEmpty(refused.FieldErrors("weights.Corruption"));
        Assert.NotEmpty(allZero.FieldErrors("weights.Discrimination"));
        Assert.DoesNotContain(listed, m => m.Publisher == initiativeOrg.Name);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await again.ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Only_an_initiative_publishes_and_only_a_register_keeper_chooses_and_only_a_published_method()
    {
        var (brand, brandOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Brand);
        var (initiative, initiativeOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Initiative);
        var (union, unionOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Union);
        var published = await (await initiative.PostAsJsonAsync($"/api/organisations/{initiativeOrg.Id}/risk-methods", Method("u1", RatingOnly()))).ReadAsync<RiskMethodDto>();

        var brandPublishes = await brand.PostAsJsonAsync($"/api/organisations/{brandOrg.Id}/risk-methods", Method("b1", RatingOnly()));
        var initiativeChooses = await initiative.PutAsJsonAsync($"/api/organisations/{initiativeOrg.Id}/risk-method", new { methodId = published.Id });
        var unknown = await brand.PutAsJsonAsync($"/api/organisations/{brandOrg.Id}/risk-method", new { methodId = Guid.NewGuid() });
        var unionChooses = await union.PutAsJsonAsync($"/api/organisations/{unionOrg.Id}/risk-method", new { methodId = published.Id });

        Assert.Equal(HttpStatusCode.Forbidden, brandPublishes.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, initiativeChooses.StatusCode);
        Assert.NotEmpty((await unknown.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("methodId"));
        Assert.Equal(HttpStatusCode.NoContent, unionChooses.StatusCode);
    }

    [Fact]
    public async Task An_initiative_publishes_through_its_page_and_a_brand_chooses_on_its_register_page()
    {
        var (initiative, initiativeOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Initiative);
        var (brand, brandOrg) = await BrandInBangladeshAsync();
        var page = $"/o/{initiativeOrg.Id}/risk-methods";
        var version = Guid.NewGuid().ToString("N")[..8];
        var fields = new Dictionary<string, string> { ["Publish.Name"] = "Page method", ["Publish.Version"] = version, ["Publish.EffectiveFrom"] = "2026-02-01", ["Publish.About"] = "Typed on the page." };
        foreach (var issue in Enum.GetNames<HumanRightsIssue>())
        {
            fields[$"weight.{issue}.ituc"] = "2,5";
        }

        var typo = new Dictionary<string, string>(fields) { ["weight.Wages.C98"] = "lots" };
        var refused = await (await initiative.PostFormAsync(page, "publish-method", typo)).Content.ReadAsStringAsync();
        var accepted = await (await initiative.PostFormAsync(page, "publish-method", fields)).Content.ReadAsStringAsync();
        var methodId = (await brand.GetFromJsonAsync<List<RiskMethodDto>>($"/api/organisations/{brandOrg.Id}/risk-methods", Http.Json))!.Single(m => m.Version == version).Id;
        var register = $"/o/{brandOrg.Id}/risks";
        var chosen = await (await brand.PostFormAsync(register, "choose-method", new() { ["Choose.MethodId"] = methodId.ToString() })).Content.ReadAsStringAsync();

        Assert.Contains("Give each weight as a number.", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"lots\"", refused, StringComparison.Ordinal);
        Assert.Contains("Published.", accepted, StringComparison.Ordinal);
        Assert.Contains($"Page method {version}", accepted, StringComparison.Ordinal);
        Assert.Contains("ITUC Global Rights Index rating 2.5", accepted, StringComparison.Ordinal);
        Assert.Contains("C87 Freedom of association", refused, StringComparison.Ordinal);
        Assert.Contains($"Page method {version} · {initiativeOrg.Name}", chosen, StringComparison.Ordinal);
        Assert.Equal(5.0, await BangladeshFoaAsync(brand, brandOrg.Id));
    }

    [Fact]
    public async Task A_page_post_with_a_name_longer_than_its_column_and_no_version_is_refused_field_by_field_with_its_weights_and_nothing_is_published()
    {
        var (initiative, initiativeOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Initiative);
        var fields = new Dictionary<string, string>
        {
            ["Publish.Name"] = new string('n', PublishedRiskMethod.NameMaxLength + 1), ["Publish.Version"] = " ", ["Publish.EffectiveFrom"] = "2026-02-01", ["Publish.About"] = "Too long a name.",
        };
        foreach (var issue in Enum.GetNames<HumanRightsIssue>().Where(i => i != nameof(HumanRightsIssue.Homework)))
        {
            fields[$"weight.{issue}.ituc"] = "1";
        }

        var response = await initiative.PostFormAsync($"/o/{initiativeOrg.Id}/risk-methods", "publish-method", fields);
        var page = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var listed = (await initiative.GetFromJsonAsync<List<RiskMethodDto>>($"/api/organisations/{initiativeOrg.Id}/risk-methods", Http.Json))!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Give the method's name, of up to 100 characters.", page, StringComparison.Ordinal);
        Assert.Contains("Give the version, of up to 20 characters.", page, StringComparison.Ordinal);
        Assert.Contains("Give at least one input of this issue a weight above zero.", page, StringComparison.Ordinal);
        Assert.DoesNotContain(listed, m => m.Publisher == initiativeOrg.Name);
    }
}

/// <summary>Every input a method may weigh is named for people in the platform's language (the completeness spec keeps the other languages whole).</summary>
public sealed class RiskInputLabelSpecs
{
    [Fact]
    public void Every_input_of_the_country_context_has_a_label()
    {
        var texts = new System.Resources.ResourceManager(typeof(CommonThread.Web.Platform.Localization.Shell))
            .GetResourceSet(System.Globalization.CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!;

        var missing = CountryRiskMethod.InputNames.Where(i => string.IsNullOrWhiteSpace(texts.GetString(RiskInputLabels.Key(i)))).ToList();

        Assert.Empty(missing);
    }
}

public sealed class RiskMethodSpecsOnSqlite(SqliteApp app) : RiskMethodSpecs(app);

public sealed class RiskMethodSpecsOnPostgres(PostgresApp app) : RiskMethodSpecs(app);
