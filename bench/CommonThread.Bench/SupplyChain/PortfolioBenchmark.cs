using System.Diagnostics;
using CommonThread.Data;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Data;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommonThread.Bench.SupplyChain;

/// <summary>
/// A brand with a portfolio of tens of thousands of facilities on PostgreSQL (issue 17): its facilities
/// list (first page, a filtered page, a deep page), its chain and its map as the pages serve them to a
/// signed-in browser, and the facilities API, each timed under a small closed-loop load, with the size
/// of what was sent. The portfolio is our own generator's: suppliers of ten facilities each across
/// twelve countries, most at tier 1 and the rest at tier 2 behind them, a third with a union on record.
/// </summary>
public static class PortfolioBenchmark
{
    private static readonly (string Code, double Lat, double Lon)[] Countries =
    [
        ("BD", 23.8, 90.4), ("IN", 11.1, 77.3), ("VN", 10.8, 106.6), ("KH", 11.6, 104.9), ("ID", -6.2, 106.8), ("TR", 41.0, 28.9),
        ("LK", 6.9, 79.9), ("PK", 31.5, 74.3), ("MM", 16.8, 96.2), ("ET", 9.0, 38.7), ("CN", 23.1, 113.3), ("MX", 19.4, -99.1),
    ];

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var server = options.Text("postgres") ?? Environment.GetEnvironmentVariable("CT_BENCH_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            Console.WriteLine("portfolio benchmark needs PostgreSQL: --postgres \"Host=…;Username=…\" or CT_BENCH_POSTGRES");
            return 2;
        }

        var facilityCount = options.Int("facilities", 20_000);
        var clients = options.Int("clients", 2);
        var seconds = options.Int("seconds", 15);
        Console.WriteLine($"portfolio benchmark: one brand, {facilityCount:N0} facilities, PostgreSQL, {clients} clients × {seconds} s per page, {Environment.ProcessorCount} cores");

        // --sql yes prints every SQL command the app runs with its time (to see where a page's time goes).
        string[] logging = options.Text("sql") == "yes" ? ["--Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command=Information"] : [];
        await using var app = await AppUnderTest.StartAsync(server, options.Int("port", 5097), "Bench Brand", "Brand", logging);
        var connection = new NpgsqlConnectionStringBuilder(app.ConnectionString) { CommandTimeout = 0 }.ConnectionString;
        var clock = Stopwatch.StartNew();
        await WritePortfolioAsync(connection, app.OrganisationId, facilityCount);
        await using var dataSource = NpgsqlDataSource.Create(connection);
        await dataSource.CreateCommand("VACUUM ANALYZE").ExecuteNonQueryAsync();
        // COPY passes the change tracker by, so the chain's stamp is moved here, as the app would have moved it.
        await ChangeChainAsync(dataSource);

        Console.WriteLine($"  portfolio written (bulk insert)   {clock.Elapsed.TotalSeconds,8:F1} s");
        var browser = await app.SignedInOwnerAsync("Bench Brand");
        var org = app.OrganisationId;
        // A page "after a change" is asked for just after the chain changed, so nothing kept from before serves it:
        // what the first visitor after an import or a confirmed link waits.
        var targets = new (string Label, HttpClient Http, string Path, bool AfterChange)[]
        {
            ("facilities page, first page", browser, $"/o/{org}/facilities", false),
            ("facilities page, BD with a union", browser, $"/o/{org}/facilities?country=BD&union=yes&sort=workers", false),
            ("facilities page, page 200", browser, $"/o/{org}/facilities?page=200", false),
            ("facilities page, a search", browser, $"/o/{org}/facilities?q=Unit+01234", false),
            ("chain page", browser, $"/o/{org}/chain", false),
            ("map page", browser, $"/o/{org}/map", false),
            ("facilities API, 100 rows", app.Http, $"/api/organisations/{org}/facilities?limit=100", false),
            ("facilities page, after a change", browser, $"/o/{org}/facilities", true),
            ("chain page, after a change", browser, $"/o/{org}/chain", true),
            ("map page, after a change", browser, $"/o/{org}/map", true),
        };
        var only = options.Text("only");
        foreach (var (label, http, path, afterChange) in targets.Where(t => only is null || t.Label.Contains(only, StringComparison.OrdinalIgnoreCase)))
        {
            long bytes = 0;
            var status = 0;
            Func<int, Task<bool>> get = async _ =>
            {
                if (afterChange)
                {
                    await ChangeChainAsync(dataSource);
                }

                using var response = await http.GetAsync(path);
                var body = await response.Content.ReadAsByteArrayAsync();
                (bytes, status) = (body.Length, (int)response.StatusCode);
                return response.IsSuccessStatusCode;
            };
            // Long enough for the runtime to tier its hot loops up, as a server that has run a while has.
            await LoadRun.RunAsync(1, TimeSpan.FromSeconds(options.Int("warmup", 10)), get);
            var result = await LoadRun.RunAsync(clients, TimeSpan.FromSeconds(seconds), get);
            Console.WriteLine($"  {label,-36} {bytes / 1024.0,8:F1} KB  {result}{(status == 200 ? "" : $"  HTTP {status}")}");
        }

        Console.WriteLine("  targets: p95 ≤ 300 ms and ≤ 100 KB for the facilities list, chain and map (kept between requests; \"after a change\" is the first visit after the chain changed)");
        using var process = Process.GetProcessById(app.ProcessId);
        Console.WriteLine($"  app process working set after the run: {process.WorkingSet64 / 1024.0 / 1024:F0} MB");
        return 0;
    }

    private static async Task ChangeChainAsync(NpgsqlDataSource dataSource) =>
        await dataSource.CreateCommand($"UPDATE \"ChangeStamps\" SET \"Version\" = gen_random_uuid() WHERE \"Area\" = '{ChainSnapshots.Area}'").ExecuteNonQueryAsync();

    private static async Task WritePortfolioAsync(string connection, Guid brandId, int facilityCount)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(connection).Options;
        await using var db = new AppDbContext(options, new ModelAssemblies(typeof(Facility).Assembly));
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var random = new Random(17);
        var suppliers = Enumerable.Range(0, Math.Max(1, facilityCount / 10))
            .Select(i => new Organisation { Name = $"Bench Supplier {i:D5}", Kind = OrganisationKind.Supplier, CreatedAt = DateTimeOffset.UnixEpoch }).ToList();
        db.AddRange(suppliers);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var facilities = Enumerable.Range(0, facilityCount).Select(i =>
        {
            var (code, lat, lon) = Countries[i % Countries.Length];
            return new Facility
            {
                OperatorOrganisationId = suppliers[i / 10 % suppliers.Count].Id, Name = $"Bench Garments Unit {i:D5}", Address = $"Plot {i}, Export Zone Road", CountryCode = code,
                Latitude = lat + random.NextDouble() * 3 - 1.5, Longitude = lon + random.NextDouble() * 3 - 1.5, WorkersTotal = random.Next(50, 5000),
                CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch,
            };
        }).ToList();
        await BulkInsert.AddAsync(db, facilities, CancellationToken.None);

        // Three in four facilities the brand buys from; each of the rest is a tier-2 facility of the supplier before it.
        var links = facilities.Select((f, i) => i % 4 != 3
            ? new SupplyLink { BuyerOrganisationId = brandId, FacilityId = f.Id, Tier = 1, StartDate = today.AddYears(-2), CreatedAt = DateTimeOffset.UnixEpoch, Status = LinkStatus.Confirmed }
            : new SupplyLink { BuyerOrganisationId = facilities[i - 1].OperatorOrganisationId!.Value, FacilityId = f.Id, Tier = 1, StartDate = today.AddYears(-2), CreatedAt = DateTimeOffset.UnixEpoch, Status = LinkStatus.Confirmed })
            .ToList();
        await BulkInsert.AddAsync(db, links, CancellationToken.None);
        var facts = facilities.Where((_, i) => i % 3 == 0).Select(f => new FoaFact
        {
            FacilityId = f.Id, Kind = FoaFactKind.Union, Source = FactSource.SelfDeclared, ObservedOn = today.AddMonths(-6), Name = "Garment Workers Union",
            RecordedByOrganisationId = f.OperatorOrganisationId!.Value, RecordedAt = DateTimeOffset.UnixEpoch,
        }).ToList();
        await BulkInsert.AddAsync(db, facts, CancellationToken.None);
    }
}
