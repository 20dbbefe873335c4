using System.Diagnostics;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using CommonThread.Web.Grievances;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CommonThread.Bench.Grievances;

/// <summary>
/// Anonymous grievance submissions with encryption on PostgreSQL, through the intake API that SMS and
/// hotline gateways use: the receipt code's Argon2id alone (its deliberate cost), one client's
/// submissions (what everything else adds on top), N clients for a while, and a bare ASP.NET "hello"
/// endpoint under the same load as the server's ceiling.
/// </summary>
public static class IntakeBenchmark
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var server = options.Text("postgres") ?? Environment.GetEnvironmentVariable("CT_BENCH_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            Console.WriteLine("intake benchmark needs PostgreSQL: --postgres \"Host=…;Username=…\" or CT_BENCH_POSTGRES");
            return 2;
        }

        var clients = options.Int("clients", 50);
        var duration = TimeSpan.FromSeconds(options.Int("seconds", 60));
        var port = options.Int("port", 5098);
        Console.WriteLine($"intake benchmark: {clients} clients for {duration.TotalSeconds:F0} s, PostgreSQL, {Environment.ProcessorCount} cores");

        var argon = MeasureArgon2();
        Console.WriteLine($"  Argon2id alone (19 MiB, 2 passes, 1 lane): {argon.MeanMs:F1} ms per hash on one core; {argon.PerSecond:F1} hashes/s on all cores");

        await using var app = await AppUnderTest.StartAsync(server, port, "Bench Supplier", "Supplier");
        var api = $"/api/organisations/{app.OrganisationId}";
        (await app.Http.PutAsJsonAsync($"{api}/grievance-mechanism", new { name = "Bench line", acknowledgeWithinDays = 7, feedbackWithinDays = 90, retainClosedCasesDays = 730 })).EnsureSuccessStatusCode();
        var channel = JsonDocument.Parse(await (await app.Http.PostAsJsonAsync($"{api}/grievance-mechanism/channels", new { language = "bn" })).Content.ReadAsStringAsync())
            .RootElement.GetProperty("code").GetString();
        async Task<bool> Submit(int n)
        {
            using var response = await app.Http.PostAsJsonAsync($"{api}/grievance-intake/{channel}", new
            {
                submissionId = Guid.NewGuid(), category = "WagesAndPayment", anonymous = true,
                text = $"Overtime in the finishing section was not paid for the week of report {n}. Supervisors told us to sign the sheets anyway.",
            });
            return response.IsSuccessStatusCode;
        }

        // The first seconds of a fresh process are spent compiling its hot paths again at full
        // optimisation (tiered JIT: a tenth of both cores in a profile of an unwarmed run); the
        // figures are for a server that has been running.
        var warmUp = TimeSpan.FromSeconds(options.Int("warm-up-seconds", 15));
        Console.WriteLine($"  warm-up, not counted        {await LoadRun.RunAsync(clients, warmUp, n => Submit(-1_000_000 - n))}");

        var single = Stopwatch.StartNew();
        const int sequential = 40;
        for (var i = 0; i < sequential; i++)
        {
            await Submit(-100 - i);
        }

        var singleMs = single.Elapsed.TotalMilliseconds / sequential;
        // The same request path without the submission: token check, organisation access, one read.
        var read = Stopwatch.StartNew();
        for (var i = 0; i < sequential; i++)
        {
            (await app.Http.GetAsync($"{api}/grievance-mechanism")).EnsureSuccessStatusCode();
        }

        Console.WriteLine($"  one client, an authenticated read of the mechanism: {read.Elapsed.TotalMilliseconds / sequential:F1} ms (the request path without the submission)");
        Console.WriteLine($"  one client, one at a time: {singleMs:F1} ms per submission; everything but Argon2id adds {(singleMs - argon.MeanMs) / argon.MeanMs:P0} (target ≤ 25%)");

        var cpuBefore = (App: CpuTime.OfProcess(app.ProcessId), Postgres: CpuTime.OfPostgres(), Clients: CpuTime.OfProcess(Environment.ProcessId));
        var load = await LoadRun.RunAsync(clients, duration, Submit);
        Console.WriteLine($"  submissions                {load}   (target ≥ 80 req/s, p99 ≤ 500 ms)");
        double PerSubmission(double before, double after) => (after - before) * 1000 / Math.Max(1, load.Succeeded);
        Console.WriteLine($"  CPU per submission: app {PerSubmission(cpuBefore.App, CpuTime.OfProcess(app.ProcessId)):F1} ms (Argon2id among it), "
            + $"PostgreSQL {PerSubmission(cpuBefore.Postgres, CpuTime.OfPostgres()):F1} ms, load generator {PerSubmission(cpuBefore.Clients, CpuTime.OfProcess(Environment.ProcessId)):F1} ms");

        var hello = await HelloCeilingAsync(port + 1, clients, TimeSpan.FromSeconds(Math.Min(15, duration.TotalSeconds)));
        Console.WriteLine($"  bare ASP.NET hello         {hello}");
        Console.WriteLine($"  ceiling set by Argon2id on these cores: {argon.PerSecond:F1} submissions/s");
        return 0;
    }

    private sealed record Argon2Figures(double MeanMs, double PerSecond);

    private static Argon2Figures MeasureArgon2()
    {
        var crypto = new CaseCrypto(Options.Create(new GrievanceOptions { MasterKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) }), NullLogger<CaseCrypto>.Instance);
        var receipts = new ReceiptCodes(crypto);
        var code = ReceiptCodes.NewCode();
        for (var i = 0; i < 3; i++)
        {
            receipts.Hash(code);
        }

        const int rounds = 30;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < rounds; i++)
        {
            receipts.Hash(code);
        }

        var meanMs = clock.Elapsed.TotalMilliseconds / rounds;
        var done = 0;
        clock.Restart();
        Parallel.For(0, Environment.ProcessorCount, _ =>
        {
            while (clock.Elapsed < TimeSpan.FromSeconds(5))
            {
                receipts.Hash(code);
                Interlocked.Increment(ref done);
            }
        });
        return new(meanMs, done / clock.Elapsed.TotalSeconds);
    }

    private static async Task<LoadResult> HelloCeilingAsync(int port, int clients, TimeSpan duration)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        await using var hello = builder.Build();
        hello.MapGet("/hello", () => "hello");
        await hello.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        return await LoadRun.RunAsync(clients, duration, async _ =>
        {
            using var response = await http.GetAsync("/hello");
            return response.IsSuccessStatusCode;
        });
    }
}
