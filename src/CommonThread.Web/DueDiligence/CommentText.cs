using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Localization;
using CommonThread.Web.Platform.Text;

namespace CommonThread.Web.DueDiligence;

/// <summary>A comment on an impact or a plan as stored: trimmed, present, and within its length.</summary>
public static class CommentText
{
    public static string Require(string? text, int maxLength)
    {
        var trimmed = TextInput.OrNull(text) ?? throw new RuleViolation("text", "Write the comment.");
        return trimmed.Length <= maxLength ? trimmed : throw new RuleViolation("text", Phrase.Of("A comment has at most {0} characters.", maxLength));
    }
}
