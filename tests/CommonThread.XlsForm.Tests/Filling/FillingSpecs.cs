using CommonThread.XlsForm.Filling;

namespace CommonThread.XlsForm.Tests.Filling;

/// <summary>Relevance, required, types, constraints, calculations, filters, defaults and repeats applied to answers.</summary>
public sealed class FillingSpecs
{
    private static readonly XlsFormDefinition Dialogue = TestForms.Load("""
        survey
        | type                   | name          | label                         | required | relevant                   | constraint                  | constraint_message               | calculation                               | choice_filter        | default | read_only |
        | integer                | workers       | How many workers?             | yes      |                            | . >= 1 and . <= 100000      | Between 1 and 100,000 workers.   |                                           |                      |         |           |
        | select_one yn          | has_union     | Is there a union?             | yes      |                            |                             |                                  |                                           |                      |         |           |
        | integer                | members       | How many members?             | yes      | ${has_union} = 'yes'       | . <= ${workers}             | More members than workers.       |                                           |                      |         |           |
        | calculate              | density       |                               |          |                            |                             |                                  | round(${members} div ${workers} * 100, 1) |                      |         |           |
        | date                   | last_meeting  | Last meeting with management  |          | ${has_union} = 'yes'       | . <= today()                | Not in the future.               |                                           |                      |         |           |
        | select_one country     | country       | Country                       |          |                            |                             |                                  |                                           |                      |         |           |
        | select_one region      | region        | Region                        |          |                            |                             |                                  |                                           | country = ${country} |         |           |
        | text                   | source        | Source                        |          |                            |                             |                                  |                                           |                      | HR      | yes       |
        | decimal                | wage          | Lowest monthly wage           |          |                            |                             |                                  |                                           |                      | 0       |           |
        choices
        | list_name | name      | label      | country |
        | yn        | yes       | Yes        |         |
        | yn        | no        | No         |         |
        | country   | kh        | Cambodia   |         |
        | country   | bd        | Bangladesh |         |
        | region    | phnom_penh| Phnom Penh | kh      |
        | region    | kandal    | Kandal     | kh      |
        | region    | dhaka     | Dhaka      | bd      |
        """);

    [Fact]
    public void A_question_is_shown_only_when_its_relevance_holds()
    {
        Assert.False(Dialogue.Fill(("has_union", "no")).Shows("members"));
        Assert.True(Dialogue.Fill(("has_union", "yes")).Shows("members"));
    }

    [Fact]
    public void A_hidden_question_is_neither_required_nor_kept()
    {
        var evaluation = Dialogue.Fill(("workers", "200"), ("has_union", "no"), ("members", "50"));
        Assert.Empty(evaluation.Errors());
        Assert.False(evaluation.Submission().ContainsKey("members"));
        Assert.Equal("", evaluation.ValueOf("density"));
    }

    [Fact]
    public void A_required_question_left_empty_is_an_error()
    {
        var errors = Dialogue.Fill(("has_union", "yes")).Errors();
        Assert.Equal(["workers", "members"], errors.Select(e => e.Question.Name));
        Assert.All(errors, e => Assert.Equal(AnswerProblem.Required, e.Problem));
    }

    [Fact]
    public void A_broken_constraint_shows_the_forms_own_message()
    {
        var evaluation = Dialogue.Fill(("workers", "100"), ("has_union", "yes"), ("members", "150"), ("last_meeting", "2027-01-01"));
        Assert.Equal(["More members than workers."], evaluation.ErrorsOn("members"));
        Assert.Equal(["Not in the future."], evaluation.ErrorsOn("last_meeting"));
    }

    [Theory]
    [InlineData("workers", "12.5", AnswerProblem.NotWholeNumber)]
    [InlineData("workers", "many", AnswerProblem.NotWholeNumber)]
    [InlineData("wage", "1,000", AnswerProblem.NotNumber)]
    [InlineData("last_meeting", "31/12/2025", AnswerProblem.NotDate)]
    [InlineData("has_union", "perhaps", AnswerProblem.NotAChoice)]
    public void An_answer_of_the_wrong_type_is_an_error_before_its_constraint_runs(string question, string answer, AnswerProblem problem)
    {
        var evaluation = Dialogue.Fill(("workers", "10"), ("has_union", "yes"), ("members", "1"), (question, answer));
        Assert.Equal(problem, Assert.Single(evaluation.Errors(), e => e.Question.Name == question).Problem);
    }

    [Fact]
    public void A_calculation_uses_the_answers_it_reads()
    {
        Assert.Equal("33.3", Dialogue.Fill(("workers", "300"), ("has_union", "yes"), ("members", "100")).ValueOf("density"));
        Assert.Equal("33.3", Dialogue.Fill(("workers", "300"), ("has_union", "yes"), ("members", "100")).Submission()["density"]);
    }

