using CommonThread.BrowserTests.Infrastructure;
using CommonThread.Web.Organisations;

namespace CommonThread.BrowserTests.Account;

public sealed class TwoFactorFlow(BrowserApp app)
{
    private const string Password = "browser-password-2026";

    [Fact]
    public async Task A_member_turns_on_two_factor_and_then_signs_in_with_a_code()
    {
        var email = await app.NewMemberAsync("Solstice Sportswear", MemberRole.Editor, Password);
        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, email, Password);
        await page.WaitForURLAsync(app.BaseUrl + "/");

        await page.GotoAsync("/account/two-factor");
        var key = await page.TextContentAsync("#shared-key") ?? "";
        await page.FillAsync("#code", Totp.Code(key, TimeProvider.System.GetUtcNow()));
        await page.ClickAsync("form.form button[type=submit]");
        await page.WaitForSelectorAsync("#two-factor-on");
        Assert.Equal(10, await page.Locator("ul.codes li").CountAsync());
        var recoveryCode = (await page.Locator("ul.codes li").First.TextContentAsync())!.Trim();

        await page.ClickAsync("form[action='/account/logout'] button");
        await BrowserApp.SignInAsync(page, email, Password);
        await page.WaitForURLAsync("**/account/login/two-factor**");
        await page.FillAsync("#code", Totp.Code(key, TimeProvider.System.GetUtcNow()));
        await page.ClickAsync("form.form button[type=submit]");

        await page.WaitForURLAsync(app.BaseUrl + "/");
        Assert.Contains("Solstice Sportswear", await page.TextContentAsync("main") ?? "");

        // Lost phone: a recovery code works once.
        await page.ClickAsync("form[action='/account/logout'] button");
        await BrowserApp.SignInAsync(page, email, Password);
        await page.WaitForURLAsync("**/account/login/two-factor**");
        await page.ClickAsync("text=Use a recovery code");
        await page.FillAsync("#recovery-code", recoveryCode);
        await page.ClickAsync("form.form button[type=submit]");
        await page.WaitForURLAsync(app.BaseUrl + "/");
        await page.ClickAsync("form[action='/account/logout'] button");
        await BrowserApp.SignInAsync(page, email, Password);
        await page.WaitForURLAsync("**/account/login/two-factor**");
        await page.ClickAsync("text=Use a recovery code");
        await page.FillAsync("#recovery-code", recoveryCode);
        await page.ClickAsync("form.form button[type=submit]");
        Assert.Contains("used already", await page.TextContentAsync(".error") ?? "");
    }

    [Fact]
    public async Task A_wrong_code_keeps_the_person_out_with_a_message()
    {
        var email = await app.NewMemberAsync("Solstice Sportswear", MemberRole.Viewer, Password);
        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, email, Password);
        await page.WaitForURLAsync(app.BaseUrl + "/");
        await page.GotoAsync("/account/two-factor");
        var key = await page.TextContentAsync("#shared-key") ?? "";
        await page.FillAsync("#code", Totp.Code(key, TimeProvider.System.GetUtcNow()));
        await page.ClickAsync("form.form button[type=submit]");
        await page.WaitForSelectorAsync("#two-factor-on");
        await page.ClickAsync("form[action='/account/logout'] button");

        await BrowserApp.SignInAsync(page, email, Password);
        await page.WaitForURLAsync("**/account/login/two-factor**");
        await page.FillAsync("#code", "000000");
        await page.ClickAsync("form.form button[type=submit]");

        Assert.Contains("not right", await page.TextContentAsync(".error") ?? "");
        await page.GotoAsync("/");
        Assert.Contains("/account/login", page.Url);
    }
}
