using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
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
    private const string Password = "bench-import-password-2026";

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
        var port = options.Int("port", 5099);
        var web = options.Text("web") ?? Path.Combine(RepositoryRoot(), "src/CommonThread.Web/bin/Release/net10.0/CommonThread.Web.dll");
        if (!File.Exists(web))
        {
            Console.WriteLine($"build the app first (dotnet build -c Release src/CommonThread.Web): {web} is missing");
            return 2;
        }

        var database = $"ct_bench_import_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {database}", admin).ExecuteNonQueryAsync();
        }

        var connection = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        string[] settings = ["--Database:Provider=Postgres", $"--Database:ConnectionString={connection}", "--Demo:Seed=false"];
        Process? app = null;
        try
        {
            Console.WriteLine($"import benchmark: {rowCount:N0} rows (half noisy copies of registry facilities) into a registry of {registrySize:N0}, PostgreSQL, {Environment.ProcessorCount} cores");
            await RunToEndAsync(web, ["migrate", .. settings]);
            await RunToEndAsync(web, ["create-org", "--name", "Bench Brand", "--kind", "Brand", "--owner-email", "bench@bench.example", "--owner-password", Password, .. settings]);

            var synthetic = new SyntheticFacilities(seed: 7);
            var registry = synthetic.Registry(registrySize);
            var ids = registry.ToDictionary(r => r.Id, _ => Guid.CreateVersion7());
            var clock = Stopwatch.StartNew();
            await CopyRegistryAsync(connection, registry, ids);
            Console.WriteLine($"  load registry (COPY)      {clock.Elapsed.TotalSeconds,8:F1} s");
            var (organisationId, token) = await NewTokenAsync(connection);

            var csv = ListCsv(synthetic, registry, rowCount);
            app = Start(web, [$"--Urls=http://127.0.0.1:{port}", .. settings]);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(10) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            await WaitAliveAsync(http);

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
            await ReportRowsAsync(connection, organisationId);
            return 0;
        }
        finally
        {
            if (app is { HasExited: false })
            {
                app.Kill(entireProcessTree: true);
                await app.WaitForExitAsync();
            }

            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin).ExecuteNonQueryAsync();
        }
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

    /// <summary>An API token for the brand's owner, stored as the app stores them (SHA-256 of the secret).</summary>
    private static async Task<(Guid OrganisationId, string Token)> NewTokenAsync(string connection)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var find = new NpgsqlCommand("""SELECT m."OrganisationId", m."UserId" FROM "Memberships" m JOIN "Organisations" o ON o."Id" = m."OrganisationId" WHERE o."Name" = 'Bench Brand'""", db);
        await using var reader = await find.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (organisationId, userId) = (reader.GetGuid(0), reader.GetString(1));
        await reader.CloseAsync();
        var secret = "ct_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        await using var insert = new NpgsqlCommand("""
            INSERT INTO "ApiTokens" ("Id", "OrganisationId", "UserId", "Name", "Role", "Prefix", "SecretHash", "CreatedAt", "ExpiresAt")
            VALUES (@id, @org, @user, 'bench', 'Owner', @prefix, @hash, now(), now() + interval '1 day')
            """, db);
        insert.Parameters.AddWithValue("id", Guid.CreateVersion7());
        insert.Parameters.AddWithValue("org", organisationId);
        insert.Parameters.AddWithValue("user", userId);
        insert.Parameters.AddWithValue("prefix", secret[..10]);
        insert.Parameters.AddWithValue("hash", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))));
        await insert.ExecuteNonQueryAsync();
        return (organisationId, secret);
    }

    private static async Task ReportRowsAsync(string connection, Guid organisationId)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var count = new NpgsqlCommand("""SELECT count(*) FROM "SupplyLinks" WHERE "BuyerOrganisationId" = @org""", db);
        count.Parameters.AddWithValue("org", organisationId);
        Console.WriteLine($"  links in the database     {(long)(await count.ExecuteScalarAsync())!,8:N0}");
    }

    private static async Task RunToEndAsync(string web, string[] args)
    {
        using var process = Start(web, args);
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{args[0]} exited with {process.ExitCode}");
        }
    }

    private static Process Start(string web, string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(web)! };
        start.ArgumentList.Add(web);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("    app: " + e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitAliveAsync(HttpClient http)
    {
        for (var i = 0; i < 120; i++)
        {
            try
            {
                if ((await http.GetAsync("/alive")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(500);
        }

        throw new TimeoutException("the app did not start within a minute");
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "CommonThread.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? Directory.GetCurrentDirectory();
    }
}
