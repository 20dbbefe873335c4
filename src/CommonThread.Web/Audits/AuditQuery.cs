using CommonThread.Web.Platform.Web;

namespace CommonThread.Web.Audits;

/// <summary>What the audits list is narrowed to and ordered by, as the plans page's audit form and the export give it.</summary>
public sealed record AuditQuery
{
    /// <summary>Words in the facility, standard, auditor or a finding.</summary>
    public string? Q { get; init; }

    /// <summary>The facility's country, as an ISO code or a name.</summary>
    public string? Country { get; init; }

    /// <summary>Audits with at least one finding of this severity / category.</summary>
    public string? Severity { get; init; }

    public string? Category { get; init; }

    /// <summary>newest (by the audit's last day, the default), oldest, or facility.</summary>
    public string? Sort { get; init; }

    public static readonly IReadOnlyList<string> Sorts = ["newest", "oldest", "facility"];

    public bool IsEmpty => new[] { Q, Country, Severity, Category }.All(string.IsNullOrWhiteSpace);

    /// <summary>The audits kept and ordered; throws a field-level RuleViolation for a value that is not one.</summary>
    public IReadOnlyList<AuditRow> Apply(IEnumerable<AuditRow> rows)
    {
        var filter = new ListFilter();
        var country = filter.Country(Country, "country");
        var severity = filter.Enum<Severity>(Severity, "severity");
        var category = filter.Enum<FindingCategory>(Category, "category");
        var sort = filter.Choice(Sort, "sort", Sorts, "newest");
        filter.ThrowIfAny();
        var words = ListFilter.Words(Q);
        var kept = rows.Where(r =>
            (country is null || r.CountryCode == country)
            && (severity is null || r.Audit.NonConformities.Any(n => n.Severity == severity))
            && (category is null || r.Audit.NonConformities.Any(n => n.Category == category))
            && ListFilter.Matches(words, [r.Audit.Facility, r.Audit.Standard, r.Audit.Auditor, .. r.Audit.NonConformities.Select(n => n.Finding)]));
        return (sort switch
        {
            "oldest" => kept.OrderBy(r => r.Audit.EndedOn),
            "facility" => kept.OrderBy(r => r.Audit.Facility, StringComparer.CurrentCultureIgnoreCase).ThenByDescending(r => r.Audit.EndedOn),
            _ => kept.OrderByDescending(r => r.Audit.EndedOn),
        }).ThenBy(r => r.Audit.Id).ToList();
    }

    public string ToQueryString() => ListPage.Query(("q", Q), ("country", Country), ("severity", Severity), ("category", Category), ("sort", Sort));
}
