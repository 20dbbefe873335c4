using System.Diagnostics;
using System.Net.Http.Json;
using CommonThread.Data;
using CommonThread.Web.Accountability;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Data;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommonThread.Bench.Accountability;

/// <summary>
/// An initiative's monitoring round at scale on PostgreSQL: many brands on the starter framework,
/// each reporting every indicator, supplier facilities each linked to several brands and each
/// rating every brand it produces for, invoices recorded by brands and suppliers. Times the
/// release of feedback, the initiative-wide report (JSON, PDF, XLSX) and a brand's scorecard page
/// under load.
/// </summary>
public static class AccountabilityBenchmark
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var server = options.Text("postgres") ?? Environment.GetEnvironmentVariable("CT_BENCH_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            Console.WriteLine("accountability benchmark needs PostgreSQL: --postgres \"Host=…;Username=…\" or CT_BENCH_POSTGRES");
            return 2;
        }

        var brandCount = options.Int("brands", 200);
        var facilityCount = options.Int("facilities", 20_000);
        var responseCount = options.Int("responses", 100_000);
        var clients = options.Int("clients", 4);
        var seconds = options.Int("seconds", 20);
        var brandsPerFacility = Math.Max(1, (int)Math.Ceiling((double)responseCount / facilityCount));
        Console.WriteLine($"accountability benchmark: {brandCount} brands, {facilityCount:N0} facilities × {brandsPerFacility} brands, {responseCount:N0} feedback responses, PostgreSQL, {Environment.ProcessorCount} cores");

        await using var app = await AppUnderTest.StartAsync(server, options.Int("port", 5098), "Bench Initiative", "Initiative");
        var (brandId, brandHttp) = await app.CreateOrganisationAsync("Bench Brand 000", "Brand");
        var connection = new NpgsqlConnectionStringBuilder(app.ConnectionString) { CommandTimeout = 0 }.ConnectionString;
        var clock = Stopwatch.StartNew();
        var roundId = await WriteRoundAsync(connection, app.OrganisationId, brandId, brandCount, facilityCount, brandsPerFacility, responseCount);
        Console.WriteLine($"  synthetic round written (bulk insert)        {clock.Elapsed.TotalSeconds,8:F1} s");
        await using (var db = new NpgsqlConnection(connection))
        {
            await db.OpenAsync();
            await new NpgsqlCommand("VACUUM ANALYZE", db).ExecuteNonQueryAsync();
        }

        var api = $"/api/organisations/{app.OrganisationId}/rounds/{roundId}";
        clock.Restart();
        var release = await (await app.Http.PostAsync($"{api}/release", null)).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Console.WriteLine($"  release of the feedback (counts every answer) {clock.Elapsed.TotalMilliseconds,8:F0} ms   {release}");

        foreach (var (label, path) in new[] { ("initiative report, JSON", "/report"), ("initiative report, PDF", "/report/pdf"), ("initiative report, XLSX", "/report/xlsx") })
        {
            var times = new List<double>();
            long bytes = 0;
            for (var i = 0; i < 5; i++)
            {
                clock.Restart();
                using var response = await app.Http.GetAsync(api + path);
                bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
                response.EnsureSuccessStatusCode();
                times.Add(clock.Elapsed.TotalMilliseconds);
            }

            Console.WriteLine($"  {label,-30} first {times[0],7:F0} ms   median of 5 {times.Order().ElementAt(2),7:F0} ms   ({bytes / 1024:N0} KB; target ≤ 5,000 ms)");
        }

        var page = $"/o/{brandId}/rounds/{roundId}/scorecard/{brandId}";
        Func<int, Task<bool>> scorecard = async _ =>
        {
            using var response = await brandHttp.GetAsync(page);
            return response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync()).Contains("feedback-overall", StringComparison.Ordinal);
        };
        await LoadRun.RunAsync(clients, TimeSpan.FromSeconds(Math.Min(10, seconds)), scorecard);
        Console.WriteLine($"  brand scorecard page                {await LoadRun.RunAsync(clients, TimeSpan.FromSeconds(seconds), scorecard)}   (target p95 ≤ 300 ms)");
        Func<int, Task<bool>> scorecardApi = async _ =>
        {
            using var response = await brandHttp.GetAsync($"/api/organisations/{brandId}/rounds/{roundId}/brands/{brandId}/scorecard");
            return response.IsSuccessStatusCode;
        };
        Console.WriteLine($"  brand scorecard API                 {await LoadRun.RunAsync(clients, TimeSpan.FromSeconds(seconds), scorecardApi)}");
        return 0;
    }

    /// <summary>
    /// The round with a fixed seed: brand 0 is the benchmark's own; every facility is linked to
    /// <paramref name="brandsPerFacility"/> brands in turn and rates each of them until the responses
    /// are all given; every brand reports every indicator; each brand pays 50 invoices and each of its
    /// suppliers reports one.
    /// </summary>
    private static async Task<Guid> WriteRoundAsync(string connection, Guid initiativeId, Guid benchBrandId, int brandCount, int facilityCount, int brandsPerFacility, int responseCount)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(connection).Options;
        await using var db = new AppDbContext(options, new ModelAssemblies(typeof(MonitoringRound).Assembly));
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var random = new Random(7);
        var brands = new List<Guid> { benchBrandId };
        var otherBrands = Enumerable.Range(1, brandCount - 1).Select(i => new Organisation { Name = $"Bench Brand {i:D3}", Kind = OrganisationKind.Brand, CreatedAt = DateTimeOffset.UnixEpoch }).ToList();
        brands.AddRange(otherBrands.Select(b => b.Id));
        var suppliers = Enumerable.Range(0, Math.Max(1, facilityCount / 10)).Select(i => new Organisation { Name = $"Bench Supplier {i:D5}", Kind = OrganisationKind.Supplier, CreatedAt = DateTimeOffset.UnixEpoch }).ToList();
        db.AddRange(otherBrands);
        db.AddRange(suppliers);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var facilities = Enumerable.Range(0, facilityCount).Select(i => new Facility
        {
            OperatorOrganisationId = suppliers[i % suppliers.Count].Id, Name = $"Bench Unit {i:D5}", Address = $"{i} Export Zone Road", CountryCode = "BD", CreatedAt = DateTimeOffset.UnixEpoch,
            UpdatedAt = DateTimeOffset.UnixEpoch,
        }).ToList();
        await BulkInsert.AddAsync(db, facilities, CancellationToken.None);
        var pairs = facilities.SelectMany((f, i) => Enumerable.Range(0, brandsPerFacility).Select(k => (Facility: f, Brand: brands[(i + k * 37) % brands.Count]))).DistinctBy(p => (p.Facility.Id, p.Brand)).ToList();
        await BulkInsert.AddAsync(db, pairs.Select(p => new SupplyLink { BuyerOrganisationId = p.Brand, FacilityId = p.Facility.Id, Tier = 1, StartDate = today.AddYears(-2), CreatedAt = DateTimeOffset.UnixEpoch, Status = LinkStatus.Confirmed }).ToList(),
            CancellationToken.None);

        var round = new MonitoringRound
        {
            InitiativeOrganisationId = initiativeId, FrameworkId = FrameworkService.StarterId, Name = "Bench round", PeriodStart = today.AddMonths(-12), PeriodEnd = today.AddDays(-1),
            ReportsDueOn = today.AddDays(30), FeedbackClosesOn = today.AddDays(30), CreatedAt = DateTimeOffset.UnixEpoch,
        };
        db.Add(round);
        db.AddRange(brands.Select(b => new RoundParticipant { RoundId = round.Id, BrandOrganisationId = b }));
        var indicators = await db.Set<Indicator>().Where(i => i.FrameworkId == FrameworkService.StarterId).ToListAsync();
        db.AddRange(brands.SelectMany(b => indicators.Select(i => new IndicatorReport
        {
            RoundId = round.Id, BrandOrganisationId = b, IndicatorId = i.Id, Value = i.Kind == IndicatorKind.Text ? null : i.Kind switch
            {
                IndicatorKind.YesNo => random.Next(2), IndicatorKind.Scale => random.Next(1, 6), _ => random.Next(0, 101),
            },
            Text = i.Kind == IndicatorKind.Text ? "Exits agreed with the unions concerned." : null, SubmittedOn = today.AddDays(-random.Next(0, 20)),
            Status = (ReportStatus)random.Next(3),
        })));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        await BulkInsert.AddAsync(db, pairs.Select(p => new FeedbackInvitation
        {
            RoundId = round.Id, BrandOrganisationId = p.Brand, FacilityId = p.Facility.Id, SupplierOrganisationId = p.Facility.OperatorOrganisationId!.Value, Answered = true,
        }).Take(responseCount).ToList(), CancellationToken.None);
        var categories = FeedbackForm.Categories.Select(c => c.Name).ToList();
        var responses = pairs.Take(responseCount).Select(p => new FeedbackResponse { RoundId = round.Id, BrandOrganisationId = p.Brand, Overall = random.Next(20, 95) }).ToList();
        await BulkInsert.AddAsync(db, responses, CancellationToken.None);
        await BulkInsert.AddAsync(db, responses.SelectMany(r => categories.Select(c => new FeedbackScore { ResponseId = r.Id, Category = c, Score = Math.Clamp(r.Overall + random.Next(-15, 16), 0, 100) }))
            .ToList(), CancellationToken.None);
        await BulkInsert.AddAsync(db, responses.Where((_, i) => i % 5 == 0).Select((r, i) => new FeedbackComment
        {
            RoundId = round.Id, BrandOrganisationId = r.BrandOrganisationId, Category = categories[i % categories.Count], Text = "Orders are confirmed late and lead times shrink.",
            Flags = i % 10 == 0 ? "a phone or reference number" : null,
        }).ToList(), CancellationToken.None);

        var invoices = brands.SelectMany(b => Enumerable.Range(0, 50).Select(i => (Brand: b, Supplier: suppliers[random.Next(suppliers.Count)].Id, ByBrand: true, i)))
            .Concat(pairs.Where((_, i) => i % 5 == 0).Select((p, i) => (p.Brand, Supplier: p.Facility.OperatorOrganisationId!.Value, ByBrand: false, i)))
            .Select(x =>
            {
                var invoiced = today.AddDays(-random.Next(20, 360));
                var terms = 30 * random.Next(1, 4);
                return new PaymentRecord
                {
                    BrandOrganisationId = x.Brand, SupplierOrganisationId = x.Supplier, RecordedByOrganisationId = x.ByBrand ? x.Brand : x.Supplier, InvoiceReference = $"INV-{x.i:D6}-{Guid.NewGuid():N}",
                    Amount = random.Next(1_000, 200_000), Currency = "USD", AgreedTermsDays = terms, InvoiceDate = invoiced, PaidDate = invoiced.AddDays(terms + random.Next(-20, 40)) is var paid && paid <= today ? paid : null,
                };
            }).ToList();
        await BulkInsert.AddAsync(db, invoices, CancellationToken.None);
        Console.WriteLine($"  written: {facilities.Count:N0} facilities, {pairs.Count:N0} links, {responses.Count:N0} responses, {responses.Count * categories.Count:N0} category scores, {invoices.Count:N0} invoices, {brands.Count * indicators.Count:N0} indicator reports");
        return round.Id;
    }
}
