using System.Text;

namespace CommonThread.Web.Platform.Files;

/// <summary>
/// What a file is, from its first bytes, never from the name it claims: the one place uploads are
/// recognised. Null for anything else.
/// </summary>
public static class FileSignature
{
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Pdf = "application/pdf";
    public const string Ogg = "audio/ogg";
    public const string Mp3 = "audio/mpeg";
    public const string Mp4 = "audio/mp4";

    /// <summary>A ZIP package: XLSX and DOCX are ZIPs of XML.</summary>
    public const string OfficePackage = "application/zip";

    /// <summary>UTF-8 text without control characters other than tab and line ends: CSV and plain text.</summary>
    public const string Text = "text/plain";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string? TypeOf(byte[] bytes) => bytes switch
    {
        [0xFF, 0xD8, 0xFF, ..] => Jpeg,
        [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => Png,
        [(byte)'%', (byte)'P', (byte)'D', (byte)'F', ..] => Pdf,
        [(byte)'O', (byte)'g', (byte)'g', (byte)'S', ..] => Ogg,
        [(byte)'I', (byte)'D', (byte)'3', ..] or [0xFF, 0xFB or 0xF3 or 0xF2, ..] => Mp3,
        [_, _, _, _, (byte)'f', (byte)'t', (byte)'y', (byte)'p', ..] => Mp4,
        [(byte)'P', (byte)'K', 3, 4, ..] => OfficePackage,
        _ when IsText(bytes) => Text,
        _ => null,
    };

    private static bool IsText(byte[] bytes)
    {
        try
        {
            var text = StrictUtf8.GetString(bytes);
            return text.Length > 0 && !text.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n'));
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
