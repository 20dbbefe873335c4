using System.Net;
using System.Text;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Accountability;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Values;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.Platform;

/// <summary>A value no kind of ours can take, sent to an endpoint by the party that may call it, and the field the refusal must name.</summary>
public sealed record ImplausibleValue(string Name, OrganisationKind Caller, string Path, string Body, string Field)
{
    public static readonly IReadOnlyList<ImplausibleValue> All =
    [
        new("a minimum wage of 2^63 taka", OrganisationKind.Initiative, "/minimum-wages", Wage("9223372036854775808", "2026-01-01"), "hourlyRate"),
        new("a minimum wage of fifty million an hour", OrganisationKind.Initiative, "/minimum-wages", Wage("50000000", "2026-01-01"), "hourlyRate"),
        new("a minimum wage from year 1", OrganisationKind.Initiative, "/minimum-wages", Wage("120", "0001-01-01"), "effectiveFrom"),
        new("a minimum wage from year 9999", OrganisationKind.Initiative, "/minimum-wages", Wage("120", "9999-12-31"), "effectiveFrom"),
        new("a factory of two million workers", OrganisationKind.Supplier, "/facilities",
            """{"name":"Implausible unit","address":"1 Road","countryCode":"BD","workersTotal":2000000}""", "workersTotal"),
        new("an invoice of two trillion", OrganisationKind.Brand, "/payments", Invoice("2000000000000", "2026-01-01"), "amount"),
        new("an invoice from 1850", OrganisationKind.Brand, "/payments", Invoice("100", "1850-01-01"), "invoiceDate"),
    ];

    private static string Wage(string rate, string from) =>
        $$"""{"country":"BD","region":"Implausible {{Guid.NewGuid():N}}","hourlyRate":{{rate}},"currency":"BDT","effectiveFrom":"{{from}}","source":"test"}""";

    private static string Invoice(string amount, string day) =>
        $$"""{"counterpartOrganisationId":"{counterpart}","invoiceReference":"I{{Guid.NewGuid():N}}","amount":{{amount}},"currency":"USD","agreedTermsDays":30,"invoiceDate":"{{day}}"}""";

    public override string ToString() => Name;
}

