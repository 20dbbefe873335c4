using CommonThread.Web.Platform.Errors;

namespace CommonThread.Web.Grievances.Scrubbing;

/// <summary>
/// A file whose structure cannot be followed to its end: what we cannot read we cannot clean, and a
/// file kept with its metadata could name the worker, so it is refused rather than stored as it came.
/// </summary>
internal static class Unreadable
{
    public static RuleViolation File() =>
        new RuleViolation("attachments", "A file could not be read to remove what it says about who made it. Attach it again, or take a photo of it instead.");
}
