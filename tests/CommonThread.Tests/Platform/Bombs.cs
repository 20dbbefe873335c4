using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace CommonThread.Tests.Platform;

/// <summary>A hostile upload and the words its refusal must hold, naming the limit it breaks.</summary>
public sealed record Bomb(string Name, Lazy<byte[]> File, string Refusal)
{
    public override string ToString() => Name;
}

/// <summary>
/// Hostile workbooks built byte for byte: small on disk, enormous or absurd once opened. Each is built
/// once per run and shared by both providers' specs.
/// </summary>
public static class Bombs
{
    public static readonly Bomb GigabyteCell = new("a gigabyte cell packed into a megabyte", new(() => Workbook(sheet: s =>
    {
        Write(s, "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>");
        var run = new byte[1024 * 1024];
        Array.Fill(run, (byte)'A');
        for (var i = 0; i < 1024; i++)
        {
            s.Write(run);
        }

        Write(s, "</t></is></c></row></sheetData></worksheet>");
    })), "expands to more than 100 MB");

    public static readonly Bomb GiantSharedString = new("a shared string of a megabyte", new(() => Workbook(shared: [Letters(1024 * 1024)])),
        "holds more than 32,767 characters");

    public static readonly Bomb OverExcelsCellLimit = new("a shared string just past Excel's cell limit", new(() => Workbook(shared: [Letters(40_000)])),
        "shared texts, a cell holds more than 32,767 characters");

    public static readonly Bomb TwoMillionRows = new("two million tiny rows", new(() => Workbook(sheet: s =>
    {
        Write(s, "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        var rows = new StringBuilder();
        for (var r = 1; r <= 2_000_000; r++)
        {
            rows.Append("<row r=\"").Append(r).Append("\"><c r=\"A").Append(r).Append("\"><v>").Append(r % 10).Append("</v></c></row>");
            if (rows.Length > 60_000)
            {
                Write(s, rows.ToString());
                rows.Clear();
            }
        }

        Write(s, rows + "</sheetData></worksheet>");
    })), "rows. Split it into smaller files.");

    public static readonly Bomb ThousandsOfParts = new("five thousand parts", new(() => Workbook(extra: Enumerable.Range(0, 5_000).Select(i => ($"xl/media/part{i}.bin", new byte[] { 1, 2, 3 })))),
        "more than 1,000 parts");

    /// <summary>Fifty directory entries that all point at the same packed 5 MB: 250 MB out of 3.</summary>
    public static readonly Bomb OverlappingParts = new("fifty parts sharing the same packed bytes", new(Overlapping), "expands to more than 200 MB");

    public static readonly IReadOnlyList<Bomb> All = [GigabyteCell, GiantSharedString, OverExcelsCellLimit, TwoMillionRows, ThousandsOfParts, OverlappingParts];

    /// <summary>A workbook with one sheet named Sheet1, its shared strings, and any extra parts.</summary>
    public static byte[] Workbook(Action<Stream>? sheet = null, string[]? shared = null, IEnumerable<(string Name, byte[] Bytes)>? extra = null)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, Action<Stream> write)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                write(stream);
            }

            Part("[Content_Types].xml", s => Write(s, """
                <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="bin" ContentType="application/octet-stream"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>
                """));
            Part("_rels/.rels", s => Write(s, """
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """));
            Part("xl/workbook.xml", s => Write(s, """
                <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>
                """));
            Part("xl/_rels/workbook.xml.rels", s => Write(s, """
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>
                """));
            Part("xl/worksheets/sheet1.xml", sheet ?? (s => Write(s,
                "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>")));
            Part("xl/sharedStrings.xml", s =>
            {
                Write(s, "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
                foreach (var text in shared ?? ["name"])
                {
                    Write(s, $"<si><t>{text}</t></si>");
                }

                Write(s, "</sst>");
            });
            foreach (var (name, bytes) in extra ?? [])
            {
                Part(name, s => s.Write(bytes));
            }
        }

        return output.ToArray();
    }

    /// <summary>Letters that do not repeat in any pattern, so they pack about two to one, as real text does.</summary>
    public static string Letters(int length)
    {
        var random = new Random(length);
        return string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('a' + r.Next(26));
            }
        });
    }

    private static void Write(Stream stream, string text) => stream.Write(Encoding.UTF8.GetBytes(text));

    /// <summary>A real workbook whose last part is listed fifty times in the directory, every listing pointing at the same packed bytes.</summary>
    private static byte[] Overlapping()
    {
        var zip = Workbook(extra: [("xl/media/filler.bin", Encoding.ASCII.GetBytes(Letters(5 * 1024 * 1024)))]);
        var end = zip.Length - 22;
        var entries = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(end + 10));
        var directorySize = (int)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(end + 12));
        var directoryStart = (int)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(end + 16));
        // The last directory record is the filler's.
        var at = directoryStart;
        var last = at;
        for (var i = 0; i < entries; i++)
        {
            last = at;
            at += 46 + BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + 28)) + BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + 30))
                + BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + 32));
        }

        var record = zip.AsSpan(last, at - last).ToArray();
        using var output = new MemoryStream();
        output.Write(zip.AsSpan(0, directoryStart + directorySize));
        for (var i = 1; i < 50; i++)
        {
            output.Write(record);
        }

        var tail = zip.AsSpan(end).ToArray();
        BinaryPrimitives.WriteUInt16LittleEndian(tail.AsSpan(8), (ushort)(entries + 49));
        BinaryPrimitives.WriteUInt16LittleEndian(tail.AsSpan(10), (ushort)(entries + 49));
        BinaryPrimitives.WriteUInt32LittleEndian(tail.AsSpan(12), (uint)(directorySize + (49 * record.Length)));
        output.Write(tail);
        return output.ToArray();
    }
}
