using System.Net;
using System.Net.Http.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Accountability;
using CommonThread.Web.Audits;
using CommonThread.Web.DueDiligence;
using CommonThread.Web.Grievances;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;

namespace CommonThread.Tests.DueDiligence;

/// <summary>
/// The risk register: a brand's own, in an order that says why; proposed from the records it may read;
/// open to the unions verified at a facility it names, and to nobody else.
/// </summary>
public abstract class RiskRegisterSpecs(TestApp app)
{
    /// <summary>A fresh brand with a confirmed tier-1 facility of a fresh supplier in Bangladesh, and a union verified there.</summary>
    private sealed record World(HttpClient Brand, Guid BrandId, string BrandName, Guid SupplierId, Guid FacilityId, HttpClient Union, Guid UnionId)
    {
        public string Api => $"/api/organisations/{BrandId}";
    }

    private async Task<World> NewWorldAsync()
    {
        var (brand, brandOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Brand);
        var supplier = await app.NewOrganisationAsync(OrganisationKind.Supplier);
        var (union, unionOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Union);
        var facilityId = await app.WithDbAsync(async db =>
        {
            var facility = new Facility { OperatorOrganisationId = supplier.Id, Name = $"Register unit {Guid.NewGuid():N}"[..24], Address = "9 Test Road, Gazipur", CountryCode = "BD", CreatedAt = DateTimeOffset.UnixEpoch };
            db.AddRange(facility,
                new SupplyLink { BuyerOrganisationId = brandOrg.Id, FacilityId = facility.Id, Tier = 1, StartDate = new DateOnly(2025, 1, 1), CreatedAt = DateTimeOffset.UnixEpoch, Status = LinkStatus.Confirmed },
                new UnionPresence { UnionOrganisationId = unionOrg.Id, FacilityId = facility.Id, Claim = "Registration no. R1", ClaimedOn = new DateOnly(2026, 1, 1), Status = PresenceStatus.Verified });
            await db.SaveChangesAsync();
            return facility.Id;
        });
        return new(brand, brandOrg.Id, brandOrg.Name, supplier.Id, facilityId, union, unionOrg.Id);
    }

    private static object Impact(string title, int scale, int scope, int irremediability, int likelihood, Guid? facilityId = null, string? country = null,
        string nature = "Potential", string issue = "Wages") =>
        new { facilityId, country, issue, nature, title, scale, scope, irremediability, likelihood };

    private static async Task<ImpactDto> RaiseAsync(HttpClient client, string api, object impact) =>
        await (await client.PostAsJsonAsync($"{api}/risks", impact)).ReadAsync<ImpactDto>();

    private static async Task<List<ImpactDto>> RegisterAsync(HttpClient client, string api) =>
        (await client.GetFromJsonAsync<List<ImpactDto>>($"{api}/risks", Http.Json))!;

    private static async Task<List<ImpactProposalDto>> ProposalsAsync(HttpClient client, string api) =>
        (await client.GetFromJsonAsync<List<ImpactProposalDto>>($"{api}/risk-proposals", Http.Json))!;

    [Fact]
    public async Task The_register_lists_the_most_severe_first_and_says_what_put_each_before_the_next()
    {
        var world = await NewWorldAsync();
        await RaiseAsync(world.Brand, world.Api, Impact("Late wages", 2, 2, 1, 4, world.FacilityId));
        await RaiseAsync(world.Brand, world.Api, Impact("Locked exits", 5, 4, 4, 2, world.FacilityId, issue: "HealthAndSafety"));
        await RaiseAsync(world.Brand, world.Api, Impact("Union busting", 4, 3, 2, 3, world.FacilityId, issue: "FreedomOfAssociation"));
        await RaiseAsync(world.Brand, world.Api, Impact("Forced overtime", 3, 3, 3, 2, country: "BD", issue: "WorkingTime"));
        await RaiseAsync(world.Brand, world.Api, Impact("Unpaid overtime", 3, 3, 3, 2, world.FacilityId, nature: "Actual", issue: "WorkingTime"));

        var register = await RegisterAsync(world.Brand, world.Api);

        Assert.Equal(["Locked exits", "Unpaid overtime", "Forced overtime", "Union busting", "Late wages"], register.Select(i => i.Title));
        Assert.Equal([1, 2, 3, 4, 5], register.Select(i => i.Rank));
        Assert.Equal([13, 9, 9, 9, 5], register.Select(i => i.Severity));
        Assert.Contains("more severe (13 against 9)", register[0].Why, StringComparison.Ordinal);
        // Equally severe: the actual impact counts as certain, so it comes before the potential one.
        Assert.Equal(5, register[1].Likelihood);
        Assert.Contains("more likely", register[1].Why, StringComparison.Ordinal);
        Assert.Contains("harder to remedy", register[2].Why, StringComparison.Ordinal);
        Assert.StartsWith("Severity 5 of 15 (scale 2, scope 2, irremediability 1), likelihood 4 of 5.", register[4].Why, StringComparison.Ordinal);
        Assert.Null(register[2].FacilityId);
        Assert.Equal("BD", register[2].CountryCode);
    }

