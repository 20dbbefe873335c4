using System.Net;
using System.Net.Http.Json;
using CommonThread.Data;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Data;
using CommonThread.Web.Platform.Jobs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CommonThread.Tests.Platform.Data;

/// <summary>What a marked endpoint's database context does on every provider, and which endpoints are marked.</summary>
public abstract class StandbyReadsSpecs(TestApp app)
{
    [Fact]
    public async Task A_request_marked_for_the_standby_cannot_save_anything()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(StandbyReads.Marker), "marked"));
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = http;
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Add(new JobRun { Job = "standby-spec", Period = DateTimeOffset.UnixEpoch, Node = "spec" });

            var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Contains("must not write", refusal.Message, StringComparison.Ordinal);
        }
        finally
        {
            scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = null;
        }
    }

    [Fact]
    public void Only_reads_are_marked_and_every_list_export_is()
    {
        var endpoints = new ApiEndpointCases(app).All();
        var marked = endpoints.Where(e => e.Endpoint.Metadata.GetMetadata<StandbyReads>() is not null).ToList();

        Assert.All(marked, e => Assert.Equal("GET", e.Method));
        // A list exported whole (CSV or XLSX) is the heavy read the standby is for; templates are not read from the
        // database, and one import's rows are read right after the import is made, when a standby may not have them yet.
        var exports = endpoints.Where(e => e.Method == "GET" && e.Endpoint.RoutePattern.RawText is { } p
            && (p.EndsWith(".csv", StringComparison.Ordinal) || p.EndsWith(".xlsx", StringComparison.Ordinal) || p.EndsWith(".{format}", StringComparison.Ordinal))
            && !p.Contains("template", StringComparison.Ordinal) && !p.Contains("/imports/{importId", StringComparison.Ordinal));
        Assert.Empty(exports.Where(e => e.Endpoint.Metadata.GetMetadata<StandbyReads>() is null).Select(e => e.Endpoint.RoutePattern.RawText));
        Assert.True(marked.Count >= 20, $"only {marked.Count} endpoints read from the standby");
    }
}

public sealed class StandbyReadsSpecsOnSqlite(SqliteApp app) : StandbyReadsSpecs(app);

public sealed class StandbyReadsSpecsOnPostgres(PostgresApp app) : StandbyReadsSpecs(app);

/// <summary>An app whose standby is its own database opened read-only, as a hot standby is: anything sent there that writes fails.</summary>
public sealed class ReadOnlyStandbyApp : PostgresApp
{
    public const string StandbyApplicationName = "ct-standby-spec";

    public string Database => DatabaseName;

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
        [new("Database:StandbyConnectionString", $"{ConnectionString};Application Name={StandbyApplicationName};Options=-c default_transaction_read_only=on")];
}

public sealed class StandbyReadsOnPostgresSpecs(ReadOnlyStandbyApp app) : IClassFixture<ReadOnlyStandbyApp>
{
    [Fact]
    public async Task Every_marked_endpoint_answers_its_owner_from_the_read_only_standby()
    {
        var cases = new ApiEndpointCases(app);
        var marked = cases.All().Where(e => e.Endpoint.Metadata.GetMetadata<StandbyReads>() is not null).ToList();
        var (answered, failures) = (0, new List<string>());

        foreach (var (method, endpoint) in marked)
        {
            var endpointCase = await cases.PrepareAsync(method, endpoint);
            var response = await (await app.ClientForAsync(endpointCase.Owner)).GetAsync(endpointCase.Url);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                answered++;
            }
            else if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{endpointCase}: {(int)response.StatusCode}");
            }
        }

        Assert.Empty(failures);
        Assert.True(answered >= marked.Count - 2, $"only {answered} of {marked.Count} marked endpoints answered 200");
        Assert.True(await StandbySessionsAsync() > 0, "no connection was opened on the standby");
    }

    [Fact]
    public async Task Writes_and_unmarked_reads_go_to_the_primary()
    {
        var (client, supplier) = await app.NewOrganisationClientAsync(OrganisationKind.Supplier);
        (await client.PostAsJsonAsync($"/api/organisations/{supplier.Id}/facilities",
            new { name = "Standby Spec Garments", address = "Plot 1, Savar", countryCode = "BD", workersTotal = 120 })).EnsureSuccessStatusCode();
        var listed = await client.GetStringAsync($"/api/organisations/{supplier.Id}/facilities");
        Assert.Contains("Standby Spec Garments", listed, StringComparison.Ordinal);
    }

    private async Task<long> StandbySessionsAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(PostgresApp.ServerConnectionString + ";Database=postgres");
        await connection.OpenAsync();
        await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE application_name = @name AND datname = @db", connection);
        count.Parameters.AddWithValue("name", ReadOnlyStandbyApp.StandbyApplicationName);
        count.Parameters.AddWithValue("db", app.Database);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
