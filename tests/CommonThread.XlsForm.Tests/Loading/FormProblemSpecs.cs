namespace CommonThread.XlsForm.Tests.Loading;

/// <summary>A broken or hostile form is refused with the sheet, row and column of each problem, never loaded halfway.</summary>
public sealed class FormProblemSpecs
{
    private static FormProblem Single(string form)
    {
        var load = TestForms.Try(form);
        Assert.False(load.Succeeded);
        Assert.Null(load.Form);
        return Assert.Single(load.Problems);
    }

    [Fact]
    public void A_spreadsheet_formula_is_refused_where_it_sits()
    {
        var problem = Single("""
            survey
            | type    | name | label          |
            | integer | a    | =HYPERLINK("x") |
            """);
        Assert.Equal(("survey", 2, "label"), (problem.Sheet, problem.Row, problem.Column));
        Assert.Contains("formula", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sheet_too_large_for_a_questionnaire_is_refused_before_it_is_read()
    {
        var rows = Enumerable.Range(0, XlsFormLoader.MaxSurveyRows + 1).Select(i => (IReadOnlyList<string>)["text", $"q{i}", "Q"]).Prepend(["type", "name", "label"]).ToList();
        var load = XlsFormLoader.Load(XlsFormSheets.FromRows(new Dictionary<string, IReadOnlyList<IReadOnlyList<string>>> { ["survey"] = rows }));
        Assert.Contains("Too large", Assert.Single(load.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_calculation_that_depends_on_itself_names_the_loop()
    {
        var problem = Single("""
            survey
            | type      | name | label | calculation |
            | calculate | a    |       | ${b} + 1    |
            | calculate | b    |       | ${a} * 2    |
            """);
        Assert.Equal(("survey", 2, "calculation"), (problem.Sheet, problem.Row, problem.Column));
        Assert.Contains("${a} → ${b} → ${a}", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_shown_only_when_it_is_answered_is_a_loop()
    {
        var problem = Single("""
            survey
            | type | name | label | relevant     |
            | text | a    | A     | ${a} != ''   |
            """);
        Assert.Equal("relevant", problem.Column);
    }

    [Fact]
    public void An_unknown_function_is_refused_with_the_character_it_starts_at()
    {
        var problem = Single("""
            survey
            | type    | name | label | constraint          |
            | integer | a    | A     | . > 0 and pulldata(.) |
            """);
        Assert.Equal(("survey", 2, "constraint"), (problem.Sheet, problem.Row, problem.Column));
        Assert.Contains("pulldata", problem.Message, StringComparison.Ordinal);
        Assert.Contains("character 11", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_to_a_missing_question_is_refused()
    {
        var problem = Single("""
            survey
            | type | name | label | relevant          |
            | text | a    | A     | ${missing} = 'yes' |
            """);
        Assert.Equal(("survey", 2, "relevant"), (problem.Sheet, problem.Row, problem.Column));
        Assert.Contains("${missing}", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_used_twice_points_at_both_rows()
    {
        var problem = Single("""
            survey
            | type | name | label |
            | text | a    | A     |
            | text | b    | B     |
            | text | a    | A2    |
            """);
        Assert.Equal(("survey", 4, "name"), (problem.Sheet, problem.Row, problem.Column));
        Assert.Contains("row 2", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_choice_listed_twice_is_refused_on_the_choices_sheet()
    {
        var problem = Single("""
            survey
            | type          | name | label |
            | select_one yn | a    | A     |
            choices
            | list_name | name | label |
            | yn        | yes  | Yes   |
            | yn        | yes  | Yes!  |
            """);
        Assert.Equal(("choices", 3, "name"), (problem.Sheet, problem.Row, problem.Column));
    }

    [Theory]
    [InlineData("select_one nolist", "type", "no choice list 'nolist'")]
    [InlineData("intger", "type", "Unknown or unsupported question type 'intger'. Did you mean 'integer'?")]
    [InlineData("select_one", "type", "needs the name of its choice list")]
    [InlineData("select_one yn extra", "type", "Unknown or unsupported question type")]
    public void Types_that_cannot_be_asked_are_refused(string type, string column, string message)
    {
        var problem = Single($"""
            survey
            | type   | name | label |
            | {type} | a    | A     |
            choices
            | list_name | name | label |
            | yn        | yes  | Yes   |
            """);
        Assert.Equal(column, problem.Column);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Groups_must_close_in_the_order_they_open()
    {
        var load = TestForms.Try("""
            survey
            | type         | name | label |
            | begin group  | g    | G     |
            | text         | a    | A     |
            | end repeat   |      |       |
            """);
        Assert.Equal(2, load.Problems.Count);
        Assert.Contains(load.Problems, p => p.Row == 4 && p.Message.Contains("closes no open repeat", StringComparison.Ordinal));
        Assert.Contains(load.Problems, p => p.Row == 2 && p.Message.Contains("never ended", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_is_reported_at_once_so_the_author_fixes_them_in_one_go()
    {
        var load = TestForms.Try("""
            survey
            | type    | name  | label | relevant   | constraint |
            | integer | a     |       |            | . >        |
            | text    | 1bad  | B     |            |            |
            | text    | c     | C     | ${zz} = 1  |            |
            """);
        Assert.Equal([(2, "constraint"), (2, "label"), (3, "name"), (4, "relevant")],
            load.Problems.Select(p => (p.Row, p.Column)).Order().ToList());
    }

    [Fact]
    public void A_form_without_a_survey_sheet_says_so()
    {
        var problem = Single("""
            choices
            | list_name | name | label |
            | yn        | yes  | Yes   |
            """);
        Assert.Equal("survey", problem.Sheet);
    }

    [Fact]
    public void A_bare_name_outside_a_choice_filter_is_refused_with_the_reference_it_should_be()
    {
        var problem = Single("""
            survey
            | type    | name | label | relevant |
            | integer | a    | A     |          |
            | integer | b    | B     | a > 1    |
            """);
        Assert.Contains("${a}", problem.Message, StringComparison.Ordinal);
    }
}
