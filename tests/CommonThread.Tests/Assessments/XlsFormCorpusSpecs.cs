using CommonThread.Web.Assessments;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Files;

namespace CommonThread.Tests.Assessments;

/// <summary>
/// The corpus of real-shaped XLSForms (Assessments/Forms: generate.py writes them, LibreOffice saves
/// some itself, the rest are shaped like Excel, Google Sheets and KoboToolbox output, as the manifest
/// says). Each file is read as an upload is, through <see cref="XlsFormFile.Load"/>: it loads, with the
/// number of questions adapted or skipped that the manifest expects, or it is refused at the sheet,
/// row and column the manifest names. No app is needed.
/// </summary>
public sealed class XlsFormCorpusSpecs(ITestOutputHelper output)
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Assessments", "Forms");

    private static readonly List<Entry> Manifest = Csv.Read(File.ReadAllText(Path.Combine(Folder, "manifest.csv")))
        .Skip(1).Where(r => r.Length >= 8).Select(r => new Entry(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7])).ToList();

    public static TheoryData<string> Files => [.. Manifest.Select(e => e.File)];

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_form_of_the_corpus_loads_or_is_refused_where_the_manifest_says(string file)
    {
        var entry = Manifest.Single(e => e.File == file);
        var outcome = Load(entry);
        if (entry.Expected == "refused")
        {
            var field = $"{entry.Sheet}[{entry.Row}].{entry.Column}";
            Assert.True(outcome.Refusal is not null, $"{file} loaded but should be refused at {field}");
            Assert.True(outcome.Refusal.Errors.TryGetValue(field, out var messages), $"{file}: no problem at {field}; got {string.Join("; ", outcome.Refusal.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");
            Assert.Contains(messages, m => m.Contains(entry.Words, StringComparison.Ordinal));
        }
        else
        {
            Assert.True(outcome.Form is not null, $"{file} was refused: {outcome.Refusal?.Message} {string.Join(" ", outcome.Refusal?.Errors.SelectMany(e => e.Value) ?? [])}");
            Assert.Equal(int.Parse(entry.Adaptations, System.Globalization.CultureInfo.InvariantCulture), outcome.Form.Adaptations.Count);
            Assert.NotEmpty(outcome.Form.AllQuestions);
        }
    }

    [Fact]
    public void The_corpus_has_sixty_forms_or_more_from_every_program_and_all_behave_as_expected()
    {
        var results = Manifest.Select(e => (Entry: e, Outcome: Load(e))).ToList();
        foreach (var program in results.GroupBy(r => r.Entry.Program).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{program.Key}: {program.Count()} forms, {program.Count(r => r.Entry.Expected != "refused")} expected to load, "
                + $"{program.Count(r => r.Entry.Expected == "refused")} to be refused, {program.Count(r => Behaves(r.Entry, r.Outcome))} as expected");
        }

        Assert.True(Manifest.Count >= 60, $"only {Manifest.Count} forms");
        Assert.True(Manifest.Select(e => e.Program).Distinct().Count() >= 6);
        Assert.True(Manifest.Count(e => e.Expected == "refused") >= 12);
        Assert.Empty(results.Where(r => !Behaves(r.Entry, r.Outcome)).Select(r => r.Entry.File));
    }

    [Fact]
    public void Formula_cells_give_the_value_their_program_saved_in_every_format()
    {
        foreach (var file in Manifest.Where(e => e.File.StartsWith("formula_cells.", StringComparison.Ordinal) && e.Expected != "refused").Select(e => e.File))
        {
            var form = XlsFormFile.Load(file, File.ReadAllBytes(Path.Combine(Folder, "files", file)));
            Assert.Equal("Question 1", form.Questions["q_1"].Label.In(null));
            Assert.NotNull(form.Questions["q_1"].Required);
            Assert.Equal("TOTAL", form.Questions["q_3"].Label.In(null));
        }
    }

    [Fact]
    public void A_date_typed_in_the_sheet_is_the_date_the_program_shows_in_every_format()
    {
        var files = Manifest.Where(e => e.File.StartsWith("date_cells.", StringComparison.Ordinal)).Select(e => e.File).ToList();
        Assert.Equal(4, files.Count);
        foreach (var file in files)
        {
            Assert.Equal("2026-01-15", XlsFormFile.Load(file, File.ReadAllBytes(Path.Combine(Folder, "files", file))).Questions["visited"].Default);
        }
    }

    [Fact]
    public void The_same_name_in_two_groups_is_two_questions_keyed_by_their_paths()
    {
        var form = XlsFormFile.Load("p.xlsx", File.ReadAllBytes(Path.Combine(Folder, "files", "same_names_in_two_groups.libreoffice-xlsx.xlsx")));
        Assert.Equal(["mother/name", "mother/age", "father/name", "father/age", "children"], form.AllQuestions.Select(q => q.Key));
        Assert.Equal("children", form.Questions["children"].Name);
    }

    private static bool Behaves(Entry entry, Outcome outcome) => entry.Expected == "refused"
        ? outcome.Refusal?.Errors.TryGetValue($"{entry.Sheet}[{entry.Row}].{entry.Column}", out var messages) == true && messages.Any(m => m.Contains(entry.Words, StringComparison.Ordinal))
        : outcome.Form?.Adaptations.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) == entry.Adaptations;

    private static Outcome Load(Entry entry)
    {
        try
        {
            return new(XlsFormFile.Load(entry.File, File.ReadAllBytes(Path.Combine(Folder, "files", entry.File))), null);
        }
        catch (RuleViolation refusal)
        {
            return new(null, refusal);
        }
    }

    private sealed record Entry(string File, string Program, string Expected, string Adaptations, string Sheet, string Row, string Column, string Words);

    private sealed record Outcome(CommonThread.XlsForm.XlsFormDefinition? Form, RuleViolation? Refusal);
}
