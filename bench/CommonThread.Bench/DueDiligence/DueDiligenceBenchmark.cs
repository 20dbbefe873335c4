using System.Diagnostics;
using CommonThread.Data;
using CommonThread.Web.Audits;
using CommonThread.Web.DueDiligence;
using CommonThread.Web.DueDiligence.Plans;
using CommonThread.Web.Grievances;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Data;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommonThread.Bench.DueDiligence;

/// <summary>
/// A brand's due-diligence cycle at scale on PostgreSQL: a confirmed chain of many facilities in several
/// countries, audits with many findings, grievance cases the brand is a party to, a register with plans.
/// Times the proposals from evidence, the register and its page, and the annual statement (JSON, PDF,
/// XLSX) and the other reports. The data are synthetic (a fixed seed): the figures say how the queries
/// scale, not how real registers are shaped.
/// </summary>
public static class DueDiligenceBenchmark
{
    private static readonly string[] CountryCodes = ["BD", "VN", "KH", "IN", "PK", "ID", "TR", "MM", "LK", "CN"];

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var server = options.Text("postgres") ?? Environment.GetEnvironmentVariable("CT_BENCH_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            Console.WriteLine("due-diligence benchmark needs PostgreSQL: --postgres \"Host=…;Username=…\" or CT_BENCH_POSTGRES");
            return 2;
        }

        var facilityCount = options.Int("facilities", 5_000);
        var findingCount = options.Int("findings", 50_000);
        var caseCount = options.Int("cases", 2_000);
        var impactCount = options.Int("impacts", 500);
        Console.WriteLine($"due-diligence benchmark: {facilityCount:N0} facilities, {findingCount:N0} audit findings, {caseCount:N0} grievance cases, {impactCount:N0} impacts with plans, PostgreSQL, {Environment.ProcessorCount} cores");

        await using var app = await AppUnderTest.StartAsync(server, options.Int("port", 5097), "Bench DD Brand", "Brand");
        var connection = new NpgsqlConnectionStringBuilder(app.ConnectionString) { CommandTimeout = 0 }.ConnectionString;
        var clock = Stopwatch.StartNew();
        await WriteAsync(connection, app.OrganisationId, facilityCount, findingCount, caseCount, impactCount);
        Console.WriteLine($"  synthetic records written (bulk insert)      {clock.Elapsed.TotalSeconds,8:F1} s");
        await using (var db = new NpgsqlConnection(connection))
        {
            await db.OpenAsync();
            await new NpgsqlCommand("VACUUM ANALYZE", db).ExecuteNonQueryAsync();
        }

        var api = $"/api/organisations/{app.OrganisationId}";
        foreach (var (label, path, target) in new[]
                 {
                     ("proposals from evidence", $"{api}/risk-proposals", ""),
                     ("register (API)", $"{api}/risks", ""),
                     ("register page", $"/o/{app.OrganisationId}/risks", ""),
                     ("annual statement CSDDD, JSON", $"{api}/dd-reports/csddd-statement", "target ≤ 10,000 ms"),
                     ("annual statement CSDDD, PDF", $"{api}/dd-reports/csddd-statement.pdf", "target ≤ 10,000 ms"),
                     ("annual statement CSDDD, XLSX", $"{api}/dd-reports/csddd-statement.xlsx", "target ≤ 10,000 ms"),
                     ("LkSG documentation, JSON", $"{api}/dd-reports/lksg-documentation", ""),
                     ("ESRS S2, JSON", $"{api}/dd-reports/esrs-s2", ""),
                 })
        {
            var times = new List<double>();
            long bytes = 0;
            for (var i = 0; i < 5; i++)
            {
                clock.Restart();
                using var response = await app.Http.GetAsync(path);
                bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
                response.EnsureSuccessStatusCode();
                times.Add(clock.Elapsed.TotalMilliseconds);
            }

            Console.WriteLine($"  {label,-32} first {times[0],7:F0} ms   median of 5 {times.Order().ElementAt(2),7:F0} ms   ({bytes / 1024:N0} KB) {target}");
        }

        return 0;
    }

    /// <summary>
    /// The brand's records with a fixed seed: facilities spread over ten countries under one supplier per
    /// ten facilities, each confirmed at tier 1 or 2; audits of ten findings each over the facilities; cases
    /// in the suppliers' mechanisms with the brand as a party; impacts, each with a plan of five goals.
    /// </summary>
    private static async Task WriteAsync(string connection, Guid brandId, int facilityCount, int findingCount, int caseCount, int impactCount)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(connection).Options;
        await using var db = new AppDbContext(options, new ModelAssemblies(typeof(AdverseImpact).Assembly));
        var random = new Random(11);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var suppliers = Enumerable.Range(0, Math.Max(1, facilityCount / 10)).Select(i => new Organisation { Name = $"Bench DD Supplier {i:D5}", Kind = OrganisationKind.Supplier, CreatedAt = DateTimeOffset.UnixEpoch }).ToList();
        db.AddRange(suppliers);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var facilities = Enumerable.Range(0, facilityCount).Select(i => new Facility
        {
            OperatorOrganisationId = suppliers[i % suppliers.Count].Id, Name = $"Bench DD Unit {i:D5}", Address = $"{i} Export Zone Road", CountryCode = CountryCodes[i % CountryCodes.Length],
            CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch,
        }).ToList();
        await BulkInsert.AddAsync(db, facilities, CancellationToken.None);
        await BulkInsert.AddAsync(db, facilities.Select((f, i) => new SupplyLink
        {
            BuyerOrganisationId = brandId, FacilityId = f.Id, Tier = i % 4 == 0 ? 2 : 1, StartDate = today.AddYears(-2), CreatedAt = DateTimeOffset.UnixEpoch, Status = LinkStatus.Confirmed,
        }).ToList(), CancellationToken.None);

        var audits = Enumerable.Range(0, Math.Max(1, findingCount / 10)).Select(i => new Audit
        {
            FacilityId = facilities[i % facilities.Count].Id, RecordedByOrganisationId = brandId, Standard = "SA8000", Auditor = "Bench", StartedOn = today.AddDays(-random.Next(30, 700)),
            EndedOn = today.AddDays(-random.Next(1, 29)), RecordedAt = DateTimeOffset.UnixEpoch,
        }).ToList();
        await BulkInsert.AddAsync(db, audits, CancellationToken.None);
        var categories = Enum.GetValues<FindingCategory>();
        var severities = Enum.GetValues<Severity>();
        await BulkInsert.AddAsync(db, Enumerable.Range(0, findingCount).Select(i => new NonConformity
        {
            AuditId = audits[i % audits.Count].Id, Finding = $"Bench finding {i}", Severity = severities[random.Next(severities.Length)], Category = categories[random.Next(categories.Length)],
        }).ToList(), CancellationToken.None);

        var mechanisms = suppliers.Take(Math.Min(suppliers.Count, 50)).Select(s => new GrievanceMechanism { OrganisationId = s.Id, Name = $"Bench line {s.Name}", CreatedAt = DateTimeOffset.UnixEpoch }).ToList();
        db.AddRange(mechanisms);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        var grievanceCategories = Enum.GetValues<GrievanceCategory>();
        var cases = Enumerable.Range(0, caseCount).Select(i => new GrievanceCase
        {
            MechanismId = mechanisms[i % mechanisms.Count].Id, FacilityId = facilities[(i * 7) % Math.Min(facilities.Count, 200)].Id, Category = grievanceCategories[random.Next(grievanceCategories.Length)],
            Reference = $"BN-{i:D7}", ReceiptHash = Guid.NewGuid().ToByteArray(), SubmissionHash = Guid.NewGuid().ToByteArray(), Language = "bn", ReceivedOn = today.AddDays(-random.Next(10, 300)),
            AcknowledgeBy = today, FeedbackBy = today.AddDays(60), WrappedKey = [1], Report = [1],
        }).ToList();
        await BulkInsert.AddAsync(db, cases, CancellationToken.None);
        await BulkInsert.AddAsync(db, cases.Select(c => new CaseParty { CaseId = c.Id, OrganisationId = brandId, Role = PartyRole.Brand }).ToList(), CancellationToken.None);

        var issues = Enum.GetValues<HumanRightsIssue>();
        var impacts = Enumerable.Range(0, impactCount).Select(i => new AdverseImpact
        {
            OwnerOrganisationId = brandId, FacilityId = facilities[i % facilities.Count].Id, CountryCode = facilities[i % facilities.Count].CountryCode, Issue = issues[i % issues.Length],
            Nature = i % 3 == 0 ? ImpactNature.Actual : ImpactNature.Potential, Title = $"Bench impact {i}", Scale = random.Next(1, 6), Scope = random.Next(1, 6),
            Irremediability = random.Next(1, 6), Likelihood = random.Next(1, 6), Source = ImpactSource.Manual, Status = ImpactStatus.Open, RaisedAt = DateTimeOffset.UnixEpoch.AddDays(i),
            AssessedAt = DateTimeOffset.UnixEpoch,
        }).ToList();
        await BulkInsert.AddAsync(db, impacts, CancellationToken.None);
        var plans = impacts.Where((_, i) => i % 2 == 0).Select(i => new DueDiligencePlan { OwnerOrganisationId = brandId, ImpactId = i.Id, Title = $"Plan for {i.Title}", CreatedAt = DateTimeOffset.UnixEpoch }).ToList();
        await BulkInsert.AddAsync(db, plans, CancellationToken.None);
        await BulkInsert.AddAsync(db, plans.SelectMany(p => Enumerable.Range(1, 5).Select(n => new PlanGoal
        {
            PlanId = p.Id, Number = n, Goal = $"Goal {n}", Indicator = "Share (%)", Target = "100%", Owner = "Compliance", DueOn = today.AddDays(random.Next(-60, 200)),
            Status = (GoalStatus)random.Next(3),
        })).ToList(), CancellationToken.None);
    }
}
