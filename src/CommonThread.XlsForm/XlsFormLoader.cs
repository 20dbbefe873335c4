using System.Globalization;
using System.Text.RegularExpressions;
using CommonThread.XlsForm.Expressions;

namespace CommonThread.XlsForm;

/// <summary>The outcome of loading: the form, or the problems found (never both): the first <see cref="XlsFormLoader.MaxProblems"/> of <see cref="ProblemCount"/>.</summary>
public sealed record XlsFormLoad(XlsFormDefinition? Form, IReadOnlyList<FormProblem> Problems)
{
    public bool Succeeded => Form is not null;

    public int ProblemCount { get; init; } = Problems.Count;
}

/// <summary>
/// Reads the survey, choices and settings sheets of an XLSForm and checks everything a form can get
/// wrong before anyone fills it in: unknown types and functions, expressions that do not parse,
/// references to questions that do not exist, duplicate names, choice lists that are missing,
/// unbalanced groups, calculations that depend on themselves, spreadsheet formulas, and sheets too
/// large to be a questionnaire. Columns it does not use (media, guidance, bind::…) are passed over,
/// so forms made for ODK or KoboToolbox load unchanged.
/// </summary>
public static partial class XlsFormLoader
{
    public const int MaxSurveyRows = 10_000;
    public const int MaxChoiceRows = 100_000;
    public const int MaxCellLength = 20_000;

    /// <summary>Problems kept for the report; the rest are counted.</summary>
    public const int MaxProblems = 1_000;

    private static readonly HashSet<string> MetadataTypes =
        ["start", "end", "today", "deviceid", "username", "phonenumber", "simserial", "subscriberid", "audit", "email", "start-geopoint"];

