using System.Globalization;
using System.Text.RegularExpressions;
using CommonThread.XlsForm.Expressions;

namespace CommonThread.XlsForm.Filling;

/// <summary>What an answer or a default must look like for its question's type, and which defaults are expressions.</summary>
public static partial class AnswerFormat
{
    /// <summary>Why <paramref name="value"/> (not empty) does not fit a question of <paramref name="type"/>, or null when it does. Selects are checked against their choices elsewhere.</summary>
    public static AnswerProblem? Problem(QuestionType type, string value) => type switch
    {
        QuestionType.Integer when !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) => AnswerProblem.NotWholeNumber,
        QuestionType.Decimal when !double.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _) => AnswerProblem.NotNumber,
        QuestionType.Date when !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) => AnswerProblem.NotDate,
        QuestionType.Geopoint when GeoFunctions.Point(value) is null => AnswerProblem.NotGeopoint,
        _ => null,
    };

    /// <summary>Whether a literal default can stand as the answer of its question: the type's own check, and for times and date-times their ISO shape.</summary>
    public static bool FitsAsDefault(QuestionType type, string value) => Problem(type, value) is null && type switch
    {
        QuestionType.Time => XPathValue.TryParseTime(value, out _),
        QuestionType.DateTime => XPathValue.TryParseDateTime(value, out _),
        _ => true,
    };

    /// <summary>
    /// Whether a default is an expression to evaluate rather than text, as pyxform's default_is_dynamic decides: its
    /// expression lexer finds an arithmetic operator (+ - * div mod), a union |, a ${reference} or a function call.
    /// A date, a number such as -5 or a hyphenated-name are single tokens, so they stay literal; for date, date-time
    /// and geopoint questions a lone '-' means a literal too (pyxform stops at the first one).
    /// </summary>
    public static bool IsDynamic(string text, QuestionType type)
    {
        for (var match = PyxformToken().Match(text); match.Success && match.Length > 0; match = match.NextMatch())
        {
            if ((type is QuestionType.Date or QuestionType.DateTime or QuestionType.Geopoint) && match.Groups["math"].Success && match.Value == "-")
            {
                return false;
            }

            if (match.Groups["math"].Success || match.Groups["union"].Success || match.Groups["reference"].Success || match.Groups["call"].Success)
            {
                return true;
            }
        }

        return false;
    }

    private const string NameStart = @"[A-Za-z_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]";

    private const string NcName = NameStart + @"(?:" + NameStart + @"|[\-.0-9\u00B7\u0300-\u036F\u203F\u2040])*";

    private const string QName = NcName + "(?::" + NcName + ")?";

    /// <summary>pyxform's lexer rules in its order (the first that matches at a place wins), with the groups that matter named.</summary>
    [GeneratedRegex(@"\G(?:-?\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\s+)?(?:[+\-]\d{2}:\d{2}|Z)?|-?\d{4}-\d{2}-\d{2}|\d{2}:\d{2}:\d{2}(?:\.\s+)?(?:[+\-]\d{2}:\d{2}|Z)?"
        + @"|-?\d+\.\d*|-?\.\d+|-?\d+|(?<math>[*+\-]| mod | div )|=|!=|<|>|<=|>=| and | or |(?<union>\|)|\(|\)|\[\]\{\}|\.\.|\.|/|""[^""]*""|'[^']*'|,|\s+"
        + @"|(?<reference>\$\{" + QName + "(?:#" + QName + @")?\})|(?<call>" + QName + @"\()|" + QName + @"\[|\]|" + QName + "://|" + QName + @"|\$\{|\}|.)", RegexOptions.Singleline)]
    private static partial Regex PyxformToken();
}
