using CommonThread.XlsForm.Expressions;

namespace CommonThread.XlsForm.Tests.Expressions;

/// <summary>The expression language's common subset behaves as ODK's does.</summary>
public sealed class ExpressionSpecs
{
    private sealed class Answers(Dictionary<string, string> values, string current = "") : IExpressionContext
    {
        /// <summary>Answers of a question in a repeat, one per instance, as a reference from outside the repeat sees them.</summary>
        private static readonly Dictionary<string, string[]> Repeated = new()
        {
            ["scores"] = ["3", "9", "4"],
            ["ages"] = ["16", "", "30"],
            ["flags"] = ["yes", "", ""],
        };

        public XPathValue Reference(string name) =>
            Repeated.TryGetValue(name, out var answers) ? XPathValue.Of(answers) : XPathValue.Of(values.GetValueOrDefault(name, ""));

        public XPathValue Current => XPathValue.Of(current);

        public DateOnly Today => new(2026, 11, 23);

        public DateTimeOffset Now => new(2026, 11, 23, 9, 30, 15, 250, TimeSpan.FromHours(7));

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

    [Theory]
    [InlineData("date(0)", "1970-01-01")]
    [InlineData("date(-1)", "1969-12-31")]
    [InlineData("date(1.75)", "1970-01-02")]
    [InlineData("date(-0.5)", "1970-01-01")]
    [InlineData("date(20780)", "2026-11-23")]
    [InlineData("date('2026-11-23T23:15:00.000+07:00')", "2026-11-23")]
    [InlineData("date('not a date')", "")]
    [InlineData("date('')", "")]
    [InlineData("date(0 div 0)", "")]
    [InlineData("date(date('2024-02-28') + 1)", "2024-02-29")]
    [InlineData("date(date('2023-02-28') + 1)", "2023-03-01")]
    [InlineData("date(date('2024-12-31') + 1)", "2025-01-01")]
    [InlineData("date('2024-03-01') - date('2024-02-28')", "2")]
    [InlineData("date('2000-03-01') - date('2000-02-28')", "2")]
    [InlineData("date('1900-03-01') - date('1900-02-28')", "1")]
    [InlineData("date('2025-02-29')", "")]
    [InlineData("date-time(0.5)", "1970-01-01T12:00:00.000+00:00")]
    [InlineData("date-time('2026-11-23')", "2026-11-23T00:00:00.000+00:00")]
    [InlineData("date-time(decimal-date-time('2026-11-23T06:00:00.000Z') + 0.25)", "2026-11-23T12:00:00.000+00:00")]
    [InlineData("now()", "2026-11-23T09:30:15.250+07:00")]
    [InlineData("decimal-date-time('1970-01-02T06:00:00.000Z')", "1.25")]
    [InlineData("decimal-date-time('1970-01-02T06:00:00.000+06:00')", "1")]
    [InlineData("decimal-date-time('2026-11-23')", "20780")]
    [InlineData("decimal-date-time('yesterday')", "NaN")]
    [InlineData("decimal-time('12:00:00.000+07:00')", "0.5")]
    [InlineData("decimal-time('18:00')", "0.75")]
    [InlineData("decimal-time('noon')", "NaN")]
    [InlineData("decimal-time('25:00')", "NaN")]
    [InlineData("decimal-time('2026-11-23T18:00:00.000+07:00')", "0.75")]
    [InlineData("decimal-time(20780.25)", "0.25")]
    [InlineData("decimal-time('')", "")]
    [InlineData("decimal-date-time('')", "")]
    [InlineData("${visited} > ${joined}", "true")]
    public void Dates_and_date_times_convert_to_days_since_1970_and_back(string expression, string expected) =>
        Assert.Equal(expected, Eval(expression, "", ("joined", "2026-01-05"), ("visited", "2026-01-05T08:00:00.000+07:00")));

