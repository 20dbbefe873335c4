using System.Net;
using System.Net.Http.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Homework;
using CommonThread.Web.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.Homework;

public abstract class HomeworkSpecs(TestApp app)
{
    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_registered_homeworker_gets_a_passbook_code_stored_only_as_a_hash()
    {
        var world = await HomeworkWorld.CreateAsync(app);

        var registered = await world.RegisterAsync("Shirin Akter");

        Assert.Matches("^[0-9A-Z]{10}$", registered.PassbookCode);
        var stored = await app.WithDbAsync(db => db.Set<Homeworker>().SingleAsync(h => h.Id == registered.Homeworker.Id));
        Assert.NotEqual(registered.PassbookCode, stored.PassbookCodeHash);
        Assert.Equal(HomeworkWorld.Today, stored.RegisteredOn);
        Assert.Equal("BD", stored.CountryCode);
    }

    [Fact]
    public async Task Someone_under_the_minimum_working_age_is_refused_and_the_refusal_alerts_the_supplier_and_its_brands_without_a_name()
    {
        var world = await HomeworkWorld.CreateAsync(app);
        var birth = Day(HomeworkWorld.Today.AddYears(-13));

        var response = await world.Supplier.PostAsJsonAsync($"{world.Api}/homeworkers", HomeworkWorld.Person("Mitu Khatun", birthDate: birth, facilityId: world.FacilityId));

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("under 14", string.Join(' ', problem.FieldErrors("birthDate")), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Set<Homeworker>().AnyAsync(h => h.OrganisationId == world.SupplierOrganisation.Id)));
        var alerts = await app.WithDbAsync(db => db.Set<Notification>()
            .Where(n => (n.OrganisationId == world.SupplierOrganisation.Id || n.OrganisationId == world.BrandOrganisation.Id) && n.Text.StartsWith("Child labour alert")).ToListAsync());
        Assert.Contains(alerts, a => a.OrganisationId == world.BrandOrganisation.Id && a.Urgent);
        Assert.Contains(alerts, a => a.OrganisationId == world.SupplierOrganisation.Id);
        Assert.DoesNotContain(alerts, a => a.Text.Contains("Mitu", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_person_registered_twice_is_refused_however_the_name_is_spelled()
    {
        var world = await HomeworkWorld.CreateAsync(app);
        await world.RegisterAsync("Rina Begum", "Ashulia");

        var again = await world.Supplier.PostAsJsonAsync($"{world.Api}/homeworkers", HomeworkWorld.Person("  rina  BEGUM ", "ashulia."));

        await again.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Homeworker>().CountAsync(h => h.OrganisationId == world.SupplierOrganisation.Id)));
    }

