using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;
using NpgsqlTypes;

namespace CommonThread.Bench.Homework;

/// <summary>
/// Homework records at scale on PostgreSQL: a supplier's register of many homeworkers with their work
/// orders and returns, then payment records imported twice, first as a raw binary COPY of the rows
/// (the ceiling), then through the running app's import API in files of the size it accepts. With
/// every payment in, the homeworker's passbook page and a buying brand's homework dashboard are
/// loaded for a while and their latencies printed.
/// </summary>
public static partial class HomeworkBenchmark
{
    private const int PaymentsPerOrder = 4;

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var server = options.Text("postgres") ?? Environment.GetEnvironmentVariable("CT_BENCH_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            Console.WriteLine("homework benchmark needs PostgreSQL: --postgres \"Host=…;Username=…\" or CT_BENCH_POSTGRES");
            return 2;
        }

        var homeworkerCount = options.Int("homeworkers", 200_000);
        var paymentCount = options.Int("payments", 5_000_000) / PaymentsPerOrder * PaymentsPerOrder;
        var fileRows = options.Int("file-rows", 200_000);
        var clients = options.Int("clients", 8);
        var seconds = options.Int("seconds", 20);
        Console.WriteLine($"homework benchmark: {paymentCount:N0} payments for {homeworkerCount:N0} homeworkers ({paymentCount / PaymentsPerOrder:N0} work orders), PostgreSQL, {Environment.ProcessorCount} cores");

        // The public passbook page limits code tries per address; the load comes from one address.
        await using var app = await AppUnderTest.StartAsync(server, options.Int("port", 5099), "Bench Supplier", "Supplier", "--RateLimits:ReceiptCodePer15Minutes=100000000");
        var facilityId = await CreateFacilityAsync(app);
        var (brandId, brandHttp) = await app.CreateOrganisationAsync("Bench Brand", "Brand");
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        // Millions of rows take longer than a command's default 30 s.
        var connection = new NpgsqlConnectionStringBuilder(app.ConnectionString) { CommandTimeout = 0 }.ConnectionString;
        (await brandHttp.PostAsJsonAsync($"/api/organisations/{brandId}/links", new { facilityId, tier = 1, startDate = today.AddYears(-2) })).EnsureSuccessStatusCode();
        var register = new SyntheticRegister(app.OrganisationId, facilityId, homeworkerCount, paymentCount / PaymentsPerOrder, today);
        var clock = Stopwatch.StartNew();
        await register.WriteAsync(connection);
        Console.WriteLine($"  register: {homeworkerCount:N0} homeworkers, {register.Orders.Count:N0} work orders and returns (written with the app's bulk insert) {clock.Elapsed.TotalSeconds,6:F1} s");

        var payments = register.Payments(PaymentsPerOrder);
        var copySeconds = await RawCopyAsync(connection, app.OrganisationId, payments);
        Console.WriteLine($"  raw COPY of {payments.Count:N0} payments       {copySeconds,8:F1} s   {payments.Count / copySeconds,10:N0} records/s   (the ceiling)");
        await ResetPaymentsAsync(connection);

        var files = Files(payments, fileRows);
        var importSeconds = await ImportAsync(app, files);
        if (importSeconds is null)
        {
            return 1;
        }

        var ratio = copySeconds / importSeconds.Value;
        Console.WriteLine($"  app import, {files.Count} files of ≤ {fileRows:N0} rows {importSeconds,8:F1} s   {payments.Count / importSeconds.Value,10:N0} records/s   ({ratio:P0} of COPY; target ≥ 50 %)");
        await AnalyzeAsync(connection);

        var warmUp = TimeSpan.FromSeconds(Math.Min(10, seconds));
        var random = new Random(5);
        var passbook = await PassbookClientsAsync(app.BaseAddress, clients);
        Func<int, Task<bool>> openPassbook = async c =>
        {
            var i = random.Next(homeworkerCount);
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "passbook", ["__RequestVerificationToken"] = passbook[c % clients].Token, ["Code"] = SyntheticRegister.Code(i) });
            using var response = await passbook[c % clients].Http.PostAsync("/passbook", form);
            return response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync()).Contains(SyntheticRegister.Name(i), StringComparison.Ordinal);
        };
        await LoadRun.RunAsync(clients, warmUp, openPassbook);
        Console.WriteLine($"  passbook page (homeworker, by code) {await LoadRun.RunAsync(clients, TimeSpan.FromSeconds(seconds), openPassbook)}   (target p95 ≤ 100 ms)");

        Func<int, Task<bool>> keeperPage = async _ =>
        {
            var i = random.Next(homeworkerCount);
            using var response = await app.Http.GetAsync($"/o/{app.OrganisationId}/homework/{register.HomeworkerIds[i]}");
            return response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync()).Contains(SyntheticRegister.Name(i), StringComparison.Ordinal);
        };
        await LoadRun.RunAsync(clients, warmUp, keeperPage);
        Console.WriteLine($"  homeworker page (keeper)            {await LoadRun.RunAsync(clients, TimeSpan.FromSeconds(seconds), keeperPage)}");

        var dashboardClients = Math.Max(1, clients / 2);
        Func<int, Task<bool>> dashboard = async _ =>
        {
            using var response = await brandHttp.GetAsync($"/o/{brandId}/homework");
            return response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync()).Contains("Bench Supplier", StringComparison.Ordinal);
        };
        var firstView = Stopwatch.StartNew();
        var counted = await dashboard(0);
        Console.WriteLine($"  brand dashboard, first view after the import (counts the figures) {firstView.Elapsed.TotalMilliseconds,8:F0} ms{(counted ? "" : "  FAILED")}");
        await LoadRun.RunAsync(dashboardClients, warmUp, dashboard);
        Console.WriteLine($"  brand homework dashboard            {await LoadRun.RunAsync(dashboardClients, TimeSpan.FromSeconds(seconds), dashboard)}   (target p95 ≤ 500 ms)");
        Console.WriteLine($"  dashboard as the API gives it: {await brandHttp.GetStringAsync($"/api/organisations/{brandId}/homework-overview")}");
        return 0;
    }

    private static async Task<Guid> CreateFacilityAsync(AppUnderTest app)
    {
        var created = await app.Http.PostAsJsonAsync($"/api/organisations/{app.OrganisationId}/facilities",
            new { name = "Bench Knitwear", address = "Plot 1, Savar", countryCode = "BD" });
        created.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>The ceiling: the same rows straight into the table with binary COPY, every value typed, nothing checked.</summary>
    private static async Task<double> RawCopyAsync(string connection, Guid organisationId, List<SyntheticPayment> payments)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        var clock = Stopwatch.StartNew();
        await using (var copy = await db.BeginBinaryImportAsync("""
            COPY "HomeworkPayments" ("Id", "OrganisationId", "HomeworkerId", "WorkOrderId", "Amount", "Currency", "PaidOn", "Method", "PaidBy", "Reference", "Reason") FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var p in payments)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await copy.WriteAsync(organisationId, NpgsqlDbType.Uuid);
                await copy.WriteAsync(p.HomeworkerId, NpgsqlDbType.Uuid);
                await copy.WriteAsync(p.WorkOrderId, NpgsqlDbType.Uuid);
                await copy.WriteAsync(p.Amount, NpgsqlDbType.Numeric);
                await copy.WriteAsync("BDT", NpgsqlDbType.Varchar);
                await copy.WriteAsync(p.PaidOn, NpgsqlDbType.Date);
                await copy.WriteAsync(p.Method, NpgsqlDbType.Varchar);
                await copy.WriteAsync(p.PaidBy, NpgsqlDbType.Varchar);
                await copy.WriteAsync(p.Reference, NpgsqlDbType.Varchar);
                await copy.WriteNullAsync();
            }

            await copy.CompleteAsync();
        }

        return clock.Elapsed.TotalSeconds;
    }

    private static async Task ResetPaymentsAsync(string connection)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await new NpgsqlCommand("""TRUNCATE "HomeworkPayments"; CHECKPOINT""", db).ExecuteNonQueryAsync();
    }

    private static async Task AnalyzeAsync(string connection)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await new NpgsqlCommand("VACUUM ANALYZE", db).ExecuteNonQueryAsync();
    }

    /// <summary>The rows as the CSV files a keeper would upload, made before the clock starts.</summary>
    private static List<byte[]> Files(List<SyntheticPayment> payments, int fileRows) =>
        payments.Chunk(fileRows).Select(chunk =>
        {
            var text = new StringBuilder("work_order,amount,paid_on,method,paid_by,reference\n");
            foreach (var p in chunk)
            {
                text.Append(p.WorkOrderId).Append(',').Append(p.Amount.ToString("0.00", CultureInfo.InvariantCulture)).Append(',')
                    .Append(p.PaidOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',').Append(p.Method).Append(',').Append(p.PaidBy).Append(',').Append(p.Reference).Append('\n');
            }

            return Encoding.UTF8.GetBytes(text.ToString());
        }).ToList();

    private static async Task<double?> ImportAsync(AppUnderTest app, List<byte[]> files)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < files.Count; i++)
        {
            var file = new ByteArrayContent(files[i]);
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            using var response = await app.Http.PostAsync($"/api/organisations/{app.OrganisationId}/homework-payments/import",
                new MultipartFormDataContent { { file, "file", $"payments-{i + 1}.csv" } });
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode || JsonDocument.Parse(body).RootElement.GetProperty("problems").GetArrayLength() > 0)
            {
                Console.WriteLine($"  import of file {i + 1} failed: {(int)response.StatusCode} {body[..Math.Min(body.Length, 2000)]}");
                return null;
            }
        }

        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>One cookie jar and antiforgery token per client, as a phone holds after opening the page once.</summary>
    private static async Task<List<(HttpClient Http, string Token)>> PassbookClientsAsync(Uri baseAddress, int clients)
    {
        var result = new List<(HttpClient, string)>();
        for (var c = 0; c < clients; c++)
        {
            var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseAddress };
            var page = await http.GetStringAsync("/passbook");
            result.Add((http, AntiforgeryToken().Match(page).Groups[1].Value));
        }

        return result;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
