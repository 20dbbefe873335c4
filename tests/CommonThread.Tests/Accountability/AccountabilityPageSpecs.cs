using System.Net.Http.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Accountability;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.Accountability;

/// <summary>A whole round through the pages, as plain forms that work without JavaScript.</summary>
public abstract class AccountabilityPageSpecs(TestApp app)
{
    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_initiative_opens_a_round_the_brand_reports_the_union_reviews_a_supplier_rates_and_the_scorecard_shows_no_small_group()
    {
        var world = await AccountabilityWorld.CreateAsync(app);
        var today = AccountabilityWorld.Today;
        var hub = $"/o/{world.Initiative.Organisation.Id}/accountability";
        var opened = await (await world.Initiative.Client.PostFormAsync(hub, "round", new()
        {
            ["Round.Name"] = "Page round", ["Round.FrameworkId"] = FrameworkService.StarterId.ToString(), ["Round.PeriodStart"] = Day(today.AddMonths(-6)), ["Round.PeriodEnd"] = Day(today),
            ["Round.ReportsDueOn"] = Day(today.AddDays(20)), ["Round.FeedbackClosesOn"] = Day(today.AddDays(20)), ["Round.MinimumResponses"] = "5",
            ["Round.Brands"] = world.Brand.Organisation.Id.ToString(), ["Round.ReviewerId"] = world.Union.Organisation.Id.ToString(),
        })).Content.ReadAsStringAsync();
        Assert.Contains("Round opened; suppliers invited: 1", opened, StringComparison.Ordinal);
        var roundId = await app.WithDbAsync(db => db.Set<MonitoringRound>().Where(r => r.InitiativeOrganisationId == world.Initiative.Organisation.Id).Select(r => r.Id).SingleAsync());

        var brandRound = $"/o/{world.Brand.Organisation.Id}/rounds/{roundId}";
        var indicatorId = await app.WithDbAsync(db => db.Set<Indicator>().Where(i => i.FrameworkId == FrameworkService.StarterId && i.Code == "TR1").Select(i => i.Id).SingleAsync());
        var refused = await (await world.Brand.Client.PostFormAsync(brandRound, $"report-{indicatorId}", new() { ["Report.Value"] = "140" })).Content.ReadAsStringAsync();
        Assert.Contains("Give a percentage from 0 to 100.", refused, StringComparison.Ordinal);
        var reported = await (await world.Brand.Client.PostFormAsync(brandRound, $"report-{indicatorId}", new() { ["Report.Value"] = "92", ["Report.Text"] = "All buyers trained in May." }))
            .Content.ReadAsStringAsync();
        Assert.Contains("target met", reported, StringComparison.Ordinal);

        var reportId = await app.WithDbAsync(db => db.Set<IndicatorReport>().Where(r => r.RoundId == roundId).Select(r => r.Id).SingleAsync());
        var unionRound = $"/o/{world.Union.Organisation.Id}/rounds/{roundId}";
        var noReason = await (await world.Union.Client.PostFormAsync(unionRound, $"review-{reportId}", new() { ["Review.Verdict"] = "Queried" })).Content.ReadAsStringAsync();
        Assert.Contains("query it saying what is missing", noReason, StringComparison.Ordinal);
        var queried = await (await world.Union.Client.PostFormAsync(unionRound, $"review-{reportId}", new() { ["Review.Verdict"] = "Queried", ["Review.Message"] = "Attach the attendance lists." }))
            .Content.ReadAsStringAsync();
        Assert.Contains("Attach the attendance lists.", queried, StringComparison.Ordinal);
        Assert.Equal(ReportStatus.Queried, await app.WithDbAsync(db => db.Set<IndicatorReport>().Where(r => r.Id == reportId).Select(r => r.Status).SingleAsync()));

        var supplier = world.Suppliers[0];
        var invitationId = await app.WithDbAsync(db => db.Set<FeedbackInvitation>().Where(i => i.RoundId == roundId).Select(i => i.Id).SingleAsync());
        var feedbackPage = $"/o/{supplier.Organisation.Id}/feedback/{invitationId}";
        var bad = await (await supplier.Client.PostFormAsync(feedbackPage, "feedback", new()
        {
            ["action"] = "submit", ["language"] = "English (en)", ["a.payment_comment"] = "Payments come late.",
        })).Content.ReadAsStringAsync();
        Assert.Contains("Rate at least one statement.", bad, StringComparison.Ordinal);
        Assert.Contains("Payments come late.", bad, StringComparison.Ordinal);
        var thanked = await (await supplier.Client.PostFormAsync(feedbackPage, "feedback", new()
        {
            ["action"] = "submit", ["language"] = "English (en)", ["a.on_time"] = "disagree", ["a.payment_comment"] = "Payments come late.",
        })).Content.ReadAsStringAsync();
        Assert.Contains("your answers were submitted", thanked, StringComparison.Ordinal);

        var released = await (await world.Initiative.Client.PostFormAsync($"/o/{world.Initiative.Organisation.Id}/rounds/{roundId}", "release", [])).Content.ReadAsStringAsync();
        Assert.Contains("Released: 0 brands shown, 1 below the threshold", released, StringComparison.Ordinal);
        var scorecard = await world.Brand.Client.GetStringAsync($"/o/{world.Brand.Organisation.Id}/rounds/{roundId}/scorecard/{world.Brand.Organisation.Id}");
        Assert.Contains("Fewer than 5 suppliers", scorecard, StringComparison.Ordinal);
        Assert.DoesNotContain("Payments come late.", scorecard, StringComparison.Ordinal);
        var unionView = await world.Union.Client.GetStringAsync($"/o/{world.Union.Organisation.Id}/rounds/{roundId}/scorecard/{world.Brand.Organisation.Id}");
        Assert.Contains(world.Brand.Organisation.Name, unionView, StringComparison.Ordinal);
        Assert.Contains("<dd>1 / 14</dd>", unionView, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_brand_records_an_agreement_on_the_page_and_the_union_writes_on_a_commitment()
    {
        var world = await AccountabilityWorld.CreateAsync(app);
        var hub = $"/o/{world.Brand.Organisation.Id}/accountability";
        var missing = await (await world.Brand.Client.PostFormAsync(hub, "agreement", new()
        {
            ["Agreement.Kind"] = "FrameworkAgreement", ["Agreement.Title"] = "GFA renewal", ["Agreement.StartsOn"] = "2026-03-01", ["Agreement.OtherId"] = world.Union.Organisation.Id.ToString(),
            ["Agreement.WeAreAccountable"] = "true",
        })).Content.ReadAsStringAsync();
        Assert.Contains("List the commitments", missing, StringComparison.Ordinal);
        Assert.Contains("value=\"GFA renewal\"", missing, StringComparison.Ordinal);
        await world.Brand.Client.PostFormAsync(hub, "agreement", new()
        {
            ["Agreement.Kind"] = "FrameworkAgreement", ["Agreement.Title"] = "GFA renewal", ["Agreement.StartsOn"] = "2026-03-01", ["Agreement.OtherId"] = world.Union.Organisation.Id.ToString(),
            ["Agreement.WeAreAccountable"] = "true", ["Agreement.Commitments"] = "Respect freedom of association\nStable payment terms to suppliers",
        });
        var agreement = await app.WithDbAsync(db => db.Set<Agreement>().Where(a => a.CreatedByOrganisationId == world.Brand.Organisation.Id).Select(a => a.Id).SingleAsync());
        var commitment = await app.WithDbAsync(db => db.Set<Commitment>().Where(c => c.AgreementId == agreement && c.Number == 2).Select(c => c.Id).SingleAsync());
        var page = $"/o/{world.Union.Organisation.Id}/agreements/{agreement}";
        var written = await (await world.Union.Client.PostFormAsync(page, $"comment-{commitment}", new() { ["Comment.Text"] = "Terms went from 60 to 90 days at two suppliers.", ["Comment.Status"] = "InProgress" }))
            .Content.ReadAsStringAsync();
        Assert.Contains("Terms went from 60 to 90 days at two suppliers.", written, StringComparison.Ordinal);
        Assert.Contains("Terms went from 60 to 90 days", await world.Brand.Client.GetStringAsync($"/o/{world.Brand.Organisation.Id}/agreements/{agreement}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supplier_records_an_invoice_on_the_payment_terms_page_and_a_refusal_keeps_what_was_typed()
    {
        var world = await AccountabilityWorld.CreateAsync(app);
        var supplier = world.Suppliers[0];
        var page = $"/o/{supplier.Organisation.Id}/payment-terms";
        var refused = await (await supplier.Client.PostFormAsync(page, "payment", new()
        {
            ["Payment.CounterpartId"] = world.Brand.Organisation.Id.ToString(), ["Payment.Invoice"] = "INV-77", ["Payment.Amount"] = "-5", ["Payment.Currency"] = "USD", ["Payment.Terms"] = "60",
            ["Payment.InvoiceDate"] = "2026-05-01",
        })).Content.ReadAsStringAsync();
        Assert.Contains("Give the invoice amount, above zero.", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"INV-77\"", refused, StringComparison.Ordinal);
        var recorded = await (await supplier.Client.PostFormAsync(page, "payment", new()
        {
            ["Payment.CounterpartId"] = world.Brand.Organisation.Id.ToString(), ["Payment.Invoice"] = "INV-77", ["Payment.Amount"] = "5400", ["Payment.Currency"] = "USD", ["Payment.Terms"] = "60",
            ["Payment.InvoiceDate"] = "2026-05-01", ["Payment.PaidDate"] = "2026-07-15",
        })).Content.ReadAsStringAsync();
        Assert.Contains("INV-77", recorded, StringComparison.Ordinal);
        Assert.Matches("<td[^>]*>75</td>", recorded);
        var brandView = (await world.Brand.Client.GetFromJsonAsync<PaymentTermsOverviewDto>($"{world.Brand.Api}/payment-terms", Http.Json))!;
        Assert.Null(brandView.Brand!.SupplierReported);
    }
}

public sealed class AccountabilityPageSpecsOnSqlite(SqliteApp app) : AccountabilityPageSpecs(app);
