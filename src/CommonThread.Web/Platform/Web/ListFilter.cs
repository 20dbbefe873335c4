using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Geography;
using CommonThread.Web.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace CommonThread.Web.Platform.Web;

/// <summary>
/// Reads a list's filter values as they arrive in a query string (text), collecting every field that is not
/// one of its values, so a list page shows all of them at once and an export answers one ProblemDetails
/// naming each field. Each feature's <c>…Query</c> record uses one of these in its <c>Parse</c>.
/// </summary>
public sealed class ListFilter
{
    private readonly Dictionary<string, string[]> errors = [];

    /// <summary>The words of a search box; empty when nothing was typed.</summary>
    public static IReadOnlyList<string> Words(string? q) => (q ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>True when every word is in one of the texts (case and accents as the reader's culture compares them).</summary>
    public static bool Matches(IReadOnlyList<string> words, params string?[] texts) =>
        words.All(w => texts.Any(t => t?.Contains(w, StringComparison.CurrentCultureIgnoreCase) == true));

    /// <summary>yes / no (or true / false); null when not given.</summary>
    public bool? YesNo(string? value, string field)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "": return null;
            case "yes" or "true": return true;
            case "no" or "false": return false;
            default:
                errors[field] = ["yes or no."];
                return null;
        }
    }

    /// <summary>One of <paramref name="choices"/> in lower case; <paramref name="fallback"/> when not given.</summary>
    public string? Choice(string? value, string field, IReadOnlyList<string> choices, string? fallback = null)
    {
        var chosen = string.IsNullOrWhiteSpace(value) ? fallback : value.Trim().ToLowerInvariant();
        if (chosen is not null && !choices.Contains(chosen))
        {
            errors[field] = [$"One of: {string.Join(", ", choices)}."];
            return fallback;
        }

        return chosen;
    }

    /// <summary>A value of the enum by its name (any case); null when not given.</summary>
    public T? Enum<T>(string? value, string field) where T : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (System.Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) && !int.TryParse(value, out _))
        {
            return parsed;
        }

        errors[field] = [$"One of: {string.Join(", ", System.Enum.GetNames<T>())}."];
        return null;
    }

    /// <summary>An ISO country code from a code or an English name; null when not given.</summary>
    public string? Country(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var code = Countries.FromCodeOrName(value);
        if (code is null)
        {
            errors[field] = [Countries.Refusal(value)];
        }

        return code;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; null when not given.</summary>
    public int? Number(string? value, string field, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            return n;
        }

        errors[field] = [$"A whole number from {min} to {max}."];
        return null;
    }

    /// <summary>A record's id (one of a list's choices, such as a questionnaire); null when not given.</summary>
    public Guid? Id(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (Guid.TryParse(value.Trim(), out var id))
        {
            return id;
        }

        errors[field] = ["Not one of the choices."];
        return null;
    }

    /// <summary>A date as yyyy-MM-dd; null when not given.</summary>
    public DateOnly? Date(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d))
        {
            return d;
        }

        errors[field] = ["A date such as 2026-01-31."];
        return null;
    }

    /// <summary>A list page's filtered rows, or no rows and the message to show beside the form when a value is not one.</summary>
    public static (IReadOnlyList<T> Rows, string? Error) Try<T>(IStringLocalizer text, Func<IReadOnlyList<T>> apply)
    {
        try
        {
            return (apply(), null);
        }
        catch (RuleViolation e)
        {
            return ([], text.Summary(e));
        }
    }

    /// <summary>Throws a field-level <see cref="RuleViolation"/> when any value was not one.</summary>
    public void ThrowIfAny()
    {
        if (errors.Count > 0)
        {
            throw new RuleViolation(errors, "The list cannot be filtered this way.");
        }
    }
}
