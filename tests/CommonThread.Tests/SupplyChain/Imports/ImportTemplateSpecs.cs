using System.Net;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Files;
using CommonThread.Web.SupplyChain;
using CommonThread.Web.SupplyChain.Imports;

namespace CommonThread.Tests.SupplyChain.Imports;

public abstract class ImportTemplateSpecs(TestApp app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    [Theory]
    [InlineData(OrganisationKind.Brand, "template.csv")]
    [InlineData(OrganisationKind.Brand, "template.xlsx")]
    [InlineData(OrganisationKind.Supplier, "template.csv")]
    [InlineData(OrganisationKind.Union, "template.xlsx")]
    public async Task The_template_read_back_by_the_parser_gives_its_example_row_without_a_problem(OrganisationKind kind, string file)
    {
        var importer = await Importer.NewBrandAsync(app, kind);

        var response = await importer.Client.GetAsync($"{importer.Api}/imports/{file}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var parsed = FacilityListParser.Parse(TableFile.Read(file, bytes), kind, Today);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(parsed.Problems);
        var row = Assert.Single(parsed.Rows);
        Assert.Equal(("BD", "Example Knitwear Ltd", 850), (row.CountryCode, row.Name, row.WorkersTotal));
        Assert.Equal("Example Garment Workers Union", row.UnionName);
        Assert.Equal(kind == OrganisationKind.Union ? FactSource.Union : FactSource.Audit, row.FoaSource);
    }

    [Fact]
    public async Task A_brand_template_has_every_column_the_parser_reads_and_a_help_sheet_with_the_other_spellings()
    {
        var importer = await Importer.NewBrandAsync(app);

        var bytes = await importer.Client.GetByteArrayAsync($"{importer.Api}/imports/template.xlsx");
        var sheets = Xlsx.ReadSheets(bytes, 1000);
        var csv = Csv.Read(System.Text.Encoding.UTF8.GetString(await importer.Client.GetByteArrayAsync($"{importer.Api}/imports/template.csv")).TrimStart('\uFEFF'));

        Assert.Equal(["Facilities", "Help"], sheets.Keys);
        Assert.Equal(FacilityListParser.AcceptedColumns.Select(c => c.Column), sheets["Facilities"][0]);
        Assert.Contains(sheets["Help"], r => r[0] == "os_id" && r[1].Contains("open_supply_hub_id", StringComparison.Ordinal));
        Assert.Contains(sheets["Help"], r => r[0] == "country" && r[2] == "yes");
        // The CSV is the bare table: a help line in it would be read as a facility.
        Assert.Equal(2, csv.Count);
        Assert.Equal(sheets["Facilities"][0], csv[0]);
    }

    [Fact]
    public async Task A_union_template_leaves_out_the_columns_of_a_buyers_chain_and_a_supplier_template_the_share_of_output()
    {
        var union = await Importer.NewBrandAsync(app, OrganisationKind.Union);
        var supplier = await Importer.NewBrandAsync(app, OrganisationKind.Supplier);

        var unionHeader = Csv.Read(System.Text.Encoding.UTF8.GetString(await union.Client.GetByteArrayAsync($"{union.Api}/imports/template.csv")).TrimStart('\uFEFF'))[0];
        var supplierHeader = Csv.Read(System.Text.Encoding.UTF8.GetString(await supplier.Client.GetByteArrayAsync($"{supplier.Api}/imports/template.csv")).TrimStart('\uFEFF'))[0];

        Assert.DoesNotContain("buyer", unionHeader);
        Assert.DoesNotContain("share_of_output", unionHeader);
        Assert.Contains("union_name", unionHeader);
        Assert.Contains("buyer", supplierHeader);
        Assert.DoesNotContain("share_of_output", supplierHeader);
    }
}

public sealed class ImportTemplateSpecsOnSqlite(SqliteApp app) : ImportTemplateSpecs(app);

public sealed class ImportTemplateSpecsOnPostgres(PostgresApp app) : ImportTemplateSpecs(app);