    public static XlsFormLoad Load(XlsFormSheets sheets)
    {
        var problems = new FormProblems();
        var survey = sheets.Find("survey");
        if (survey is null || survey.Count == 0)
        {
            return new(null, [new("survey", 1, "", "The form has no survey sheet (or it is empty).")]);
        }

        if (survey.Count > MaxSurveyRows || (sheets.Find("choices")?.Count ?? 0) > MaxChoiceRows)
        {
            return new(null, [new("survey", 1, "", $"Too large for a questionnaire: at most {MaxSurveyRows:N0} survey rows and {MaxChoiceRows:N0} choices.")]);
        }

        foreach (var (name, rows) in sheets.Sheets)
        {
            foreach (var row in rows)
            {
                for (var c = 0; c < row.Cells.Count; c++)
                {
                    var cell = row.Cell(c);
                    var column = rows[0].Cell(c);
                    if (cell.Length > MaxCellLength)
                    {
                        problems.Add(new(name, row.Number, column, $"More than {MaxCellLength:N0} characters in one cell."));
                    }
                    else if (cell.TrimStart().StartsWith('='))
                    {
                        problems.Add(new(name, row.Number, column, "A spreadsheet formula: type the value or expression itself."));
                    }
                }
            }
        }

        if (problems.Count > 0)
        {
            return new(null, problems) { ProblemCount = problems.Total };
        }

        var settings = Settings(sheets.Find("settings"));
        var choices = Choices(sheets.Find("choices") ?? [], problems);
        var surveyHeader = Header.Of(survey[0]);
        if (surveyHeader.Index("type") < 0 || surveyHeader.Index("name") < 0)
        {
            problems.Add(new("survey", survey[0].Number, "", "The survey sheet needs a type and a name column."));
            return new(null, problems) { ProblemCount = problems.Total };
        }

        var items = new List<FormItem>();
        var questions = new Dictionary<string, FormQuestion>(StringComparer.Ordinal);
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var open = new Stack<FormGroup>();
        foreach (var row in survey.Skip(1).Where(r => !r.IsBlank))
        {
            var type = Regex.Replace(surveyHeader.Cell(row, "type").Trim(), @"\s+", " ");
            var name = surveyHeader.Cell(row, "name").Trim();
            var field = new Fields(surveyHeader, row, problems);
            if (type.Length == 0)
            {
                problems.Add(new("survey", row.Number, "type", "Every row with content needs a type."));
                continue;
            }

            var lowered = type.ToLowerInvariant();
            if (lowered is "end group" or "end_group" or "end repeat" or "end_repeat")
            {
                var repeat = lowered.Contains("repeat", StringComparison.Ordinal);
                if (open.Count == 0 || open.Peek().IsRepeat != repeat)
                {
                    problems.Add(new("survey", row.Number, "type", $"'{type}' closes no open {(repeat ? "repeat" : "group")}."));
                }
                else
                {
                    open.Pop();
                }

                continue;
            }

            if (!ValidName().IsMatch(name))
            {
                problems.Add(new("survey", row.Number, "name", name.Length == 0
                    ? "Every question and group needs a name."
                    : $"'{name}' is not a valid name: start with a letter or _, then letters, digits, _, - or ."));
                continue;
            }

            if (names.TryGetValue(name, out var earlier))
            {
                problems.Add(new("survey", row.Number, "name", $"'{name}' is already the name of row {earlier}: names must be unique."));
                continue;
            }

            names[name] = row.Number;
            FormItem item;
            if (lowered is "begin group" or "begin_group" or "begin repeat" or "begin_repeat")
            {
                var isRepeat = lowered.Contains("repeat", StringComparison.Ordinal);
                if (isRepeat && open.Any(g => g.IsRepeat))
                {
                    problems.Add(new("survey", row.Number, "type", "A repeat inside a repeat is not supported yet."));
                }

                var group = new FormGroup
                {
                    Name = name, Label = field.Translated("label"), Hint = field.Translated("hint"), Relevant = field.Expression("relevant"),
                    Appearance = field.Text("appearance"), Row = row.Number, IsRepeat = isRepeat, Columns = field.All(),
                    RepeatCount = isRepeat ? field.Expression("repeat_count") : null,
                };
                item = group;
                Add(group);
                open.Push(group);
                continue;
            }

            var (questionType, listName, orOther) = Type(type);
            if (questionType is null)
            {
                problems.Add(new("survey", row.Number, "type", $"Unknown or unsupported question type '{type}'."));
                continue;
            }

            if (listName is not null && !choices.ContainsKey(listName))
            {
                problems.Add(new("survey", row.Number, "type", $"There is no choice list '{listName}' on the choices sheet."));
            }

            if (questionType == QuestionType.Calculate && field.Text("calculation") is null)
            {
                problems.Add(new("survey", row.Number, "calculation", "A calculate row needs a calculation."));
            }

            var question = new FormQuestion
            {
                Name = name, Type = questionType.Value, ListName = listName, OrOther = orOther, Label = field.Translated("label"), Hint = field.Translated("hint"),
                Relevant = field.Expression("relevant"), Required = field.Flag("required"), RequiredMessage = field.Translated("required_message"),
                Constraint = field.Expression("constraint"), ConstraintMessage = field.Translated("constraint_message"),
                Calculation = field.Expression("calculation"), ChoiceFilter = field.Expression("choice_filter"), Default = field.Text("default"),
                DynamicDefault = field.Text("default") is { } given && Filling.AnswerFormat.IsDynamic(given, questionType.Value) ? field.Expression("default") : null,
                ReadOnly = field.Flag("read_only") is Literal { Value.IsBoolean: true } flag && flag.Value.AsBoolean(), Appearance = field.Text("appearance"), Row = row.Number,
                Columns = field.All(),
            };
            if (question.IsAsked && question.Type != QuestionType.Note && question.Label.IsEmpty && question.Type != QuestionType.Acknowledge)
            {
                problems.Add(new("survey", row.Number, "label", $"'{name}' has no label: say what is asked."));
            }

            if (question is { Default: { } literal, DynamicDefault: null } && !Filling.AnswerFormat.FitsAsDefault(question.Type, literal))
            {
                problems.Add(new("survey", row.Number, "default", $"The default '{literal}' is not a valid answer to a {type.Split(' ')[0]} question."));
            }

            questions[name] = question;
            Add(question);
            if (orOther)
            {
                AddOtherText(question);
            }
        }

        foreach (var unclosed in open)
        {
            problems.Add(new("survey", unclosed.Row, "type", $"'{unclosed.Name}' is begun and never ended."));
        }

        CheckReferences(questions, names, items, problems);
        CheckDependencyCycles(questions, Flatten(items).OfType<FormGroup>().Where(g => g.IsRepeat).ToDictionary(g => g.Name, StringComparer.Ordinal), problems);
        if (problems.Count > 0)
        {
            return new(null, problems) { ProblemCount = problems.Total };
        }

        var languages = Languages(surveyHeader, sheets.Find("choices"), settings.GetValueOrDefault("default_language"));
        return new(new XlsFormDefinition
        {
            Title = settings.GetValueOrDefault("form_title") ?? "Untitled form", FormId = settings.GetValueOrDefault("form_id") ?? "form",
            Version = settings.GetValueOrDefault("version"), Languages = languages, Items = items, Choices = choices, Questions = questions,
        }, []);

        // As pyxform does: "select_one list or_other" gets a text question name_other, asked when "other" is chosen.
        void AddOtherText(FormQuestion question)
        {
            var otherName = question.Name + "_other";
            if (names.TryGetValue(otherName, out var taken))
            {
                problems.Add(new("survey", question.Row, "type", $"or_other needs the name '{otherName}' for its text, and row {taken} already uses it."));
                return;
            }

            names[otherName] = question.Row;
            var other = new FormQuestion
            {
                Name = otherName, Type = QuestionType.Text, Row = question.Row, Required = question.Required,
                Label = new Translated(new Dictionary<string, string> { [""] = "Specify other." }),
                Relevant = ExpressionParser.Parse($"selected(${{{question.Name}}}, 'other')"),
            };
            questions[otherName] = other;
            Add(other);
        }

        void Add(FormItem item)
        {
            if (open.Count > 0)
            {
                item.Parent = open.Peek();
                open.Peek().Children.Add(item);
            }
            else
            {
                items.Add(item);
            }
        }
    }

