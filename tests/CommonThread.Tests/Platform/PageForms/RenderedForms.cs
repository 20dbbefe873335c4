using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace CommonThread.Tests.Platform.PageForms;

/// <summary>
/// The forms a page rendered, by handler name, each with the fields a person would send: the values the
/// page put there, and plausible ones where it left a field empty, so a post would pass validation and
/// reach the service if the caller were allowed. File inputs are left out (posts are url-encoded).
/// </summary>
public static partial class RenderedForms
{
    public static IReadOnlyDictionary<string, Dictionary<string, string>> Read(string html)
    {
        var forms = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (Match form in Form().Matches(html))
        {
            var body = form.Groups[1].Value;
            if (Handler().Match(body) is { Success: true } handler)
            {
                forms[WebUtility.HtmlDecode(handler.Groups[1].Value)] = Fields(body);
            }
        }

        return forms;
    }

    private static Dictionary<string, string> Fields(string form)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in Input().Matches(form))
        {
            var a = Attributes(input.Groups[1].Value);
            if (a.GetValueOrDefault("name") is not { Length: > 0 } name || name is "_handler" or "__RequestVerificationToken")
            {
                continue;
            }

            var type = a.GetValueOrDefault("type", "text").ToLowerInvariant();
            var value = a.GetValueOrDefault("value", "");
            switch (type)
            {
                case "file" or "submit" or "button":
                    break;
                case "checkbox":
                    if (a.ContainsKey("checked"))
                    {
                        fields[name] = value.Length > 0 ? value : "true";
                    }

                    break;
                case "radio":
                    if (a.ContainsKey("checked") || !fields.ContainsKey(name))
                    {
                        fields[name] = value;
                    }

                    break;
                default:
                    fields[name] = value.Length > 0 ? value : Plausible(type, a);
                    break;
            }
        }

        foreach (Match area in TextArea().Matches(form))
        {
            var name = Attributes(area.Groups[1].Value).GetValueOrDefault("name");
            var text = WebUtility.HtmlDecode(area.Groups[2].Value);
            if (name is { Length: > 0 })
            {
                fields[name] = text.Length > 0 ? text : "Written by the form matrix.";
            }
        }

        foreach (Match select in Select().Matches(form))
        {
            var name = Attributes(select.Groups[1].Value).GetValueOrDefault("name");
            var options = Option().Matches(select.Groups[2].Value).Select(o => Attributes(o.Groups[1].Value)).ToList();
            var chosen = options.FirstOrDefault(o => o.ContainsKey("selected") && o.GetValueOrDefault("value") is { Length: > 0 })
                ?? options.FirstOrDefault(o => o.GetValueOrDefault("value") is { Length: > 0 });
            if (name is { Length: > 0 } && chosen?.GetValueOrDefault("value") is { } value)
            {
                fields[name] = value;
            }
        }

        return fields;
    }

    private static string Plausible(string type, Dictionary<string, string> a) => type switch
    {
        "email" => "matrix@example.org",
        "number" or "range" => a.GetValueOrDefault("min") is { Length: > 0 } min && decimal.Parse(min, CultureInfo.InvariantCulture) > 1 ? min : "1",
        "date" => a.GetValueOrDefault("min") is { Length: > 0 } min ? min : TimeProvider.System.GetUtcNow().AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        "month" => TimeProvider.System.GetUtcNow().ToString("yyyy-MM", CultureInfo.InvariantCulture),
        "url" => "https://example.org/matrix",
        "password" => "matrix-password-2026",
        _ => "Matrix",
    };

    private static Dictionary<string, string> Attributes(string tag) =>
        Attribute().Matches(tag).GroupBy(m => m.Groups[1].Value.ToLowerInvariant())
            .ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Groups[3].Value), StringComparer.Ordinal);

    [GeneratedRegex(@"<form\b[^>]*>(.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Form();

    [GeneratedRegex(@"name=""_handler""\s+value=""([^""]*)""")]
    private static partial Regex Handler();

    [GeneratedRegex(@"<input\b([^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex Input();

    [GeneratedRegex(@"<textarea\b([^>]*)>(.*?)</textarea>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex TextArea();

    [GeneratedRegex(@"<select\b([^>]*)>(.*?)</select>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Select();

    [GeneratedRegex(@"<option\b([^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex Option();

    /// <summary>name="value", or a bare attribute (checked, selected) with an empty value.</summary>
    [GeneratedRegex(@"([\w:.-]+)(\s*=\s*""([^""]*)"")?")]
    private static partial Regex Attribute();
}