    [Fact]
    public async Task No_work_goes_through_an_intermediary_who_failed_pre_qualification_or_whose_licence_expired()
    {
        var world = await HomeworkWorld.CreateAsync(app);
        var everything = IntermediaryChecklist.Items.Keys.ToList();
        var halfPassed = await world.Supplier.PostAsJsonAsync($"{world.Api}/intermediaries", new { name = "Half agent", preQualification = "Passed", preQualifiedOn = "2025-01-10", checklistMet = everything.Take(2) });
        var expired = await (await world.Supplier.PostAsJsonAsync($"{world.Api}/intermediaries", new
        {
            name = "Karim Agency", preQualification = "Passed", preQualifiedOn = "2024-01-10", checklistMet = everything, licenceNumber = "DH-221",
            licenceExpires = Day(HomeworkWorld.Today.AddDays(-1)), contractStart = "2024-02-01", trainedOn = "2024-02-05",
        })).ReadAsync<IntermediaryDto>();
        var homeworker = await world.RegisterAsync("Nasima Khatun", intermediaryId: expired.Id);

        var order = await world.Supplier.PostAsJsonAsync($"{world.Api}/work-orders", HomeworkWorld.Order(homeworker.Homeworker.Id));

        await halfPassed.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("licence expired", expired.WhyNotQualified, StringComparison.Ordinal);
        var problem = await order.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("licence expired", string.Join(' ', problem.FieldErrors("homeworkerId")), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Set<WorkOrder>().AnyAsync(w => w.HomeworkerId == homeworker.Homeworker.Id)));
    }

    [Fact]
    public async Task Work_below_the_minimum_wage_is_flagged_before_it_is_issued_and_keeps_its_flag_when_issued_anyway()
    {
        var world = await HomeworkWorld.CreateAsync(app);
        var homeworker = await world.RegisterAsync("Parvin Akter");

        var refused = await world.Supplier.PostAsJsonAsync($"{world.Api}/work-orders", HomeworkWorld.Order(homeworker.Homeworker.Id, pieceRate: 1.50m, minutes: 2m));
        var issued = await world.IssueAsync(HomeworkWorld.Order(homeworker.Homeworker.Id, pieceRate: 1.50m, minutes: 2m, acceptFlags: true));
        var fair = await world.IssueAsync(HomeworkWorld.Order(homeworker.Homeworker.Id));

        var problem = await refused.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("45.00 BDT an hour, below the legal minimum of 60.00 BDT", string.Join(' ', problem.FieldErrors("acceptFlags")), StringComparison.Ordinal);
        Assert.True(issued.Order.BelowMinimumWage);
        Assert.Equal(45m, issued.Order.EffectiveHourlyRate);
        Assert.False(fair.Order.BelowMinimumWage);
        Assert.Equal(72m, fair.Order.EffectiveHourlyRate);
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<WorkOrder>().CountAsync(w => w.HomeworkerId == homeworker.Homeworker.Id)));
    }

    [Fact]
    public async Task Work_one_person_cannot_do_in_legal_hours_before_its_due_date_is_flagged_as_overload()
    {
        var world = await HomeworkWorld.CreateAsync(app);
        var homeworker = await world.RegisterAsync("Hasina Begum");
        await world.IssueAsync(HomeworkWorld.Order(homeworker.Homeworker.Id, pieceRate: 2.40m, quantity: 1000, minutes: 2m, dueInDays: 6)); // 2,000 of 2,880 minutes

        var second = await world.Supplier.PostAsJsonAsync($"{world.Api}/work-orders", HomeworkWorld.Order(homeworker.Homeworker.Id, pieceRate: 2.40m, quantity: 500, minutes: 2m, dueInDays: 6));

        var problem = await second.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("more than one person can do", string.Join(' ', problem.FieldErrors("acceptFlags")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pieces_come_back_checked_and_are_paid_and_the_passbook_keeps_the_running_balance()
    {
        var world = await HomeworkWorld.CreateAsync(app);
        var homeworker = await world.RegisterAsync("Jesmin Nahar");
        var issuedOn = HomeworkWorld.Today.AddDays(-20);
        var order = (await world.IssueAsync(HomeworkWorld.Order(homeworker.Homeworker.Id, issuedOn: Day(issuedOn)))).Order;
        var returns = $"{world.Api}/work-orders/{order.Id}/returns";
        var payments = $"{world.Api}/work-orders/{order.Id}/payments";

        await (await world.Supplier.PostAsJsonAsync(returns, new { returnedOn = Day(issuedOn.AddDays(5)), accepted = 90, rejected = 5, rejectionReason = "Loose stitches" })).ReadAsync<WorkOrderDto>();
        var tooMany = await world.Supplier.PostAsJsonAsync(returns, new { returnedOn = Day(issuedOn.AddDays(6)), accepted = 10 });
        var overpaid = await world.Supplier.PostAsJsonAsync(payments, new { amount = 200m, paidOn = Day(issuedOn.AddDays(7)), method = "MobileMoney", paidBy = "Line supervisor" });
        var paid = await (await world.Supplier.PostAsJsonAsync(payments, new { amount = 100m, paidOn = Day(issuedOn.AddDays(7)), method = "MobileMoney", paidBy = "Line supervisor", reference = "BK-7781" })).ReadAsync<WorkOrderDto>();
        var passbook = await world.Supplier.GetFromJsonAsync<PassbookView>($"{world.Api}/homeworkers/{homeworker.Homeworker.Id}/passbook", Http.Json);

        await tooMany.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("more than is owed", string.Join(' ', (await overpaid.ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("amount")), StringComparison.Ordinal);
        Assert.Equal((90, 5, 162.00m, 100m), (paid.Accepted, paid.Rejected, paid.Owed, paid.Paid));
        Assert.True(paid.ShortPaid);
        Assert.True(paid.PaidLate);
        Assert.Equal([PassbookEntryKind.WorkReceived, PassbookEntryKind.PiecesReturned, PassbookEntryKind.Paid], passbook!.Entries.Select(e => e.Kind));
        Assert.Equal(62.00m, passbook.Entries[^1].Balance);
        Assert.Equal("Loose stitches", passbook.Entries[1].RejectionReason);
    }

    [Fact]
    public async Task Negative_quantities_and_rates_future_dates_and_rejections_without_a_reason_are_refused_and_nothing_is_written()
    {
        var world = await HomeworkWorld.CreateAsync(app);
        var homeworker = await world.RegisterAsync("Rokeya Sultana");
        var order = (await world.IssueAsync(HomeworkWorld.Order(homeworker.Homeworker.Id))).Order;
        var tomorrow = Day(HomeworkWorld.Today.AddDays(1));

        var attempts = new (HttpResponseMessage Response, string Field)[]
        {
            (await world.Supplier.PostAsJsonAsync($"{world.Api}/work-orders", HomeworkWorld.Order(homeworker.Homeworker.Id, quantity: -5)), "quantity"),
            (await world.Supplier.PostAsJsonAsync($"{world.Api}/work-orders", HomeworkWorld.Order(homeworker.Homeworker.Id, pieceRate: -1m)), "pieceRate"),
            (await world.Supplier.PostAsJsonAsync($"{world.Api}/work-orders", HomeworkWorld.Order(homeworker.Homeworker.Id, issuedOn: tomorrow)), "issuedOn"),
            (await world.Supplier.PostAsJsonAsync($"{world.Api}/work-orders/{order.Id}/returns", new { returnedOn = tomorrow, accepted = 1 }), "returnedOn"),
            (await world.Supplier.PostAsJsonAsync($"{world.Api}/work-orders/{order.Id}/returns", new { returnedOn = Day(HomeworkWorld.Today), accepted = -3, rejected = 4, rejectionReason = "x" }), "accepted"),
            (await world.Supplier.PostAsJsonAsync($"{world.Api}/work-orders/{order.Id}/returns", new { returnedOn = Day(HomeworkWorld.Today), accepted = 1, rejected = 2 }), "rejectionReason"),
            (await world.Supplier.PostAsJsonAsync($"{world.Api}/work-orders/{order.Id}/payments", new { amount = -10m, paidOn = Day(HomeworkWorld.Today), method = "Cash", paidBy = "x" }), "amount"),
            (await world.Supplier.PostAsJsonAsync($"{world.Api}/work-orders/{order.Id}/payments", new { amount = 1m, paidOn = tomorrow, method = "Cash", paidBy = "x", reason = "advance" }), "paidOn"),
            (await world.Supplier.PostAsJsonAsync($"{world.Api}/homeworkers", HomeworkWorld.Person("Future Born", birthDate: tomorrow)), "birthDate"),
        };

        foreach (var (response, field) in attempts)
        {
            var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.FieldErrors(field).Length > 0, $"no message for {field}: {problem}");
        }

        Assert.Equal(1, await app.WithDbAsync(db => db.Set<WorkOrder>().CountAsync(w => w.HomeworkerId == homeworker.Homeworker.Id)));
        Assert.False(await app.WithDbAsync(db => db.Set<PieceReturn>().AnyAsync(r => r.WorkOrderId == order.Id)));
        Assert.False(await app.WithDbAsync(db => db.Set<HomeworkPayment>().AnyAsync(p => p.WorkOrderId == order.Id)));
    }

    [Fact]
    public async Task A_brand_sees_counts_and_shares_for_its_supplier_but_never_a_homeworkers_name_and_small_areas_are_pooled()
    {
        var world = await HomeworkWorld.CreateAsync(app);
        var names = Enumerable.Range(1, 6).Select(i => $"Ashulia Worker {i}").Concat(["Lonely Worker"]).ToList();
        foreach (var name in names)
        {
            await world.RegisterAsync(name, name.StartsWith("Lonely", StringComparison.Ordinal) ? "Dhamrai" : "Ashulia");
        }

        var first = await app.WithDbAsync(db => db.Set<Homeworker>().Where(h => h.OrganisationId == world.SupplierOrganisation.Id).Select(h => h.Id).FirstAsync());
        await world.IssueAsync(HomeworkWorld.Order(first, pieceRate: 1.50m, minutes: 2m, acceptFlags: true));
        var paidOnTime = (await world.IssueAsync(HomeworkWorld.Order(first))).Order;
        var monthAgo = HomeworkWorld.Today.AddDays(-30);
        var unpaid = (await world.IssueAsync(HomeworkWorld.Order(first, issuedOn: Day(monthAgo)))).Order;
        await world.Supplier.PostAsJsonAsync($"{world.Api}/work-orders/{paidOnTime.Id}/returns", new { returnedOn = Day(HomeworkWorld.Today), accepted = 10 });
        await world.Supplier.PostAsJsonAsync($"{world.Api}/work-orders/{paidOnTime.Id}/payments", new { amount = 18m, paidOn = Day(HomeworkWorld.Today), method = "Cash", paidBy = "Agent" });
        await world.Supplier.PostAsJsonAsync($"{world.Api}/work-orders/{unpaid.Id}/returns", new { returnedOn = Day(monthAgo.AddDays(2)), accepted = 10 });

        var response = await world.Brand.GetAsync($"/api/organisations/{world.BrandOrganisation.Id}/homework-overview");
        var body = await response.Content.ReadAsStringAsync();
        var overview = Assert.Single(await response.ReadAsync<List<SupplierHomework>>(), s => s.Supplier == world.SupplierOrganisation.Name);

        Assert.Equal(7, overview.Homeworkers);
        Assert.Contains(new CountGroup("Ashulia", 6), overview.ByArea);
        Assert.Contains(new CountGroup("other", null), overview.ByArea);
        Assert.DoesNotContain(overview.ByArea, g => g.Group == "Dhamrai");
        Assert.Equal(2.0 / 3, overview.ShareAtOrAboveMinimumWage);
        Assert.Equal(0.5, overview.SharePaidOnTime);
        Assert.Equal(3, overview.WorkOrders);
        Assert.DoesNotContain("Worker", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Brand.GetAsync($"{world.Api}/homeworkers")).StatusCode);
    }

    [Fact]
    public async Task A_brands_figures_are_kept_between_views_and_counted_again_after_the_suppliers_next_write()
    {
        var world = await HomeworkWorld.CreateAsync(app);
        var homeworker = await world.RegisterAsync("Counted Homeworker");
        var overview = $"/api/organisations/{world.BrandOrganisation.Id}/homework-overview";
        async Task<SupplierHomework> ViewAsync() =>
            Assert.Single((await world.Brand.GetFromJsonAsync<List<SupplierHomework>>(overview, Http.Json))!, s => s.Supplier == world.SupplierOrganisation.Name);
        async Task<DateTimeOffset> CountedAtAsync() =>
            await app.WithDbAsync(db => db.Set<HomeworkFigures>().Where(f => f.OrganisationId == world.SupplierOrganisation.Id).Select(f => f.CountedAt).SingleAsync());

        Assert.Equal(0, (await ViewAsync()).WorkOrders);
        var counted = await CountedAtAsync();
        await Task.Delay(20);
        Assert.Equal(0, (await ViewAsync()).WorkOrders);
        Assert.Equal(counted, await CountedAtAsync());

        await world.IssueAsync(HomeworkWorld.Order(homeworker.Homeworker.Id));
        await world.RegisterAsync("Second Counted Homeworker");

        var after = await ViewAsync();
        Assert.Equal(1, after.WorkOrders);
        Assert.Equal(2, after.Homeworkers);
    }

    [Fact]
    public async Task The_months_regularity_shows_who_was_left_without_work()
    {
        var world = await HomeworkWorld.CreateAsync(app);
        var busy = await world.RegisterAsync("Busy Homeworker");
        var idle = await world.RegisterAsync("Idle Homeworker");
        await world.IssueAsync(HomeworkWorld.Order(busy.Homeworker.Id, quantity: 200));

        var rows = await world.Supplier.GetFromJsonAsync<List<RegularityRow>>($"{world.Api}/homework-regularity", Http.Json);

        Assert.True(rows!.Single(r => r.HomeworkerId == idle.Homeworker.Id).WithoutWork);
        var given = rows!.Single(r => r.HomeworkerId == busy.Homeworker.Id);
        Assert.Equal((false, 300m, 6000), (given.WithoutWork, given.GivenMinutes, given.QuotaMinutes));
        Assert.Equal(idle.Homeworker.Id, rows![0].HomeworkerId);
        Assert.NotEmpty((await (await world.Supplier.GetAsync($"{world.Api}/homework-regularity?year=2026&month=13")).ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("month"));
        Assert.NotEmpty((await (await world.Supplier.GetAsync($"{world.Api}/homeworkers/{busy.Homeworker.Id}/payslip.pdf?year=1999&month=1")).ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("month"));
    }
}

public sealed class HomeworkSpecsOnSqlite(SqliteApp app) : HomeworkSpecs(app);

public sealed class HomeworkSpecsOnPostgres(PostgresApp app) : HomeworkSpecs(app);
