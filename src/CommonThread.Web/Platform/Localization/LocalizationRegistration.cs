using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace CommonThread.Web.Platform.Localization;

public static class LocalizationRegistration
{
    /// <summary>
    /// Languages in which the whole staff UI is translated: the workers' languages, because the suppliers,
    /// intermediaries and unions who work with those workers read the same languages.
    /// </summary>
    public static readonly IReadOnlyList<(string Culture, string NativeName)> ShellLanguages =
    [
        ("en", "English"),
        ("es", "Español"),
        ("bn", "বাংলা"),
        ("hi", "हिन्दी"),
        ("ur", "اردو"),
        ("id", "Bahasa Indonesia"),
        ("vi", "Tiếng Việt"),
        ("tr", "Türkçe"),
        ("km", "ខ្មែរ"),
        ("zh-Hans", "简体中文"),
        ("am", "አማርኛ"),
        ("ta", "தமிழ்"),
        ("si", "සිංහල"),
        ("my", "မြန်မာ"),
    ];

    public static void AddShellLocalization(this IServiceCollection services) => services.AddLocalization();

    /// <summary>Culture from ?culture=, then the cookie, then the browser; <paramref name="moreCultures"/> are languages some pages speak beyond the shell's.</summary>
    public static void UseShellLocalization(this WebApplication app, IEnumerable<string> moreCultures)
    {
        var cultures = ShellLanguages.Select(l => l.Culture).Union(moreCultures).ToArray();
        app.UseRequestLocalization(o =>
        {
            o.SetDefaultCulture("en").AddSupportedCultures(cultures).AddSupportedUICultures(cultures);
            o.ApplyCurrentCultureToResponseHeaders = true;
        });
    }

    /// <summary>The language switcher's form posts here; the choice is kept in a cookie for a year.</summary>
    public static void MapLanguageSwitch(this WebApplication app) =>
        app.MapPost("/culture", ([FromForm] string culture, [FromForm] string? returnUrl, HttpContext http) =>
            {
                if (ShellLanguages.Any(l => l.Culture == culture))
                {
                    http.Response.Cookies.Append(
                        CookieRequestCultureProvider.DefaultCookieName,
                        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                        new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
                }

                return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
            })
            .ExcludeFromDescription();

    // Control characters and whitespace are refused outright: browsers drop tabs and newlines, so "/\t/evil.example" would leave the site.
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c));
}
