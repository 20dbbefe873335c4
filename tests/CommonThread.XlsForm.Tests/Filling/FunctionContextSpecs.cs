using CommonThread.XlsForm.Filling;

namespace CommonThread.XlsForm.Tests.Filling;

/// <summary>Functions that read the form around them: once(), jr:choice-name() in the evaluation's language, string() of the current answer.</summary>
public sealed class FunctionContextSpecs
{
    private static readonly XlsFormDefinition Form = TestForms.Load("""
        survey
        | type             | name    | label::English (en) | label::Español (es) | calculation                        | constraint             |
        | select_one fruit | fruit   | Fruit               | Fruta               |                                    |                        |
        | calculate        | named   |                     |                     | jr:choice-name(${fruit}, '${fruit}') |                      |
        | calculate        | started |                     |                     | once(now())                        |                        |
        | text             | code    | Code                | Código              |                                    | string-length() = 4 and string(.) != 'XXXX' |
        choices
        | list_name | name   | label::English (en) | label::Español (es) |
        | fruit     | banana | Banana              | Plátano             |
        """);

    [Fact]
    public void Choice_name_gives_the_chosen_label_in_the_language_of_the_evaluation()
    {
        var answers = new FormAnswers();
        answers.Values["fruit"] = "banana";
        Assert.Equal("Banana", Form.Fill(answers, "English (en)").ValueOf("named"));
        Assert.Equal("Plátano", Form.Fill(answers, "Español (es)").ValueOf("named"));
    }

    [Fact]
    public void Once_keeps_a_value_already_stored_and_computes_one_otherwise()
    {
        var answers = new FormAnswers();
        answers.Values["started"] = "2025-01-01T08:00:00.000+07:00";
        Assert.Equal("2025-01-01T08:00:00.000+07:00", Form.Fill(answers).ValueOf("started"));
        Assert.StartsWith("2026-11-23T", Form.Fill().ValueOf("started"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AB12", true)]
    [InlineData("ABC", false)]
    [InlineData("XXXX", false)]
    public void String_functions_without_an_argument_read_the_current_answer(string code, bool accepted) =>
        Assert.Equal(accepted, !Form.Fill(("code", code)).ErrorsOn("code").Any());
}
