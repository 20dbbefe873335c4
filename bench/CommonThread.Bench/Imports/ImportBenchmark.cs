using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CommonThread.Matching;
using CommonThread.Matching.Synthetic;
using Npgsql;
using NpgsqlTypes;

namespace CommonThread.Bench.Imports;

/// <summary>
/// A facility list imported into PostgreSQL end to end, through the running app's API: the app is
/// started as its own process on a fresh database holding a synthetic registry, the list is uploaded
/// (parse and check), started, and polled until the background job has matched and written every row.
/// </summary>
public static class ImportBenchmark
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var server = options.Text("postgres") ?? Environment.GetEnvironmentVariable("CT_BENCH_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            Console.WriteLine("import benchmark needs PostgreSQL: --postgres \"Host=…;Username=…\" or CT_BENCH_POSTGRES");
            return 2;
        }

        var registrySize = options.Int("registry", 100_000);
        var rowCount = options.Int("rows", 100_000);
        Console.WriteLine($"import benchmark: {rowCount:N0} rows (half noisy copies of registry facilities) into a registry of {registrySize:N0}, PostgreSQL, {Environment.ProcessorCount} cores");
        await using var app = await AppUnderTest.StartAsync(server, options.Int("port", 5099), "Bench Brand", "Brand");
        var synthetic = new SyntheticFacilities(seed: 7);
        var registry = synthetic.Registry(registrySize);
        var ids = registry.ToDictionary(r => r.Id, _ => Guid.CreateVersion7());
        var clock = Stopwatch.StartNew();
        await CopyRegistryAsync(app.ConnectionString, registry, ids);
        Console.WriteLine($"  load registry (COPY)      {clock.Elapsed.TotalSeconds,8:F1} s");
        var csv = ListCsv(synthetic, registry, rowCount);
        var http = app.Http;
        var organisationId = app.OrganisationId;

        clock.Restart();
        var file = new ByteArrayContent(csv);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var uploaded = await http.PostAsync($"/api/organisations/{organisationId}/imports", new MultipartFormDataContent { { file, "file", "bench.csv" } });
        var preview = JsonDocument.Parse(await uploaded.Content.ReadAsStringAsync()).RootElement;
        if (!uploaded.IsSuccessStatusCode)
        {
            Console.WriteLine($"upload failed: {(int)uploaded.StatusCode} {preview}");
            return 1;
        }

        var uploadSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"  upload, parse and check   {uploadSeconds,8:F1} s   ({csv.Length / 1024.0 / 1024.0:F1} MB, {preview.GetProperty("validRows").GetInt32():N0} good rows of {preview.GetProperty("totalRows").GetInt32():N0})");
        var importId = preview.GetProperty("id").GetString();
        clock.Restart();
        (await http.PostAsync($"/api/organisations/{organisationId}/imports/{importId}/start", null)).EnsureSuccessStatusCode();
        JsonElement import;
        var lastPhase = "";
        while (true)
        {
            await Task.Delay(500);
            import = JsonDocument.Parse(await http.GetStringAsync($"/api/organisations/{organisationId}/imports/{importId}")).RootElement;
            var status = import.GetProperty("status").GetString();
            if (status is "Completed" or "Failed")
            {
                break;
            }

            if (import.GetProperty("progress") is { ValueKind: JsonValueKind.Object } progress && progress.GetProperty("phase").GetString() is { } phase && phase != lastPhase)
            {
                Console.WriteLine($"    {clock.Elapsed.TotalSeconds,6:F1} s  {phase}");
                lastPhase = phase;
            }
        }

        var runSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"  match and write (job)     {runSeconds,8:F1} s   ({rowCount / runSeconds:N0} rows/s)");
        Console.WriteLine($"  end to end                {uploadSeconds + runSeconds,8:F1} s   (target ≤ 120 s)");
        if (import.GetProperty("status").GetString() == "Failed")
        {
            Console.WriteLine($"  FAILED: {import.GetProperty("failure").GetString()}");
            return 1;
        }

        Console.WriteLine($"  outcome: {import.GetProperty("matchedRows").GetInt32():N0} linked to registry facilities, {import.GetProperty("newFacilities").GetInt32():N0} new, "
            + $"{import.GetProperty("reviewRows").GetInt32():N0} to review; {import.GetProperty("linksCreated").GetInt32():N0} links written");
        await ReportRowsAsync(app.ConnectionString, organisationId);
        return 0;
    }

    /// <summary>Half the rows are noisy copies of registry facilities (which the import should link), half are new facilities.</summary>
    private static byte[] ListCsv(SyntheticFacilities synthetic, List<FacilityRecord> registry, int rowCount)
    {
        var text = new StringBuilder("country,name,address,tier\n");
        var random = new Random(11);
        for (var i = 0; i < rowCount; i++)
        {
            var row = i % 2 == 0 ? synthetic.Noisy(registry[random.Next(registry.Count)], $"n{i}") : synthetic.Facility($"new{i}");
            text.Append(row.CountryCode).Append(',').Append(Quote(row.Name)).Append(',').Append(Quote(row.Address)).Append(",1\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task CopyRegistryAsync(string connection, List<FacilityRecord> registry, Dictionary<string, Guid> ids)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        var now = TimeProvider.System.GetUtcNow();
        await using var copy = await db.BeginBinaryImportAsync("""COPY "Facilities" ("Id", "Name", "Address", "CountryCode", "CreatedAt", "UpdatedAt") FROM STDIN (FORMAT BINARY)""");
        foreach (var f in registry)
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(ids[f.Id], NpgsqlDbType.Uuid);
            await copy.WriteAsync(f.Name, NpgsqlDbType.Varchar);
            await copy.WriteAsync(f.Address, NpgsqlDbType.Varchar);
            await copy.WriteAsync(f.CountryCode, NpgsqlDbType.Varchar);
            await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
            await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
        }

        await copy.CompleteAsync();
    }

    private static async Task ReportRowsAsync(string connection, Guid organisationId)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var count = new NpgsqlCommand("""SELECT count(*) FROM "SupplyLinks" WHERE "BuyerOrganisationId" = @org""", db);
        count.Parameters.AddWithValue("org", organisationId);
        Console.WriteLine($"  links in the database     {(long)(await count.ExecuteScalarAsync())!,8:N0}");
    }
}
