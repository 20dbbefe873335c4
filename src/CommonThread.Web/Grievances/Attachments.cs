using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Files;
using CommonThread.Web.Platform.Localization;

namespace CommonThread.Web.Grievances;

public sealed record AttachmentUpload(string FileName, byte[] Bytes);

/// <summary>
/// What a reporter may attach: photos (JPEG, PNG), PDF documents and voice notes (MP3, M4A, OGG),
/// recognised by their first bytes, never by the name a file claims. Each is stored without its
/// metadata and under a neutral name.
/// </summary>
public static class Attachments
{
    public const int MaxFiles = 3;
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>The intake page, for the upload limit: all files together, with room for the form.</summary>
    public static readonly Platform.Files.UploadRoute IntakeRoute = new(
        p => p.StartsWith("/r/", StringComparison.OrdinalIgnoreCase) && p.Count(c => c == '/') == 2, (long)MaxFiles * MaxBytes, IsPage: true,
        () => new RuleViolation("attachments", "The files are too large.", StatusCodes.Status413PayloadTooLarge));

    public static string TypeOf(byte[] bytes) => FileSignature.TypeOf(bytes) switch
    {
        var type when type is FileSignature.Jpeg or FileSignature.Png or FileSignature.Pdf or FileSignature.Ogg or FileSignature.Mp3 or FileSignature.Mp4 => type,
        _ => throw new RuleViolation("attachments", "Attach photos (JPEG, PNG), PDF documents or voice notes (MP3, M4A, OGG) only."),
    };

    public static void Check(IReadOnlyList<AttachmentUpload> files)
    {
        if (files.Count > MaxFiles)
        {
            throw new RuleViolation("attachments", Phrase.Of("Attach at most {0} files.", MaxFiles));
        }

        if (files.Any(f => f.Bytes.Length > MaxBytes))
        {
            throw new RuleViolation("attachments", Phrase.Of("Each file may be at most {0} MB.", MaxBytes / 1024 / 1024), StatusCodes.Status413PayloadTooLarge);
        }

        foreach (var file in files)
        {
            TypeOf(file.Bytes);
        }
    }

    /// <summary>
    /// The file without what it says about who made it, where and when (see the cleaners in Scrubbing/): a reporter cannot be expected to know that a photo carries the
    /// phone's position or a document its author's name. A file that cannot be read to its end is refused.
    /// </summary>
    public static byte[] WithoutMetadata(byte[] bytes) => TypeOf(bytes) switch
    {
        "image/jpeg" => Scrubbing.JpegScrub.Clean(bytes),
        "image/png" => Scrubbing.PngScrub.Clean(bytes),
        "application/pdf" => Scrubbing.PdfScrub.Clean(bytes),
        "audio/ogg" => Scrubbing.OggScrub.Clean(bytes),
        "audio/mpeg" => Scrubbing.Mp3Scrub.Clean(bytes),
        _ => Scrubbing.Mp4Scrub.Clean(bytes),
    };

    /// <summary>
    /// The name a file is stored and shown under: its place among the case's attachments and its type.
    /// The name it had on the phone ("IMG_20260311_0807.jpg", "payslip-maria-khatun.pdf") can date it
    /// or name the reporter, so it is never kept.
    /// </summary>
    public static string NeutralName(int position, string contentType) => $"attachment-{position}{contentType switch
    {
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        "application/pdf" => ".pdf",
        "audio/ogg" => ".ogg",
        "audio/mpeg" => ".mp3",
        "audio/mp4" => ".m4a",
        _ => "",
    }}";

    /// <summary>
    /// The name a party sees: the stored one when it is already neutral, else (a file kept before
    /// names were replaced) a neutral one from its position, so an old original name never shows.
    /// </summary>
    public static string ShownName(string stored, int position, string contentType) =>
        Enumerable.Range(1, MaxFiles).Any(k => stored == NeutralName(k, contentType)) ? stored : NeutralName(position, contentType);
}
