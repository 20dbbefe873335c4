using System.Text;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Files;

namespace CommonThread.Tests.Platform.Files;

/// <summary>
/// Spreadsheets as Excel, Google Sheets and LibreOffice save them: formula cells, booleans, formatting
/// down to the last row, cells of spaces, trailing empty CSV lines and .xls files. The files are those
/// of the XLSForm corpus (Assessments/Forms), read as tables here.
/// </summary>
public sealed class WorkbookReadingSpecs
{
    private static byte[] Corpus(string file) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Assessments", "Forms", "files", file));

    private static Dictionary<string, List<string[]>> Sheets(string file, CellReading reading = CellReading.AsShown) =>
        TableFile.ReadSheets(file, Corpus(file), TableFile.MaxBytes, 1_000, reading);

    [Theory]
    [InlineData("formula_cells.excel.xlsx")]
    [InlineData("formula_cells.google.xlsx")]
    [InlineData("formula_cells.libreoffice-xlsx.xlsx")]
    public void A_formula_cell_reads_as_the_result_its_program_saved_when_asked(string file)
    {
        var survey = Sheets(file)["survey"];
        Assert.Equal(["integer", "q_1", "Question 1", "yes"], survey[1]);
        Assert.Equal(["integer", "q_2", "Question 2", "no", "${q_1} > 0"], survey[2]);
    }

    [Fact]
    public void Imports_keep_reading_a_formula_as_a_formula_so_they_can_refuse_it()
    {
        var rows = TableFile.Read("formula_cells.excel.xlsx", Corpus("formula_cells.excel.xlsx"));
        Assert.Equal("=\"q_\"&\"1\"", rows[1][1]);
        Assert.Equal("=TRUE()", rows[1][3]);
    }

    [Theory]
    [InlineData("date_cells.excel.xlsx")]
    [InlineData("date_cells.google.xlsx")]
    [InlineData("date_cells.libreoffice-xlsx.xlsx")]
    public void A_number_in_a_date_style_reads_as_its_date_as_shown_and_as_the_day_number_as_typed(string file)
    {
        Assert.Equal("2026-01-15", Sheets(file)["survey"][1][3]);
        Assert.Equal("46037", TableFile.Read(file, Corpus(file))[1][3]);
    }

    [Fact]
    public void A_formula_saved_without_a_result_still_reads_as_its_formula()
    {
        var survey = Sheets("formula_without_saved_result.excel.xlsx")["survey"];
        Assert.Equal("=\"Name of \"&B9", survey[1][2]);
    }

    [Fact]
    public void Excel_boolean_cells_read_as_yes_and_no()
    {
        var survey = Sheets("booleans_everywhere.excel.xlsx")["survey"];
        Assert.Equal(("yes", "no"), (survey[1][3], survey[1][4]));
    }

    [Theory]
    [InlineData("styled_rows_to_the_bottom.excel.xlsx", 4)]
    [InlineData("whitespace_cells.excel.xlsx", 4)]
    [InlineData("whitespace_cells.google.xlsx", 4)]
    [InlineData("whitespace_cells.libreoffice-xlsx.xlsx", 4)]
    [InlineData("whitespace_cells.libreoffice-xls.xls", 4)]
    public void Styled_empty_cells_and_cells_of_spaces_make_no_rows_and_count_towards_no_limit(string file, int rows)
    {
        // Read with room for 10 rows: formatting down to row 1,048,576 (or 5,000) must not count.
        var survey = TableFile.ReadSheets(file, Corpus(file), TableFile.MaxBytes, 10, CellReading.AsShown)["survey"];
        Assert.Equal(rows, survey.Count);
        Assert.All(survey, row => Assert.DoesNotContain(row, cell => cell.Length > 0 && cell.Trim().Length == 0));
    }

