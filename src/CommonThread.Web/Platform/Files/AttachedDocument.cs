using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Localization;

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
    /// <param name="what">What the caller attaches, as the refusal names it: "a report", "evidence", "a photo" or "a document" (anything else is called a document).</param>
    public static string Checked(string fileName, byte[] bytes, string what)
    {
        if (bytes.Length == 0 || bytes.Length > MaxBytes)
        {
            throw TooLarge(what);
        }

        var expected = Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".pdf" => FileSignature.Pdf,
            ".jpg" or ".jpeg" => FileSignature.Jpeg,
            ".png" => FileSignature.Png,
            ".xlsx" or ".docx" => FileSignature.OfficePackage,
            ".csv" or ".txt" => FileSignature.Text,
            _ => throw NotAType(what),
        };
        if (FileSignature.TypeOf(bytes) != expected)
        {
            throw new RuleViolation("file", Phrase.Of("The file is named {0} but its content is not: attach the document itself.", Path.GetExtension(fileName)));
        }

        var name = Path.GetFileName(fileName);
        return name[..Math.Min(name.Length, NameMaxLength)];
    }

    // One sentence per thing attached, so it is named in the reader's language rather than put into an English sentence.
    private static RuleViolation TooLarge(string what) => what switch
    {
        "a report" => new RuleViolation("file", Phrase.Of("Attach a report of up to {0} MB.", MaxBytes / 1024 / 1024)),
        "evidence" => new RuleViolation("file", Phrase.Of("Attach evidence of up to {0} MB.", MaxBytes / 1024 / 1024)),
        "a photo" => new RuleViolation("file", Phrase.Of("Attach a photo of up to {0} MB.", MaxBytes / 1024 / 1024)),
        _ => new RuleViolation("file", Phrase.Of("Attach a document of up to {0} MB.", MaxBytes / 1024 / 1024)),
    };

    private static RuleViolation NotAType(string what) => what switch
    {
        "a report" => new RuleViolation("file", "Attach a report as a PDF, a photo (JPEG, PNG), an XLSX or DOCX document, or a CSV or text file."),
        "evidence" => new RuleViolation("file", "Attach evidence as a PDF, a photo (JPEG, PNG), an XLSX or DOCX document, or a CSV or text file."),
        "a photo" => new RuleViolation("file", "Attach a photo as a PDF, a photo (JPEG, PNG), an XLSX or DOCX document, or a CSV or text file."),
        _ => new RuleViolation("file", "Attach a document as a PDF, a photo (JPEG, PNG), an XLSX or DOCX document, or a CSV or text file."),
    };
}
