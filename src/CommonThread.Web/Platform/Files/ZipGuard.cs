using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using CommonThread.Web.Platform.Localization;

namespace CommonThread.Web.Platform.Files;

/// <summary>
/// Checks a zip archive (an .xlsx is one) against <see cref="WorkbookLimits"/> before any reader opens
/// it. The archive's directory is sized by hand first, so an archive of thousands of parts is refused
/// before .NET builds an object for each. Then the sizes the directory declares are checked (parts
/// that overlap on the same packed bytes count once each), and every part is inflated once through one
/// small reused buffer and counted, because a directory may lie about sizes. Text parts must be UTF-8
/// XML with no DOCTYPE, CDATA or comment (spreadsheet programs write none) and no run of more than
/// <see cref="WorkbookLimits.MaxMarkupRunBytes"/> between two "&lt;": so no XML reader later holds a
/// larger tag, attribute or text at once, whichever library reads it.
/// </summary>
/// <remarks>Throws <see cref="Errors.RuleViolation"/> for a limit, <see cref="InvalidDataException"/> for what is no zip archive.</remarks>
public static class ZipGuard
{
    private const uint EndOfDirectorySignature = 0x06054b50;
    private const int EndOfDirectoryLength = 22;

    public static void Check(byte[] bytes)
    {
        CheckDirectory(bytes);
        using var archive = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        long declared = 0;
        foreach (var entry in archive.Entries)
        {
            CheckSize(entry.FullName, entry.Length, entry.CompressedLength, declared += entry.Length);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            long total = 0;
            foreach (var entry in archive.Entries)
            {
                total = Inflate(entry, buffer, total);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The end-of-directory record gives the number of parts and the directory's size: both bounded before the directory is read.</summary>
    private static void CheckDirectory(byte[] bytes)
    {
        var lowest = Math.Max(0, bytes.Length - EndOfDirectoryLength - ushort.MaxValue);
        for (var at = bytes.Length - EndOfDirectoryLength; at >= lowest; at--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at)) != EndOfDirectorySignature)
            {
                continue;
            }

            var entries = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at + 10));
            var directoryBytes = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + 12));
            // 0xFFFF and 0xFFFFFFFF defer to a ZIP64 record: only needed past 65,535 parts or 4 GB, far beyond a workbook.
            if (entries > WorkbookLimits.MaxEntries || directoryBytes > WorkbookLimits.MaxEntries * 1024L)
            {
                throw WorkbookLimits.Refused(Phrase.Of("The workbook holds more than {0} parts: it is not a spreadsheet as Excel or LibreOffice writes one.", WorkbookLimits.Count(WorkbookLimits.MaxEntries)));
            }

            return;
        }

        throw new InvalidDataException("No zip end-of-directory record.");
    }

    private static void CheckSize(string name, long expanded, long packed, long total)
    {
        if (expanded > WorkbookLimits.MaxEntryBytes)
        {
            throw WorkbookLimits.Refused(Phrase.Of("One part of the workbook ({0}) expands to more than {1} MB.", name, WorkbookLimits.MaxEntryBytes / 1024 / 1024), StatusCodes.Status413PayloadTooLarge);
        }

        if (total > WorkbookLimits.MaxExpandedBytes)
        {
            throw WorkbookLimits.Refused(Phrase.Of("The workbook expands to more than {0} MB.", WorkbookLimits.MaxExpandedBytes / 1024 / 1024), StatusCodes.Status413PayloadTooLarge);
        }

        if (expanded > WorkbookLimits.RatioGraceBytes && expanded > Math.Max(packed, 1) * WorkbookLimits.MaxCompressionRatio)
        {
            throw WorkbookLimits.Refused(Phrase.Of("One part of the workbook ({0}) expands more than {1} times: it looks like a zip bomb, not a spreadsheet.", name, WorkbookLimits.MaxCompressionRatio));
        }
    }

    /// <returns>The archive's unpacked bytes so far, this part included.</returns>
    private static long Inflate(ZipArchiveEntry entry, byte[] buffer, long total)
    {
        using var stream = entry.Open();
        var xml = new XmlScan(entry.FullName);
        long expanded = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            expanded += read;
            total += read;
            CheckSize(entry.FullName, expanded, entry.CompressedLength, total);
            xml.Next(buffer.AsSpan(0, read));
        }

        return total;
    }

    /// <summary>Follows one part as it inflates: decides from its first bytes whether it is XML, then measures the runs between "&lt;".</summary>
    private sealed class XmlScan(string name)
    {
        private bool? isXml;
        private bool afterOpen;
        private long run;

        public void Next(ReadOnlySpan<byte> chunk)
        {
            isXml ??= Kind(chunk, name);
            if (isXml != true)
            {
                return;
            }

            if (afterOpen && chunk.Length > 0 && chunk[0] == (byte)'!')
            {
                throw Constructs();
            }

            afterOpen = false;
            while (true)
            {
                var open = chunk.IndexOf((byte)'<');
                run += open < 0 ? chunk.Length : open;
                if (run > WorkbookLimits.MaxMarkupRunBytes)
                {
                    throw WorkbookLimits.Refused(Phrase.Of("A cell or tag of the workbook ({0}) holds more than {1} characters (Excel's own limit).", name, WorkbookLimits.Count(WorkbookLimits.MaxCellChars)));
                }

                if (open < 0)
                {
                    return;
                }

                run = 0;
                if (open + 1 == chunk.Length)
                {
                    afterOpen = true;
                    return;
                }

                if (chunk[open + 1] == (byte)'!')
                {
                    throw Constructs();
                }

                chunk = chunk[(open + 1)..];
            }
        }

        /// <summary>True for UTF-8 XML; false for a binary part (an image, printer settings); refused for XML in UTF-16 or UTF-32, which would slip past the byte scan.</summary>
        private static bool Kind(ReadOnlySpan<byte> start, string name)
        {
            if (start.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                start = start[3..];
            }

            start = start.TrimStart((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t', (byte)'\r', (byte)'\n']);
            if (start is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] or [(byte)'<', 0, ..] or [0, (byte)'<', ..] or [0, 0, 0, (byte)'<', ..] or [0, 0, 0xFE, 0xFF, ..])
            {
                throw WorkbookLimits.Refused(Phrase.Of("A part of the workbook ({0}) is not UTF-8 XML, as Excel and LibreOffice write it.", name));
            }

            return start is [(byte)'<', ..];
        }

        private Errors.RuleViolation Constructs() =>
            WorkbookLimits.Refused(Phrase.Of("A part of the workbook ({0}) holds a DOCTYPE, CDATA or comment, which spreadsheet programs do not write.", name));
    }
}
