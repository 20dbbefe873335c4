using System.Buffers.Binary;
using System.Text;

namespace CommonThread.Web.Grievances.Scrubbing;

/// <summary>
/// A PNG rebuilt from the chunks needed to draw it. Text chunks (tEXt, zTXt, iTXt) hold authors,
/// software and comments, eXIf the camera block, tIME the moment of saving: all go, as does every
/// other ancillary chunk, known or not. Kept: the critical chunks, tRNS (transparency changes what
/// is drawn), and gAMA, cHRM and sRGB, which are a few numbers about colour and can name nobody.
/// iCCP is dropped although it is about colour too: an embedded profile carries free-text
/// descriptions that can name the phone's maker or the editing software, and without it the picture
/// is drawn in sRGB, a small colour shift. Kept chunks are copied whole, so their CRCs stay right.
/// Bytes after IEND are not part of the picture and are dropped.
/// </summary>
internal static class PngScrub
{
    private static readonly HashSet<string> Kept = new(StringComparer.Ordinal) { "IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB" };

    public static byte[] Clean(byte[] bytes)
    {
        const int signature = 8;
        if (bytes.Length < signature)
        {
            throw Unreadable.File();
        }

        using var output = new MemoryStream(bytes.Length);
        output.Write(bytes, 0, signature);
        var i = signature;
        while (true)
        {
            if (i + 12 > bytes.Length)
            {
                throw Unreadable.File();
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(i));
            if (length > (uint)(bytes.Length - i - 12))
            {
                throw Unreadable.File();
            }

            var type = Encoding.ASCII.GetString(bytes, i + 4, 4);
            var whole = 12 + (int)length;
            if (Kept.Contains(type))
            {
                output.Write(bytes, i, whole);
            }

            i += whole;
            if (type == "IEND")
            {
                return output.ToArray();
            }
        }
    }
}
