using CommonThread.XlsForm.Filling;

namespace CommonThread.XlsForm.Tests.Filling;

/// <summary>Defaults: expressions (as pyxform decides) are evaluated while a question has no answer; literal ones must fit their question.</summary>
public sealed class DefaultSpecs
{
    [Theory]
    [InlineData("today()", QuestionType.Date, true)]
    [InlineData("now()", QuestionType.DateTime, true)]
    [InlineData("${a}", QuestionType.Text, true)]
    [InlineData("concat('a', 'b')", QuestionType.Text, true)]
    [InlineData("${a} + 1", QuestionType.Integer, true)]
    [InlineData("2 * 3", QuestionType.Integer, true)]
    [InlineData("5 mod 2", QuestionType.Integer, true)]
    [InlineData("12", QuestionType.Integer, false)]
    [InlineData("-5", QuestionType.Integer, false)]
    [InlineData("2025-01-31", QuestionType.Date, false)]
    [InlineData("2025-01-31", QuestionType.Text, false)]
    [InlineData("first-name", QuestionType.Text, false)]
    [InlineData("Hello world.", QuestionType.Text, false)]
    [InlineData("not_func$", QuestionType.Text, false)]
    [InlineData("11.55 104.92 0 0", QuestionType.Geopoint, false)]
    [InlineData("14:30:00", QuestionType.Time, false)]
    public void A_default_is_dynamic_exactly_when_pyxform_would_say_so(string text, QuestionType type, bool dynamic) =>
        Assert.Equal(dynamic, AnswerFormat.IsDynamic(text, type));

    private static readonly XlsFormDefinition Form = TestForms.Load("""
        survey
        | type     | name    | label   | default              |
        | integer  | a       | A       | 4                    |
        | date     | visited | Visited | today()              |
        | integer  | next    | Next    | ${a} + 1             |
        | text     | greet   | Greet   | concat('hi ', ${a})  |
        | text     | plain   | Plain   | first-name           |
        | date     | fixed   | Fixed   | 2025-01-31           |
        """);

    [Fact]
    public void Dynamic_defaults_are_evaluated_while_the_question_has_no_answer()
    {
        var evaluation = Form.Fill(("a", "9"));
        Assert.Equal(("2026-11-23", "10", "hi 9"), (evaluation.ValueOf("visited"), evaluation.ValueOf("next"), evaluation.ValueOf("greet")));
        Assert.Equal("4", Form.Fill().ValueOf("a"));
        Assert.Equal("5", Form.Fill().ValueOf("next"));
        Assert.Empty(Form.Fill().Errors());
    }

    [Fact]
    public void An_answer_replaces_a_dynamic_default_and_literal_defaults_stay_text()
    {
        var evaluation = Form.Fill(("next", "2"), ("visited", "2026-01-02"));
        Assert.Equal(("2", "2026-01-02"), (evaluation.ValueOf("next"), evaluation.ValueOf("visited")));
        Assert.Equal(("first-name", "2025-01-31"), (evaluation.ValueOf("plain"), evaluation.ValueOf("fixed")));
    }

    [Theory]
    [InlineData("integer", "abc")]
    [InlineData("integer", "3.5")]
    [InlineData("decimal", "1,5")]
    [InlineData("date", "2025-13-40")]
    [InlineData("time", "25:00")]
    [InlineData("datetime", "yesterday")]
    public void A_literal_default_that_does_not_fit_its_question_is_a_problem_at_its_cell(string type, string value)
    {
        var load = TestForms.Try($"""
            survey
            | type   | name | label | default  |
            | {type} | q    | Q     | {value}  |
            """);
        var problem = Assert.Single(load.Problems);
        Assert.Equal(("survey", 2, "default"), (problem.Sheet, problem.Row, problem.Column));
        Assert.Contains(value, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dynamic_default_naming_no_question_is_refused_at_its_cell()
    {
        var problem = Assert.Single(TestForms.Try("""
            survey
            | type    | name | label | default      |
            | integer | q    | Q     | ${nobody} + 1 |
            """).Problems);
        Assert.Equal((2, "default"), (problem.Row, problem.Column));
    }
}
