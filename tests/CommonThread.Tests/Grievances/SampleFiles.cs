using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace CommonThread.Tests.Grievances;

/// <summary>
/// Small but real files of each kind a reporter may attach, each carrying metadata that names its
/// maker ("Maria Khatun"), a place ("GPS 23.81N") or a device ("Pixel-7"), and checks that a file
/// still has the structure readers need.
/// </summary>
public static class SampleFiles
{
    public static readonly string[] Secrets = ["Maria Khatun", "GPS 23.81N", "Pixel-7", "2026:03:11"];

    public static byte[] Png() => [
        0x89, .. "PNG\r\n\u001a\n"u8,
        .. Chunk("IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]),
        .. Chunk("tEXt", "Author\0Maria Khatun"u8.ToArray()),
        .. Chunk("eXIf", "MM\0*GPS 23.81N"u8.ToArray()),
        .. Chunk("tIME", [0x07, 0xEA, 3, 11, 8, 7, 0]),
        .. Chunk("iTXt", "Software\0\0\0\0\0Pixel-7 camera 2026:03:11"u8.ToArray()),
        .. Chunk("sRGB", [0]),
        .. Chunk("IDAT", [0x78, 0x9C, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01]),
        .. Chunk("IEND", []),
        .. "trailing Maria Khatun"u8];

    /// <summary>Every chunk's CRC is right, the first is IHDR and the last IEND, with nothing after it.</summary>
    public static IReadOnlyList<string> PngChunks(byte[] png)
    {
        Assert.Equal([0x89, .. "PNG\r\n\u001a\n"u8], png[..8]);
        var types = new List<string>();
        for (var i = 8; i < png.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(i));
            Assert.Equal(BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(i + 8 + length)), Crc32(png.AsSpan(i + 4, 4 + length)));
            types.Add(Encoding.ASCII.GetString(png, i + 4, 4));
            i += 12 + length;
        }

