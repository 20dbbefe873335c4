namespace CommonThread.Web.Grievances;

/// <summary>
/// Marker for the resource files (Intake.resx, Intake.bn.resx, …) that hold the worker-facing text of
/// the intake, follow-up and procedure pages, in the languages of the production countries.
/// </summary>
public sealed class Intake
{
    /// <summary>The languages a worker can report in; each has a complete Intake resource file.</summary>
    public static readonly IReadOnlyList<(string Culture, string NativeName)> Languages =
    [
        ("en", "English"),
        ("bn", "বাংলা"),
        ("km", "ខ្មែរ"),
        ("vi", "Tiếng Việt"),
        ("my", "မြန်မာ"),
        ("hi", "हिन्दी"),
        ("ta", "தமிழ்"),
        ("si", "සිංහල"),
        ("ur", "اردو"),
        ("id", "Bahasa Indonesia"),
        ("tr", "Türkçe"),
        ("zh-Hans", "简体中文"),
        ("am", "አማርኛ"),
        ("es", "Español"),
    ];

    /// <summary>A language tag as a form sends it (such as "bn" or "zh-Hans"), or <paramref name="fallback"/> when it is not one.</summary>
    public static string LanguageOr(string? requested, string fallback) =>
        requested is { Length: >= 2 and <= 8 } language && language.All(c => char.IsAsciiLetter(c) || c == '-') ? language : fallback;
}
