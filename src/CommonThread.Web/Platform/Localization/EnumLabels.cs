using Microsoft.Extensions.Localization;

namespace CommonThread.Web.Platform.Localization;

/// <summary>
/// The words for a value of an enum shown to people: the resource "&lt;EnumType&gt;.&lt;Value&gt;"
/// (e.g. "Severity.ZeroTolerance" → "Zero tolerance"), so that no code name reaches a page, a PDF or
/// an e-mail and each language can say it its own way. LocalizationSpecs checks every value of every
/// enum shown has its resource.
/// </summary>
public static class EnumLabels
{
    public static string Key<TEnum>(TEnum value) where TEnum : struct, Enum => $"{typeof(TEnum).Name}.{value}";

    public static string Label<TEnum>(this IStringLocalizer text, TEnum value) where TEnum : struct, Enum => text[Key(value)];
}
