using System.Net.Http.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Homework;
using CommonThread.Web.Organisations;

namespace CommonThread.Tests.Homework;

public abstract class HomeworkPageSpecs(TestApp app)
{
    private async Task<(HttpClient Client, HomeworkWorld World)> SignedInSupplierAsync()
    {
        var world = await HomeworkWorld.CreateAsync(app);
        var member = await app.NewMemberAsync(world.SupplierOrganisation.Name, MemberRole.Editor);
        return (await app.SignedInAsync(member.Email, TestMember.Password), world);
    }

    private static Dictionary<string, string> Form(string name, string birthDate, Guid facilityId) => new()
    {
        ["Input.Name"] = name, ["Input.Gender"] = "Woman", ["Input.BirthDate"] = birthDate, ["Input.ProofOfAge"] = "BirthCertificate",
        ["Input.ProofOfAgeCheckedOn"] = "2025-05-01", ["Input.Address"] = "House 9", ["Input.Area"] = "Savar", ["Input.Country"] = "Bangladesh",
        ["Input.FacilityId"] = facilityId.ToString(), ["Input.MonthlyQuotaMinutes"] = "4000",
    };

    [Fact]
    public async Task The_register_form_shows_the_passbook_code_once_and_the_code_opens_the_homeworkers_own_passbook()
    {
        var (client, world) = await SignedInSupplierAsync();
        var page = $"/o/{world.SupplierOrganisation.Id}/homework/register";

        var registered = await (await client.PostFormAsync(page, "register", Form("Laboni Akter", "1994-03-03", world.FacilityId))).Content.ReadAsStringAsync();
        var code = System.Text.RegularExpressions.Regex.Match(registered, "id=\"passbook-code\">([0-9A-Z]{10})<").Groups[1].Value;
        var own = await app.Anonymous().PostFormAsync("/passbook", "passbook", new() { ["Code"] = code });
        var wrong = await app.Anonymous().PostFormAsync("/passbook", "passbook", new() { ["Code"] = "ZZZZZZZZZZ" });

        Assert.Equal(10, code.Length);
        Assert.Contains("Laboni Akter", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("id=\"passbook-error\"", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(code, await client.GetStringAsync(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_passbook_opens_in_the_homeworkers_language_whatever_the_phone_s_browser_asks_for()
    {
        var (client, world) = await SignedInSupplierAsync();
        var form = Form("Rokeya Begum", "1990-07-07", world.FacilityId);
        form["Input.Language"] = "bn";
        var registered = await (await client.PostFormAsync($"/o/{world.SupplierOrganisation.Id}/homework/register", "register", form)).Content.ReadAsStringAsync();
        var code = System.Text.RegularExpressions.Regex.Match(registered, "id=\"passbook-code\">([0-9A-Z]{10})<").Groups[1].Value;
        var phone = app.Anonymous();
        phone.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");

        var before = await phone.GetStringAsync("/passbook");
        var opened = System.Net.WebUtility.HtmlDecode(await (await phone.PostFormAsync("/passbook", "passbook", new() { ["Code"] = code })).Content.ReadAsStringAsync());

        Assert.Contains("Mi libreta", System.Net.WebUtility.HtmlDecode(before), StringComparison.Ordinal);
        Assert.Contains("<section id=\"passbook-view\" lang=\"bn\" dir=\"ltr\">", opened, StringComparison.Ordinal);
        Assert.Contains("Rokeya Begum", opened, StringComparison.Ordinal);
        Assert.Contains("PDF হিসেবে ডাউনলোড করুন", opened, StringComparison.Ordinal);
        Assert.DoesNotContain("Descargar", opened, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_large_register_is_shown_a_hundred_at_a_time_and_found_by_name_or_area()
    {
        var (client, world) = await SignedInSupplierAsync();
        await app.WithDbAsync(async db =>
        {
            db.AddRange(Enumerable.Range(1, 105).Select(i => new Homeworker
            {
                OrganisationId = world.SupplierOrganisation.Id, FacilityId = world.FacilityId, Name = $"Paged Homeworker {i:D3}", Address = "House 1",
                Area = i == 7 ? "Kaliakair" : "Savar", CountryCode = "BD", BirthDate = new DateOnly(1990, 1, 1), IdentityKey = $"paged|{i}",
            }));
            return await db.SaveChangesAsync();
        });
        var page = $"/o/{world.SupplierOrganisation.Id}/homework";

        var first = await client.GetStringAsync(page);
        var second = await client.GetStringAsync(page + "?page=2");
        var found = await client.GetStringAsync(page + "?q=kaliakair");

        Assert.Contains("Showing 1–100 of 105", first, StringComparison.Ordinal);
        Assert.Contains("Paged Homeworker 100", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Paged Homeworker 101", first, StringComparison.Ordinal);
        Assert.Contains("id=\"pager-next\"", first, StringComparison.Ordinal);
        Assert.Contains("Showing 101–105 of 105", second, StringComparison.Ordinal);
        Assert.Contains("Paged Homeworker 105", second, StringComparison.Ordinal);
        Assert.Contains("Paged Homeworker 007", found, StringComparison.Ordinal);
        Assert.DoesNotContain("Paged Homeworker 008", found, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_under_age_registration_is_shown_again_with_the_reason_and_what_was_typed()
    {
        var (client, world) = await SignedInSupplierAsync();
        var birth = HomeworkWorld.Today.AddYears(-12).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var body = await (await client.PostFormAsync($"/o/{world.SupplierOrganisation.Id}/homework/register", "register", Form("Young <b>Person</b>", birth, world.FacilityId)))
            .Content.ReadAsStringAsync();

        Assert.Contains("id=\"register-error\"", body, StringComparison.Ordinal);
        Assert.Contains("minimum age for work in Bangladesh", body, StringComparison.Ordinal);
        Assert.Contains("value=\"Young &lt;b&gt;Person&lt;/b&gt;\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_intermediary_added_on_its_page_with_every_check_met_may_give_out_work_and_one_without_a_licence_may_not()
    {
        var (client, world) = await SignedInSupplierAsync();
        var page = $"/o/{world.SupplierOrganisation.Id}/homework/intermediaries";
        var today = HomeworkWorld.Today;
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var qualified = new Dictionary<string, string>
        {
            ["Input.Name"] = "Ashulia Agents", ["Input.FacilityId"] = world.FacilityId.ToString(), ["Input.LicenceNumber"] = "L-1", ["Input.LicenceExpires"] = Day(today.AddYears(1)),
            ["Input.PreQualification"] = "Passed", ["Input.PreQualifiedOn"] = Day(today.AddDays(-10)), ["Input.ContractStart"] = Day(today.AddDays(-10)),
            ["Input.TrainedOn"] = Day(today.AddDays(-5)),
        };
        var token = System.Text.RegularExpressions.Regex.Match(await client.GetStringAsync(page), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        // Several boxes of one checklist are ticked: the same field name more than once, as a browser sends it.
        var fields = qualified.Concat(CommonThread.Web.Homework.IntermediaryChecklist.Items.Keys.Select(k => new KeyValuePair<string, string>("Input.ChecklistMet", k)))
            .Append(new("_handler", "intermediary")).Append(new("__RequestVerificationToken", System.Net.WebUtility.HtmlDecode(token)));
        var body = await (await client.PostAsync(page, new FormUrlEncodedContent(fields))).Content.ReadAsStringAsync();
        var unlicensed = await (await client.PostFormAsync(page, "intermediary", new() { ["Input.Name"] = "Loose Agent" })).Content.ReadAsStringAsync();

        Assert.Contains("id=\"intermediary-message\"", body, StringComparison.Ordinal);
        Assert.Matches("Ashulia Agents</td>(.|\n)*?<td[^>]*class=\"\"[^>]*>Yes</td>", body);
        Assert.True(unlicensed.Contains("Loose Agent has not passed pre-qualification", StringComparison.Ordinal), unlicensed);
    }

    [Fact]
    public async Task A_list_uploaded_on_the_imports_page_shows_the_passbook_codes_or_every_problem_by_row()
    {
        var (client, world) = await SignedInSupplierAsync();
        var page = $"/o/{world.SupplierOrganisation.Id}/homework/imports";
        async Task<string> UploadAsync(string csv)
        {
            var token = System.Text.RegularExpressions.Regex.Match(await client.GetStringAsync(page), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
            var form = new MultipartFormDataContent
            {
                { new StringContent("homeworkers"), "_handler" }, { new StringContent(System.Net.WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
                { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "list.csv" },
            };
            return await (await client.PostAsync(page, form)).Content.ReadAsStringAsync();
        }

        var good = await UploadAsync("name,gender,birth_date,proof_of_age,proof_checked_on,address,area,country\nMorium Begum,Woman,1985-02-02,Passport,2025-03-01,House 3,Savar,BD\n");
        var bad = await UploadAsync("name,gender,birth_date,proof_of_age,proof_checked_on,address,area,country\nNo Date,Woman,,Passport,2025-03-01,House 4,Savar,BD\n");

        Assert.Matches("Morium Begum</td><td[^>]*><strong>[0-9A-Z]{10}</strong>", good);
        Assert.Contains("id=\"homework-import-problems\"", bad, StringComparison.Ordinal);
        Assert.Matches("<td[^>]*>2</td><td[^>]*>birth_date</td>", bad);
    }

    [Fact]
    public async Task A_payments_file_uploaded_again_on_the_imports_page_says_nothing_new_and_names_the_rows_already_recorded()
    {
        var (client, world) = await SignedInSupplierAsync();
        var homeworker = await world.RegisterAsync("Page Reimport Homeworker");
        var order = (await world.IssueAsync(HomeworkWorld.Order(homeworker.Homeworker.Id))).Order;
        var today = HomeworkWorld.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await world.Supplier.PostAsJsonAsync($"{world.Api}/work-orders/{order.Id}/returns", new { returnedOn = today, accepted = 100 });
        var page = $"/o/{world.SupplierOrganisation.Id}/homework/imports";
        var csv = $"work_order,amount,paid_on,method,paid_by,reference\n{order.Id},60,{today},Cash,Agent,R-1\n{order.Id},40,{today},Cash,Agent,R-2\n";
        async Task<string> UploadAsync()
        {
            var token = System.Text.RegularExpressions.Regex.Match(await client.GetStringAsync(page), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
            var form = new MultipartFormDataContent
            {
                { new StringContent("payments"), "_handler" }, { new StringContent(System.Net.WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
                { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "payments.csv" },
            };
            return await (await client.PostAsync(page, form)).Content.ReadAsStringAsync();
        }

        var first = await UploadAsync();
        var again = await UploadAsync();

        Assert.Contains("2 rows imported.", first, StringComparison.Ordinal);
        Assert.DoesNotContain("homework-already-recorded", first, StringComparison.Ordinal);
        Assert.Contains("Nothing new: every row of this file is already recorded", again, StringComparison.Ordinal);
        Assert.Contains("2 rows already recorded (rows 2, 3)", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_homework_page_shows_a_brand_the_overview_without_names()
    {
        var world = await HomeworkWorld.CreateAsync(app);
        await world.RegisterAsync("Sathi Rani");
        var brandMember = await app.NewMemberAsync(world.BrandOrganisation.Name, MemberRole.Viewer);

        var page = await (await app.SignedInAsync(brandMember.Email, TestMember.Password)).GetStringAsync($"/o/{world.BrandOrganisation.Id}/homework");

        Assert.Contains("id=\"homework-overview\"", page, StringComparison.Ordinal);
        Assert.Contains(world.SupplierOrganisation.Name, page, StringComparison.Ordinal);
        Assert.DoesNotContain("Sathi", page, StringComparison.Ordinal);
    }
}

public sealed class HomeworkPageSpecsOnSqlite(SqliteApp app) : HomeworkPageSpecs(app);

public sealed class HomeworkPageSpecsOnPostgres(PostgresApp app) : HomeworkPageSpecs(app);
