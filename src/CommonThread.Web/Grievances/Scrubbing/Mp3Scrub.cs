using System.Buffers.Binary;

namespace CommonThread.Web.Grievances.Scrubbing;

/// <summary>
/// An MP3 without its tags, which hold titles, artists, comments, recording dates and pictures a
/// recorder app may fill in: ID3v2 tags at the start (several may follow each other), and at the end
/// an ID3v1 tag (the last 128 bytes, "TAG"), its "TAG+" extension, an APEv2 tag and an appended ID3v2
/// tag (footer "3DI"), in whatever order they were stacked. The audio frames are left as they are.
/// </summary>
internal static class Mp3Scrub
{
    private const int Id3v1 = 128;
    private const int Id3v1Extended = 227;
    private const int ApeFooter = 32;
    private const int Id3v2Header = 10;

    public static byte[] Clean(byte[] bytes)
    {
        var start = 0;
        while (At(bytes, start, "ID3"u8) && start + Id3v2Header <= bytes.Length)
        {
            var footer = (bytes[start + 5] & 0x10) != 0 ? Id3v2Header : 0;
            start += Id3v2Header + SyncSafe(bytes, start + 6) + footer;
        }

        var end = bytes.Length;
        while (true)
        {
            if (end - Id3v1 >= start && At(bytes, end - Id3v1, "TAG"u8))
            {
                end -= Id3v1;
                if (end - Id3v1Extended >= start && At(bytes, end - Id3v1Extended, "TAG+"u8))
                {
                    end -= Id3v1Extended;
                }
            }
            else if (end - ApeFooter >= start && At(bytes, end - ApeFooter, "APETAGEX"u8))
            {
                var size = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(end - 20));
                var flags = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(end - 12));
                end -= size + ((flags & 0x80000000) != 0 ? ApeFooter : 0);
            }
            else if (end - Id3v2Header >= start && At(bytes, end - Id3v2Header, "3DI"u8))
            {
                end -= SyncSafe(bytes, end - 4) + (2 * Id3v2Header);
            }
            else
            {
                break;
            }

            if (end < start)
            {
                throw Unreadable.File();
            }
        }

        return start >= end ? throw Unreadable.File() : bytes[start..end];
    }

    private static bool At(byte[] bytes, int at, ReadOnlySpan<byte> text) => at >= 0 && at + text.Length <= bytes.Length && bytes.AsSpan(at, text.Length).SequenceEqual(text);

    /// <summary>ID3v2 sizes use seven bits of each of four bytes, so they never look like a frame sync.</summary>
    private static int SyncSafe(byte[] bytes, int at) =>
        at + 4 > bytes.Length ? throw Unreadable.File() : (bytes[at] & 0x7F) << 21 | (bytes[at + 1] & 0x7F) << 14 | (bytes[at + 2] & 0x7F) << 7 | (bytes[at + 3] & 0x7F);
}
