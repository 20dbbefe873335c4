using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Organisations;

namespace CommonThread.Tests.SupplyChain;

/// <summary>A facility's country is chosen from the known countries, not typed from memory.</summary>
public abstract class CountryPickerSpecs(TestApp app)
{
    [Fact]
    public async Task The_add_facility_form_offers_every_country_by_name_for_its_code()
    {
        var supplier = await app.NewOrganisationAsync(OrganisationKind.Supplier);
        var member = await app.NewMemberAsync(supplier.Name, MemberRole.Editor);
        var client = await app.SignedInAsync(member.Email, TestMember.Password);

        var html = await client.GetStringAsync($"/o/{supplier.Id}/facilities");

        Assert.Contains("id=\"facility-country\" list=\"country-codes\"", html, StringComparison.Ordinal);
        Assert.Contains("<datalist id=\"country-codes\">", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"BD\">Bangladesh</option>", html, StringComparison.Ordinal);
        Assert.True(html.Split("<option value=\"").Length > 200, "fewer than 200 countries offered");
    }
}

public sealed class CountryPickerSpecsOnSqlite(SqliteApp app) : CountryPickerSpecs(app);

public sealed class CountryPickerSpecsOnPostgres(PostgresApp app) : CountryPickerSpecs(app);
