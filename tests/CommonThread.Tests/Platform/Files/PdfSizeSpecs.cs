using CommonThread.Web.Platform.Files;
using UglyToad.PdfPig;

namespace CommonThread.Tests.Platform.Files;

/// <summary>
/// PDFs carry only the letters they use: a one-page passbook or payslip is downloaded on a worker's
/// phone, often over a slow and paid connection (it was 750 KB with whole Noto fonts embedded).
/// </summary>
public sealed class PdfSizeSpecs
{
    private const int OnePageBound = 100 * 1024;

    private static readonly string[] Columns = ["Date", "What", "Pieces", "Owed", "Paid", "Balance"];
    private static readonly float[] Widths = [0.12f, 0.43f, 0.1f, 0.11f, 0.11f, 0.13f];

    private static byte[] Document(string heading, string name, string what) => Pdf.Write($"{heading} · {name}", pdf =>
    {
        pdf.Heading(heading);
        pdf.Line($"{name} · Ashulia", 11);
        pdf.Line("Printed on 2026-11-28", 8, 10);
        pdf.Table(Columns, Widths, Enumerable.Range(1, 12).Select(i => (IReadOnlyList<string>)
            [$"2026-11-{i:00}", $"{what} KN-2041 ({i})", "100", "180.00", i % 2 == 0 ? "100.00" : "", $"{i * 80}.00 BDT"]).ToList());
        pdf.Line("Owed for pieces accepted: 162.00 BDT");
    });

    private static string TextOf(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        return string.Join('\n', pdf.GetPages().Select(p => p.Text));
    }

    [Fact]
    public void A_one_page_bengali_passbook_is_under_100_KB_and_its_text_still_reads()
    {
        var bytes = Document("পাসবই", "জেসমিন নাহার", "কাজ পাওয়া গেছে");

        TestContext.Current.TestOutputHelper?.WriteLine($"{bytes.Length} bytes");
        Assert.True(bytes.Length <= OnePageBound, $"{bytes.Length} bytes");
        var text = TextOf(bytes);
        Assert.Contains("KN-2041", text, StringComparison.Ordinal);
        Assert.Contains("162.00 BDT", text, StringComparison.Ordinal);
        Assert.Contains("নাহার", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_one_page_english_payslip_is_under_100_KB_and_its_text_still_reads()
    {
        var bytes = Document("Payslip", "Jesmin Nahar", "Work received");

        TestContext.Current.TestOutputHelper?.WriteLine($"{bytes.Length} bytes");
        Assert.True(bytes.Length <= OnePageBound, $"{bytes.Length} bytes");
        var text = TextOf(bytes);
        Assert.Contains("Jesmin Nahar", text, StringComparison.Ordinal);
        Assert.Contains("Work received KN-2041", text, StringComparison.Ordinal);
        Assert.Contains("Owed for pieces accepted: 162.00 BDT", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Letters_the_document_does_not_use_are_left_out_of_the_font()
    {
        var few = Document("Payslip", "A", "B");
        var many = Document("Payslip", "ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz", "ÀÉÎÕÜ ĀĒĪŌŪ ŁŃŚŹŻ");

        Assert.True(many.Length > few.Length, $"{many.Length} vs {few.Length}");
    }
}