    private static (QuestionType? Type, string? ListName, bool OrOther) Type(string type)
    {
        var parts = type.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var head = parts[0].ToLowerInvariant();
        if (head is "select_one" or "select_multiple" or "select1" or "select_one_external")
        {
            if (parts.Length < 2 || head == "select_one_external")
            {
                return (null, null, false);
            }

            var orOther = parts.Length == 3 && parts[2].Equals("or_other", StringComparison.OrdinalIgnoreCase);
            return parts.Length > 3 || (parts.Length == 3 && !orOther) ? (null, null, false)
                : (head == "select_multiple" ? QuestionType.SelectMultiple : QuestionType.SelectOne, parts[1], orOther);
        }

        if (parts.Length > 1)
        {
            return (null, null, false);
        }

        return head switch
        {
            "text" or "string" => (QuestionType.Text, null, false),
            "integer" or "int" => (QuestionType.Integer, null, false),
            "decimal" or "range" => (QuestionType.Decimal, null, false),
            "date" => (QuestionType.Date, null, false),
            "time" => (QuestionType.Time, null, false),
            "datetime" or "datetime-local" => (QuestionType.DateTime, null, false),
            "note" => (QuestionType.Note, null, false),
            "calculate" => (QuestionType.Calculate, null, false),
            "acknowledge" or "trigger" => (QuestionType.Acknowledge, null, false),
            _ when MetadataTypes.Contains(head) => (QuestionType.Metadata, null, false),
            _ => (null, null, false),
        };
    }

    private static Dictionary<string, string> Settings(IReadOnlyList<SheetRow>? sheet)
    {
        if (sheet is null || sheet.Count < 2)
        {
            return [];
        }

        var header = Header.Of(sheet[0]);
        return header.Columns.ToDictionary(c => c.Key, c => sheet[1].Cell(c.Value).Trim()).Where(s => s.Value.Length > 0).ToDictionary(s => s.Key, s => s.Value);
    }

    private static Dictionary<string, IReadOnlyList<Choice>> Choices(IReadOnlyList<SheetRow> sheet, FormProblems problems)
    {
        var lists = new Dictionary<string, List<Choice>>(StringComparer.Ordinal);
        if (sheet.Count == 0)
        {
            return [];
        }

        var header = Header.Of(sheet[0]);
        var listColumn = header.Index("list_name") >= 0 ? "list_name" : "list name";
        if (header.Index(listColumn) < 0 || header.Index("name") < 0)
        {
            problems.Add(new("choices", sheet[0].Number, "", "The choices sheet needs a list_name and a name column."));
            return [];
        }

        foreach (var row in sheet.Skip(1).Where(r => !r.IsBlank))
        {
            var list = header.Cell(row, listColumn).Trim();
            var name = header.Cell(row, "name").Trim();
            var fields = new Fields(header, row, problems, "choices");
            if (list.Length == 0 || name.Length == 0)
            {
                problems.Add(new("choices", row.Number, list.Length == 0 ? listColumn : "name", "Every choice needs a list name and a name."));
                continue;
            }

            var choices = lists.TryGetValue(list, out var existing) ? existing : lists[list] = [];
            if (choices.Any(c => c.Name == name))
            {
                problems.Add(new("choices", row.Number, "name", $"'{name}' appears twice in the list '{list}'."));
                continue;
            }

            double? score = null;
            if (fields.Text("score") is { } scoreText)
            {
                if (double.TryParse(scoreText, NumberStyles.Float, CultureInfo.InvariantCulture, out var s))
                {
                    score = s;
                }
                else
                {
                    problems.Add(new("choices", row.Number, "score", $"'{scoreText}' is not a number."));
                }
            }

            var columns = header.Columns.Where(c => !c.Key.StartsWith("label", StringComparison.Ordinal))
                .ToDictionary(c => c.Key, c => row.Cell(c.Value).Trim());
            choices.Add(new Choice(name, fields.Translated("label"), columns, score));
        }

        return lists.ToDictionary(l => l.Key, l => (IReadOnlyList<Choice>)l.Value, StringComparer.Ordinal);
    }

