using System.Net;
using System.Text.Json;
using CommonThread.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CommonThread.Tests.Platform;

public abstract class ApiConventionSpecs(TestApp app)
{
    [Fact]
    public async Task Health_reports_the_database_reachable_and_alive_answers_without_it()
    {
        var client = app.Anonymous();

        Assert.Equal("Healthy", await client.GetStringAsync("/health"));
        Assert.Equal("Healthy", await client.GetStringAsync("/alive"));
    }

    [Fact]
    public async Task The_openapi_document_describes_every_api_endpoint_and_the_reference_page_is_served()
    {
        var client = app.Anonymous();
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name.ToUpperInvariant()} {p.Name}"))
            .ToHashSet();

        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.GetRequiredMetadata<IHttpMethodMetadata>().HttpMethods
                .Select(m => $"{m} {System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText!.TrimEnd('/'), ":[a-z]+}", "}")}"));

        Assert.All(endpoints, e => Assert.Contains(e, documented));
        Assert.Contains("CommonThread API", await app.CreateClient().GetStringAsync("/scalar"));
    }

    [Fact]
    public async Task Unauthenticated_api_calls_get_401_problem_details_not_a_redirect()
    {
        var response = await app.Anonymous().GetAsync("/api/organisations");

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_organisation_switcher_redirects_only_inside_the_site_and_refuses_a_bad_id()
    {
        var client = app.Anonymous();
        var id = Guid.NewGuid();

        var good = await client.GetAsync($"/switch?orgId={id}");
        var bad = await client.GetAsync("/switch?orgId=not-a-guid");

        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal($"/o/{id}", good.Headers.Location?.OriginalString);
        await bad.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_unknown_api_route_is_a_404_problem()
    {
        var response = await (await app.OwnerClientAsync("Northwind Apparel")).GetAsync("/api/no-such-thing");

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class ApiConventionSpecsOnSqlite(SqliteApp app) : ApiConventionSpecs(app);

public sealed class ApiConventionSpecsOnPostgres(PostgresApp app) : ApiConventionSpecs(app);
