using CommonThread.Web.Platform.Errors;

namespace CommonThread.Web.Platform.Files;

/// <summary>
/// A document kept with a record — an audit report, corrective-action or indicator evidence, a signed
/// agreement: not empty, up to 10 MB, a PDF, photo, office document, CSV or text file that is what its
/// name says (recognised by <see cref="FileSignature"/>), its name without any path and cut to fit its column.
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

        var expected = Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".pdf" => FileSignature.Pdf,
            ".jpg" or ".jpeg" => FileSignature.Jpeg,
            ".png" => FileSignature.Png,
            ".xlsx" or ".docx" => FileSignature.OfficePackage,
            ".csv" or ".txt" => FileSignature.Text,
            _ => throw new RuleViolation("file", $"Attach {what} as a PDF, a photo (JPEG, PNG), an XLSX or DOCX document, or a CSV or text file."),
        };
        if (FileSignature.TypeOf(bytes) != expected)
        {
            throw new RuleViolation("file", $"The file is named {Path.GetExtension(fileName)} but its content is not: attach the document itself.");
        }

        var name = Path.GetFileName(fileName);
        return name[..Math.Min(name.Length, NameMaxLength)];
    }
}