    private static void CheckReferences(Dictionary<string, FormQuestion> questions, Dictionary<string, int> names, List<FormItem> items, FormProblems problems)
    {
        var repeats = Flatten(items).OfType<FormGroup>().Where(g => g.IsRepeat).Select(g => g.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var item in Flatten(items))
        {
            var expressions = new List<(string Column, Expression? Expression)> { ("relevant", item.Relevant) };
            if (item is FormQuestion q)
            {
                expressions.AddRange([("required", q.Required), ("constraint", q.Constraint), ("calculation", q.Calculation), ("choice_filter", q.ChoiceFilter), ("default", q.DynamicDefault)]);
            }
            else if (item is FormGroup { RepeatCount: { } repeatCount })
            {
                expressions.Add(("repeat_count", repeatCount));
            }

            foreach (var (column, expression) in expressions)
            {
                if (column != "choice_filter" && expression?.ChoiceColumns().FirstOrDefault() is { } bare)
                {
                    problems.Add(new("survey", item.Row, column, $"'{bare}' is not something this expression can read: refer to questions as ${{{bare}}}."));
                }

                var repeatsAllowed = expression?.RepeatReferences().ToHashSet() ?? [];
                foreach (var reference in expression?.References().Distinct() ?? [])
                {
                    if (repeats.Contains(reference) && !repeatsAllowed.Contains(reference))
                    {
                        problems.Add(new("survey", item.Row, column, $"${{{reference}}} is a repeat: count(${{{reference}}}) gives its number of entries, indexed-repeat(${{question}}, ${{{reference}}}, n) a question's answer in entry n."));
                    }
                    else if (!questions.ContainsKey(reference) && !repeats.Contains(reference))
                    {
                        problems.Add(new("survey", item.Row, column, names.ContainsKey(reference)
                            ? $"${{{reference}}} is a group: refer to a question."
                            : $"${{{reference}}} refers to no question of this form."));
                    }
                }
            }
        }
    }

    /// <summary>
    /// A value that needs itself could never be computed: a calculation reading its own result, or a
    /// question whose relevance (or an enclosing group's) reads the question, directly or through others.
    /// </summary>
    private static void CheckDependencyCycles(Dictionary<string, FormQuestion> questions, Dictionary<string, FormGroup> repeats, FormProblems problems)
    {
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: being visited, true: done
        foreach (var question in questions.Values.OrderBy(q => q.Row))
        {
            Visit(question, []);
        }

        void Visit(FormQuestion question, List<string> path)
        {
            if (state.TryGetValue(question.Name, out var done))
            {
                if (!done)
                {
                    var cycle = path.SkipWhile(n => n != question.Name).Append(question.Name);
                    problems.Add(new("survey", question.Row, question.Calculation is not null ? "calculation" : "relevant",
                        $"The value depends on itself: {string.Join(" → ", cycle.Select(n => "${" + n + "}"))}."));
                }

                return;
            }

            state[question.Name] = false;
            path.Add(question.Name);
            foreach (var reference in DependenciesOf(question).Distinct())
            {
                if (questions.TryGetValue(reference, out var next))
                {
                    Visit(next, path);
                }
            }

            path.RemoveAt(path.Count - 1);
            state[question.Name] = true;
        }

        // A question also depends on its dynamic default, on its repeats' repeat_count, and, through count(${roster}), on that roster's repeat_count.
        IEnumerable<string> DependenciesOf(FormQuestion question)
        {
            var references = (question.Calculation?.References() ?? []).Concat(question.DynamicDefault?.References() ?? []);
            for (FormItem? item = question; item is not null; item = item.Parent)
            {
                references = references.Concat(item.Relevant?.References() ?? []).Concat((item as FormGroup)?.RepeatCount?.References() ?? []);
            }

            return references.SelectMany(r => repeats.TryGetValue(r, out var roster) ? roster.RepeatCount?.References() ?? [] : [r]);
        }
    }

