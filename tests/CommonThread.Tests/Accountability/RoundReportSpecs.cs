using System.Net;
using System.Net.Http.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Accountability;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace CommonThread.Tests.Accountability;

/// <summary>The round's reports are real PDF and XLSX files, with charts, that other programs open.</summary>
public abstract class RoundReportSpecs(TestApp app)
{
    [Fact]
    public async Task The_initiative_report_and_a_brand_scorecard_come_as_pdf_and_xlsx_with_charts()
    {
        var world = await AccountabilityWorld.CreateAsync(app, brands: 3, suppliers: 5);
        var round = await world.OpenRoundAsync();
        foreach (var brand in world.Brands)
        {
            await world.AnswerAsync(round.Id, brand, world.Suppliers, brand == world.Brand ? "agree" : "disagree");
        }

        var sheet = (await world.Brand.Client.GetFromJsonAsync<BrandSheetDto>($"{world.Brand.Api}/rounds/{round.Id}/brands/{world.Brand.Organisation.Id}", Http.Json))!;
        await (await world.Brand.Client.PutAsJsonAsync($"{world.Brand.Api}/rounds/{round.Id}/indicators/{sheet.Lines[0].Indicator.Id}", new { value = 85 })).ReadAsync<BrandSheetDto>();
        await world.ReleaseAsync(round.Id);

        var report = (await world.Initiative.Client.GetFromJsonAsync<RoundReportDto>($"{world.Initiative.Api}/rounds/{round.Id}/report", Http.Json))!;
        Assert.Equal(3, report.Brands.Count);
        Assert.Equal(75, report.Brands.Single(b => b.BrandOrganisationId == world.Brand.Organisation.Id).Feedback);
        Assert.Equal(Math.Round((75 + 25 + 25) / 3.0), report.AllBrands.Single(c => c.Category == "overall").Score);

        var pdf = await world.Initiative.Client.GetByteArrayAsync($"{world.Initiative.Api}/rounds/{round.Id}/report/pdf");
        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf))
        {
            var text = string.Join(" ", document.GetPages().Select(p => p.Text));
            // Long names are shortened to fit their column, by width: how many letters of the random part survive varies.
            Assert.Contains(world.Brand.Organisation.Name[..10], text, StringComparison.Ordinal);
            Assert.Contains("All-brand average", text, StringComparison.Ordinal);
        }

        AssertWorkbookWithCharts(await world.Initiative.Client.GetByteArrayAsync($"{world.Initiative.Api}/rounds/{round.Id}/report/xlsx"), "Brands");
        var cardPdf = await world.Union.Client.GetByteArrayAsync($"{world.Union.Api}/rounds/{round.Id}/brands/{world.Brand.Organisation.Id}/scorecard/pdf");
        using (var document = UglyToad.PdfPig.PdfDocument.Open(cardPdf))
        {
            Assert.Contains("5 suppliers answered", string.Join(" ", document.GetPages().Select(p => p.Text)), StringComparison.Ordinal);
        }

        AssertWorkbookWithCharts(await world.Brand.Client.GetByteArrayAsync($"{world.Brand.Api}/rounds/{round.Id}/brands/{world.Brand.Organisation.Id}/scorecard/xlsx"), "Indicators");
        await (await world.Brand.Client.GetAsync($"{world.Brand.Api}/rounds/{round.Id}/report/pdf")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    private static void AssertWorkbookWithCharts(byte[] bytes, string firstSheet)
    {
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(workbook).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
        Assert.Equal(firstSheet, workbook.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().First().Name!.Value);
        Assert.NotEmpty(workbook.WorkbookPart.WorksheetParts.SelectMany(p => p.DrawingsPart?.ChartParts ?? []));
    }
}

public sealed class RoundReportSpecsOnSqlite(SqliteApp app) : RoundReportSpecs(app);

public sealed class RoundReportSpecsOnPostgres(PostgresApp app) : RoundReportSpecs(app);
