namespace CommonThread.XlsForm.Tests.Loading;

/// <summary>
/// The loading rules as pyxform has them, so a form that pyxform accepts loads here and one it refuses
/// is refused, at the sheet, row and column, in the author's terms.
/// </summary>
public sealed class PyxformRulesSpecs
{
    private static FormProblem Single(string form)
    {
        var load = TestForms.Try(form);
        Assert.Null(load.Form);
        return Assert.Single(load.Problems);
    }

    [Fact]
    public void The_same_name_in_two_groups_is_two_questions_and_a_unique_name_stays_the_key()
    {
        var form = TestForms.Load("""
            survey
            | type        | name     | label    |
            | begin_group | mother   | Mother   |
            | text        | name     | Name     |
            | end_group   |          |          |
            | begin_group | father   | Father   |
            | text        | name     | Name     |
            | end_group   |          |          |
            | integer     | children | Children |
            """);
        Assert.Equal(["mother/name", "father/name", "children"], form.Questions.Keys);
        Assert.Equal("name", form.Questions["father/name"].Name);
        Assert.Equal("father/name", form.Questions["father/name"].Key);
        Assert.Equal("children", form.Questions["children"].Key);
    }

    [Fact]
    public void Answers_to_two_questions_of_the_same_name_are_kept_apart()
    {
        var form = TestForms.Load("""
            survey
            | type        | name   | label  |
            | begin_group | mother | Mother |
            | integer     | age    | Age    |
            | end_group   |        |        |
            | begin_group | father | Father |
            | integer     | age    | Age    |
            | end_group   |        |        |
            """);
        var answers = new CommonThread.XlsForm.Filling.FormAnswers().Set(form.Questions["mother/age"], "40").Set(form.Questions["father/age"], "45");
        Assert.Equal(("40", "45"), (answers.Get(form.Questions["mother/age"]), answers.Get(form.Questions["father/age"])));
    }