    private static List<string> Languages(Header survey, IReadOnlyList<SheetRow>? choices, string? defaultLanguage)
    {
        var all = survey.Languages().Concat(choices is { Count: > 0 } ? Header.Of(choices[0]).Languages() : []).Distinct().ToList();
        if (all.Count == 0)
        {
            all.Add("");
        }

        return [.. all.OrderByDescending(l => l == defaultLanguage).ThenByDescending(l => l.Length == 0)];
    }

    internal static IEnumerable<FormItem> Flatten(IEnumerable<FormItem> items) =>
        items.SelectMany(i => i is FormGroup g ? Flatten(g.Children).Prepend(g) : [i]);

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.\-]*$")]
    private static partial Regex ValidName();

    /// <summary>A sheet's header: base column names lower-cased ("label::Khmer (km)" keeps its language as written).</summary>
    private sealed class Header
    {
        private Header(Dictionary<string, int> columns) => Columns = columns;

        public Dictionary<string, int> Columns { get; }

        public static Header Of(SheetRow row)
        {
            var columns = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < row.Cells.Count; i++)
            {
                var text = row.Cell(i).Trim();
                var separator = text.IndexOf("::", StringComparison.Ordinal);
                var key = separator < 0 ? text.ToLowerInvariant() : text[..separator].Trim().ToLowerInvariant() + "::" + text[(separator + 2)..].Trim();
                if (key.Length > 0)
                {
                    columns.TryAdd(key, i);
                }
            }

            return new(columns);
        }

        public int Index(string column) => Columns.GetValueOrDefault(column, -1);

        public string Cell(SheetRow row, string column) => Index(column) is var i and >= 0 ? row.Cell(i) : "";

        public IEnumerable<string> Languages() =>
            Columns.Keys.Where(k => k.StartsWith("label", StringComparison.Ordinal) || k.StartsWith("hint", StringComparison.Ordinal))
                .Select(k => k.Contains("::", StringComparison.Ordinal) ? k[(k.IndexOf("::", StringComparison.Ordinal) + 2)..] : "");
    }

    /// <summary>One row's cells by column, with expressions parsed and their problems reported at the row and column.</summary>
    private sealed class Fields(Header header, SheetRow row, FormProblems problems, string sheet = "survey")
    {
        public string? Text(string column) => header.Cell(row, column).Trim() is { Length: > 0 } text ? text : null;

        public Dictionary<string, string> All() =>
            header.Columns.Select(c => (c.Key, Text: row.Cell(c.Value).Trim())).Where(c => c.Text.Length > 0).ToDictionary(c => c.Key, c => c.Text, StringComparer.Ordinal);

        public Translated Translated(string column)
        {
            var texts = header.Columns.Where(c => c.Key == column || c.Key.StartsWith(column + "::", StringComparison.Ordinal))
                .Select(c => (Language: c.Key == column ? "" : c.Key[(column.Length + 2)..], Text: row.Cell(c.Value).Trim()))
                .Where(t => t.Text.Length > 0).ToDictionary(t => t.Language, t => t.Text);
            return texts.Count == 0 ? XlsForm.Translated.None : new(texts);
        }

        public Expression? Expression(string column)
        {
            if (Text(column) is not { } text)
            {
                return null;
            }

            try
            {
                return ExpressionParser.Parse(text);
            }
            catch (ExpressionException e)
            {
                problems.Add(new(sheet, row.Number, column, $"{e.Message} (at character {e.Position + 1} of \"{text}\")"));
                return null;
            }
        }

        /// <summary>yes/no columns that may also hold an expression (required, read_only).</summary>
        public Expression? Flag(string column) => Text(column)?.ToLowerInvariant() switch
        {
            null or "no" or "false" or "false()" => null,
            "yes" or "true" or "true()" => new Literal(XPathValue.Of(true)),
            _ => Expression(column),
        };
    }
}