    [Fact]
    public void Trailing_empty_csv_lines_are_not_rows_and_count_towards_no_limit()
    {
        var text = "name,country\r\nMill,BD\r\n,\r\n  ,\r\nDye house,KH\r\n" + string.Concat(Enumerable.Repeat(",,,,\r\n", 50_000));
        var rows = Csv.Read(text, maxDataRows: 10);
        Assert.Equal([["name", "country"], ["Mill", "BD"], ["", ""], ["", ""], ["Dye house", "KH"]], rows);
    }

    [Fact]
    public void Empty_csv_lines_between_rows_keep_the_row_numbers_and_still_count()
    {
        var text = "name\nA\n" + string.Concat(Enumerable.Repeat(",\n", 20)) + "B\n";
        var refusal = Assert.Throws<RuleViolation>(() => Csv.Read(text, maxDataRows: 10));
        Assert.Contains("more than 10 rows", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_xls_workbook_saved_by_LibreOffice_is_read_sheet_by_sheet()
    {
        var sheets = Sheets("multilingual_en_fr.libreoffice-xls.xls");
        Assert.Equal(["survey", "choices", "settings"], sheets.Keys);
        Assert.Equal("Les travailleurs ont-ils un contrat ?", sheets["survey"][1][3]);
        Assert.Equal(["Contrats", "contracts", "2026112701", "Français (fr)"], sheets["settings"][1]);
    }

    [Fact]
    public void A_boolean_LibreOffice_saved_to_xls_reads_as_1_or_0_and_still_means_true_or_false_in_a_form()
    {
        var survey = Sheets("booleans_everywhere.libreoffice-xls.xls")["survey"];
        Assert.Equal(("1", "0"), (survey[1][3], survey[1][4]));
        var form = CommonThread.Web.Assessments.XlsFormFile.Load("b.xls", Corpus("booleans_everywhere.libreoffice-xls.xls"));
        Assert.NotNull(form.Questions["a"].Required);
        Assert.False(form.Questions["a"].ReadOnly);
    }

    [Fact]
    public void A_broken_xls_file_is_refused_with_what_to_do()
    {
        byte[] broken = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. Enumerable.Repeat((byte)7, 4_000)];
        var refusal = Assert.Throws<RuleViolation>(() => TableFile.ReadSheets("form.xls", broken, TableFile.MaxBytes, 1_000));
        Assert.Equal("file", refusal.Field);
        Assert.Contains("save it as .xlsx", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.5, 0)]
    [InlineData(0.9, 0)]
    [InlineData(1.0, 1)]
    [InlineData(1.0, 2)]
    [InlineData(1.0, 3)]
    public void A_damaged_xls_file_is_read_or_refused_but_never_fails_otherwise(double kept, int seed)
    {
        var bytes = Corpus("multilingual_en_fr.libreoffice-xls.xls");
        bytes = bytes[..(int)(bytes.Length * kept)];
        var random = new Random(seed);
        for (var i = 0; seed > 0 && i < 40; i++)
        {
            bytes[random.Next(512, bytes.Length)] = (byte)random.Next(256);
        }

        try
        {
            Assert.NotNull(TableFile.ReadSheets("form.xls", bytes, TableFile.MaxBytes, 1_000));
        }
        catch (RuleViolation refusal)
        {
            Assert.Equal("file", refusal.Field);
        }
    }

    [Fact]
    public void A_text_file_named_xls_is_told_it_is_not_a_workbook()
    {
        var refusal = Assert.Throws<RuleViolation>(() => TableFile.ReadSheets("form.xls", Encoding.UTF8.GetBytes("<html><table></table></html>"), TableFile.MaxBytes, 1_000));
        Assert.Contains("not an Excel 97–2003 workbook", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Imports_still_refuse_xls_files_with_how_to_save_them()
    {
        var refusal = Assert.Throws<RuleViolation>(() => TableFile.Read("facilities.xls", Encoding.UTF8.GetBytes("name\nMill\n")));
        Assert.Contains("Save the sheet as .xlsx", refusal.Message, StringComparison.Ordinal);
    }
}
