namespace CommonThread.Web.Grievances.Scrubbing;

/// <summary>
/// A JPEG rebuilt marker by marker. Every APPn segment goes — APP1 (EXIF with the phone model and
/// GPS position, XMP), APP2 (ICC profile, multi-picture index), APP13 (Photoshop, IPTC with names) and
/// the rest — and so do COM comments. Two are rewritten rather than dropped, because decoders need
/// them to get colours right: a JFIF APP0 becomes the bare 16-byte header (version, units, density;
/// its thumbnail, which could show the uncropped picture, is dropped) and an Adobe APP14 keeps only
/// its colour-transform byte. Segments between progressive scans are vetted the same way, and
/// anything after the end-of-image marker (phone makers append second pictures and private data
/// there) is dropped. A file cut short is closed with an end-of-image marker.
/// </summary>
internal static class JpegScrub
{
    private const byte Soi = 0xD8;
    private const byte Eoi = 0xD9;
    private const byte Sos = 0xDA;
    private const byte App0 = 0xE0;
    private const byte App14 = 0xEE;
    private const byte Com = 0xFE;

    public static byte[] Clean(byte[] bytes)
    {
        if (bytes is not [0xFF, Soi, ..])
        {
            throw Unreadable.File();
        }

        using var output = new MemoryStream(bytes.Length);
        output.Write([0xFF, Soi]);
        var i = 2;
        while (i < bytes.Length)
        {
            if (bytes[i] != 0xFF)
            {
                throw Unreadable.File();
            }

            while (i < bytes.Length && bytes[i] == 0xFF)
            {
                i++; // fill bytes before a marker
            }

            if (i >= bytes.Length)
            {
                break;
            }

            var marker = bytes[i++];
            if (marker == Eoi)
            {
                break;
            }

            if (marker is (>= 0xD0 and <= 0xD7) or 0x01)
            {
                output.Write([0xFF, marker]); // restart markers and TEM stand alone
                continue;
            }

            if (marker == Soi || i + 2 > bytes.Length)
            {
                throw Unreadable.File();
            }

            var length = (bytes[i] << 8) | bytes[i + 1];
            if (length < 2 || i + length > bytes.Length)
            {
                throw Unreadable.File();
            }

            var payload = bytes.AsSpan(i + 2, length - 2);
            switch (marker)
            {
                case App0 when payload is [(byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, _, _, _, _, _, _, _, ..]:
                    output.Write([0xFF, App0, 0x00, 0x10, .. "JFIF\0"u8, .. payload[5..12], 0x00, 0x00]);
                    break;
                case App14 when payload is [(byte)'A', (byte)'d', (byte)'o', (byte)'b', (byte)'e', _, _, _, _, _, _, var transform, ..]:
                    output.Write([0xFF, App14, 0x00, 0x0E, .. "Adobe"u8, 0x00, 0x64, 0x00, 0x00, 0x00, 0x00, transform]);
                    break;
                case >= App0 and <= 0xEF or Com:
                    break;
                default:
                    output.Write([0xFF, marker]);
                    output.Write(bytes, i, length);
                    break;
            }

            i += length;
            if (marker == Sos)
            {
                var end = EndOfScan(bytes, i);
                output.Write(bytes, i, end - i);
                i = end;
            }
        }

        output.Write([0xFF, Eoi]);
        return output.ToArray();
    }

    /// <summary>
    /// The same cleaning for a JPEG that must keep its length (an image inside a PDF, whose offsets
    /// must not move): each segment that would be dropped becomes a comment of zeros of the same size.
    /// Only the segments before the first scan are vetted, where cameras and editors write theirs.
    /// </summary>
    public static void BlankInPlace(Span<byte> jpeg)
    {
        if (jpeg is not [0xFF, Soi, ..])
        {
            return;
        }

        var i = 2;
        while (i + 4 <= jpeg.Length && jpeg[i] == 0xFF)
        {
            var marker = jpeg[i + 1];
            if (marker is Sos or Eoi)
            {
                return;
            }

            if (marker == 0xFF)
            {
                i++;
                continue;
            }

            var length = (jpeg[i + 2] << 8) | jpeg[i + 3];
            if (length < 2 || i + 2 + length > jpeg.Length)
            {
                return;
            }

            var payload = jpeg.Slice(i + 4, length - 2);
            var keep = marker switch
            {
                App0 => length == 16 && payload.StartsWith("JFIF\0"u8),
                App14 => length == 14 && payload.StartsWith("Adobe"u8),
                >= App0 and <= 0xEF or Com => false,
                _ => true,
            };
            if (!keep)
            {
                jpeg[i + 1] = Com;
                payload.Clear();
            }

            i += 2 + length;
        }
    }

    /// <summary>Where a scan's entropy-coded data ends: at the first marker that is not a stuffed zero or a restart.</summary>
    private static int EndOfScan(byte[] bytes, int i)
    {
        while (i < bytes.Length)
        {
            if (bytes[i] == 0xFF && i + 1 < bytes.Length && bytes[i + 1] is not (0x00 or (>= 0xD0 and <= 0xD7)))
            {
                return i;
            }

            i += bytes[i] == 0xFF ? 2 : 1;
        }

        return bytes.Length;
    }
}
