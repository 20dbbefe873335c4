using System.Buffers.Binary;
using System.Text;

namespace CommonThread.Web.Grievances.Scrubbing;

/// <summary>
/// An M4A (MP4/QuickTime) voice note cleaned in place. 'udta' and 'meta' atoms hold titles, the
/// recording app and, from phones, the place of recording (©xyz, ISO 6709 location keys); 'uuid' and
/// 'XMP_' atoms hold XMP. Each becomes a 'free' atom of the same size filled with zeros, so every
/// offset into the media data stays right without rewriting the sample tables. The creation and
/// modification times in the movie, track and media headers (which date the recording to the
/// second) are zeroed too.
/// </summary>
internal static class Mp4Scrub
{
    private static readonly HashSet<string> Blanked = new(StringComparer.Ordinal) { "udta", "meta", "uuid", "XMP_" };
    private static readonly HashSet<string> Containers = new(StringComparer.Ordinal) { "moov", "trak", "mdia", "minf", "stbl", "edts", "dinf", "moof", "traf", "mvex" };
    private static readonly HashSet<string> Dated = new(StringComparer.Ordinal) { "mvhd", "tkhd", "mdhd" };

    public static byte[] Clean(byte[] bytes)
    {
        var output = (byte[])bytes.Clone();
        Walk(output, 0, output.Length);
        return output;
    }

    private static void Walk(byte[] bytes, int start, int end)
    {
        var i = start;
        while (i < end)
        {
            if (i + 8 > end)
            {
                throw Unreadable.File();
            }

            long size = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(i));
            var header = 8;
            if (size == 1)
            {
                size = i + 16 <= end ? BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(i + 8)) : throw Unreadable.File();
                header = 16;
            }
            else if (size == 0)
            {
                size = end - i; // the last atom runs to the end
            }

            if (size < header || size > end - i)
            {
                throw Unreadable.File();
            }

            var type = Encoding.Latin1.GetString(bytes, i + 4, 4);
            var body = bytes.AsSpan(i + header, (int)size - header);
            if (Blanked.Contains(type))
            {
                "free"u8.CopyTo(bytes.AsSpan(i + 4));
                body.Clear();
            }
            else if (Containers.Contains(type))
            {
                Walk(bytes, i + header, i + (int)size);
            }
            else if (Dated.Contains(type) && body.Length >= 20)
            {
                // version 0: two 32-bit times after version and flags; version 1: two 64-bit times
                body.Slice(4, body[0] == 1 ? 16 : 8).Clear();
            }

            i += (int)size;
        }
    }
}
