using CommonThread.BrowserTests.Infrastructure;
using CommonThread.Web.Demo;
using CommonThread.Web.Platform.Files;
using Microsoft.Playwright;

namespace CommonThread.BrowserTests.Assessments;

/// <summary>
/// A questionnaire made elsewhere: Forms/hours-roster.xlsx was saved by LibreOffice Calc from hours-roster.fods (regenerate with
/// <c>soffice --headless --convert-to xlsx hours-roster.fods</c>). Its labels, names, required flags and version are formula cells
/// whose saved values count; its interview roster repeats as many times as the interviewer says; it asks for a location and has a
/// voice note this platform cannot record.
/// </summary>
public sealed class RosterFormFlow(BrowserApp app)
{
    private static readonly string FormFile = Path.Combine(AppContext.BaseDirectory, "Assessments", "Forms", "hours-roster.xlsx");

    [Fact]
    public async Task A_LibreOffice_form_with_formula_cells_and_a_counted_roster_is_imported_answered_and_exported_in_KoboToolboxs_layout()
    {
        var due = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var brand = await app.OpenOrganisationAsync("brand@northwind.example", DemoAccounts.Password, "Northwind Apparel");
        await brand.ClickAsync("nav.org-nav >> text=Assessments");
        await brand.SetInputFilesAsync("#questionnaire-file", new FilePayload
        {
            Name = "hours-roster.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = await File.ReadAllBytesAsync(FormFile),
        });
        await brand.ClickAsync("#questionnaire-import");
        await brand.WaitForSelectorAsync("#assessment-message >> text='Working hours roster' imported");
        // The author is told at once what will not be asked as written.
        var adaptations = await brand.InnerTextAsync("#questionnaire-adaptations");
        Assert.Contains("voice_note", adaptations);
        Assert.Contains("skipped", adaptations);
        await brand.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ArtifactsFolder, "questionnaire-adaptations.png"), FullPage = true });

        await brand.SelectOptionAsync("#assign-questionnaire", new SelectOptionValue { Label = "Working hours roster" });
        await brand.FillAsync("#assign-due", due);
        await brand.CheckAsync("#assign-form label:has-text('Dhaka Knitwear Unit 1') input");
        await brand.ClickAsync("#assign-send");
        await brand.WaitForSelectorAsync("#sent >> text=Working hours roster");

        var supplier = await app.OpenOrganisationAsync("compliance@dhakaknit.example", DemoAccounts.Password, "Dhaka Knitwear Ltd");
        await supplier.ClickAsync("nav.org-nav >> text=Assessments");
        await supplier.Locator("#received a:has-text('Working hours roster')").Last.ClickAsync();
        Assert.Equal(0, await supplier.Locator("[data-key='voice_note']").CountAsync());

        // The roster has as many interviews as the interviewer says: two, once the answer is saved.
        await supplier.FillAsync("#q-workers_interviewed", "2");
        await supplier.ClickAsync("#save-draft");
        await supplier.WaitForSelectorAsync("#q-role-2");
        Assert.Equal(0, await supplier.Locator("button[value='add:interview']").CountAsync());
        await supplier.FillAsync("#q-role-1", "Sewing operator");
        await supplier.FillAsync("#q-hours-1", "56");
        // Overtime is asked only of a worker past 48 hours, live.
        await supplier.WaitForSelectorAsync("[data-key='paid_overtime#1']", new() { State = WaitForSelectorState.Visible });
        await supplier.CheckAsync("input[name='a.paid_overtime#1'][value='no']");
        await supplier.FillAsync("#q-role-2", "Packer");
        await supplier.FillAsync("#q-hours-2", "40");
        Assert.False(await supplier.IsVisibleAsync("[data-key='paid_overtime#2']"));
        await supplier.FillAsync("#q-location", "23.8103");
        await supplier.FillAsync("#q-location-lon", "90.4125");
        await supplier.ClickAsync("#save-draft");
        await supplier.WaitForSelectorAsync("[data-key='summary'] >> text=2 interviews, 96 hours in all");
        await supplier.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ArtifactsFolder, "questionnaire-roster.png"), FullPage = true });
        await supplier.ClickAsync("#submit-answers");
        await supplier.WaitForSelectorAsync("#form-message >> text=your answers were submitted");

        await brand.ReloadAsync();
        var download = await brand.RunAndWaitForDownloadAsync(() => brand.ClickAsync("#questionnaires tr:has-text('Working hours roster') >> text=XLSX"));
        var sheets = Xlsx.ReadSheets(await File.ReadAllBytesAsync(await download.PathAsync()), 1000);

        var main = sheets["hours_roster"];
        var header = main[0].ToList();
        foreach (var column in new[] { "workers_interviewed", "total_hours", "interviews", "location", "_location_latitude", "_location_longitude", "voice_note", "_submission_time" })
        {
            Assert.Contains(column, header);
        }

        var row = main[1];
        Assert.Equal("2", row[header.IndexOf("interviews")]);
        Assert.Equal("96", row[header.IndexOf("total_hours")]);
        Assert.Equal("23.8103", row[header.IndexOf("_location_latitude")]);
        Assert.Equal("", row.ElementAtOrDefault(header.IndexOf("voice_note")) ?? "");

        var roster = sheets["interview"];
        var rosterHeader = roster[0].ToList();
        Assert.Equal(["role", "hours", "paid_overtime", "_index", "_parent_index"], rosterHeader.Select(c => c.Split('/')[^1]));
        Assert.Equal(3, roster.Count);
        Assert.Equal(("Sewing operator", "56", "no"), (roster[1][0], roster[1][1], roster[1][2]));
        Assert.Equal(("Packer", "40", "1"), (roster[2][0], roster[2][1], roster[2][4]));
    }
}
