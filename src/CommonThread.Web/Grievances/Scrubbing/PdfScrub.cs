using System.Text;
using System.Text.RegularExpressions;

namespace CommonThread.Web.Grievances.Scrubbing;

/// <summary>
/// A PDF cleaned in place, without a PDF library: every byte keeps its offset, so the cross-reference
/// tables (and cross-reference streams) of every revision stay valid and nothing has to be rewritten.
/// Cleaned:
/// <list type="bullet">
/// <item>the document information dictionary (Author, Creator, Producer, Title, dates…) named by
/// the /Info of every trailer and cross-reference stream — so of every incremental update, whose
/// older versions of the dictionary stay in the file — becomes an empty dictionary padded with spaces;</item>
/// <item>every XMP metadata stream (/Type /Metadata, or named by a /Metadata entry) becomes spaces,
/// its /Filter and /DecodeParms blanked so readers take the spaces as they are;</item>
/// <item>embedded JPEG images (a lone /DCTDecode filter: what phone scanner apps make) lose their
/// EXIF, XMP and other APPn segments as in <see cref="JpegScrub.BlankInPlace"/>.</item>
/// </list>
/// A document whose information dictionary sits inside a compressed object stream cannot be cleaned
/// in place and is refused. Not cleaned: annotation authors (/T) and form field values, which are
/// part of what the document says rather than about who made it.
/// </summary>
internal static partial class PdfScrub
{
    private sealed record PdfObject(int Number, PdfDictionary? Dictionary, int StreamStart, int StreamEnd);

    public static byte[] Clean(byte[] bytes)
    {
        var output = (byte[])bytes.Clone();
        var syntax = new PdfSyntax(bytes);
        var text = Encoding.Latin1.GetString(bytes);
        var objects = new List<PdfObject>();
        var trailers = new List<PdfDictionary>();
        var position = 0;
        for (var m = ObjectOrTrailer().Match(text, position); m.Success; m = ObjectOrTrailer().Match(text, position))
        {
            var i = syntax.SkipWhite(m.Index + m.Length);
            if (m.Groups["trailer"].Success)
            {
                trailers.Add(syntax.StartsWith(i, "<<") ? syntax.Dictionary(ref i) : throw Unreadable.File());
                position = i;
                continue;
            }

            var number = int.Parse(m.Groups["number"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (!syntax.StartsWith(i, "<<"))
            {
                objects.Add(new(number, null, 0, 0));
                position = i;
                continue;
            }

            var dictionary = syntax.Dictionary(ref i);
            var (start, end) = (0, 0);
            var afterDictionary = syntax.SkipWhite(i);
            if (syntax.StartsWith(afterDictionary, "stream"))
            {
                (start, end) = StreamData(syntax, text, dictionary, afterDictionary + "stream".Length);
                i = end;
            }

            objects.Add(new(number, dictionary, start, end));
            position = i;
        }

        if (trailers.Count == 0 && !objects.Any(o => IsA(syntax, o.Dictionary, "/XRef")))
        {
            throw Unreadable.File();
        }

        BlankInformation(syntax, output, objects, trailers.Concat(objects.Where(o => IsA(syntax, o.Dictionary, "/XRef")).Select(o => o.Dictionary!)));
        BlankMetadata(syntax, output, objects);
        foreach (var image in objects.Where(o => o.StreamEnd > o.StreamStart && o.Dictionary?["Filter"] is { } f && syntax.Text(f.ValueStart, f.ValueEnd) is "/DCTDecode" or "[/DCTDecode]"))
        {
            JpegScrub.BlankInPlace(output.AsSpan(image.StreamStart, image.StreamEnd - image.StreamStart));
        }

        return output;
    }

    private static void BlankInformation(PdfSyntax syntax, byte[] output, List<PdfObject> objects, IEnumerable<PdfDictionary> trailers)
    {
        foreach (var info in trailers.Select(t => t["Info"]).OfType<PdfEntry>())
        {
            if (syntax.StartsWith(info.ValueStart, "<<"))
            {
                Spaces(output, info.ValueStart + 2, info.ValueEnd - 2);
                continue;
            }

            var number = Reference(syntax, info) ?? throw Unreadable.File();
            var versions = objects.Where(o => o.Number == number && o.Dictionary is not null).ToList();
            if (versions.Count == 0)
            {
                throw Unreadable.File(); // inside a compressed object stream
            }

            foreach (var version in versions)
            {
                Spaces(output, version.Dictionary!.Open + 2, version.Dictionary.Close);
            }
        }
    }

    private static void BlankMetadata(PdfSyntax syntax, byte[] output, List<PdfObject> objects)
    {
        var named = objects.SelectMany(o => o.Dictionary?.Entries ?? []).Where(e => e.Key == "Metadata").Select(e => Reference(syntax, e)).OfType<int>().ToHashSet();
        foreach (var stream in objects.Where(o => o.StreamEnd > o.StreamStart && (named.Contains(o.Number) || IsA(syntax, o.Dictionary, "/Metadata"))))
        {
            Spaces(output, stream.StreamStart, stream.StreamEnd);
            foreach (var entry in stream.Dictionary!.Entries.Where(e => e.Key is "Filter" or "DecodeParms"))
            {
                Spaces(output, entry.KeyStart, entry.ValueEnd);
            }
        }
    }

    /// <summary>Where a stream's data lies: its /Length when that is a number and "endstream" follows, else up to "endstream".</summary>
    private static (int Start, int End) StreamData(PdfSyntax syntax, string text, PdfDictionary dictionary, int i)
    {
        i += syntax.At(i) == '\r' ? 1 : 0;
        i += syntax.At(i) == '\n' ? 1 : 0;
        if (dictionary["Length"] is { } entry && int.TryParse(syntax.Text(entry.ValueStart, entry.ValueEnd), System.Globalization.CultureInfo.InvariantCulture, out var length)
            && length >= 0 && length <= syntax.Bytes.Length - i && syntax.StartsWith(syntax.SkipWhite(i + length), "endstream"))
        {
            return (i, i + length);
        }

        var end = text.IndexOf("endstream", i, StringComparison.Ordinal);
        return end < 0 ? throw Unreadable.File() : (i, end);
    }

    private static int? Reference(PdfSyntax syntax, PdfEntry entry) =>
        syntax.Text(entry.ValueStart, entry.ValueEnd).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) is [var n, _, "R"]
            && int.TryParse(n, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : null;

    private static bool IsA(PdfSyntax syntax, PdfDictionary? dictionary, string type) =>
        dictionary?["Type"] is { } entry && syntax.Text(entry.ValueStart, entry.ValueEnd) == type;

    private static void Spaces(byte[] output, int start, int end) => output.AsSpan(start, end - start).Fill((byte)' ');

    [GeneratedRegex(@"(?<![0-9])(?<number>[0-9]+)[\0\t\n\f\r ]+[0-9]+[\0\t\n\f\r ]+obj(?![A-Za-z])|(?<![A-Za-z])(?<trailer>trailer)(?![A-Za-z])")]
    private static partial Regex ObjectOrTrailer();
}