    [Fact]
    public void A_calculation_dividing_by_nothing_is_empty_rather_than_infinity() =>
        Assert.Equal("", Dialogue.Fill(("workers", "0"), ("has_union", "yes"), ("members", "1")).ValueOf("density"));

    [Fact]
    public void A_choice_filter_offers_only_the_matching_choices()
    {
        var evaluation = Dialogue.Fill(("country", "kh"));
        Assert.Equal(["phnom_penh", "kandal"], evaluation.ChoicesFor(Dialogue.Questions["region"]).Select(c => c.Name));
        Assert.Empty(evaluation.ErrorsOn("region"));
        Assert.Equal(AnswerProblem.NotAChoice, Assert.Single(Dialogue.Fill(("country", "kh"), ("region", "dhaka")).Errors(), e => e.Question.Name == "region").Problem);
    }

    [Fact]
    public void A_default_applies_until_the_question_is_answered_and_read_only_keeps_it()
    {
        Assert.Equal("0", Dialogue.Fill().ValueOf("wage"));
        Assert.Equal("", Dialogue.Fill(("wage", "")).ValueOf("wage"));
        Assert.Equal("HR", Dialogue.Fill(("source", "typed over")).ValueOf("source"));
    }

    [Fact]
    public void A_group_hides_everything_inside_it()
    {
        var form = TestForms.Load("""
            survey
            | type        | name   | label  | relevant         |
            | integer     | age    | Age    |                  |
            | begin group | adult  | Adult  | ${age} >= 18     |
            | text        | job    | Job    |                  |
            | end group   |        |        |                  |
            """);
        Assert.False(form.Fill(("age", "15")).Shows("job"));
        Assert.True(form.Fill(("age", "30")).Shows("job"));
    }

    [Fact]
    public void Inside_a_repeat_each_instance_reads_its_own_answers_and_outside_it_all_of_them()
    {
        var form = TestForms.Load("""
            survey
            | type         | name      | label        | relevant         | calculation       |
            | begin repeat | visit     | Visit        |                  |                   |
            | integer      | present   | Present      |                  |                   |
            | text         | reason    | Why so few?  | ${present} < 5   |                   |
            | end repeat   |           |              |                  |                   |
            | calculate    | total     |              |                  | sum(${present})   |
            | calculate    | visits    |              |                  | count(${present}) |
            """);
        var answers = new FormAnswers { RepeatCounts = { ["visit"] = 3 } };
        answers.Set(form.Questions["present"], "10", 0).Set(form.Questions["present"], "2", 1).Set(form.Questions["present"], "7", 2);
        var evaluation = form.Fill(answers);
        Assert.Equal([false, true, false], Enumerable.Range(0, 3).Select(i => evaluation.Shows("reason", i)));
        Assert.Equal("19", evaluation.ValueOf("total"));
        Assert.Equal("3", evaluation.ValueOf("visits"));
        Assert.Equal("2", evaluation.Submission()["present#2"]);
    }

    [Fact]
    public void Scores_come_from_the_choices_and_skipped_questions_do_not_lower_them()
    {
        var form = TestForms.Load("""
            survey
            | type               | name     | label        | relevant              |
            | begin group        | foa      | Freedom of association |              |
            | select_one agree   | q1       | Q1           |                       |
            | select_one agree   | q2       | Q2           | ${q1} != 'no'         |
            | select_multiple ch | q3       | Q3           |                       |
            | end group          |          |              |                       |
            choices
            | list_name | name | label | score |
            | agree     | yes  | Yes   | 2     |
            | agree     | part | Partly| 1     |
            | agree     | no   | No    | 0     |
            | ch        | a    | A     | 1     |
            | ch        | b    | B     | 1     |
            """);
        var score = form.Fill(("q1", "yes"), ("q2", "part"), ("q3", "a")).Score();
        Assert.Equal((4, 6, 66.7), (score.Points, score.Maximum, score.Percent));
        Assert.Equal(("foa", "Freedom of association", 66.7), (score.Sections[0].Name, score.Sections[0].Label, score.Sections[0].Percent));
        Assert.Equal((1, 4), (form.Fill(("q1", "no"), ("q3", "b")).Score().Points, form.Fill(("q1", "no"), ("q3", "b")).Score().Maximum));
        Assert.Null(form.Fill().Score().Percent);
    }

    [Fact]
    public void Evaluating_never_changes_the_answers_or_the_form()
    {
        var answers = new FormAnswers();
        answers.Set(Dialogue.Questions["workers"], "10");
        var first = Dialogue.Fill(answers).Submission();
        var second = Dialogue.Fill(answers).Submission();
        Assert.Equal(first, second);
        Assert.Single(answers.Values);
    }
}
