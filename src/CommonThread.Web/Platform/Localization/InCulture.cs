using System.Globalization;
using Microsoft.Extensions.Localization;

namespace CommonThread.Web.Platform.Localization;

/// <summary>
/// A localizer that speaks one given language whatever the request's, for a part of a page that belongs to
/// someone else's language (a homeworker's passbook opened on a shared or borrowed phone).
/// </summary>
public sealed class InCulture(IStringLocalizer inner, CultureInfo culture) : IStringLocalizer
{
    public LocalizedString this[string name] => Within(() => inner[name]);

    public LocalizedString this[string name, params object[] arguments] => Within(() => inner[name, arguments]);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => Within(() => inner.GetAllStrings(includeParentCultures).ToList());

    /// <summary>The language's tag, for the lang attribute of the element that holds its text.</summary>
    public string Language => culture.Name.Length == 0 ? "en" : culture.Name;

    /// <summary>The direction the language is written in, for the element that holds its text.</summary>
    public string Direction => culture.TextInfo.IsRightToLeft ? "rtl" : "ltr";

    private T Within<T>(Func<T> read)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return read();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }
}
