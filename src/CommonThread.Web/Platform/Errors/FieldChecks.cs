using CommonThread.Web.Platform.Text;

namespace CommonThread.Web.Platform.Errors;

/// <summary>
/// The problems of one input, field by field, collected and then refused together, so a form is re-shown with every
/// message beside its field rather than one at a time.
/// </summary>
public sealed class FieldChecks
{
    private readonly Dictionary<string, string[]> errors = [];

    public int Count => errors.Count;

    /// <summary>Every field's first problem, for a caller that reports them its own way (an import's row and column).</summary>
    public IReadOnlyDictionary<string, string[]> Errors => errors;

    /// <summary>Keeps the first problem of a field: it is the one to fix first.</summary>
    public void Add(string field, string message) => errors.TryAdd(field, [message]);

    /// <summary>A required text, trimmed; null (and the message) when it is missing or longer than allowed.</summary>
    public string? Text(string? text, int maxLength, string field, string message)
    {
        var value = TextInput.OrNull(text);
        if (value is null || value.Length > maxLength)
        {
            Add(field, message);
            return null;
        }

        return value;
    }

    public void ThrowIfAny()
    {
        if (errors.Count > 0)
        {
            throw new RuleViolation(errors, "This cannot be recorded as it is: see each field.");
        }
    }
}
