using CommonThread.Web.Platform.Localization;

namespace CommonThread.Web.SupplyChain.Imports;

/// <summary>
/// An import's messages kept as their template and values beside their English, so each reader sees them in their
/// own language (<see cref="Phrase.Restore"/>). Words too long to keep whole keep only their English.
/// </summary>
public static class StoredWords
{
    public const int TemplateMaxLength = 500;

    public const int ArgumentsMaxLength = 1000;

    public static (string? Template, string? Arguments) Of(Phrase? words)
    {
        if (words is null || words.Template.Length > TemplateMaxLength)
        {
            return (null, null);
        }

        var arguments = words.Arguments.Count == 0 ? null : words.ArgumentsJson;
        return arguments is { Length: > ArgumentsMaxLength } ? (null, null) : (words.Template, arguments);
    }
}
