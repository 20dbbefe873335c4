using Microsoft.Extensions.Localization;

namespace CommonThread.Web.DueDiligence;

/// <summary>
/// The country context's inputs as people read them ("C87 Freedom of association", not "C87"): a method's weights and a
/// score's inputs name the convention, in the reader's language. Keys "RiskInput.&lt;name&gt;" in every Shell resource.
/// </summary>
public static class RiskInputLabels
{
    public static string Key(string input) => $"RiskInput.{input}";

    public static string InputLabel(this IStringLocalizer text, string input) => text[Key(input)];
}
