using System.Net;
using System.Net.Http.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.DueDiligence;
using CommonThread.Web.DueDiligence.Plans;
using CommonThread.Web.DueDiligence.Reports;
using CommonThread.Web.Grievances;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;

namespace CommonThread.Tests.DueDiligence;

/// <summary>
/// Reports generated from the records in the structure the law sets out, kept as versioned data: each
/// figure traceable to its records, each gap named, as JSON, PDF and XLSX.
/// </summary>
public abstract class DueDiligenceReportSpecs(TestApp app)
{
    private sealed record World(HttpClient Brand, Guid BrandId)
    {
        public string Api => $"/api/organisations/{BrandId}";
    }

    /// <summary>A brand with two confirmed facilities, a verified union at one, two impacts (one severe), a plan for the severe one with one goal measured, and the union's comment.</summary>
    private async Task<World> NewWorldAsync()
    {
        var (brand, brandOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Brand);
        var supplier = await app.NewOrganisationAsync(OrganisationKind.Supplier);
        var (union, unionOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Union);
        var facilityId = await app.WithDbAsync(async db =>
        {
            var dhaka = new Facility { OperatorOrganisationId = supplier.Id, Name = $"Report unit {Guid.NewGuid():N}"[..22], Address = "1 Test Road", CountryCode = "BD", CreatedAt = DateTimeOffset.UnixEpoch };
            var hanoi = new Facility { OperatorOrganisationId = supplier.Id, Name = $"Report unit {Guid.NewGuid():N}"[..22], Address = "2 Test Road", CountryCode = "VN", CreatedAt = DateTimeOffset.UnixEpoch };
            db.AddRange(dhaka, hanoi,
                new SupplyLink { BuyerOrganisationId = brandOrg.Id, FacilityId = dhaka.Id, Tier = 1, StartDate = new DateOnly(2025, 1, 1), CreatedAt = DateTimeOffset.UnixEpoch, Status = LinkStatus.Confirmed },
                new SupplyLink { BuyerOrganisationId = brandOrg.Id, FacilityId = hanoi.Id, Tier = 1, StartDate = new DateOnly(2025, 1, 1), CreatedAt = DateTimeOffset.UnixEpoch, Status = LinkStatus.Confirmed },
                new UnionPresence { UnionOrganisationId = unionOrg.Id, FacilityId = dhaka.Id, Claim = "Registration no. R9", ClaimedOn = new DateOnly(2026, 1, 1), Status = PresenceStatus.Verified });
            await db.SaveChangesAsync();
            return dhaka.Id;
        });
        var api = $"/api/organisations/{brandOrg.Id}";
        var severe = await (await brand.PostAsJsonAsync($"{api}/risks",
            new { facilityId, issue = "FreedomOfAssociation", nature = "Actual", title = "Organisers dismissed", scale = 5, scope = 4, irremediability = 4, likelihood = 5 })).ReadAsync<ImpactDto>();
        await (await brand.PostAsJsonAsync($"{api}/risks", new { country = "VN", issue = "WorkingTime", nature = "Potential", title = "Peak overtime", scale = 3, scope = 3, irremediability = 2, likelihood = 3 })).ReadAsync<ImpactDto>();
        var plan = await (await brand.PostAsJsonAsync($"{api}/risk-plans", new { impactId = severe.Id, title = "FoA route", template = "foa-action-route" })).ReadAsync<PlanDto>();
        (await brand.PostAsJsonAsync($"{api}/risk-plans/{plan.Id}/goals/{plan.GoalList[0].Id}/measurements", new { on = "2026-06-01", value = 50 })).EnsureSuccessStatusCode();
        (await brand.PostAsJsonAsync($"{api}/risk-plans/{plan.Id}/reviewers", new { unionOrganisationId = unionOrg.Id })).EnsureSuccessStatusCode();
        (await union.PostAsJsonAsync($"/api/organisations/{unionOrg.Id}/risk-plans/{plan.Id}/comments", new { text = "Reinstatement first." })).EnsureSuccessStatusCode();
        return new(brand, brandOrg.Id);
    }

