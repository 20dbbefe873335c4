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

        // Spreadsheet programs keep formatted but empty rows (down to row 1,048,576): only rows with content count.
        if (Filled(survey) > MaxSurveyRows || Filled(sheets.Find("choices") ?? []) > MaxChoiceRows)
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
                        // Workbooks are read with each formula's saved result: one still here had none (or was an error), or was typed into a CSV.
                        problems.Add(new(name, row.Number, column, "A spreadsheet formula without a saved result: type the value or expression itself, or open and save the file again in the program that made it."));
                    }
                }
            }
        }

        if (problems.Count > 0)
        {
            return new(null, problems) { ProblemCount = problems.Total };
        }

        var settings = Settings(sheets.Find("settings"));
        var choices = Choices(sheets.Find("choices") ?? [], problems, IsYes(settings.GetValueOrDefault("allow_choice_duplicates")));
        var surveyHeader = Header.Of(survey[0]);
        if (surveyHeader.Index("type") < 0 || surveyHeader.Index("name") < 0)
        {
            problems.Add(new("survey", survey[0].Number, "", "The survey sheet needs a type and a name column."));
            return new(null, problems) { ProblemCount = problems.Total };
        }

        var items = new List<FormItem>();
        var questions = new List<FormQuestion>();
        var adaptations = new List<FormAdaptation>();

        // Names are unique among siblings, as pyxform has them: the same name in two groups is two questions.
        var names = new Dictionary<(FormGroup? Parent, string Name), int>();
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
            if (lowered is "end group" or "end_group" or "end repeat" or "end_repeat" or "end looped group")
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

            if (name.Equals("meta", StringComparison.OrdinalIgnoreCase))
            {
                // ODK keeps the form's own metadata (instanceID, audit…) under <meta>: a question of that name would collide with it.
                problems.Add(new("survey", row.Number, "name", "'meta' is reserved for the form's metadata: choose another name."));
                continue;
            }

            var parent = open.Count > 0 ? open.Peek() : null;
            if (names.TryGetValue((parent, name), out var earlier))
            {
                problems.Add(new("survey", row.Number, "name", $"'{name}' is already the name of row {earlier}: names must be unique within {(parent is null ? "the form" : $"the group '{parent.Name}'")}."));
                continue;
            }

            names[(parent, name)] = row.Number;
            FormItem item;
            if (lowered is "begin group" or "begin_group" or "begin repeat" or "begin_repeat" or "begin looped group" or "begin lgroup")
            {
                var isRepeat = lowered.Contains("repeat", StringComparison.Ordinal);
                if (isRepeat && open.Any(g => g.IsRepeat))
                {
                    problems.Add(new("survey", row.Number, "type", "A repeat inside a repeat is not supported yet."));
                }

                var group = new FormGroup
                {
                    Name = name, Label = field.Translated("label"), Hint = field.Translated("hint"), Relevant = field.Condition("relevant"),
                    Appearance = field.Text("appearance"), Row = row.Number, IsRepeat = isRepeat, Columns = field.All(),
                    RepeatCount = isRepeat ? field.Expression("repeat_count") : null,
                };
                item = group;
                Add(group);
                open.Push(group);
                continue;
            }

            var reading = QuestionTypes.Read(type, out var missingList);
            if (reading is null)
            {
                problems.Add(new("survey", row.Number, "type", missingList ? $"'{type}' needs the name of its choice list, as in '{type} yes_no'."
                    : $"Unknown or unsupported question type '{type}'.{(QuestionTypes.Nearest(type) is { } nearest ? $" Did you mean '{nearest}'?" : "")}"));
                continue;
            }

            var (questionType, listName, orOther) = (reading.Type, reading.ListName, reading.OrOther);
            if (reading.Adaptation is { } adaptation)
            {
                adaptations.Add(new(name, row.Number, type, adaptation, reading.Reason!));
            }
            else if (questionType == QuestionType.Image && field.Text("appearance") is { } drawn && DrawnAppearance().IsMatch(drawn))
            {
                adaptations.Add(new(name, row.Number, type, AdaptationKind.PlainInput, "a picture is uploaded instead of drawn on the screen"));
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
                Name = name, Type = questionType, ListName = listName, OrOther = orOther, Label = field.Translated("label"), Hint = field.Translated("hint"),
                Relevant = field.Condition("relevant"), Required = field.Flag("required"), RequiredMessage = field.Translated("required_message"),
                Constraint = field.Expression("constraint"), ConstraintMessage = field.Translated("constraint_message"),
                Calculation = field.Expression("calculation"), ChoiceFilter = field.Expression("choice_filter"), Default = field.Text("default"),
                DynamicDefault = field.Text("default") is { } given && Filling.AnswerFormat.IsDynamic(given, questionType) ? field.Expression("default") : null,
                ReadOnly = field.Flag("read_only") is Literal { Value.IsBoolean: true } flag && flag.Value.AsBoolean(), Appearance = field.Text("appearance"), Row = row.Number,
                Columns = field.All(), SourceType = type,
            };

            // As pyxform: a hint, a picture or sound, or a computed value can stand in for the label.
            if (question.IsAsked && question.Type != QuestionType.Note && question.Label.IsEmpty && question.Type != QuestionType.Acknowledge
                && question.Hint.IsEmpty && !HasMedia(surveyHeader, row) && question.Calculation is null && question.Default is null)
            {
                problems.Add(new("survey", row.Number, "label", $"'{name}' has no label or hint: say what is asked."));
            }

            if (question is { Default: { } literal, DynamicDefault: null } && !Filling.AnswerFormat.FitsAsDefault(question.Type, literal))
            {
                problems.Add(new("survey", row.Number, "default", $"The default '{literal}' is not a valid answer to a {type.Split(' ')[0]} question."));
            }

            questions.Add(question);
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

        var keyed = Keyed(questions);
        var byName = Flatten(items).ToLookup(i => i.Name, StringComparer.Ordinal);
        var repeats = Flatten(items).OfType<FormGroup>().Where(g => g.IsRepeat).DistinctBy(g => g.Name).ToDictionary(g => g.Name, StringComparer.Ordinal);
        CheckReferences(items, byName, repeats, problems);
        CheckTextReferences(items, byName, surveyHeader, sheets, problems);
        CheckDependencyCycles(keyed, repeats, problems);
        if (problems.Count > 0)
        {
            return new(null, problems) { ProblemCount = problems.Total };
        }

        var languages = Languages(surveyHeader, sheets.Find("choices"), settings.GetValueOrDefault("default_language"));
        return new(new XlsFormDefinition
        {
            Title = settings.GetValueOrDefault("form_title") ?? "Untitled form", FormId = settings.GetValueOrDefault("form_id") ?? "form",
            Version = settings.GetValueOrDefault("version"), Languages = languages, Items = items, Choices = choices, Questions = keyed,
            Adaptations = adaptations,
        }, []);

        // As pyxform does: "select_one list or_other" gets a text question name_other, asked when "other" is chosen.
        void AddOtherText(FormQuestion question)
        {
            var otherName = question.Name + "_other";
            if (names.TryGetValue((question.Parent, otherName), out var taken))
            {
                problems.Add(new("survey", question.Row, "type", $"or_other needs the name '{otherName}' for its text, and row {taken} already uses it."));
                return;
            }

            names[(question.Parent, otherName)] = question.Row;
            var other = new FormQuestion
            {
                Name = otherName, Type = QuestionType.Text, Row = question.Row, Required = question.Required,
                Label = new Translated(new Dictionary<string, string> { [""] = "Specify other." }),
                Relevant = ExpressionParser.Parse($"selected(${{{question.Name}}}, 'other')"), SourceType = "text",
            };
            questions.Add(other);
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

    private static Dictionary<string, string> Settings(IReadOnlyList<SheetRow>? sheet)
    {
        if (sheet is null || sheet.Count < 2)
        {
            return [];
        }

        var header = Header.Of(sheet[0]);
        return header.Columns.ToDictionary(c => c.Key, c => sheet[1].Cell(c.Value).Trim()).Where(s => s.Value.Length > 0).ToDictionary(s => s.Key, s => s.Value);
    }

    private static Dictionary<string, IReadOnlyList<Choice>> Choices(IReadOnlyList<SheetRow> sheet, FormProblems problems, bool allowDuplicates)
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
            if (!allowDuplicates && choices.Any(c => c.Name == name))
            {
                problems.Add(new("choices", row.Number, "name", $"'{name}' appears twice in the list '{list}' (if that is meant, set allow_choice_duplicates to yes on the settings sheet)."));
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

    /// <summary>
    /// Questions by the key their answers are stored under: the name, as always, unless two questions in
    /// different groups share it; then each is keyed by its path (group/name), and ${name} cannot reach them.
    /// </summary>
    private static Dictionary<string, FormQuestion> Keyed(List<FormQuestion> questions)
    {
        var shared = questions.GroupBy(q => q.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var question in questions.Where(q => shared.Contains(q.Name)))
        {
            question.Key = question.Path;
        }

        return questions.ToDictionary(q => q.Key, StringComparer.Ordinal);
    }

    /// <summary>What ${reference} cannot mean, in the author's terms; null when it names exactly one question.</summary>
    private static string? Unresolved(string reference, ILookup<string, FormItem> byName)
    {
        var questions = byName[reference].OfType<FormQuestion>().ToList();
        return questions.Count == 1 ? null
            : questions.Count > 1 ? $"${{{reference}}} could mean the question in row {string.Join(" or row ", questions.Select(q => q.Row))}: rename one of them so the reference is clear."
            : byName[reference].Any() ? $"${{{reference}}} is a group: refer to a question."
            : $"${{{reference}}} refers to no question of this form.";
    }

    private static void CheckReferences(List<FormItem> items, ILookup<string, FormItem> byName, Dictionary<string, FormGroup> repeats, FormProblems problems)
    {
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
                    if (repeats.ContainsKey(reference) && !byName[reference].OfType<FormQuestion>().Any())
                    {
                        if (!repeatsAllowed.Contains(reference))
                        {
                            problems.Add(new("survey", item.Row, column, $"${{{reference}}} is a repeat: count(${{{reference}}}) gives its number of entries, indexed-repeat(${{question}}, ${{{reference}}}, n) a question's answer in entry n."));
                        }
                    }
                    else if (Unresolved(reference, byName) is { } message)
                    {
                        problems.Add(new("survey", item.Row, column, message));
                    }
                }
            }
        }
    }

    /// <summary>
    /// ${name} in texts the person reads (labels, hints, messages, choice labels) and in the settings'
    /// instance_name is filled in with an answer: one that names nothing would show as typed, so it is
    /// refused where it is written, like one in an expression.
    /// </summary>
    private static void CheckTextReferences(List<FormItem> items, ILookup<string, FormItem> byName, Header survey, XlsFormSheets sheets, FormProblems problems)
    {
        string[] texts = ["label", "hint", "guidance_hint", "constraint_message", "required_message"];
        var rows = sheets.Find("survey")!.ToDictionary(r => r.Number);
        foreach (var item in Flatten(items).Where(i => rows.ContainsKey(i.Row)).DistinctBy(i => i.Row))
        {
            Check("survey", survey, rows[item.Row], texts);
        }

        if (sheets.Find("choices") is { Count: > 1 } choices)
        {
            var header = Header.Of(choices[0]);
            foreach (var row in choices.Skip(1).Where(r => !r.IsBlank))
            {
                Check("choices", header, row, ["label"]);
            }
        }

        if (sheets.Find("settings") is { Count: > 1 } settings)
        {
            Check("settings", Header.Of(settings[0]), settings[1], ["instance_name"]);
        }

        void Check(string sheet, Header header, SheetRow row, string[] columns)
        {
            foreach (var (column, index) in header.Columns.Where(c => columns.Any(t => c.Key == t || c.Key.StartsWith(t + "::", StringComparison.Ordinal))))
            {
                foreach (var reference in Placeholder().Matches(row.Cell(index)).Select(m => m.Groups[1].Value).Distinct())
                {
                    if (Unresolved(reference, byName) is { } message)
                    {
                        problems.Add(new(sheet, row.Number, column, message));
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
            if (state.TryGetValue(question.Key, out var done))
            {
                if (!done)
                {
                    var cycle = path.SkipWhile(n => n != question.Name).Append(question.Name);
                    problems.Add(new("survey", question.Row, question.Calculation is not null ? "calculation" : "relevant",
                        $"The value depends on itself: {string.Join(" → ", cycle.Select(n => "${" + n + "}"))}."));
                }

                return;
            }

            state[question.Key] = false;
            path.Add(question.Name);
            foreach (var reference in DependenciesOf(question).Distinct())
            {
                if (questions.TryGetValue(reference, out var next))
                {
                    Visit(next, path);
                }
            }

            path.RemoveAt(path.Count - 1);
            state[question.Key] = true;
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

    private static int Filled(IReadOnlyList<SheetRow> rows) => rows.Count(r => !r.IsBlank);

    /// <summary>yes, true, TRUE(), as pyxform reads its yes/no cells in any case (Excel and Google Sheets write TRUE).</summary>
    private static bool IsYes(string? text) => text?.Trim().ToLowerInvariant() is "yes" or "true" or "true()";

    private static bool IsNo(string? text) => text?.Trim().ToLowerInvariant() is "no" or "false" or "false()";

    /// <summary>A picture or sound shown with the question (image, media::image::English…) stands in for a label.</summary>
    private static bool HasMedia(Header header, SheetRow row) =>
        header.Columns.Any(c => MediaColumn().IsMatch(c.Key) && row.Cell(c.Value).Trim().Length > 0);

    internal static IEnumerable<FormItem> Flatten(IEnumerable<FormItem> items) =>
        items.SelectMany(i => i is FormGroup g ? Flatten(g.Children).Prepend(g) : [i]);

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.\-]*$")]
    private static partial Regex ValidName();

    [GeneratedRegex(@"\$\{\s*([^}\s]*)\s*\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^(media::)?(image|big-image|audio|video)(::.*)?$")]
    private static partial Regex MediaColumn();

    [GeneratedRegex(@"\b(signature|draw|annotate)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DrawnAppearance();

    /// <summary>
    /// A sheet's header: base column names lower-cased, pyxform's older spellings ("caption", "relevance",
    /// "constraint message", "jr:count"…) read as today's, and "label::Khmer (km)" keeping its language as
    /// written. A text column with one colon ("label:English", as people type it) is a language column too.
    /// </summary>
    private sealed partial class Header
    {
        private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
        {
            ["caption"] = "label", ["relevance"] = "relevant", ["readonly"] = "read_only", ["constraint message"] = "constraint_message",
            ["constraining message"] = "constraint_message", ["jr:constraintmsg"] = "constraint_message", ["required message"] = "required_message",
            ["jr:requiredmsg"] = "required_message", ["jr:count"] = "repeat_count", ["count"] = "repeat_count", ["list name"] = "list_name",
            ["choice filter"] = "choice_filter", ["media::image"] = "image", ["media::audio"] = "audio", ["media::video"] = "video", ["media::big-image"] = "big-image",
        };

        private Header(Dictionary<string, int> columns) => Columns = columns;

        public Dictionary<string, int> Columns { get; }

        public static Header Of(SheetRow row)
        {
            var columns = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < row.Cells.Count; i++)
            {
                var text = Regex.Replace(row.Cell(i).Trim(), @"\s+", " ");
                var language = TranslatedColumn().Match(text);
                var key = language.Success
                    ? Base(language.Groups["base"].Value) + "::" + language.Groups["language"].Value.Trim()
                    : Base(text);
                if (key.Length > 0)
                {
                    columns.TryAdd(key, i);
                }
            }

            return new(columns);
        }

        private static string Base(string column)
        {
            var lowered = Regex.Replace(column.Trim().ToLowerInvariant(), @"\s*::\s*", "::");
            return Aliases.GetValueOrDefault(lowered, lowered);
        }

        [GeneratedRegex(@"^(?<base>(media\s*::\s*)?(label|hint|guidance_hint|constraint_message|required_message|constraint message|required message|caption|image|big-image|audio|video))\s*::?\s*(?<language>[^:].*)$", RegexOptions.IgnoreCase)]
        private static partial Regex TranslatedColumn();

        public int Index(string column) => Columns.GetValueOrDefault(column, -1);

        public string Cell(SheetRow row, string column) => Index(column) is var i and >= 0 ? row.Cell(i) : "";

        public IEnumerable<string> Languages() =>
            Columns.Keys.Where(k => k.StartsWith("label", StringComparison.Ordinal) || k.StartsWith("hint", StringComparison.Ordinal))
                .Select(k => k.Contains("::", StringComparison.Ordinal) ? k[(k.IndexOf("::", StringComparison.Ordinal) + 2)..] : "");
    }

    /// <summary>One row's cells by column, with expressions parsed and their problems reported at the row and column.</summary>
    private sealed class Fields(Header header, SheetRow row, FormProblems problems, string sheet = "survey")
    {
        /// <summary>Columns holding expressions or values compared in them, where autocorrect's curly quotes can only mean straight ones.</summary>
        private static readonly HashSet<string> Straightened =
            ["relevant", "required", "constraint", "calculation", "choice_filter", "default", "read_only", "repeat_count", "trigger", "appearance"];

        public string? Text(string column) => header.Cell(row, column).Trim() is { Length: > 0 } text
            ? Straightened.Contains(column) ? Straight(text) : text
            : null;

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
        public Expression? Flag(string column) => Text(column) switch
        {
            var text when text is null || IsNo(text) => null,
            var text when IsYes(text) => new Literal(XPathValue.Of(true)),
            _ => Expression(column),
        };

        /// <summary>An expression column where pyxform also takes yes/no (relevant): "no" there hides the item.</summary>
        public Expression? Condition(string column) => Text(column) switch
        {
            var text when IsYes(text) => new Literal(XPathValue.Of(true)),
            var text when IsNo(text) => new Literal(XPathValue.Of(false)),
            _ => Expression(column),
        };

        private static string Straight(string text) =>
            text.Replace('\u2018', '\'').Replace('\u2019', '\'').Replace('\u201C', '"').Replace('\u201D', '"');
    }
}
