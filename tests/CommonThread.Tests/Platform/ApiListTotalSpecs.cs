using System.Net;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Platform.Api;

namespace CommonThread.Tests.Platform;

/// <summary>Every API list says its total and pages: read from the app's own endpoints, so a new list cannot forget it.</summary>
public abstract class ApiListTotalSpecs(TestApp app)
{
    // Lists that do not page with a cursor, and why.
    private static readonly HashSet<string> Unpaged =
    [
        "/api/organisations", // the caller's own memberships: a person belongs to a handful
        "/api/admin/organisations/", // platform administrators only, behind two-factor sign-in
        "/api/admin/jobs", // one entry per periodic job of the deployment, eight today; platform administrators only
        "/api/organisations/{orgId:guid}/imports/{importId:guid}/problems", // one import's rows, paged by skip and take
        "/api/organisations/{orgId:guid}/imports/{importId:guid}/links", // one import's rows, paged by skip and take
        "/api/organisations/{orgId:guid}/grievance-statistics", // aggregates: a row per dimension and group
        "/api/organisations/{orgId:guid}/homework-regularity", // aggregates of one month (not yet paged: see the branch's report)
        "/api/organisations/{orgId:guid}/homework-overview", // aggregates per supplier (not yet paged: see the branch's report)
        "/api/organisations/{orgId:guid}/dd-reports", // the reports in force: one entry per report the law asks for, four today
    ];

    [Fact]
    public async Task Every_get_endpoint_that_answers_a_json_list_says_its_total_in_a_header()
    {
        var cases = new ApiEndpointCases(app);
        var lists = cases.All().Where(e => e.Method == "GET" && IsListShaped(e.Endpoint.RoutePattern.RawText!)).ToList();
        var (arrays, failures) = (new List<string>(), new List<string>());

        foreach (var (method, endpoint) in lists)
        {
            var endpointCase = await cases.PrepareAsync(method, endpoint);
            var response = await (await app.ClientForAsync(endpointCase.Owner)).GetAsync(endpointCase.Url);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "application/json" || !body.TrimStart().StartsWith('['))
            {
                continue;
            }

            arrays.Add(endpointCase.Pattern);
            if (!response.Headers.Contains(ListPaging.TotalHeader))
            {
                failures.Add($"{endpointCase} answers a list without {ListPaging.TotalHeader}");
            }
        }

        Assert.Empty(failures);
        Assert.True(arrays.Count >= 25, $"only {arrays.Count} lists found: {string.Join(", ", arrays)}");
    }

    /// <summary>Not one item (a route ending in its id), not a file, and not a list the table above names.</summary>
    private static bool IsListShaped(string pattern)
    {
        var last = pattern.TrimEnd('/').Split('/')[^1];
        return !last.StartsWith('{') && !last.Contains('.', StringComparison.Ordinal)
            && last is not ("pdf" or "xlsx" or "file" or "document" or "report" or "evidence" or "form" or "response" or "passbook" or "scorecard")
            && !Unpaged.Contains(pattern);
    }
}

public sealed class ApiListTotalSpecsOnSqlite(SqliteApp app) : ApiListTotalSpecs(app);

public sealed class ApiListTotalSpecsOnPostgres(PostgresApp app) : ApiListTotalSpecs(app);