    [Theory]
    [InlineData("format-date('2024-02-29', '%Y/%m/%d')", "2024/02/29")]
    [InlineData("format-date('2024-03-05', '%y %n %e %b %a')", "24 3 5 Mar Tue")]
    [InlineData("format-date(today(), '%a %e %b %Y')", "Mon 23 Nov 2026")]
    [InlineData("format-date(0, '%Y-%m-%d')", "1970-01-01")]
    [InlineData("format-date('2026-11-23', '%H:%M')", "00:00")]
    [InlineData("format-date-time('2026-11-23T09:05:07.042+07:00', '%H:%M:%S.%3 %h')", "09:05:07.042 9")]
    [InlineData("format-date-time(now(), '%d/%m/%Y %H:%M')", "23/11/2026 09:30")]
    [InlineData("format-date('2026-11-23', '100% on %Q')", "100% on %Q")]
    [InlineData("format-date('', '%Y')", "")]
    [InlineData("format-date('soon', '%Y')", "")]
    public void Format_date_writes_odk_tokens_and_gives_nothing_for_what_is_not_a_date(string expression, string expected) =>
        Assert.Equal(expected, Eval(expression));

    [Theory]
    [InlineData("substring('12345', 2, 3)", "234")]
    [InlineData("substring('12345', 2)", "2345")]
    [InlineData("substring('12345', 1.5, 2.6)", "234")]
    [InlineData("substring('12345', 0, 3)", "12")]
    [InlineData("substring('12345', -1, 3)", "1")]
    [InlineData("substring('12345', 10)", "")]
    [InlineData("substring('12345', 0 div 0, 3)", "")]
    [InlineData("substring('12345', 1, 0 div 0)", "")]
    [InlineData("substring('12345', -42, 1 div 0)", "12345")]
    [InlineData("substring('12345', -1 div 0, 1 div 0)", "")]
    [InlineData("substring('', 1, 2)", "")]
    [InlineData("substr('Sokha', 3)", "ha")]
    [InlineData("substr('Sokha', 0 div 0, 2)", "So")]
    [InlineData("substr('Sokha', -2)", "ha")]
    [InlineData("substr('Sokha', 1, -1)", "okh")]
    [InlineData("substr('Sokha', 3, 1)", "")]
    [InlineData("substr('Sokha', -99, 99)", "Sokha")]
    [InlineData("substring-before('1999/04/01', '/')", "1999")]
    [InlineData("substring-after('1999/04/01', '/')", "04/01")]
    [InlineData("substring-before('abc', 'z')", "")]
    [InlineData("substring-after('abc', 'z')", "")]
    [InlineData("substring-before('abc', '')", "")]
    [InlineData("substring-after('abc', '')", "abc")]
    [InlineData("translate('bar', 'abc', 'ABC')", "BAr")]
    [InlineData("translate('--aaa--', 'abc-', 'ABC')", "AAA")]
    [InlineData("translate('aba', 'aa', 'xy')", "xbx")]
    [InlineData("translate('', 'a', 'b')", "")]
    [InlineData("normalize-space('  a \t b\n ')", "a b")]
    [InlineData("normalize-space('')", "")]
    [InlineData("normalize-space()", "x y")]
    public void String_functions_follow_xpath_including_out_of_range_positions(string expression, string expected) =>
        Assert.Equal(expected, Eval(expression, "  x   y "));

    [Theory]
    [InlineData("floor(-1.5)", "-2")]
    [InlineData("ceiling(-1.5)", "-1")]
    [InlineData("ceiling(1.2)", "2")]
    [InlineData("floor('')", "NaN")]
    [InlineData("abs(-3.5)", "3.5")]
    [InlineData("abs('x')", "NaN")]
    [InlineData("pow(2, 10)", "1024")]
    [InlineData("pow(2, -1)", "0.5")]
    [InlineData("pow(-8, 1 div 3)", "NaN")]
    [InlineData("sqrt(16)", "4")]
    [InlineData("sqrt(-1)", "NaN")]
    [InlineData("exp(0)", "1")]
    [InlineData("round(exp(1), 3)", "2.718")]
    [InlineData("log(1)", "0")]
    [InlineData("log(0)", "-Infinity")]
    [InlineData("log(-1)", "NaN")]
    [InlineData("log10(1000)", "3")]
    [InlineData("round(pi(), 4)", "3.1416")]
    [InlineData("round(2.5)", "3")]
    [InlineData("round(-2.5)", "-2")]
    [InlineData("round(-2.6)", "-3")]
    [InlineData("round(1234.5678, 2)", "1234.57")]
    [InlineData("round(1.005, 2)", "1.01")]
    [InlineData("round(-1.005, 2)", "-1")]
    [InlineData("round(1250, -2)", "1300")]
    [InlineData("round(-1250, -2)", "-1200")]
    [InlineData("round(-17, -1)", "-20")]
    [InlineData("round(0 div 0)", "NaN")]
    [InlineData("round(3.7, 0 div 0)", "4")]
    [InlineData("round(3.7, 31)", "NaN")]
    [InlineData("round(123456789012.5, 15)", "123456789012.5")]
    [InlineData("round(0.000123, 30)", "0.000123")]
    [InlineData("round(1 div 0, 2)", "Infinity")]
    public void Number_functions_compute_what_odk_computes(string expression, string expected) =>
        Assert.Equal(expected, Eval(expression));

