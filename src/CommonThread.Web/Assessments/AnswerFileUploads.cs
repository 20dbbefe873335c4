using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Files;

namespace CommonThread.Web.Assessments;

/// <summary>
/// The answering page posts the photos and documents of a whole form at once: it may be larger than the
/// server's default body size, up to <see cref="MaxPageBytes"/>; a larger post comes back to the page with
/// ?tooLarge=1, which says so in the person's language, instead of failing.
/// </summary>
public static class AnswerFileUploads
{
    public const long MaxPageBytes = 50L * 1024 * 1024;

    public static readonly UploadRoute PageRoute = new(IsAnsweringPage, MaxPageBytes, IsPage: true, TooLarge);

    public static RuleViolation TooLarge() =>
        new("file", $"The files together are larger than {MaxPageBytes / 1024 / 1024} MB: save a few at a time (each photo or document up to {AttachedDocument.MaxBytes / 1024 / 1024} MB).",
            StatusCodes.Status413PayloadTooLarge);

    /// <summary>/o/{organisation}/assessments/{assignment}.</summary>
    private static bool IsAnsweringPage(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts is ["o", var org, "assessments", var assignment] && Guid.TryParse(org, out _) && Guid.TryParse(assignment, out _);
    }
}
