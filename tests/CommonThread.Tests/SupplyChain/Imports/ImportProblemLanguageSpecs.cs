using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Resources;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Localization;

namespace CommonThread.Tests.SupplyChain.Imports;

/// <summary>
/// What is wrong with an uploaded list is said in the reader's language, values in place: the facility list's stored
/// problems and per-row results when its page is read later, and an invoice file's problems as soon as it is refused.
/// The API keeps the English.
/// </summary>
public abstract class ImportProblemLanguageSpecs(TestApp app)
{
    private static string In(string culture, string template, params object[] values) =>
        string.Format(CultureInfo.InvariantCulture, new ResourceManager(typeof(Shell)).GetString(template, new CultureInfo(culture))
            ?? throw new InvalidOperationException($"Shell.{culture}.resx lacks '{template}'"), values);

    private async Task<HttpClient> ReaderAsync(string organisationName, MemberRole role, string language)
    {
        var member = await app.NewMemberAsync(organisationName, role);
        var browser = await app.SignedInAsync(member.Email, TestMember.Password);
        browser.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        return browser;
    }

    [Fact]
    public async Task A_facility_lists_problems_are_kept_so_a_later_reader_sees_them_in_their_language()
    {
        var importer = await Importer.NewBrandAsync(app);
        var organisation = await app.WithDbAsync(db => Task.FromResult(db.Set<Organisation>().Single(o => o.Id == importer.OrganisationId)));
        var w = Unique.Word();
        var uploaded = await importer.PreviewAsync($"""
            country,name,address,number_of_workers
            BD,{w} One,{w} Road,many
            BD,{w} Two,{w} Lane,=SUM(A1:A2)
            """);
        await importer.PlannedAsync(uploaded.Id);
        var spanish = await ReaderAsync(organisation.Name, MemberRole.Viewer, "es");

        var page = WebUtility.HtmlDecode(await spanish.GetStringAsync($"/o/{importer.OrganisationId}/imports/{uploaded.Id}"));
        var api = await importer.ProblemsAsync(uploaded.Id);

        Assert.Contains(In("es", "'{0}' is not a whole number.", "many"), page, StringComparison.Ordinal);
        Assert.Contains("number_of_workers: " + In("es", "Formulas are not imported: type the value itself."), page, StringComparison.Ordinal);
        Assert.DoesNotContain("is not a whole number", page, StringComparison.Ordinal);
        Assert.Contains(api, p => p.Row == 2 && p.Message == "'many' is not a whole number.");
    }

    [Fact]
    public async Task An_invoice_files_problems_are_said_in_the_readers_language_with_the_values_in_place()
    {
        var world = await Accountability.AccountabilityWorld.CreateAsync(app);
        var bengali = await ReaderAsync(world.Brand.Organisation.Name, MemberRole.Editor, "bn");
        var supplier = world.Suppliers[0].Organisation.Name;
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes($"counterpart,invoice,amount,currency,terms_days,invoice_date\n{supplier},INV-9,lots,USD,30,2026-01-05\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");

        var response = await bengali.PostMultipartFormAsync($"/o/{world.Brand.Organisation.Id}/payment-terms", "import", new MultipartFormDataContent { { file, "file", "invoices.csv" } });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains("id=\"import-problems\"", html, StringComparison.Ordinal);
        Assert.Contains(In("bn", "'{0}' is not a number (use a point for decimals).", "lots"), html, StringComparison.Ordinal);
        Assert.DoesNotContain("is not a number", html, StringComparison.Ordinal);
    }
}

public sealed class ImportProblemLanguageSpecsOnSqlite(SqliteApp app) : ImportProblemLanguageSpecs(app);

public sealed class ImportProblemLanguageSpecsOnPostgres(PostgresApp app) : ImportProblemLanguageSpecs(app);