    [Fact]
    public void The_same_name_twice_among_siblings_is_refused_naming_the_group()
    {
        var problem = Single("""
            survey
            | type        | name | label |
            | begin_group | g    | G     |
            | text        | a    | A     |
            | text        | a    | A2    |
            | end_group   |      |       |
            """);
        Assert.Equal(("survey", 4, "name"), (problem.Sheet, problem.Row, problem.Column));
        Assert.Contains("already the name of row 3", problem.Message, StringComparison.Ordinal);
        Assert.Contains("group 'g'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_to_a_name_two_questions_share_is_refused_as_ambiguous()
    {
        var problem = Single("""
            survey
            | type        | name | label | relevant   |
            | begin_group | g1   | G1    |            |
            | integer     | age  | Age   |            |
            | end_group   |      |       |            |
            | begin_group | g2   | G2    |            |
            | integer     | age  | Age   |            |
            | end_group   |      |       |            |
            | text        | x    | X     | ${age} > 3 |
            """);
        Assert.Equal(("survey", 8, "relevant"), (problem.Sheet, problem.Row, problem.Column));
        Assert.Contains("could mean the question in row 3 or row 6", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_is_ambiguous_even_when_one_of_the_questions_is_outside_any_group()
    {
        var problem = Single("""
            survey
            | type        | name | label | relevant   |
            | integer     | age  | Age   |            |
            | begin_group | g    | G     |            |
            | integer     | age  | Age   |            |
            | end_group   |      |       |            |
            | text        | x    | X     | ${age} > 3 |
            """);
        Assert.Equal(("survey", 6, "relevant"), (problem.Sheet, problem.Row, problem.Column));
        Assert.Contains("row 2 or row 4", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_without_a_label_is_fine_with_a_hint_media_a_calculation_or_a_default()
    {
        var form = TestForms.Load("""
            survey
            | type    | name | label | hint          | media::image | image::English | calculation | default |
            | integer | a    |       | How many?     |              |                |             |         |
            | integer | b    |       |               | count.png    |                |             |         |
            | integer | c    |       |               |              | c.png          |             |         |
            | integer | d    |       |               |              |                | 1 + 1       |         |
            | text    | e    |       |               |              |                |             | none    |
            """);
        Assert.Equal(5, form.Questions.Count);
    }

    [Fact]
    public void A_question_with_nothing_to_show_is_refused()
    {
        var problem = Single("""
            survey
            | type    | name | label |
            | integer | a    |       |
            """);
        Assert.Equal(("survey", 2, "label"), (problem.Sheet, problem.Row, problem.Column));
        Assert.Contains("no label or hint", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("Yes", true)]
    [InlineData("TRUE", true)]
    [InlineData("true()", true)]
    [InlineData("TRUE()", true)]
    [InlineData("no", false)]
    [InlineData("FALSE", false)]
    [InlineData("false()", false)]
    public void Yes_no_true_false_in_relevant_and_required_mean_what_they_say(string flag, bool value)
    {
        var form = TestForms.Load($"""
            survey
            | type | name | label | relevant | required |
            | text | a    | A     | {flag}   | {flag}   |
            """);
        var evaluation = form.Fill();
        Assert.Equal(value, evaluation.Shows("a"));
        Assert.Equal(value, form.Questions["a"].Required is not null);
    }

    [Theory]
    [InlineData("label")]
    [InlineData("hint")]
    [InlineData("constraint_message")]
    [InlineData("required_message")]
    public void A_reference_to_nothing_in_a_text_is_refused_where_it_is_written(string column)
    {
        string Cell(string c) => c == column ? "About ${missing}" : c == "label" ? "A" : "";
        var problem = Single($$"""
            survey
            | type    | name | label            | hint            | constraint_message            | required_message            | constraint | required |
            | integer | a    | {{Cell("label")}} | {{Cell("hint")}} | {{Cell("constraint_message")}} | {{Cell("required_message")}} | . > 1      | yes      |
            """);
        Assert.Equal(("survey", 2, column), (problem.Sheet, problem.Row, problem.Column));
        Assert.Contains("${missing} refers to no question", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void References_in_choice_labels_and_the_instance_name_are_checked_too()
    {
        var load = TestForms.Try("""
            survey
            | type          | name | label |
            | select_one yn | a    | A     |
            choices
            | list_name | name | label::English  |
            | yn        | yes  | Yes, ${nobody}  |
            settings
            | form_title | instance_name             |
            | T          | concat(${a}, ${noone})    |
            """);
        Assert.Equal([("choices", 2, "label::English"), ("settings", 2, "instance_name")], load.Problems.Select(p => (p.Sheet, p.Row, p.Column)));
    }

    [Fact]
    public void References_that_resolve_in_texts_load()
    {
        var form = TestForms.Load("""
            survey
            | type    | name    | label                  | hint           |
            | text    | site    | Site                   |                |
            | integer | workers | Workers at ${site}?    | At ${ site }   |
            settings
            | form_title | instance_name   |
            | T          | concat(${site}) |
            """);
        Assert.Equal("Workers at ${site}?", form.Questions["workers"].Label.In(null));
    }

    [Fact]
    public void The_reserved_name_meta_is_refused()
    {
        var problem = Single("""
            survey
            | type | name | label |
            | text | meta | Meta  |
            """);
        Assert.Equal(("survey", 2, "name"), (problem.Sheet, problem.Row, problem.Column));
        Assert.Contains("reserved", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_choice_names_are_allowed_when_the_settings_allow_them()
    {
        var form = TestForms.Load("""
            survey
            | type             | name | label |
            | select_one scale | a    | A     |
            choices
            | list_name | name | label |
            | scale     | 1    | Bad   |
            | scale     | 1    | Poor  |
            settings
            | allow_choice_duplicates |
            | Yes                     |
            """);
        Assert.Equal(2, form.Choices["scale"].Count);
    }

    [Theory]
    [InlineData("label:English", "label:Français")]
    [InlineData("label::English", "label::Français")]
    [InlineData("Label :: English", "LABEL : Français")]
    [InlineData("label:English", "label::Français")]
    public void Language_columns_are_recognised_with_one_colon_or_two(string english, string french)
    {
        var form = TestForms.Load($"""
            survey
            | type | name | {english} | {french} | hint:English |
            | text | a    | Name      | Nom      | Full name    |
            """);
        Assert.Equal(["English", "Français"], form.Languages);
        Assert.Equal(("Name", "Nom", "Full name"), (form.Questions["a"].Label.In("English"), form.Questions["a"].Label.In("Français"), form.Questions["a"].Hint.In("English")));
    }

    [Fact]
    public void Columns_with_a_colon_that_are_not_languages_keep_their_name()
    {
        var form = TestForms.Load("""
            survey
            | type | name | label | bind::oc:itemgroup | jr:count |
            | text | a    | A     | g1                 |          |
            """);
        Assert.Equal("g1", form.Questions["a"].Columns["bind::oc:itemgroup"]);
        Assert.Equal([""], form.Languages);
    }

    [Fact]
    public void Curly_quotes_typed_by_autocorrect_in_expressions_are_straight_quotes()
    {
        var form = TestForms.Load("""
            survey
            | type          | name | label | relevant            | default |
            | select_one yn | a    | A     |                     | ‘no’    |
            | text          | b    | B     | ${a} = ‘yes’        |         |
            | text          | c    | C “x” | ${a} = “no”         |         |
            choices
            | list_name | name | label |
            | yn        | yes  | Yes   |
            | yn        | no   | No    |
            """);
        Assert.True(form.Fill(("a", "yes")).Shows("b"));
        Assert.False(form.Fill(("a", "yes")).Shows("c"));
        Assert.Equal("C “x”", form.Questions["c"].Label.In(null));
        Assert.Equal("'no'", form.Questions["a"].Default);
    }

    [Fact]
    public void Old_column_names_read_as_todays()
    {
        var form = TestForms.Load("""
            survey
            | type    | name | caption | relevance | constraint message |  constraint |
            | integer | a    | A       |           |                    |             |
            | integer | b    | B       | ${a} > 1  | Too small          |  . > 2      |
            """);
        Assert.Equal("B", form.Questions["b"].Label.In(null));
        Assert.NotNull(form.Questions["b"].Relevant);
        Assert.Equal("Too small", form.Questions["b"].ConstraintMessage.In(null));
    }

    [Fact]
    public void Blank_rows_do_not_count_towards_the_size_limit()
    {
        var rows = new List<IReadOnlyList<string>> { new[] { "type", "name", "label" }, new[] { "text", "a", "A" } };
        rows.AddRange(Enumerable.Repeat<IReadOnlyList<string>>(["", " ", ""], XlsFormLoader.MaxSurveyRows + 5));
        var load = XlsFormLoader.Load(XlsFormSheets.FromRows(new Dictionary<string, IReadOnlyList<IReadOnlyList<string>>> { ["survey"] = rows }));
        Assert.True(load.Succeeded, string.Join("; ", load.Problems));
    }
}
