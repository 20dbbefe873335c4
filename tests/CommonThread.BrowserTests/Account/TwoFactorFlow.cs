using Microsoft.Playwright;
using CommonThread.BrowserTests.Infrastructure;
using CommonThread.Web.Organisations;

namespace CommonThread.BrowserTests.Account;

public sealed class TwoFactorFlow(BrowserApp app)
{
    private const string Password = "browser-password-2026";

    /// <summary>Signs a new member in and turns on two-factor as a person would; returns the key and one recovery code.</summary>
    private async Task<(SignedOutSession Session, string Key, string RecoveryCode)> MemberWithTwoFactorAsync(MemberRole role)
    {
        var email = await app.NewMemberAsync("Solstice Sportswear", role, Password);
        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, email, Password);
        await page.WaitForURLAsync(app.BaseUrl + "/", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.GotoAsync("/account/two-factor");
        var key = await page.TextContentAsync("#shared-key") ?? "";
        await page.FillAsync("#code", Totp.Code(key, TimeProvider.System.GetUtcNow()));
        await page.ClickAsync("form.form button[type=submit]");
        await page.WaitForSelectorAsync("#two-factor-on");
        Assert.Equal(10, await page.Locator("ul.codes li").CountAsync());
        var recoveryCode = (await page.Locator("ul.codes li").First.TextContentAsync())!.Trim();
        await page.ClickAsync("form[action='/account/logout'] button");
        return (new(page, email), key, recoveryCode);
    }

    /// <summary>Passes the password step of a signed-out session and stops at the code step.</summary>
    private async Task ToCodeStepAsync(SignedOutSession session)
    {
        await BrowserApp.SignInAsync(session.Page, session.Email, Password);
        await session.Page.WaitForURLAsync("**/account/login/two-factor**", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
    }

    private async Task SubmitRecoveryCodeAsync(SignedOutSession session, string recoveryCode)
    {
        await ToCodeStepAsync(session);
        await session.Page.ClickAsync("text=Use a recovery code");
        await session.Page.FillAsync("#recovery-code", recoveryCode);
        await session.Page.ClickAsync("form.form button[type=submit]");
    }

    [Fact]
    public async Task A_member_turns_on_two_factor_and_then_signs_in_with_a_code()
    {
        var (session, key, _) = await MemberWithTwoFactorAsync(MemberRole.Editor);

        await ToCodeStepAsync(session);
        await session.Page.FillAsync("#code", Totp.Code(key, TimeProvider.System.GetUtcNow()));
        await session.Page.ClickAsync("form.form button[type=submit]");

        await session.Page.WaitForURLAsync(app.BaseUrl + "/", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        Assert.Contains("Solstice Sportswear", await session.Page.TextContentAsync("main") ?? "");
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_and_never_again()
    {
        var (session, _, recoveryCode) = await MemberWithTwoFactorAsync(MemberRole.Viewer);

        await SubmitRecoveryCodeAsync(session, recoveryCode);
        await session.Page.WaitForURLAsync(app.BaseUrl + "/", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await session.Page.ClickAsync("form[action='/account/logout'] button");
        await SubmitRecoveryCodeAsync(session, recoveryCode);

        Assert.Contains("used already", await session.Page.TextContentAsync(".error") ?? "");
    }

    [Fact]
    public async Task A_wrong_code_keeps_the_person_out_with_a_message()
    {
        var (session, _, _) = await MemberWithTwoFactorAsync(MemberRole.Viewer);

        await ToCodeStepAsync(session);
        await session.Page.FillAsync("#code", "000000");
        await session.Page.ClickAsync("form.form button[type=submit]");

        Assert.Contains("not right", await session.Page.TextContentAsync(".error") ?? "");
        await session.Page.GotoAsync("/");
        Assert.Contains("/account/login", session.Page.Url);
    }
}

public sealed record SignedOutSession(Microsoft.Playwright.IPage Page, string Email);
