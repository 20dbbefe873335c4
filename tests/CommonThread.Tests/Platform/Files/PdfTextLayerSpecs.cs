using CommonThread.Web.Platform.Files;
using UglyToad.PdfPig;

namespace CommonThread.Tests.Platform.Files;

/// <summary>
/// What a PDF says can be copied, searched and read aloud: the library searches attached PDFs by their text, and a
/// union officer pastes a statement's sentence into a letter. A glyph that stands for several letters (a Latin
/// ligature, a Bengali conjunct) lost them before: "office" came out as "oice".
/// </summary>
public sealed class PdfTextLayerSpecs
{
    private static readonly string[] Words = ["office", "affluent", "efficient", "baffle", "waffle", "fjord", "flow", "fit", "Wolff", "ﬁve"];

    [Fact]
    public void Every_pair_of_latin_letters_reads_back_as_it_was_written()
    {
        const string Letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        var pairs = Letters.SelectMany(first => Letters.Select(second => $"{first}{second}")).ToList();
        var lines = pairs.Chunk(20).Select(chunk => string.Join(' ', chunk)).ToList();

        var text = PdfText.Of(Pdf.Write("Pairs", pdf => lines.ForEach(line => pdf.Line(line, 8))), 1_000_000);

        var read = text.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(pairs, read);
    }

    [Fact]
    public void Words_typeset_with_ligatures_elsewhere_are_found_by_their_letters()
    {
        var text = PdfText.Of(Pdf.Write("Words", pdf => pdf.Line(string.Join(' ', Words))), 10_000);

        // A presentation form typed by someone (U+FB01) stays what it was; the others read as typed.
        Assert.Equal(Words, text.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_glyph_that_joins_several_letters_carries_them_as_its_actual_text()
    {
        // "দেওয়া": the vowel sign is drawn before its consonant and ্য joins it; no character map can name that.
        var bytes = Pdf.Write("Bengali", pdf => pdf.Line("বেতন কম দেওয়া হয়েছে"));

        using var pdf = PdfDocument.Open(bytes);
        var spelled = string.Concat(pdf.GetPage(1).GetMarkedContents().Select(content => content.ActualText));
        Assert.Contains("বে", spelled, StringComparison.Ordinal);
        Assert.Contains("য়া", spelled, StringComparison.Ordinal);
    }
}
