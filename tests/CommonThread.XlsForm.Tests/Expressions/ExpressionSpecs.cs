using CommonThread.XlsForm.Expressions;

namespace CommonThread.XlsForm.Tests.Expressions;

/// <summary>The expression language's common subset behaves as ODK's does.</summary>
public sealed class ExpressionSpecs
{
    private sealed class Answers(Dictionary<string, string> values, string current = "") : IExpressionContext
    {
        public XPathValue Reference(string name) => XPathValue.Of(values.GetValueOrDefault(name, ""));

        public XPathValue Current => XPathValue.Of(current);

        public DateOnly Today => new(2026, 11, 23);

        public XPathValue ChoiceColumn(string name) => XPathValue.Empty;
    }

    private static string Eval(string expression, string current = "", params (string Name, string Value)[] values) =>
        ExpressionParser.Parse(expression).Evaluate(new Answers(values.ToDictionary(v => v.Name, v => v.Value), current)).AsString();

    [Theory]
    [InlineData("1 + 2 * 3", "7")]
    [InlineData("(1 + 2) * 3", "9")]
    [InlineData("7 div 2", "3.5")]
    [InlineData("7 mod 3", "1")]
    [InlineData("-2 - -3", "1")]
    [InlineData("1 < 2 and 2 < 1 or 3 = 3", "true")]
    [InlineData("'abc' = 'abc' and 'a' != 'b'", "true")]
    [InlineData("2 = '2.0'", "true")]
    [InlineData("1 div 0", "Infinity")]
    public void Operators_follow_xpath_precedence_and_conversions(string expression, string expected) =>
        Assert.Equal(expected, Eval(expression));

    [Theory]
    [InlineData("selected(${issues}, 'pay')", "true")]
    [InlineData("selected(${issues}, 'child')", "false")]
    [InlineData("count-selected(${issues})", "2")]
    [InlineData("selected-at(${issues}, 1)", "hours")]
    [InlineData("if(${age} >= 18, 'adult', 'minor')", "minor")]
    [InlineData("concat(${name}, ' (', ${age}, ')')", "Sokha (16)")]
    [InlineData("regex(${phone}, '^[0-9]{9}$')", "true")]
    [InlineData("string-length(${name})", "5")]
    [InlineData("coalesce(${missing}, 'fallback')", "fallback")]
    [InlineData("today()", "2026-11-23")]
    [InlineData("today() - ${joined} > 30", "true")]
    [InlineData("round(${age} div 3, 1)", "5.3")]
    [InlineData("int(7.9)", "7")]
    [InlineData("not(${missing} = '')", "false")]
    [InlineData("substr(${name}, 1, 3)", "ok")]
    [InlineData("contains(${name}, 'okh')", "true")]
    public void The_common_functions_compute_what_odk_computes(string expression, string expected) =>
        Assert.Equal(expected, Eval(expression, "", ("issues", "pay hours"), ("age", "16"), ("name", "Sokha"), ("phone", "012345678"), ("joined", "2026-01-05")));

    [Fact]
    public void A_dot_is_the_answer_being_checked() => Assert.Equal("true", Eval(". >= 0 and . <= 120", "35"));

    [Fact]
    public void An_empty_answer_is_not_a_number() => Assert.Equal("false", Eval("${age} > 0", "", ("age", "")));

    [Fact]
    public void A_hostile_regex_fails_the_check_instead_of_hanging() =>
        Assert.Equal("false", Eval("regex(., '^(a+)+$')", new string('a', 40) + "!"));

    [Theory]
    [InlineData("1 +", "ends too soon")]
    [InlineData("${a", "${")]
    [InlineData("foo(1)", "foo")]
    [InlineData("if(1, 2)", "if")]
    [InlineData("'unclosed", "quote")]
    [InlineData("1 2", "Unexpected '2'")]
    public void What_cannot_be_read_is_refused_with_a_reason(string expression, string mentions)
    {
        var error = Assert.Throws<ExpressionException>(() => ExpressionParser.Parse(expression));
        Assert.Contains(mentions, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Nesting_deeper_than_any_form_needs_is_refused_rather_than_exhausting_the_stack() =>
        Assert.Throws<ExpressionException>(() => ExpressionParser.Parse(new string('(', 10_000) + "1" + new string(')', 10_000)));

    [Fact]
    public void An_expression_lists_the_questions_it_reads() =>
        Assert.Equal(["a", "b", "c"], ExpressionParser.Parse("if(${a} > 1, concat(${b}, 'x'), ${c} + ${a})").References().Distinct().Order());
}