    [Fact]
    public async Task Bad_input_is_refused_field_by_field_and_writes_nothing()
    {
        var world = await NewWorldAsync();
        var (otherBrand, otherOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Brand);
        var elsewhere = await app.WithDbAsync(async db =>
        {
            var facility = new Facility { OperatorOrganisationId = world.SupplierId, Name = "Claimed only", Address = "1 Test Road", CountryCode = "BD", CreatedAt = DateTimeOffset.UnixEpoch };
            // A link the brand claimed and the operator never confirmed gives no right to name the facility.
            db.AddRange(facility, new SupplyLink { BuyerOrganisationId = world.BrandId, FacilityId = facility.Id, Tier = 1, StartDate = new DateOnly(2025, 1, 1), CreatedAt = DateTimeOffset.UnixEpoch, Status = LinkStatus.Pending });
            await db.SaveChangesAsync();
            return facility.Id;
        });

        var noTitle = await world.Brand.PostAsJsonAsync($"{world.Api}/risks", Impact("", 3, 3, 3, 3, world.FacilityId));
        var badFigures = await world.Brand.PostAsJsonAsync($"{world.Api}/risks", Impact("Figures", 0, 6, 3, 3, world.FacilityId));
        var claimedOnly = await world.Brand.PostAsJsonAsync($"{world.Api}/risks", Impact("Claimed", 3, 3, 3, 3, elsewhere));
        var noPlace = await world.Brand.PostAsJsonAsync($"{world.Api}/risks", Impact("Nowhere", 3, 3, 3, 3));
        var unknownCountry = await world.Brand.PostAsJsonAsync($"{world.Api}/risks", Impact("Atlantis", 3, 3, 3, 3, country: "Atlantis"));
        var badIssue = await world.Brand.PostAsJsonAsync($"{world.Api}/risks", new { country = "BD", issue = "Weather", nature = "Potential", title = "T", scale = 1, scope = 1, irremediability = 1, likelihood = 1 });

        Assert.NotEmpty((await noTitle.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("title"));
        var figures = await badFigures.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(figures.FieldErrors("scale"));
        Assert.NotEmpty(figures.FieldErrors("scope"));
        Assert.NotEmpty((await claimedOnly.ProblemAsync(HttpStatusCode.NotFound)).FieldErrors("facilityId"));
        Assert.NotEmpty((await noPlace.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("country"));
        Assert.NotEmpty((await unknownCountry.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("country"));
        Assert.Equal(HttpStatusCode.BadRequest, badIssue.StatusCode);
        Assert.Empty(await RegisterAsync(world.Brand, world.Api));
        Assert.Empty(await RegisterAsync(otherBrand, $"/api/organisations/{otherOrg.Id}"));
    }

    [Fact]
    public async Task A_competitor_learns_nothing_of_another_brands_register()
    {
        var world = await NewWorldAsync();
        var impact = await RaiseAsync(world.Brand, world.Api, Impact("Union busting", 4, 3, 2, 3, world.FacilityId, issue: "FreedomOfAssociation"));
        var (competitor, competitorOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Brand);
        var competitorApi = $"/api/organisations/{competitorOrg.Id}";
        // The competitor buys from the same facility, confirmed: that still gives it no sight of another buyer's register.
        await app.WithDbAsync(db =>
        {
            db.Add(new SupplyLink { BuyerOrganisationId = competitorOrg.Id, FacilityId = world.FacilityId, Tier = 1, StartDate = new DateOnly(2025, 1, 1), CreatedAt = DateTimeOffset.UnixEpoch, Status = LinkStatus.Confirmed });
            return db.SaveChangesAsync();
        });

        var theirs = await competitor.GetAsync($"{world.Api}/risks");
        var byId = await competitor.GetAsync($"{competitorApi}/risks/{impact.Id}");
        var comment = await competitor.PostAsJsonAsync($"{competitorApi}/risks/{impact.Id}/comments", new { text = "Seen it" });
        var assess = await competitor.PutAsJsonAsync($"{competitorApi}/risks/{impact.Id}/assessment", new { nature = "Actual", scale = 1, scope = 1, irremediability = 1, likelihood = 1, status = "Closed" });

        await theirs.ProblemAsync(HttpStatusCode.NotFound);
        await byId.ProblemAsync(HttpStatusCode.NotFound);
        await comment.ProblemAsync(HttpStatusCode.NotFound);
        await assess.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(await RegisterAsync(competitor, competitorApi));
        Assert.DoesNotContain(await ProposalsAsync(competitor, competitorApi), p => p.Source == ImpactSource.Union || p.Evidence.Contains("Union busting", StringComparison.Ordinal));
        Assert.Equal(ImpactStatus.Open, (await world.Brand.GetFromJsonAsync<ImpactDto>($"{world.Api}/risks/{impact.Id}", Http.Json))!.Status);
    }

    [Fact]
    public async Task A_union_verified_at_the_facility_reads_and_comments_but_only_the_owner_assesses()
    {
        var world = await NewWorldAsync();
        var impact = await RaiseAsync(world.Brand, world.Api, Impact("Union busting", 4, 3, 2, 3, world.FacilityId, issue: "FreedomOfAssociation"));
        var countryWide = await RaiseAsync(world.Brand, world.Api, Impact("Country wages", 3, 4, 2, 3, country: "BD"));
        var unionApi = $"/api/organisations/{world.UnionId}";
        var (stranger, strangerOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Union);

        var seen = await RegisterAsync(world.Union, unionApi);
        var commented = await world.Union.PostAsJsonAsync($"{unionApi}/risks/{impact.Id}/comments", new { text = "Three organisers dismissed in March" });
        var assessed = await world.Union.PutAsJsonAsync($"{unionApi}/risks/{impact.Id}/assessment", new { nature = "Actual", scale = 1, scope = 1, irremediability = 1, likelihood = 1, status = "Closed" });
        var strangerSees = await RegisterAsync(stranger, $"/api/organisations/{strangerOrg.Id}");
        var strangerComment = await stranger.PostAsJsonAsync($"/api/organisations/{strangerOrg.Id}/risks/{impact.Id}/comments", new { text = "Let me in" });

        var row = Assert.Single(seen);
        Assert.Equal((impact.Id, 0, false), (row.Id, row.Rank, row.Mine));
        Assert.DoesNotContain(seen, i => i.Id == countryWide.Id);
        Assert.Equal(HttpStatusCode.OK, commented.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, assessed.StatusCode);
        Assert.Empty(strangerSees);
        await strangerComment.ProblemAsync(HttpStatusCode.NotFound);
        var owners = await world.Brand.GetFromJsonAsync<ImpactDto>($"{world.Api}/risks/{impact.Id}", Http.Json);
        Assert.Equal(ImpactStatus.Open, owners!.Status);
        var comment = Assert.Single(owners.Comments);
        Assert.Equal("Three organisers dismissed in March", comment.Text);
        Assert.NotEqual(strangerOrg.Name, comment.Organisation);
    }

    [Fact]
    public async Task A_union_raises_impacts_only_where_it_is_verified_and_the_buyer_is_offered_them()
    {
        var world = await NewWorldAsync();
        var unionApi = $"/api/organisations/{world.UnionId}";
        var unverified = await app.WithDbAsync(async db =>
        {
            var facility = new Facility { OperatorOrganisationId = world.SupplierId, Name = "Claimed presence", Address = "2 Test Road", CountryCode = "BD", CreatedAt = DateTimeOffset.UnixEpoch };
            db.AddRange(facility, new UnionPresence { UnionOrganisationId = world.UnionId, FacilityId = facility.Id, Claim = "Claim", ClaimedOn = new DateOnly(2026, 1, 1), Status = PresenceStatus.Pending });
            await db.SaveChangesAsync();
            return facility.Id;
        });

        var raised = await RaiseAsync(world.Union, unionApi, Impact("Organisers dismissed", 4, 3, 3, 4, world.FacilityId, nature: "Actual", issue: "FreedomOfAssociation"));
        var atClaimed = await world.Union.PostAsJsonAsync($"{unionApi}/risks", Impact("Claimed", 3, 3, 3, 3, unverified));
        var countryWide = await world.Union.PostAsJsonAsync($"{unionApi}/risks", Impact("Country", 3, 3, 3, 3, country: "BD"));
        var offered = (await ProposalsAsync(world.Brand, world.Api)).Single(p => p.Source == ImpactSource.Union);
        var accepted = await (await world.Brand.PostAsJsonAsync($"{world.Api}/risk-proposals", new { key = offered.Key })).ReadAsync<ImpactDto>();

        Assert.Equal(1, raised.Rank);
        await atClaimed.ProblemAsync(HttpStatusCode.NotFound);
        Assert.NotEmpty((await countryWide.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("facilityId"));
        Assert.Equal((world.FacilityId, HumanRightsIssue.FreedomOfAssociation, ImpactNature.Actual), (offered.FacilityId, offered.Issue, offered.Nature));
        Assert.Contains("Organisers dismissed", offered.Evidence, StringComparison.Ordinal);
        Assert.Equal((ImpactSource.Union, 1), (accepted.Source, accepted.Rank));
        Assert.DoesNotContain(await ProposalsAsync(world.Brand, world.Api), p => p.Key == offered.Key);
    }

    [Fact]
    public async Task Audit_findings_and_grievance_counts_are_proposed_small_groups_stay_hidden_and_a_taken_proposal_is_not_offered_again()
    {
        var world = await NewWorldAsync();
        var (supplierId, facilityId) = (world.SupplierId, world.FacilityId);
        var other = await app.WithDbAsync(async db =>
        {
            var audit = new Audit { FacilityId = facilityId, RecordedByOrganisationId = world.BrandId, Standard = "SA8000", Auditor = "Spec", StartedOn = new DateOnly(2026, 3, 1), EndedOn = new DateOnly(2026, 3, 2), RecordedAt = DateTimeOffset.UnixEpoch };
            db.AddRange(audit,
                new NonConformity { AuditId = audit.Id, Finding = "Overtime above 60 hours", Severity = Severity.Major, Category = FindingCategory.WorkingHours },
                new NonConformity { AuditId = audit.Id, Finding = "Overtime unpaid", Severity = Severity.Critical, Category = FindingCategory.WorkingHours },
                new NonConformity { AuditId = audit.Id, Finding = "Fire exit blocked", Severity = Severity.Minor, Category = FindingCategory.HealthAndSafety });
            var second = new Facility { OperatorOrganisationId = supplierId, Name = $"Second unit {Guid.NewGuid():N}"[..22], Address = "10 Test Road", CountryCode = "BD", CreatedAt = DateTimeOffset.UnixEpoch };
            db.AddRange(second, new SupplyLink { BuyerOrganisationId = world.BrandId, FacilityId = second.Id, Tier = 1, StartDate = new DateOnly(2025, 1, 1), CreatedAt = DateTimeOffset.UnixEpoch, Status = LinkStatus.Confirmed });
            var mechanism = new GrievanceMechanism { OrganisationId = supplierId, Name = $"Register mechanism {Guid.NewGuid():N}" };
            db.Add(mechanism);
            // Six wage and seven working-hour cases at the audited unit, five on working hours at the second: every group large enough to show.
            var cases = Enumerable.Repeat((facilityId, GrievanceCategory.WagesAndPayment), 6).Concat(Enumerable.Repeat((facilityId, GrievanceCategory.WorkingHours), 7))
                .Concat(Enumerable.Repeat((second.Id, GrievanceCategory.WorkingHours), 5));
            AddCases(db, mechanism.Id, world.BrandId, cases);
            await db.SaveChangesAsync();
            return second.Id;
        });

        var proposals = await ProposalsAsync(world.Brand, world.Api);
        var hours = proposals.Single(p => p.Key == $"audit:{facilityId}:WorkingTime");
        var fromCases = proposals.Where(p => p.Source == ImpactSource.Grievances).OrderBy(p => p.Issue).ToList();
        var taken = await (await world.Brand.PostAsJsonAsync($"{world.Api}/risk-proposals", new { key = hours.Key })).ReadAsync<ImpactDto>();
        var again = await world.Brand.PostAsJsonAsync($"{world.Api}/risk-proposals", new { key = hours.Key });
        var invented = await world.Brand.PostAsJsonAsync($"{world.Api}/risk-proposals", new { key = $"audit:{Guid.NewGuid()}:Wages" });
        var after = await ProposalsAsync(world.Brand, world.Api);

        Assert.Equal((ImpactNature.Actual, ImpactSource.AuditFindings, 4), (hours.Nature, hours.Source, hours.Scale));
        Assert.StartsWith("2 audit findings on this issue, the worst of them critical; the latest audit ended 2026-03-02", hours.Evidence, StringComparison.Ordinal);
        Assert.Contains(proposals, p => p.Key == $"audit:{facilityId}:HealthAndSafety" && p.Scale == 2);
        Assert.Equal([(facilityId, HumanRightsIssue.Wages, "6 grievance cases"), (facilityId, HumanRightsIssue.WorkingTime, "7 grievance cases"), (other, HumanRightsIssue.WorkingTime, "5 grievance cases")],
            fromCases.OrderBy(p => p.FacilityId != facilityId).ThenBy(p => p.Issue).Select(p => (p.FacilityId!.Value, p.Issue, p.Evidence[..17])));
        Assert.All(fromCases, p => Assert.Equal(ImpactNature.Potential, p.Nature));
        Assert.DoesNotContain(proposals, p => p.Evidence.Contains("Overtime", StringComparison.Ordinal));
        Assert.Equal((hours.Key, 4 + 3 + 2), (hours.Key, taken.Severity));
        Assert.Contains("2 audit findings", taken.Evidence, StringComparison.Ordinal);
        Assert.Equal("Working time · " + proposals.First(p => p.FacilityId == facilityId).Facility, taken.Title);
        Assert.NotEmpty((await again.ProblemAsync(HttpStatusCode.NotFound)).FieldErrors("key"));
        await invented.ProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(after, p => p.Key == hours.Key);
        Assert.Contains(after, p => p.Key == fromCases[0].Key);
    }

    [Fact]
    public async Task A_small_group_of_cases_is_never_proposed_nor_the_counts_beside_it_that_would_give_it_away()
    {
        var world = await NewWorldAsync();
        await app.WithDbAsync(db =>
        {
            var mechanism = new GrievanceMechanism { OrganisationId = world.SupplierId, Name = $"Small group mechanism {Guid.NewGuid():N}" };
            db.Add(mechanism);
            // Two harassment cases beside six on wages: with the unit's total of eight known, showing the six would tell the two.
            AddCases(db, mechanism.Id, world.BrandId, Enumerable.Repeat((world.FacilityId, GrievanceCategory.WagesAndPayment), 6)
                .Concat(Enumerable.Repeat((world.FacilityId, GrievanceCategory.HarassmentAndGenderBasedViolence), 2)));
            return db.SaveChangesAsync();
        });

        var proposals = await ProposalsAsync(world.Brand, world.Api);

        Assert.DoesNotContain(proposals, p => p.Source == ImpactSource.Grievances);
        Assert.Contains(proposals, p => p.Source == ImpactSource.CountryRisk);
    }

    [Fact]
    public async Task The_brands_own_purchasing_practices_are_proposed_from_released_feedback_and_its_own_late_payments_only()
    {
        var world = await NewWorldAsync();
        var initiative = await app.NewOrganisationAsync(OrganisationKind.Initiative);
        var elsewhere = await app.NewOrganisationAsync(OrganisationKind.Supplier);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        await app.WithDbAsync<int>(async db =>
        {
            var framework = new IndicatorFramework { Name = $"Spec framework {Guid.NewGuid():N}", CreatedAt = DateTimeOffset.UnixEpoch };
            var round = new MonitoringRound
            {
                InitiativeOrganisationId = initiative.Id, FrameworkId = framework.Id, Name = "Round 2026", PeriodStart = new DateOnly(2025, 1, 1), PeriodEnd = new DateOnly(2025, 12, 31),
                ReportsDueOn = new DateOnly(2026, 2, 1), FeedbackClosesOn = new DateOnly(2026, 3, 1), MinimumResponses = 5, ReleasedCycle = 1, ReleasedOn = new DateOnly(2026, 3, 15),
            };
            FeedbackResult Result(string category, int count, double score) => new() { RoundId = round.Id, BrandOrganisationId = world.BrandId, Category = category, Count = count, Score = score };
            db.AddRange(framework, round,
                Result(FeedbackForm.OverallCategory, 6, 48), Result("planning", 6, 35.4), Result("costing", 6, 62), Result("payment", 6, 18),
                Result("design", 6, 10), // no issue follows from design alone
                Result("partnership", 4, 5)); // below the round's threshold: never released, never proposed
            PaymentRecord Invoice(Guid supplier, Guid recordedBy, int daysAgo, int terms, int? paidAfter) => new()
            {
                BrandOrganisationId = world.BrandId, SupplierOrganisationId = supplier, RecordedByOrganisationId = recordedBy, InvoiceReference = $"INV-{Guid.NewGuid():N}"[..12],
                Amount = 1000, Currency = "USD", AgreedTermsDays = terms, InvoiceDate = today.AddDays(-daysAgo), PaidDate = paidAfter is { } d ? today.AddDays(-daysAgo + d) : null,
            };
            db.AddRange(
                Invoice(world.SupplierId, world.BrandId, 120, 30, 45), // paid late
                Invoice(world.SupplierId, world.BrandId, 100, 30, 20), // on time
                Invoice(world.SupplierId, world.BrandId, 90, 30, null), // overdue, unpaid
                Invoice(world.SupplierId, world.BrandId, 10, 30, null), // not due yet: not judged
                Invoice(world.SupplierId, world.SupplierId, 80, 30, 70), // the supplier's own report: pooled elsewhere, never named here
                Invoice(elsewhere.Id, world.BrandId, 80, 30, 70)); // a supplier with no facility in the chain
            return await db.SaveChangesAsync();
        });

        var proposals = (await ProposalsAsync(world.Brand, world.Api)).Where(p => p.Source == ImpactSource.Purchasing).ToList();

        Assert.Equal(["feedback", "feedback", "late-payment"], proposals.Select(p => p.Key.Split(':')[0]).Order(StringComparer.Ordinal));
        var planning = proposals.Single(p => p.Key.Contains(":planning:", StringComparison.Ordinal));
        Assert.Equal((HumanRightsIssue.WorkingTime, ImpactNature.Potential, "BD", (Guid?)null), (planning.Issue, planning.Nature, planning.CountryCode, planning.FacilityId));
        Assert.Equal("Your suppliers' pooled feedback on Planning and forecasting scored 35 of 100 (6 responses; Round 2026, released 2026-03-15).", planning.Evidence);
        var payment = proposals.Single(p => p.Key.Contains(":payment:", StringComparison.Ordinal));
        Assert.Equal((HumanRightsIssue.Wages, 4), (payment.Issue, payment.Likelihood));
        var late = proposals.Single(p => p.Key == $"late-payment:{world.FacilityId}");
        Assert.Equal((HumanRightsIssue.Wages, world.FacilityId), (late.Issue, late.FacilityId!.Value));
        Assert.StartsWith("2 of 3 of your invoices", late.Evidence, StringComparison.Ordinal);
        var taken = await (await world.Brand.PostAsJsonAsync($"{world.Api}/risk-proposals", new { key = planning.Key })).ReadAsync<ImpactDto>();
        Assert.Equal((ImpactSource.Purchasing, "BD"), (taken.Source, taken.CountryCode));

        // Another brand reads nothing of this brand's feedback or payments.
        var (competitor, competitorOrg) = await app.NewOrganisationClientAsync(OrganisationKind.Brand);
        Assert.DoesNotContain(await ProposalsAsync(competitor, $"/api/organisations/{competitorOrg.Id}"), p => p.Source == ImpactSource.Purchasing);
    }

    /// <summary>Cases as the intake stores them, straight in the database (the tallies read only what is not encrypted), each with the brand as a party.</summary>
    private static void AddCases(Microsoft.EntityFrameworkCore.DbContext db, Guid mechanismId, Guid brandId, IEnumerable<(Guid At, GrievanceCategory Category)> cases)
    {
        foreach (var (at, category) in cases)
        {
            var grievance = new GrievanceCase
            {
                MechanismId = mechanismId, FacilityId = at, Category = category, Reference = $"GR-{Guid.NewGuid():N}"[..11].ToUpperInvariant(),
                ReceiptHash = Guid.NewGuid().ToByteArray(), SubmissionHash = Guid.NewGuid().ToByteArray(), Language = "bn", ReceivedOn = new DateOnly(2026, 2, 1),
                AcknowledgeBy = new DateOnly(2026, 2, 8), FeedbackBy = new DateOnly(2026, 5, 1), WrappedKey = [1], Report = [1],
            };
            db.AddRange(grievance, new CaseParty { CaseId = grievance.Id, OrganisationId = brandId, Role = PartyRole.Brand });
        }
    }

    [Fact]
    public async Task Country_risk_is_proposed_for_the_chains_countries_and_shows_its_inputs_and_weights()
    {
        var world = await NewWorldAsync();

        var answer = (await world.Brand.GetFromJsonAsync<CountryRiskAnswer>($"{world.Api}/country-risk", Http.Json))!;
        var proposals = await ProposalsAsync(world.Brand, world.Api);

        var homework = answer.Risks.Single(r => r.CountryCode == "BD" && r.Issue == HumanRightsIssue.Homework);
        Assert.Equal((5.0, 1.0), (homework.Score, homework.Coverage));
        Assert.Equal([("ituc", 0.3, 5), ("C177", 0.7, 5)], homework.Inputs.Select(i => (i.Name, i.Weight, i.Value!.Value)));
        var association = answer.Risks.Single(r => r.CountryCode == "BD" && r.Issue == HumanRightsIssue.FreedomOfAssociation);
        Assert.Equal(3.4, association.Score);
        // Ethiopia has no ITUC rating recorded: the score rests on the conventions alone, and says how much it rests on.
        var ethiopia = answer.Risks.Single(r => r.CountryCode == "ET" && r.Issue == HumanRightsIssue.FreedomOfAssociation);
        Assert.Equal((1.0, 0.4), (ethiopia.Score, ethiopia.Coverage));
        Assert.Contains(ethiopia.Inputs, i => i.Name == "ituc" && i.Value is null);
        Assert.All(answer.Weights.Values, w => Assert.Equal(1.0, w.Values.Sum(), 3));
        Assert.Contains(proposals, p => p.Key == "country:BD:Homework" && p.FacilityId is null && p.Source == ImpactSource.CountryRisk);
        Assert.DoesNotContain(proposals, p => p.Key == "country:BD:FreedomOfAssociation");
        Assert.DoesNotContain(proposals, p => p.Source == ImpactSource.CountryRisk && p.CountryCode != "BD");
    }

    [Fact]
    public async Task The_page_shows_the_order_and_why_the_proposals_and_for_a_viewer_no_forms()
    {
        var world = await NewWorldAsync();
        await RaiseAsync(world.Brand, world.Api, Impact("Locked exits", 5, 4, 4, 2, world.FacilityId, issue: "HealthAndSafety"));
        await RaiseAsync(world.Brand, world.Api, Impact("Late wages", 2, 2, 1, 4, world.FacilityId));
        var viewer = await app.NewMemberAsync(world.BrandName, MemberRole.Viewer);
        var editor = await app.NewMemberAsync(world.BrandName, MemberRole.Editor);

        var asEditor = WebUtility.HtmlDecode(await (await app.SignedInAsync(editor.Email, TestMember.Password)).GetStringAsync($"/o/{world.BrandId}/risks"));
        var asViewer = WebUtility.HtmlDecode(await (await app.SignedInAsync(viewer.Email, TestMember.Password)).GetStringAsync($"/o/{world.BrandId}/risks"));

        Assert.True(asEditor.IndexOf("Locked exits", StringComparison.Ordinal) < asEditor.IndexOf("Late wages", StringComparison.Ordinal));
        Assert.Contains("Before the next: more severe (13 against 5).", asEditor, StringComparison.Ordinal);
        Assert.Contains("data-key=\"country:BD:Homework\"", asEditor, StringComparison.Ordinal);
        Assert.Contains("Take into the register", asEditor, StringComparison.Ordinal);
        Assert.Contains("id=\"raise-form\"", asEditor, StringComparison.Ordinal);
        Assert.Contains("data-country=\"BD\"", asEditor, StringComparison.Ordinal);
        Assert.Contains("Locked exits", asViewer, StringComparison.Ordinal);
        Assert.DoesNotContain("<form method=\"post\"", asViewer.Replace("action=\"/account/logout\"", "", StringComparison.Ordinal).Split("<main")[^1], StringComparison.Ordinal);
    }
}

public sealed class RiskRegisterSpecsOnSqlite(SqliteApp app) : RiskRegisterSpecs(app);

public sealed class RiskRegisterSpecsOnPostgres(PostgresApp app) : RiskRegisterSpecs(app);
