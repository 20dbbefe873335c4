using System.Net;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Organisations;

namespace CommonThread.Tests.Account;

/// <summary>
/// Opening the two-factor page hands out a key to add to an authenticator app; that alone changes no
/// credential, so the person's other sessions (another tab, a phone) stay signed in.
/// </summary>
public abstract class TwoFactorKeySessionSpecs(TestApp app)
{
    [Fact]
    public async Task Opening_the_two_factor_page_keeps_the_persons_other_sessions_signed_in_and_shows_the_same_key_each_time()
    {
        var organisation = await app.NewOrganisationAsync(OrganisationKind.Supplier);
        var member = await app.NewMemberAsync(organisation.Name, MemberRole.Editor);
        var laptop = await app.SignedInAsync(member.Email, TestMember.Password);
        var phone = await app.SignedInAsync(member.Email, TestMember.Password);

        var first = await laptop.GetStringAsync("/account/two-factor");
        var phonePage = await phone.GetAsync($"/o/{organisation.Id}/members");
        var again = await laptop.GetStringAsync("/account/two-factor");

        Assert.Equal(HttpStatusCode.OK, phonePage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync($"/o/{organisation.Id}/members")).StatusCode);
        Assert.Equal(KeyIn(first), KeyIn(again));
    }

    private static string KeyIn(string page)
    {
        var start = page.IndexOf("secret=", StringComparison.Ordinal);
        Assert.True(start >= 0, "the page shows an otpauth link with the key");
        return new string(page[(start + 7)..].TakeWhile(char.IsAsciiLetterOrDigit).ToArray());
    }
}

public sealed class TwoFactorKeySessionSpecsOnSqlite(SqliteApp app) : TwoFactorKeySessionSpecs(app);

public sealed class TwoFactorKeySessionSpecsOnPostgres(PostgresApp app) : TwoFactorKeySessionSpecs(app);
