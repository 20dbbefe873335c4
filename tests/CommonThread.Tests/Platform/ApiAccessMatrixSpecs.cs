using System.Net;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Organisations;
using Microsoft.AspNetCore.Routing;

namespace CommonThread.Tests.Platform;

/// <summary>
/// Every API endpoint, read from the app's own endpoint data source so a new one cannot escape, is
/// called as nobody, as a competitor (an owner of a competing organisation of the same kind), as a
/// viewer and as an owner of the organisation that owns the data.
/// </summary>
public abstract class ApiAccessMatrixSpecs(TestApp app)
{
    [Fact]
    public async Task Every_api_endpoint_refuses_strangers_and_competitors_and_serves_members_by_role()
    {
        var cases = new ApiEndpointCases(app);
        var endpoints = cases.All();
        Assert.True(endpoints.Count >= 29, $"only {endpoints.Count} endpoints found");

        var failures = new List<string>();
        foreach (var (method, endpoint) in endpoints)
        {
            failures.AddRange(await CheckAsync(await cases.PrepareAsync(method, endpoint)));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private async Task<IEnumerable<string>> CheckAsync(ApiEndpointCase endpointCase)
    {
        var (method, endpoint, pattern, name, url, isAdmin) = (endpointCase.Method, endpointCase.Endpoint, endpointCase.Pattern, endpointCase.Name, endpointCase.Url, endpointCase.IsAdmin);
        var (organisation, owner, viewer, competitor) = (endpointCase.Organisation, endpointCase.Owner, endpointCase.Viewer, endpointCase.Competitor);
        var needed = endpoint.Metadata.GetMetadata<RequiresRole>()?.Minimum;
        var failures = new List<string>();
        async Task<HttpResponseMessage> Call(HttpClient client) =>
            await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = endpointCase.SampleBody() });
        void Expect(string who, HttpResponseMessage response, Func<HttpStatusCode, bool> ok, string expected)
        {
            if (!ok(response.StatusCode))
            {
                failures.Add($"{method} {pattern} as {who}: got {(int)response.StatusCode}, expected {expected}");
            }
        }

        Expect("anonymous", await Call(app.Anonymous()), s => s == HttpStatusCode.Unauthorized, "401");

        var competitorResponse = await Call(await app.SignedInAsync(competitor.Email, TestMember.Password));
        var competitorBody = await competitorResponse.Content.ReadAsStringAsync();
        if (pattern.Contains("{orgId", StringComparison.Ordinal))
        {
            Expect("competitor", competitorResponse, s => s == HttpStatusCode.NotFound, "404");
        }
        else if (isAdmin)
        {
            Expect("competitor", competitorResponse, s => s == HttpStatusCode.Forbidden, "403");
        }

        if (competitorBody.Contains(organisation.Id.ToString(), StringComparison.OrdinalIgnoreCase) || competitorBody.Contains(owner.Email, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{method} {pattern} as competitor: the answer contains the owning organisation's data");
        }

        if (!isAdmin)
        {
            var viewerResponse = await Call(await app.SignedInAsync(viewer.Email, TestMember.Password));
            if (needed > MemberRole.Viewer)
            {
                Expect("viewer", viewerResponse, s => s == HttpStatusCode.Forbidden, "403");
            }
            else if (ApiEndpointCases.IsMyInvitation(pattern))
            {
                Expect("viewer", viewerResponse, s => s == HttpStatusCode.NotFound, "404 (someone else's invitation)");
            }
            else
            {
                Expect("viewer", viewerResponse, Served, "2xx");
            }
        }

        Expect("owner", await Call(await app.SignedInAsync(owner.Email, TestMember.Password)), Served, "2xx");
        return failures;
    }

    private static bool Served(HttpStatusCode status) => (int)status is >= 200 and < 300;
}

public sealed class ApiAccessMatrixSpecsOnSqlite(SqliteApp app) : ApiAccessMatrixSpecs(app);

public sealed class ApiAccessMatrixSpecsOnPostgres(PostgresApp app) : ApiAccessMatrixSpecs(app);
