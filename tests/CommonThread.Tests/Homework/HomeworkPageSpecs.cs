using CommonThread.Tests.Infrastructure;
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