        Assert.Equal("IHDR", types[0]);
        Assert.Equal("IEND", types[^1]);
        return types;
    }

    public static byte[] Jpeg() => [
        0xFF, 0xD8,
        .. Segment(0xE0, [.. "JFIF\0"u8, 1, 2, 1, 0, 72, 0, 72, 1, 1, 0xAA, 0xBB, 0xCC]), // with a 1×1 thumbnail
        .. Segment(0xE1, [.. "Exif\0\0"u8, .. "Pixel-7 GPS 23.81N 2026:03:11"u8]),
        .. Segment(0xE1, [.. "http://ns.adobe.com/xap/1.0/\0"u8, .. "<dc:creator>Maria Khatun</dc:creator>"u8]),
        .. Segment(0xED, [.. "Photoshop 3.0\0"u8, .. "8BIM IPTC By-line Maria Khatun"u8]),
        .. Segment(0xE2, [.. "ICC_PROFILE\0"u8, 1, 1, .. "Pixel-7 display"u8]),
        .. Segment(0xFE, "taken by Maria Khatun"u8.ToArray()),
        .. Segment(0xDB, [0x00, .. Enumerable.Repeat((byte)1, 64)]),
        .. Segment(0xC0, [8, 0, 1, 0, 1, 1, 1, 0x11, 0]),
        .. Segment(0xC4, [0x00, 1, .. new byte[15], 0]),
        .. Segment(0xDA, [1, 1, 0, 0, 63, 0]),
        0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56,
        .. Segment(0xFE, "between scans: Maria Khatun"u8.ToArray()),
        .. Segment(0xDA, [1, 1, 0, 0, 63, 0]),
        0x78,
        0xFF, 0xD9,
        .. "second picture from Pixel-7"u8];

    public static byte[] Pdf()
    {
        var pdf = new StringBuilder("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new SortedDictionary<int, int>();
        void Object(int number, string body)
        {
            offsets[number] = pdf.Length;
            pdf.Append(CultureInfo.InvariantCulture, $"{number} 0 obj\n{body}\nendobj\n");
        }

        const string xmp = "<?xpacket begin=\"\"?><x:xmpmeta><dc:creator>Maria Khatun</dc:creator><xmp:CreatorTool>Pixel-7 Scanner</xmp:CreatorTool></x:xmpmeta><?xpacket end=\"w\"?>";
        Object(1, "<< /Type /Catalog /Pages 2 0 R /Metadata 5 0 R >>");
        Object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        Object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 6 0 R >>");
        Object(4, "<< /Author (Maria Khatun) /Title (Payslip \\(March\\) >> GPS 23.81N) /Producer <50697865 6C2D37> /CreationDate (D:20260311080700) >>");
        Object(5, $"<< /Type /Metadata /Subtype /XML /Length {xmp.Length} >>\nstream\n{xmp}\nendstream");
        const string content = "BT /F1 12 Tf 20 100 Td (Wages 3200 taka) Tj ET";
        Object(6, $"<< /Length {content.Length} >>\nstream\n{content}\nendstream");
        var xref = Xref(pdf, offsets, 0, 7);
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size 7 /Root 1 0 R /Info 4 0 R >>\nstartxref\n{xref}\n%%EOF\n");

        // An incremental update, as when a document is edited and saved again: a new information
        // dictionary under another number, the first one still in the file.
        var first = xref;
        offsets.Clear();
        Object(7, "<< /Author (Maria Khatun, second save) /ModDate (D:20260312) >>");
        xref = Xref(pdf, offsets, 7, 1);
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size 8 /Root 1 0 R /Info 7 0 R /Prev {first} >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }

    /// <summary>Starts %PDF, and every in-use entry of every cross-reference section points at its object.</summary>
    public static void AssertPdfOffsetsHold(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        Assert.StartsWith("%PDF-", text, StringComparison.Ordinal);
        var sections = System.Text.RegularExpressions.Regex.Matches(text, @"xref\n(\d+) (\d+)\n((?:\d{10} \d{5} [nf] \n)+)");
        Assert.Equal(2, sections.Count);
        foreach (System.Text.RegularExpressions.Match section in sections)
        {
            var number = int.Parse(section.Groups[1].Value, CultureInfo.InvariantCulture);
            foreach (var line in section.Groups[3].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.EndsWith('n'))
                {
                    Assert.StartsWith($"{number} 0 obj", text[int.Parse(line[..10], CultureInfo.InvariantCulture)..], StringComparison.Ordinal);
                }

                number++;
            }
        }

        foreach (System.Text.RegularExpressions.Match start in System.Text.RegularExpressions.Regex.Matches(text, @"startxref\n(\d+)"))
        {
            Assert.StartsWith("xref", text[int.Parse(start.Groups[1].Value, CultureInfo.InvariantCulture)..], StringComparison.Ordinal);
        }
    }

    public static byte[] Mp3()
    {
        byte[] frames = [0xFF, 0xFB, 0x90, 0x64, .. new byte[413], 0xFF, 0xFB, 0x90, 0x64, .. new byte[413]];
        byte[] frame = [.. "TIT2"u8, 0, 0, 0, 25, 0, 0, 0, .. "Recorded by Maria Khatun"u8];
        byte[] id3v2 = [.. "ID3"u8, 3, 0, 0, 0, 0, 0, (byte)frame.Length, .. frame];
        var id3v1 = new byte[128];
        "TAG"u8.CopyTo(id3v1);
        "Pixel-7 GPS 23.81N"u8.CopyTo(id3v1.AsSpan(3));
        return [.. id3v2, .. frames, .. id3v1];
    }

    public static byte[] Ogg()
    {
        byte[] head = [.. "OpusHead"u8, 1, 1, 0x38, 0x01, 0x80, 0xBB, 0, 0, 0, 0, 0];
        byte[] tags = [.. "OpusTags"u8, 12, 0, 0, 0, .. "Pixel-7 opus"u8, 2, 0, 0, 0,
            19, 0, 0, 0, .. "ARTIST=Maria Khatun"u8, 19, 0, 0, 0, .. "LOCATION=GPS 23.81N"u8];
        return [.. OggPage(0x02, 0, 0, head), .. OggPage(0x00, 0, 1, tags), .. OggPage(0x04, 960, 2, [0xFC, 0xFF, 0xFE])];
    }

    /// <summary>Every page starts OggS and its CRC is right.</summary>
    public static int AssertOggPagesHold(byte[] ogg)
    {
        var pages = 0;
        for (var i = 0; i < ogg.Length; pages++)
        {
            Assert.Equal("OggS"u8.ToArray(), ogg[i..(i + 4)]);
            var size = 27 + ogg[i + 26] + ogg.AsSpan(i + 27, ogg[i + 26]).ToArray().Sum(b => b);
            var page = ogg[i..(i + size)];
            var crc = BinaryPrimitives.ReadUInt32LittleEndian(page.AsSpan(22));
            page.AsSpan(22, 4).Clear();
            Assert.Equal(OggCrc(page), crc);
            i += size;
        }

        return pages;
    }

    public static byte[] M4a()
    {
        byte[] Atom(string type, byte[] body) => [.. BigEndian(8 + body.Length), .. Encoding.ASCII.GetBytes(type), .. body];
        byte[] mvhd = [0, 0, 0, 0, 0xE0, 0x11, 0x22, 0x33, 0xE0, 0x11, 0x22, 0x34, 0, 0, 0x03, 0xE8, .. new byte[84]];
        var udta = Atom("udta", Atom("\u00a9xyz", [0, 10, 0, 0, .. "GPS 23.81N"u8]));
        var meta = Atom("meta", [0, 0, 0, 0, .. Atom("ilst", Atom("\u00a9ART", "Maria Khatun"u8.ToArray()))]);
        var moov = Atom("moov", [.. Atom("mvhd", mvhd), .. udta, .. meta]);
        return [.. Atom("ftyp", [.. "M4A "u8, 0, 0, 0, 0, .. "isom"u8]), .. moov, .. Atom("mdat", [1, 2, 3, 4])];
    }

    private static byte[] BigEndian(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        return [.. BigEndian(data.Length), .. typed, .. BigEndian((int)Crc32(typed))];
    }

    private static byte[] Segment(byte marker, byte[] payload) => [0xFF, marker, (byte)((payload.Length + 2) >> 8), (byte)(payload.Length + 2), .. payload];

    private static int Xref(StringBuilder pdf, SortedDictionary<int, int> offsets, int first, int count)
    {
        var at = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n{first} {count}\n");
        for (var n = first; n < first + count; n++)
        {
            pdf.Append(offsets.TryGetValue(n, out var offset) ? $"{offset:D10} 00000 n \n" : "0000000000 65535 f \n");
        }

        return at;
    }

    private static byte[] OggPage(byte type, long granule, int sequence, byte[] packet)
    {
        byte[] page = [.. "OggS"u8, 0, type, .. BitConverter.GetBytes(granule), 0x2A, 0, 0, 0, .. BitConverter.GetBytes(sequence), 0, 0, 0, 0, 1, (byte)packet.Length, .. packet];
        BinaryPrimitives.WriteUInt32LittleEndian(page.AsSpan(22), OggCrc(page));
        return page;
    }

    private static uint OggCrc(ReadOnlySpan<byte> page)
    {
        uint crc = 0;
        foreach (var b in page)
        {
            crc ^= (uint)b << 24;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
            }
        }

        return crc;
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
            }
        }

        return ~crc;
    }
}
