using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Geography;

namespace CommonThread.Web.Grievances;

/// <summary>
/// What a party's case list is narrowed to and ordered by, as the Grievances page's form and the export's
/// query string give it. Every value arrives as text so both read it the same way and a bad value becomes a
/// field-level problem rather than a binding failure.
/// </summary>
public sealed record CaseQuery
{
    /// <summary>Words in the reference (the one on the reporter's receipt), the facility's name, or the category.</summary>
    public string? Q { get; init; }

    /// <summary>A <see cref="CaseStatus"/>, or "open" / "closed" (closed or rejected).</summary>
    public string? Status { get; init; }

    /// <summary>A <see cref="GrievanceCategory"/>.</summary>
    public string? Category { get; init; }

    /// <summary>The facility's country: ISO code or name.</summary>
    public string? Country { get; init; }

    /// <summary>yes / no: the acknowledgement or the reply to the reporter is past its deadline.</summary>
    public string? Overdue { get; init; }

    /// <summary>yes / no: urgent (retaliation reports are urgent from the start).</summary>
    public string? Urgent { get; init; }

    /// <summary>attention (the default: urgent, then overdue, then newest), newest, deadline (soonest first) or oldest.</summary>
    public string? Sort { get; init; }

    public static readonly IReadOnlyList<string> Sorts = ["attention", "newest", "deadline", "oldest"];

    public static readonly IReadOnlyList<string> StatusGroups = ["open", "closed"];

    /// <summary>Nothing narrows the list (the order may still be chosen).</summary>
    public bool IsEmpty => new[] { Q, Status, Category, Country, Overdue, Urgent }.All(string.IsNullOrWhiteSpace);

    /// <summary>The query as typed values; throws a <see cref="RuleViolation"/> naming every field that is not one of its values.</summary>
    public CaseSelection Parse()
    {
        var errors = new Dictionary<string, string[]>();
        CaseStatus? status = null;
        bool? open = null;
        var statusText = Status?.Trim();
        if (!string.IsNullOrEmpty(statusText))
        {
            if (statusText.Equals("open", StringComparison.OrdinalIgnoreCase) || statusText.Equals("closed", StringComparison.OrdinalIgnoreCase))
            {
                open = statusText.Equals("open", StringComparison.OrdinalIgnoreCase);
            }
            else if (Enum.TryParse<CaseStatus>(statusText, ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(statusText, out _))
            {
                status = s;
            }
            else
            {
                errors["status"] = [$"open, closed, or one of: {string.Join(", ", Enum.GetNames<CaseStatus>())}."];
            }
        }

        GrievanceCategory? category = null;
        if (!string.IsNullOrWhiteSpace(Category))
        {
            if (Enum.TryParse<GrievanceCategory>(Category.Trim(), ignoreCase: true, out var c) && Enum.IsDefined(c) && !int.TryParse(Category, out _))
            {
                category = c;
            }
            else
            {
                errors["category"] = [$"One of: {string.Join(", ", Enum.GetNames<GrievanceCategory>())}."];
            }
        }

        string? country = null;
        if (!string.IsNullOrWhiteSpace(Country))
        {
            country = Countries.FromCodeOrName(Country);
            if (country is null)
            {
                errors["country"] = [Countries.Refusal(Country)];
            }
        }

        var overdue = YesNo(Overdue, "overdue");
        var urgent = YesNo(Urgent, "urgent");
        var sort = string.IsNullOrWhiteSpace(Sort) ? "attention" : Sort.Trim().ToLowerInvariant();
        if (!Sorts.Contains(sort))
        {
            errors["sort"] = [$"One of: {string.Join(", ", Sorts)}."];
        }

        if (errors.Count > 0)
        {
            throw new RuleViolation(errors, "The list cannot be filtered this way.");
        }

        var words = (Q ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(8).ToList();
        return new(words, status, open, category, country, overdue, urgent, sort);

        bool? YesNo(string? value, string field)
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
    }
}

/// <summary>A parsed <see cref="CaseQuery"/>.</summary>
/// <param name="Open">true: neither closed nor rejected; false: closed or rejected.</param>
public sealed record CaseSelection(IReadOnlyList<string> Words, CaseStatus? Status, bool? Open, GrievanceCategory? Category, string? Country,
    bool? Overdue, bool? Urgent, string Sort);
