using CommonThread.XlsForm.Filling;

namespace CommonThread.XlsForm.Tests.Filling;

/// <summary>Repeats (rosters) evaluate as ODK's do: instances counted as nodes, repeat_count, position(..), indexed-repeat and the any-instance rule.</summary>
public sealed class RosterSpecs
{
    private static readonly XlsFormDefinition Household = TestForms.Load("""
        survey
        | type         | name      | label          | repeat_count      | calculation                              | relevant            |
        | integer      | size      | How many?      |                   |                                          |                     |
        | begin_repeat | member    | Member         | ${size}           |                                          |                     |
        | text         | who       | Name           |                   |                                          |                     |
        | integer      | age       | Age            |                   |                                          |                     |
        | calculate    | number    |                |                   | position(..)                             |                     |
        | text         | older     | Older than the first? |            |                                          | ${age} > indexed-repeat(${age}, ${member}, 1) |
        | end_repeat   |           |                |                   |                                          |                     |
        | calculate    | members   |                |                   | count(${member})                         |                     |
        | calculate    | named     |                |                   | count(${who})                            |                     |
        | calculate    | answered  |                |                   | count-non-empty(${who})                  |                     |
        | calculate    | second    |                |                   | indexed-repeat(${who}, ${member}, 2)     |                     |
        | calculate    | eldest    |                |                   | max(${age})                              |                     |
        | calculate    | has_child |                |                   | if(${age} < 18, 'yes', 'no')             |                     |
        """);

    private static FormEvaluation Fill(string size, params string[] ages)
    {
        var answers = new FormAnswers();
        answers.Values["size"] = size;
        for (var i = 0; i < ages.Length; i++)
        {
            answers.Values[$"age#{i + 1}"] = ages[i];
        }

        answers.Values["who#1"] = "Dara";
        answers.Values["who#2"] = "Sokha";
        return Household.Fill(answers);
    }

    [Fact]
    public void Repeat_count_decides_the_number_of_instances_whatever_the_person_added()
    {
        var evaluation = Fill("3", "40", "12", "35");
        Assert.Equal(3, evaluation.Instances(Household.Repeats["member"]));
        Assert.Equal("3", evaluation.ValueOf("members"));
        Assert.Equal(["1", "2", "3"], Enumerable.Range(0, 3).Select(i => evaluation.ValueOf("number", i)));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("abc", 0)]
    [InlineData("-2", 0)]
    [InlineData("2.9", 2)]
    [InlineData("100000", FormAnswers.MaxInstances)]
    public void A_repeat_count_that_is_blank_or_not_a_number_gives_no_instance_and_a_huge_one_is_capped(string size, int expected) =>
        Assert.Equal(expected, Fill(size).Instances(Household.Repeats["member"]));

    [Fact]
    public void Count_counts_instances_blank_ones_included_and_count_non_empty_only_answered_ones()
    {
        var evaluation = Fill("3");
        Assert.Equal(("3", "2"), (evaluation.ValueOf("named"), evaluation.ValueOf("answered")));
    }

    [Fact]
    public void Indexed_repeat_reads_one_instance_and_gives_nothing_outside_the_instances()
    {
        Assert.Equal("Sokha", Fill("3").ValueOf("second"));
        Assert.Equal("", Fill("1").ValueOf("second"));
        var evaluation = Fill("3", "40", "45", "12");
        Assert.Equal([false, true, false], Enumerable.Range(0, 3).Select(i => evaluation.Shows("older", i)));
    }

    [Fact]
    public void Comparing_a_repeated_answer_is_true_when_any_instance_satisfies_it()
    {
        Assert.Equal("yes", Fill("3", "40", "12", "35").ValueOf("has_child"));
        Assert.Equal("no", Fill("2", "40", "35").ValueOf("has_child"));
    }

    [Fact]
    public void Max_of_a_repeated_answer_with_a_blank_instance_is_nan_and_so_is_stored_as_no_value()
    {
        Assert.Equal("40", Fill("2", "40", "35").ValueOf("eldest"));
        Assert.Equal("", Fill("3", "40", "", "35").ValueOf("eldest"));
    }

    [Fact]
    public void Without_repeat_count_the_instances_are_the_ones_the_person_added()
    {
        var form = TestForms.Load("""
            survey
            | type         | name   | label  | calculation       |
            | begin_repeat | visit  | Visit  |                   |
            | text         | note   | Note   |                   |
            | end_repeat   |        |        |                   |
            | calculate    | visits |        | count(${visit})   |
            """);
        Assert.Equal("4", form.Fill(new FormAnswers { RepeatCounts = { ["visit"] = 4 } }).ValueOf("visits"));
        Assert.Equal("1", form.Fill().ValueOf("visits"));
    }

    [Fact]
    public void A_repeat_referred_to_outside_count_and_indexed_repeat_is_refused_with_where_and_why()
    {
        var load = TestForms.Try("""
            survey
            | type         | name   | label  | calculation       |
            | begin_repeat | visit  | Visit  |                   |
            | text         | note   | Note   |                   |
            | end_repeat   |        |        |                   |
            | calculate    | bad    |        | ${visit} + 1      |
            """);
        var problem = Assert.Single(load.Problems);
        Assert.Equal(("survey", 5, "calculation"), (problem.Sheet, problem.Row, problem.Column));
        Assert.Contains("is a repeat", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("${nobody}", "refers to no question")]
    [InlineData("${size} +", "ends too soon")]
    public void A_repeat_count_that_does_not_parse_or_names_no_question_is_a_problem_at_its_cell(string repeatCount, string expected)
    {
        var load = TestForms.Try($"""
            survey
            | type         | name   | label  | repeat_count   |
            | integer      | size   | Size   |                |
            | begin_repeat | member | Member | {repeatCount}  |
            | text         | who    | Name   |                |
            | end_repeat   |        |        |                |
            """);
        var problem = Assert.Single(load.Problems);
        Assert.Equal(("survey", 3, "repeat_count"), (problem.Sheet, problem.Row, problem.Column));
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeat_count_that_depends_on_its_own_instances_is_a_cycle()
    {
        var load = TestForms.Try("""
            survey
            | type         | name   | label  | repeat_count | calculation      |
            | calculate    | size   |        |              | count(${member}) |
            | begin_repeat | member | Member | ${size}      |                  |
            | text         | who    | Name   |              |                  |
            | end_repeat   |        |        |              |                  |
            """);
        Assert.Contains(load.Problems, p => p.Message.Contains("depends on itself", StringComparison.Ordinal));
    }

    [Fact]
    public void Parent_steps_outside_position_stay_refused()
    {
        var load = TestForms.Try("""
            survey
            | type      | name | label | calculation |
            | calculate | x    |       | .. + 1      |
            """);
        Assert.Contains("only in position(..)", Assert.Single(load.Problems).Message, StringComparison.Ordinal);
    }
}
