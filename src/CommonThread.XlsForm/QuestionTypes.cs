using System.Text.RegularExpressions;

namespace CommonThread.XlsForm;

/// <summary>What a survey row's type cell means: the question type, its choice list, and how it is adapted when this platform cannot ask it as written.</summary>
internal sealed record TypeReading(QuestionType Type, string? ListName = null, bool OrOther = false, AdaptationKind? Adaptation = null, string? Reason = null);

/// <summary>
/// The type names pyxform accepts, its legacy aliases included (its aliases.py and the question type
/// table once generated from all.xls): forms written years ago with "select one from yn" or
/// "add integer prompt" still circulate and load there, so they load here. A type this platform
/// cannot render is not a reason to refuse the form: it is read as the nearest thing it can ask, or
/// skipped, with the reason the author is shown.
/// </summary>
internal static partial class QuestionTypes
{
    private const string ExternalFile = "its choices come from a file that is not part of this upload";

    private static readonly Dictionary<string, TypeReading> Simple = Build();

    /// <summary>Null for a type nobody knows (a typo); <paramref name="missingList"/> when a select names no list.</summary>
    public static TypeReading? Read(string written, out bool missingList)
    {
        missingList = false;
        var normalized = Regex.Replace(written.Trim(), @"\s+", " ");
        var type = normalized.ToLowerInvariant();
        if (Simple.TryGetValue(type, out var simple))
        {
            return simple;
        }

        if (FromFile().Match(type) is { Success: true })
        {
            return new(QuestionType.Skipped, Adaptation: AdaptationKind.Skipped, Reason: ExternalFile);
        }

        if (Select().Match(type) is { Success: true } select)
        {
            var command = select.Groups["command"].Value;
            var multiple = command.Contains("multiple", StringComparison.Ordinal) || command.Contains("all that apply", StringComparison.Ordinal);
            var list = select.Groups["list"];
            return new(multiple ? QuestionType.SelectMultiple : QuestionType.SelectOne, normalized.Substring(list.Index, list.Length), select.Groups["other"].Success);
        }

        if (Ranked().IsMatch(type))
        {
            return new(QuestionType.Skipped, Adaptation: AdaptationKind.Skipped, Reason: "ranking choices in order is not offered here");
        }

        missingList = SelectCommand().IsMatch(type);
        return null;
    }

    /// <summary>The known type nearest to a typo, if one is close enough to be what was meant.</summary>
    public static string? Nearest(string written)
    {
        var type = written.Trim().ToLowerInvariant();
        return Suggestions.Select(known => (known, Distance: Distance(type, known)))
            .Where(k => k.Distance <= Math.Max(2, k.known.Length / 4)).OrderBy(k => k.Distance).Select(k => k.known).FirstOrDefault();
    }

    private static readonly string[] Suggestions =
    [
        "text", "integer", "decimal", "date", "time", "datetime", "note", "calculate", "acknowledge", "select_one", "select_multiple",
        "begin_group", "end_group", "begin_repeat", "end_repeat", "begin group", "end group", "begin repeat", "end repeat", "geopoint", "image", "file", "barcode", "range", "audio", "video",
        "start", "end", "today", "deviceid", "username", "phonenumber", "hidden", "geotrace", "geoshape", "rank", "trigger", "email",
    ];

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    private static Dictionary<string, TypeReading> Build()
    {
        var types = new Dictionary<string, TypeReading>(StringComparer.Ordinal);
        void Add(TypeReading reading, params string[] names)
        {
            foreach (var name in names)
            {
                types[name] = reading;
            }
        }

        Add(new(QuestionType.Text), "text", "string", "q string", "add text prompt", "phone number");
        Add(new(QuestionType.Integer), "integer", "int", "q int", "add integer prompt", "percentage",
            "number of days in last month", "number of days in last six months", "number of days in last year");
        Add(new(QuestionType.Decimal), "decimal", "q decimal", "add decimal prompt");
        Add(new(QuestionType.Date), "date", "q date", "add date prompt");
        Add(new(QuestionType.Time), "time", "q time", "add time prompt");
        Add(new(QuestionType.DateTime), "datetime", "datetime-local", "date time", "q date time", "q datetime", "add date time prompt", "add datetime prompt");
        Add(new(QuestionType.Note), "note", "q note", "add note prompt");
        Add(new(QuestionType.Calculate), "calculate", "q calculate", "add calculate prompt");
        Add(new(QuestionType.Acknowledge), "acknowledge", "trigger", "q acknowledge", "add acknowledge prompt");

        // Recorded by collection apps, never asked; "hidden" is pyxform's value with no control, set by a default or a calculation.
        Add(new(QuestionType.Metadata), "start", "end", "today", "deviceid", "username", "phonenumber", "simserial", "subscriberid", "audit",
            "email", "start-geopoint", "imei", "hidden", "start time", "get start time", "end time", "get end time", "get today", "device id",
            "get device id", "sim id", "get sim id", "subscriber id", "get subscriber id", "get phone number",
            "uri:deviceid", "uri:email", "uri:phonenumber", "uri:simserial", "uri:subscriberid", "uri:username");

        Add(new(QuestionType.Geopoint), "geopoint", "gps", "location", "q location", "q geopoint", "add location prompt");
        Add(new(QuestionType.Image), "image", "photo", "q picture", "q image", "add image prompt", "add photo prompt");
        Add(new(QuestionType.File), "file", "add file prompt");

        Add(new(QuestionType.Text, Adaptation: AdaptationKind.PlainInput, Reason: "typed in, not scanned"), "barcode", "q barcode", "add barcode prompt");
        Add(new(QuestionType.Text, Adaptation: AdaptationKind.PlainInput, Reason: "points typed as 'lat lon;lat lon'"), "geotrace", "geoshape");
        Add(new(QuestionType.Decimal, Adaptation: AdaptationKind.PlainInput, Reason: "typed as a number, not picked on a slider"), "range");

        Add(new(QuestionType.Skipped, Adaptation: AdaptationKind.Skipped, Reason: "recording sound is not offered here"), "audio", "q audio", "add audio prompt", "background-audio");
        Add(new(QuestionType.Skipped, Adaptation: AdaptationKind.Skipped, Reason: "recording video is not offered here"), "video", "q video", "add video prompt");
        Add(new(QuestionType.Skipped, Adaptation: AdaptationKind.Skipped, Reason: "tracking the device's location in the background is not offered here"), "background-geopoint");
        Add(new(QuestionType.Skipped, Adaptation: AdaptationKind.Skipped, Reason: "drawing on an OpenStreetMap map is not offered here"), "osm");
        Add(new(QuestionType.Skipped, Adaptation: AdaptationKind.Skipped, Reason: "it declares a data file that is not part of this upload"), "xml-external", "csv-external");
        return types;
    }

    [GeneratedRegex(@"^(?<command>add select one prompt using|add select multiple prompt using|select all that apply from|select multiple from|select one from|select one using|select multiple using|select all that apply|select_one|select_multiple|select1|select one|select multiple) (?<list>\S+)( (?<other>or_other|or specify other|or other))?$")]
    private static partial Regex Select();

    [GeneratedRegex(@"^(select_one_from_file|select_multiple_from_file|select one from file|select multiple from file|select_one_external)( \S+)?$")]
    private static partial Regex FromFile();

    [GeneratedRegex(@"^rank( \S+)?( or_other)?$")]
    private static partial Regex Ranked();

    [GeneratedRegex(@"^(select_one|select_multiple|select1|select one|select multiple|select all that apply|select one from|select all that apply from|select multiple from)$")]
    private static partial Regex SelectCommand();
}
