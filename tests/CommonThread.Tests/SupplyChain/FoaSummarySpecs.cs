using System.Net.Http.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.SupplyChain;

namespace CommonThread.Tests.SupplyChain;

public abstract class FoaSummarySpecs(TestApp app)
{
    [Fact]
    public async Task A_brand_lists_its_suppliers_with_and_without_a_union_or_committee_by_country_and_tier()
    {
        var brand = await app.OwnerClientAsync("Northwind Apparel");
        var id = (await app.OrganisationAsync("Northwind Apparel")).Id;

        var summary = await brand.GetFromJsonAsync<FoaSummaryDto>($"/api/organisations/{id}/foa-summary", Http.Json);

        Assert.True(summary!.Facilities.Single(f => f.Name == "Dhaka Knitwear Unit 1").HasUnion);
        var mekong = summary.Facilities.Single(f => f.Name == "Mekong Garments Long An Factory");
        Assert.False(mekong.HasUnion);
        Assert.True(mekong.HasWorkerCommittee);
        var bangladesh = summary.ByCountryAndTier.Single(g => g.CountryCode == "BD" && g.Tier == 1);
        var bangladeshRows = summary.Facilities.Where(f => f.CountryCode == "BD" && f.Tier == 1).ToList();
        Assert.Equal(bangladeshRows.Count, bangladesh.Facilities);
        Assert.Equal(bangladeshRows.Count(f => f.HasUnion), bangladesh.WithUnion);
        Assert.True(bangladesh.WithUnion >= 1);
        Assert.DoesNotContain(summary.Facilities, f => f.Name == "Angkor Stitch Kambol");
    }

    [Fact]
    public async Task The_csv_export_keeps_formulas_inert_and_opens_as_utf8()
    {
        var supplier = await app.OwnerClientAsync("Tiruppur Textiles Pvt");
        var id = (await app.OrganisationAsync("Tiruppur Textiles Pvt")).Id;
        (await supplier.PostAsJsonAsync($"/api/organisations/{id}/facilities",
            new { name = "=HYPERLINK(\"http://evil.example\",\"click\")", address = "Tiruppur, Tamil Nadu", countryCode = "IN" })).EnsureSuccessStatusCode();

        var response = await supplier.GetAsync($"/api/organisations/{id}/foa-summary.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var csv = System.Text.Encoding.UTF8.GetString(bytes);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("facility,address,country,os_id,tier,link,operated,union", csv.TrimStart('\uFEFF'));
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"", csv);
        Assert.DoesNotContain("\n=HYPERLINK", csv);
    }

    [Fact]
    public async Task The_xlsx_export_is_a_workbook_whose_cells_are_values_never_formulas()
    {
        var supplier = await app.OwnerClientAsync("Angkor Stitch Factory");
        var id = (await app.OrganisationAsync("Angkor Stitch Factory")).Id;
        (await supplier.PostAsJsonAsync($"/api/organisations/{id}/facilities",
            new { name = "=HYPERLINK(\"http://evil.example\")", address = "Phnom Penh", countryCode = "KH", workersTotal = 120 })).EnsureSuccessStatusCode();

        var response = await supplier.GetAsync($"/api/organisations/{id}/foa-summary.xlsx");
        using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var sheet = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var cells = sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToList();

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.CellFormula>());
        Assert.Contains(cells, c => c.InnerText == "=HYPERLINK(\"http://evil.example\")" && c.DataType?.Value == DocumentFormat.OpenXml.Spreadsheet.CellValues.InlineString);
        Assert.Contains(cells, c => c.DataType?.Value == DocumentFormat.OpenXml.Spreadsheet.CellValues.Number && c.CellValue?.Text == "120");
        Assert.Equal("facility", cells[0].InnerText);
    }
}

public sealed class FoaSummarySpecsOnSqlite(SqliteApp app) : FoaSummarySpecs(app);

public sealed class FoaSummarySpecsOnPostgres(PostgresApp app) : FoaSummarySpecs(app);
