namespace CommonThread.Web.Platform.Text;

public static class TextInput
{
    /// <summary>Optional text as stored: trimmed, and null when blank, so "" and "  " never mean something.</summary>
    public static string? OrNull(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