    [Theory]
    [InlineData("boolean-from-string('true')", "true")]
    [InlineData("boolean-from-string('1')", "true")]
    [InlineData("boolean-from-string('TRUE')", "true")]
    [InlineData("boolean-from-string('yes')", "false")]
    [InlineData("boolean-from-string('')", "false")]
    [InlineData("count-non-empty(${ages})", "2")]
    [InlineData("count-non-empty(${missing})", "0")]
    [InlineData("max(${scores})", "9")]
    [InlineData("min(${scores})", "3")]
    [InlineData("max(${scores}, 12)", "12")]
    [InlineData("max(1, 5, 3)", "5")]
    [InlineData("min(1, -5, 3)", "-5")]
    [InlineData("max(-1, -2)", "-1")]
    [InlineData("max(${ages})", "NaN")] // an instance left blank makes max NaN, as in ODK (issue 19)
    [InlineData("min(${ages})", "NaN")]
    [InlineData("min(1, '')", "NaN")]
    [InlineData("max('', 'x')", "NaN")]
    [InlineData("max(${missing})", "NaN")]
    [InlineData("join(', ', ${scores})", "3, 9, 4")]
    [InlineData("join('-', 'a', 'b', 'c')", "a-b-c")]
    [InlineData("join(', ')", "")]
    [InlineData("concat('a', ${scores}, 'z')", "a394z")]
    [InlineData("selected-at('a b c', 0)", "a")]
    [InlineData("selected-at('a b c', 2)", "c")]
    [InlineData("selected-at('a b c', 1.7)", "b")]
    [InlineData("selected-at('a b c', 3)", "")]
    [InlineData("selected-at('a b c', -1)", "")]
    [InlineData("selected-at('a b c', 0 div 0)", "")]
    [InlineData("checklist(-1, 2, true(), false(), true())", "true")]
    [InlineData("checklist(3, -1, true(), false(), true())", "false")]
    [InlineData("checklist(2, 2, 1, 0, 'x')", "true")]
    [InlineData("checklist(1, 1, ${flags})", "true")]
    [InlineData("checklist(-1, -1)", "true")]
    [InlineData("checklist(-2, 0, false())", "true")]
    [InlineData("weighted-checklist(5, 10, true(), 3, true(), 2, false(), 10)", "true")]
    [InlineData("weighted-checklist(-1, 4, true(), 3, true(), 2)", "false")]
    [InlineData("weighted-checklist(5, -1, true(), 3, true(), 2)", "false")]
    [InlineData("weighted-checklist(7, 7, ${ages}, ${scores})", "true")]
    public void List_and_checklist_functions_count_every_instance_of_a_repeated_answer(string expression, string expected) =>
        Assert.Equal(expected, Eval(expression));

    [Fact]
    public void Uuid_gives_a_fresh_rfc_4122_id_or_random_letters_and_digits_of_the_length_asked()
    {
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", Eval("uuid()"));
        Assert.NotEqual(Eval("uuid()"), Eval("uuid()"));
        Assert.Matches("^[0-9A-Za-z]{8}$", Eval("uuid(8)"));
        Assert.Equal("", Eval("uuid(0)"));
        Assert.Equal("", Eval("uuid(-3)"));
    }

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
    [InlineData("checklist(1)", "at least 2")]
    [InlineData("weighted-checklist(1, 2, true())", "groups of 2")]
    [InlineData("substring('a')", "2 to 3")]
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
