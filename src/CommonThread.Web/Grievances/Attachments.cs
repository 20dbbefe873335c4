using CommonThread.Web.Platform.Errors;

namespace CommonThread.Web.Grievances;

public sealed record AttachmentUpload(string FileName, byte[] Bytes);

/// <summary>
/// What a reporter may attach: photos (JPEG, PNG), PDF documents and voice notes (MP3, M4A, OGG),
/// recognised by their first bytes, never by the name a file claims. Photos lose their EXIF block,
/// which can hold the phone's model and the place the picture was taken.
/// </summary>
public static class Attachments
{
    public const int MaxFiles = 3;
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>The intake page, for the upload limit: all files together, with room for the form.</summary>
    public static readonly Platform.Files.UploadRoute IntakeRoute = new(
        p => p.StartsWith("/r/", StringComparison.OrdinalIgnoreCase) && p.Count(c => c == '/') == 2, (long)MaxFiles * MaxBytes, IsPage: true,
        () => new RuleViolation("attachments", "The files are too large.", StatusCodes.Status413PayloadTooLarge));

    public static string TypeOf(byte[] bytes) => bytes switch
    {
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => "image/png",
        [(byte)'%', (byte)'P', (byte)'D', (byte)'F', ..] => "application/pdf",
        [(byte)'O', (byte)'g', (byte)'g', (byte)'S', ..] => "audio/ogg",
        [(byte)'I', (byte)'D', (byte)'3', ..] or [0xFF, 0xFB or 0xF3 or 0xF2, ..] => "audio/mpeg",
        [_, _, _, _, (byte)'f', (byte)'t', (byte)'y', (byte)'p', ..] => "audio/mp4",
        _ => throw new RuleViolation("attachments", "Attach photos (JPEG, PNG), PDF documents or voice notes (MP3, M4A, OGG) only."),
    };

    public static void Check(IReadOnlyList<AttachmentUpload> files)
    {
        if (files.Count > MaxFiles)
        {
            throw new RuleViolation("attachments", $"Attach at most {MaxFiles} files.");
        }

        if (files.Any(f => f.Bytes.Length > MaxBytes))
        {
            throw new RuleViolation("attachments", $"Each file may be at most {MaxBytes / 1024 / 1024} MB.", StatusCodes.Status413PayloadTooLarge);
        }

        foreach (var file in files)
        {
            TypeOf(file.Bytes);
        }
    }

    /// <summary>The JPEG without its APP1 (EXIF, XMP) segments; other formats as they are.</summary>
    public static byte[] WithoutMetadata(byte[] bytes)
    {
        if (bytes is not [0xFF, 0xD8, ..])
        {
            return bytes;
        }

        using var output = new MemoryStream(bytes.Length);
        output.Write(bytes, 0, 2);
        var i = 2;
        while (i + 4 <= bytes.Length && bytes[i] == 0xFF)
        {
            var marker = bytes[i + 1];
            if (marker == 0xDA)
            {
                break; // start of scan: the image data follows to the end
            }

            var length = (bytes[i + 2] << 8) | bytes[i + 3];
            if (length < 2 || i + 2 + length > bytes.Length)
            {
                break;
            }

            if (marker != 0xE1)
            {
                output.Write(bytes, i, 2 + length);
            }

            i += 2 + length;
        }

        output.Write(bytes, i, bytes.Length - i);
        return output.ToArray();
    }
}
