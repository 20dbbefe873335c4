using CommonThread.Web.Platform.Errors;

namespace CommonThread.Web.Platform.Files;

/// <summary>
/// A document kept with a record — an audit report, corrective-action or indicator evidence, a signed
/// agreement: not empty, up to 10 MB, its name without any path and cut to fit its column.
/// </summary>
public static class AttachedDocument
{
    public const int MaxBytes = 10 * 1024 * 1024;

    public const int NameMaxLength = 255;

    /// <returns>The file name to store.</returns>
    /// <param name="what">What the caller attaches, as the refusal names it ("a report", "evidence").</param>
    public static string Checked(string fileName, byte[] bytes, string what)
    {
        if (bytes.Length == 0 || bytes.Length > MaxBytes)
        {
            throw new RuleViolation("file", $"Attach {what} of up to {MaxBytes / 1024 / 1024} MB.");
        }

        var name = Path.GetFileName(fileName);
        return name[..Math.Min(name.Length, NameMaxLength)];
    }
}