/// <summary>
/// Every number and date has one plausible range for its kind (<see cref="Plausible"/>): the API refuses
/// a value outside it naming the field, an import reports it by row and column, and nothing is written.
/// </summary>
public abstract class ImplausibleValueSpecs(TestApp app)
{
    public static TheoryData<ImplausibleValue> Cases() => new(ImplausibleValue.All);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task An_implausible_value_is_refused_naming_its_field_and_nothing_is_written(ImplausibleValue value)
    {
        var (client, organisation) = await app.NewOrganisationClientAsync(value.Caller, MemberRole.Owner);
        var counterpart = await BuyingFromAsync(organisation);
        var before = await WrittenAsync(organisation.Id);

        var response = await client.PostAsync($"/api/organisations/{organisation.Id}{value.Path}",
            new StringContent(value.Body.Replace("{counterpart}", counterpart.ToString(), StringComparison.Ordinal), Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors(value.Field));
        Assert.Equal(before, await WrittenAsync(organisation.Id));
    }

    [Fact]
    public async Task An_imported_invoice_of_an_implausible_amount_or_day_is_a_row_problem_and_nothing_is_imported()
    {
        var (client, brand) = await app.NewOrganisationClientAsync(OrganisationKind.Brand, MemberRole.Owner);
        await BuyingFromAsync(brand);
        var supplier = await app.WithDbAsync(db => db.Set<Organisation>().SingleAsync(o => o.Name == SupplierNameOf(brand)));
        var csv = $"counterpart,invoice,amount,currency,terms_days,invoice_date\n{supplier.Name},A1,2000000000000,USD,30,2026-01-01\n{supplier.Name},A2,100,USD,30,1850-01-01\n{supplier.Name},A3,100,USD,30,45000000\n";

        var response = await client.PostAsync($"/api/organisations/{brand.Id}/payments/import",
            new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "invoices.csv" } });

        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode is >= 200 and < 500, text);
        Assert.Contains("2,000,000,000,000 is out of range for an amount", text, StringComparison.Ordinal);
        Assert.Contains("1850-01-01 is out of range for a date", text, StringComparison.Ordinal);
        Assert.Contains("'45000000' is not a date", text, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<PaymentRecord>().CountAsync(p => p.RecordedByOrganisationId == brand.Id)));
    }

    [Fact]
    public async Task A_page_form_with_an_implausible_amount_shows_the_refusal_and_keeps_what_was_typed_and_records_nothing()
    {
        var brand = await app.NewOrganisationAsync(OrganisationKind.Brand);
        var counterpart = await BuyingFromAsync(brand);
        var client = await app.SignedInAsync((await app.NewMemberAsync(brand.Name, MemberRole.Editor)).Email, TestMember.Password);

        var response = await client.PostFormAsync($"/o/{brand.Id}/payment-terms", "payment", new()
        {
            ["Payment.CounterpartId"] = counterpart.ToString(), ["Payment.Invoice"] = "INV-HUGE", ["Payment.Amount"] = "9223372036854775808",
            ["Payment.Currency"] = "USD", ["Payment.Terms"] = "30", ["Payment.InvoiceDate"] = "2026-01-01",
        });

        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("is out of range for an amount", page, StringComparison.Ordinal);
        Assert.Contains("value=\"INV-HUGE\"", page, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<PaymentRecord>().CountAsync(p => p.RecordedByOrganisationId == brand.Id)));
    }

    [Fact]
    public void Each_kind_takes_its_bounds_and_refuses_just_beyond_them()
    {
        Assert.True(Plausible.Money.Contains(Plausible.Money.Max));
        Assert.False(Plausible.Money.Contains(Plausible.Money.Max + 0.01m));
        Assert.False(Plausible.Money.Contains(-0.01m));
        Assert.True(Plausible.Day.Contains(new DateOnly(1900, 1, 1)));
        Assert.False(Plausible.Day.Contains(new DateOnly(1899, 12, 31)));
        Assert.False(Plausible.Day.Contains(new DateOnly(2101, 1, 1)));
        Assert.False(Plausible.Percent.Contains(100.01m));
        Assert.False(Plausible.Headcount.Contains(Plausible.MaxHeadcount + 1));
        Assert.Equal("2,000,000,000,000 is out of range for an amount: between 0 and 1,000,000,000,000.", Plausible.Money.Refusal(2_000_000_000_000m));
    }

    /// <summary>A supplier of the organisation's own that it buys from (confirmed), for invoices to name; its id.</summary>
    private async Task<Guid> BuyingFromAsync(Organisation buyer)
    {
        var supplier = await app.NewOrganisationAsync(OrganisationKind.Supplier);
        await app.WithDbAsync(async db =>
        {
            await db.Set<Organisation>().Where(o => o.Id == supplier.Id).ExecuteUpdateAsync(u => u.SetProperty(o => o.Name, SupplierNameOf(buyer)));
            var facility = new Facility { OperatorOrganisationId = supplier.Id, Name = "Implausible unit", Address = "1 Road", CountryCode = "BD", CreatedAt = DateTimeOffset.UnixEpoch };
            db.AddRange(facility, new SupplyLink
            {
                BuyerOrganisationId = buyer.Id, FacilityId = facility.Id, Tier = 1, StartDate = new DateOnly(2025, 1, 1), CreatedAt = DateTimeOffset.UnixEpoch, Status = LinkStatus.Confirmed,
            });
            return await db.SaveChangesAsync();
        });
        return supplier.Id;
    }

    private static string SupplierNameOf(Organisation buyer) => $"Supplier of {buyer.Id:N}";

    /// <summary>What the calls could write: minimum wages, facilities, invoices and the organisation's audit trail.</summary>
    private Task<int> WrittenAsync(Guid organisationId) => app.WithDbAsync(async db =>
        await db.Set<CommonThread.Web.Homework.MinimumWage>().CountAsync(m => m.RecordedByOrganisationId == organisationId)
        + await db.Set<Facility>().CountAsync(f => f.OperatorOrganisationId == organisationId)
        + await db.Set<PaymentRecord>().CountAsync(p => p.RecordedByOrganisationId == organisationId)
        + await db.Set<CommonThread.Web.Platform.Audit.AuditEntry>().CountAsync(a => a.OrganisationId == organisationId));
}

public sealed class ImplausibleValueSpecsOnSqlite(SqliteApp app) : ImplausibleValueSpecs(app);

public sealed class ImplausibleValueSpecsOnPostgres(PostgresApp app) : ImplausibleValueSpecs(app);