    private static Dictionary<string, ReportLine> Lines(DueDiligenceReport report) =>
        report.Sections.SelectMany(s => s.Lines).GroupBy(l => l.Key).ToDictionary(g => g.Key, g => g.First());

    [Fact]
    public async Task The_CSDDD_statement_follows_articles_7_to_15_with_figures_from_the_records_each_linked_to_them()
    {
        var world = await NewWorldAsync();

        var report = (await world.Brand.GetFromJsonAsync<DueDiligenceReport>($"{world.Api}/dd-reports/csddd-statement", Http.Json))!;
        var lines = Lines(report);

        Assert.Equal(["art7", "art8", "art9", "art10", "art11", "art12", "art13", "art14", "art15"], report.Sections.Select(s => s.Id));
        Assert.Equal(("2026.1", new DateOnly(2026, 1, 1)), (report.Version, report.EffectiveFrom));
        Assert.Equal(("2", $"/o/{world.BrandId}/facilities"), (lines["chain.facilities"].Value, lines["chain.facilities"].Records));
        Assert.Equal("2: Bangladesh, Vietnam", lines["chain.countries"].Value);
        Assert.Equal(("2", $"/o/{world.BrandId}/risks"), (lines["register.impacts"].Value, lines["register.impacts"].Records));
        Assert.Equal(("1", "1"), (lines["register.actual"].Value, lines["register.severe"].Value));
        Assert.Equal(("1", "5", "1", "0"), (lines["plans.count"].Value, lines["plans.goals"].Value, lines["plans.measured"].Value, lines["plans.severeWithoutPlan"].Value));
        Assert.Equal(("1", $"/o/{world.BrandId}/risk-plans"), (lines["engagement.unionComments"].Value, lines["engagement.unionComments"].Records));
        Assert.Null(lines["engagement.unionComments"].Gap);
        Assert.Null(lines["policy.statement"].Value);
        Assert.Contains(report.Gaps, g => g.StartsWith("Art. 7", StringComparison.Ordinal) && g.Contains("policy", StringComparison.Ordinal));
        Assert.Contains(report.Gaps, g => g.StartsWith("Art. 12", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Gaps, g => g.StartsWith("Art. 15", StringComparison.Ordinal));
        Assert.All(report.Sections.SelectMany(s => s.Lines).Where(l => l.Value is not null && l.Records is not null), l => Assert.StartsWith($"/o/{world.BrandId}/", l.Records!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_brand_with_empty_records_gets_every_missing_part_listed_as_a_gap_and_small_grievance_groups_stay_hidden()
    {
        var (brand, brandOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Brand);
        var supplier = await app.NewOrganisationAsync(OrganisationKind.Supplier);
        await app.WithDbAsync(async db =>
        {
            var mechanism = new GrievanceMechanism { OrganisationId = supplier.Id, Name = $"Report mechanism {Guid.NewGuid():N}" };
            db.Add(mechanism);
            for (var i = 0; i < 3; i++)
            {
                var grievance = new GrievanceCase
                {
                    MechanismId = mechanism.Id, Category = GrievanceCategory.WagesAndPayment, Reference = $"GR-{Guid.NewGuid():N}"[..11].ToUpperInvariant(), ReceiptHash = Guid.NewGuid().ToByteArray(),
                    SubmissionHash = Guid.NewGuid().ToByteArray(), Language = "bn", ReceivedOn = new DateOnly(2026, 2, 1), AcknowledgeBy = new DateOnly(2026, 2, 8), FeedbackBy = new DateOnly(2026, 5, 1),
                    WrappedKey = [1], Report = [1],
                };
                db.AddRange(grievance, new CaseParty { CaseId = grievance.Id, OrganisationId = brandOrg.Id, Role = PartyRole.Brand });
            }

            return await db.SaveChangesAsync();
        });

        var report = (await brand.GetFromJsonAsync<DueDiligenceReport>($"/api/organisations/{brandOrg.Id}/dd-reports/lksg-documentation", Http.Json))!;
        var lines = Lines(report);

        Assert.Equal(["risks", "measures", "effectiveness", "conclusions"], report.Sections.Select(s => s.Id));
        Assert.Equal(("0", "No risk has been identified in the register."), (lines["register.impacts"].Value, lines["register.impacts"].Gap));
        Assert.Equal("No preventive or remedial measure is recorded.", lines["plans.count"].Gap);
        Assert.Equal("The effectiveness of no measure has been assessed.", lines["plans.measured"].Gap);
        Assert.Equal("fewer than 5 (not shown)", lines["grievances.cases"].Value);
        Assert.Contains(report.Gaps, g => g.Contains("conclusions", StringComparison.OrdinalIgnoreCase));
        Assert.True(report.Gaps.Count >= 4);
    }

    [Fact]
    public async Task Each_report_downloads_as_a_real_PDF_and_XLSX_and_the_structures_are_versioned_data()
    {
        var world = await NewWorldAsync();

        var list = await world.Brand.GetStringAsync($"{world.Api}/dd-reports");
        var pdf = await world.Brand.GetAsync($"{world.Api}/dd-reports/esrs-s2.pdf");
        var xlsx = await world.Brand.GetAsync($"{world.Api}/dd-reports/oecd-self-assessment.xlsx");
        var esrs = (await world.Brand.GetFromJsonAsync<DueDiligenceReport>($"{world.Api}/dd-reports/esrs-s2", Http.Json))!;

        foreach (var key in new[] { "csddd-statement", "lksg-documentation", "esrs-s2", "oecd-self-assessment" })
        {
            Assert.Contains($"\"{key}\"", list, StringComparison.Ordinal);
        }

        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..5]), StringComparison.Ordinal);
        var sheets = CommonThread.Web.Platform.Files.Xlsx.ReadSheets(await xlsx.Content.ReadAsByteArrayAsync(), 1000);
        var rows = sheets["Report"];
        Assert.Equal(["Section", "Figure", "Value", "Records", "Gap"], rows[0]);
        Assert.Equal(ReportStructures.All.Single(r => r.Key == "oecd-self-assessment").Sections.Sum(s => s.Points.Count), rows.Count - 1);
        Assert.Contains(sheets["Gaps"], r => r[0].Contains("policy", StringComparison.Ordinal));
        Assert.Equal(["s2-1", "s2-2", "s2-3", "s2-4", "s2-5"], esrs.Sections.Select(s => s.Id));
        Assert.Equal("1", Lines(esrs)["chain.unionFacilities"].Value);
        Assert.DoesNotContain(ReportStructures.InForce(new DateOnly(2025, 6, 1)), r => r.Key == "csddd-statement");
        Assert.Contains(ReportStructures.InForce(new DateOnly(2025, 6, 1)), r => r.Key == "lksg-documentation");
    }

    [Fact]
    public async Task Only_the_brand_or_supplier_itself_reads_its_reports()
    {
        var world = await NewWorldAsync();
        var (competitor, competitorOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Brand);
        var (union, unionOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Union);

        await (await competitor.GetAsync($"{world.Api}/dd-reports/csddd-statement")).ProblemAsync(HttpStatusCode.NotFound);
        await (await competitor.GetAsync($"{world.Api}/dd-reports/csddd-statement.pdf")).ProblemAsync(HttpStatusCode.NotFound);
        await (await union.GetAsync($"/api/organisations/{unionOrg.Id}/dd-reports/csddd-statement")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await world.Brand.GetAsync($"{world.Api}/dd-reports/made-up")).ProblemAsync(HttpStatusCode.NotFound);
        var competitors = (await competitor.GetFromJsonAsync<DueDiligenceReport>($"/api/organisations/{competitorOrg.Id}/dd-reports/csddd-statement", Http.Json))!;
        Assert.Equal("0", Lines(competitors)["register.impacts"].Value);
    }
}

public sealed class DueDiligenceReportSpecsOnSqlite(SqliteApp app) : DueDiligenceReportSpecs(app);

public sealed class DueDiligenceReportSpecsOnPostgres(PostgresApp app) : DueDiligenceReportSpecs(app);
