using CommonThread.Web.Platform.Errors;
using UglyToad.PdfPig;

namespace CommonThread.Web.Platform.Files;

/// <summary>
/// The text of an uploaded PDF, so what it says can be searched. A file is read up to <see cref="MaxPages"/> pages and
/// <paramref name="maxCharacters"/> characters — enough for any report, and a bound on what a crafted file can cost.
/// A PDF with no text layer (a scan) gives no text, which is not an error.
/// </summary>
public static class PdfText
{
    public const int MaxPages = 1000;

    public static string Of(byte[] bytes, int maxCharacters)
    {
        try
        {
            using var pdf = PdfDocument.Open(bytes);
            var text = new System.Text.StringBuilder();
            foreach (var page in pdf.GetPages().Take(MaxPages))
            {
                text.AppendJoin(' ', page.GetWords().Select(w => w.Text)).AppendLine();
                if (text.Length >= maxCharacters)
                {
                    break;
                }
            }

            return text.Length > maxCharacters ? text.ToString(0, maxCharacters) : text.ToString();
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // PdfPig throws many types for a damaged file; each means the same to the person uploading it.
            throw new RuleViolation("file", "This PDF cannot be read: save it again as a PDF and attach that.");
        }
    }
}
