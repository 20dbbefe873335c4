using System.Buffers.Binary;

namespace CommonThread.Web.Grievances.Scrubbing;

/// <summary>
/// An Ogg voice note (Vorbis or Opus — WhatsApp and most Android recorders) cleaned in place. The
/// second packet of each stream is the comment header: a vendor string naming the encoder and a
/// list of TAG=value comments a recorder may fill with titles, dates, a place or cover art. It is
/// overwritten where it lies, keeping its length so no page has to be re-laced: the vendor string
/// becomes spaces, the comment count zero, and the rest zeros (after the Vorbis framing bit, which
/// decoders check). Every page the packet touched gets its checksum recomputed. A stream of any
/// other codec is refused: its headers are not known here, so they cannot be cleaned.
/// </summary>
internal static class OggScrub
{
    private const int PageHeader = 27;

    public static byte[] Clean(byte[] bytes)
    {
        var output = (byte[])bytes.Clone();
        var streams = new Dictionary<uint, LogicalStream>();
        var pages = new List<(int Start, int Length)>();
        var i = 0;
        while (i < output.Length)
        {
            if (i + PageHeader > output.Length || !output.AsSpan(i, 4).SequenceEqual("OggS"u8))
            {
                throw Unreadable.File();
            }

            var serial = BinaryPrimitives.ReadUInt32LittleEndian(output.AsSpan(i + 14));
            int segments = output[i + 26];
            var data = i + PageHeader + segments;
            if (data > output.Length)
            {
                throw Unreadable.File();
            }

            var stream = streams.TryGetValue(serial, out var known) ? known : streams[serial] = new LogicalStream();
            var at = data;
            for (var s = 0; s < segments; s++)
            {
                var lacing = output[i + PageHeader + s];
                if (at + lacing > output.Length)
                {
                    throw Unreadable.File();
                }

                stream.Take(at, lacing, pages.Count);
                at += lacing;
            }

            pages.Add((i, at - i));
            i = at;
        }

        var touched = new HashSet<int>();
        foreach (var stream in streams.Values)
        {
            stream.BlankComments(output, touched);
        }

        foreach (var page in touched)
        {
            Checksum(output, pages[page].Start, pages[page].Length);
        }

        return output;
    }

    /// <summary>The first two packets of one logical stream, as the file offsets their bytes sit at.</summary>
    private sealed class LogicalStream
    {
        private readonly List<List<(int Offset, int Page)>> packets = [[]];

        public void Take(int at, int lacing, int page)
        {
            if (packets.Count > 2)
            {
                return; // past the comment header: audio, left alone
            }

            for (var b = 0; b < lacing; b++)
            {
                packets[^1].Add((at + b, page));
            }

            if (lacing < 255)
            {
                packets.Add([]);
            }
        }

        public void BlankComments(byte[] bytes, HashSet<int> touched)
        {
            if (packets.Count < 3)
            {
                throw Unreadable.File(); // the comment header never ended
            }

            var identification = packets[0].Select(p => bytes[p.Offset]).ToArray();
            var comment = packets[1];
            var prefix = identification switch
            {
                [0x01, (byte)'v', (byte)'o', (byte)'r', (byte)'b', (byte)'i', (byte)'s', ..] => 7,
                [(byte)'O', (byte)'p', (byte)'u', (byte)'s', (byte)'H', (byte)'e', (byte)'a', (byte)'d', ..] => 8,
                _ => throw Unreadable.File(),
            };
            var vorbis = prefix == 7;
            var packet = comment.Select(p => bytes[p.Offset]).ToArray();
            if (packet.Length < prefix + 4)
            {
                throw Unreadable.File();
            }

            var vendor = BinaryPrimitives.ReadUInt32LittleEndian(packet.AsSpan(prefix));
            if (vendor > (uint)(packet.Length - prefix - 8 - (vorbis ? 1 : 0)))
            {
                throw Unreadable.File();
            }

            var cleaned = new byte[packet.Length];
            packet.AsSpan(0, prefix + 4).CopyTo(cleaned);
            cleaned.AsSpan(prefix + 4, (int)vendor).Fill((byte)' ');
            var after = prefix + 4 + (int)vendor + 4; // the comment count, now zero
            if (vorbis)
            {
                cleaned[after] = 0x01;
            }

            for (var b = 0; b < packet.Length; b++)
            {
                bytes[comment[b].Offset] = cleaned[b];
                touched.Add(comment[b].Page);
            }
        }
    }

    /// <summary>Ogg's CRC-32: polynomial 0x04C11DB7, not reflected, over the page with its checksum field zeroed.</summary>
    private static void Checksum(byte[] bytes, int start, int length)
    {
        var page = bytes.AsSpan(start, length);
        page.Slice(22, 4).Clear();
        uint crc = 0;
        foreach (var b in page)
        {
            crc ^= (uint)b << 24;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
            }
        }

        BinaryPrimitives.WriteUInt32LittleEndian(page[22..], crc);
    }
}
