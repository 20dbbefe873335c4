namespace CommonThread.XlsForm.Tests.Loading;

/// <summary>
/// Forms as ODK Build, KoboToolbox and hand-written spreadsheets produce them: columns this engine
/// does not use, "list name" with a space, language columns, upper-case headers, metadata rows —
/// they load unchanged.
/// </summary>
public sealed class FormsWrittenElsewhereSpecs
{
    private const string KoboStyle = """
        survey
        | type                        | name        | label::English (en)      | label::Khmer (km)   | hint::English (en) | required | relevant                       | constraint | constraint_message::English (en) | media::image | bind::oc:itemgroup | guidance_hint |
        | start                       | start       |                          |                     |                    |          |                                |            |                                  |              |                    |               |
        | deviceid                    | deviceid    |                          |                     |                    |          |                                |            |                                  |              |                    |               |
        | begin_group                 | workplace   | Workplace                | កន្លែងធ្វើការ           |                    |          |                                |            |                                  |              |                    |               |
        | integer                     | workers     | How many workers?        | កម្មករប៉ុន្មាននាក់?     | Count everyone     | yes      |                                | . >= 0     | Cannot be negative               | factory.jpg  | g1                 | Ask the HR    |
        | select_one yes_no           | has_union   | Is there a union?        | មានសហជីពទេ?          |                    | true()   |                                |            |                                  |              |                    |               |
        | select_multiple issues or_other | issues  | Which issues?            | បញ្ហាអ្វី?             |                    |          | ${has_union} = 'yes'           |            |                                  |              |                    |               |
        | end_group                   |             |                          |                     |                    |          |                                |            |                                  |              |                    |               |
        | note                        | thanks      | Thank you                | អរគុណ                |                    |          |                                |            |                                  |              |                    |               |
        choices
        | list name | name | label::English (en) | label::Khmer (km) |
        | yes_no    | yes  | Yes                 | បាទ/ចាស             |
        | yes_no    | no   | No                  | ទេ                 |
        | issues    | pay  | Pay                 | ប្រាក់ឈ្នួល          |
        | issues    | hours| Hours               | ម៉ោង               |
        settings
        | form_title      | form_id   | version    | default_language | instance_name |
        | Workplace check | wp_check  | 2026110101 | English (en)     | concat(${workers}) |
        """;

    [Fact]
    public void A_KoboToolbox_style_form_loads_with_its_languages_settings_and_groups()
    {
        var form = TestForms.Load(KoboStyle);
        Assert.Equal(("Workplace check", "wp_check", "2026110101"), (form.Title, form.FormId, form.Version));
        Assert.Equal(["English (en)", "Khmer (km)"], form.Languages);
        Assert.Equal("workplace/workers", form.Questions["workers"].Path);
        Assert.Equal("កម្មករប៉ុន្មាននាក់?", form.Questions["workers"].Label.In("Khmer (km)"));
        Assert.Equal("Count everyone", form.Questions["workers"].Hint.In("Khmer (km)"));
        Assert.Equal(QuestionType.Metadata, form.Questions["deviceid"].Type);
    }

    [Fact]
    public void Or_other_adds_the_text_question_pyxform_adds_asked_only_when_other_is_chosen()
    {
        var form = TestForms.Load(KoboStyle);
        Assert.Equal("workplace/issues_other", form.Questions["issues_other"].Path);
        Assert.False(form.Fill(("has_union", "yes"), ("issues", "pay")).Shows("issues_other"));
        Assert.True(form.Fill(("has_union", "yes"), ("issues", "pay other")).Shows("issues_other"));
    }

    [Fact]
    public void The_form_runs_in_either_language()
    {
        var form = TestForms.Load(KoboStyle);
        var answers = new CommonThread.XlsForm.Filling.FormAnswers();
        answers.Set(form.Questions["workers"], "-3");
        Assert.Equal("Cannot be negative", Assert.Single(form.Fill(answers, "English (en)").Errors(), e => e.Question.Name == "workers").Message);
        Assert.Equal("This question must be answered.", Assert.Single(form.Fill(answers, "Khmer (km)").Errors(), e => e.Question.Name == "has_union").Message);
    }

    [Fact]
    public void A_one_file_csv_in_pyxforms_layout_loads_like_the_workbook()
    {
        string[][] lines =
        [
            ["survey", "type", "name", "label"],
            ["", "integer", "age", "Age"],
            ["", "text", "name", "Name"],
            ["settings", "form_title", "form_id"],
            ["", "From CSV", "csv_form"],
        ];
        var load = XlsFormLoader.Load(XlsFormSheets.FromCsv(lines));
        Assert.True(load.Succeeded, string.Join("; ", load.Problems));
        Assert.Equal(["age", "name"], load.Form!.AllQuestions.Select(q => q.Name));
        Assert.Equal("From CSV", load.Form.Title);
    }

    [Fact]
    public void Problems_in_a_csv_form_point_at_the_csv_line()
    {
        string[][] lines =
        [
            ["survey", "type", "name", "label"],
            ["", "integer", "age", "Age"],
            ["", "integer", "age", "Again"],
        ];
        Assert.Equal(3, Assert.Single(XlsFormLoader.Load(XlsFormSheets.FromCsv(lines)).Problems).Row);
    }
}
