using CommonThread.Web.Platform.Web;

namespace CommonThread.Web.Assessments;

/// <summary>
/// What a list of questionnaires sent or received is narrowed to and ordered by, as the assessments page's forms
/// and the export's query string give it (text, so a bad value is a field-level problem, not a binding failure).
/// </summary>
public sealed record AssignmentQuery
{
    /// <summary>Words in the questionnaire's title, the facility or the other organisation.</summary>
    public string? Q { get; init; }

    /// <summary>open, overdue or submitted.</summary>
    public string? Status { get; init; }

    /// <summary>One questionnaire, by its id: who has answered this one, who has not.</summary>
    public string? Questionnaire { get; init; }

    /// <summary>The facility's country, as an ISO code or a name.</summary>
    public string? Country { get; init; }

    /// <summary>due (the earliest deadline first, the default), newest, facility, or score (the highest first).</summary>
    public string? Sort { get; init; }

    public static readonly IReadOnlyList<string> Sorts = ["due", "newest", "facility", "score"];

    public bool IsEmpty => new[] { Q, Status, Questionnaire, Country }.All(string.IsNullOrWhiteSpace);

    /// <summary>The assignments kept and ordered; throws a field-level RuleViolation for a value that is not one.</summary>
    public IReadOnlyList<AssignmentDto> Apply(IEnumerable<AssignmentDto> rows)
    {
        var filter = new ListFilter();
        var status = filter.Enum<AssignmentStatus>(Status, "status");
        var country = filter.Country(Country, "country");
        var sort = filter.Choice(Sort, "sort", Sorts, "due");
        var questionnaire = filter.Id(Questionnaire, "questionnaire");
        filter.ThrowIfAny();
        var words = ListFilter.Words(Q);
        var kept = rows.Where(a => (status is null || a.Status == status) && (country is null || a.FacilityCountryCode == country)
            && (questionnaire is null || a.QuestionnaireId == questionnaire) && ListFilter.Matches(words, a.Questionnaire, a.Facility, a.Respondent, a.AssignedBy));
        return (sort switch
        {
            "newest" => kept.OrderByDescending(a => a.AssignedAt),
            "facility" => kept.OrderBy(a => a.Facility, StringComparer.CurrentCultureIgnoreCase).ThenBy(a => a.DueOn),
            // Unscored (not submitted, or a form without points) after every scored one.
            "score" => kept.OrderByDescending(a => a.ScorePercent ?? double.MinValue).ThenBy(a => a.Facility, StringComparer.CurrentCultureIgnoreCase),
            // What is still to be answered first, by its deadline; submitted ones after them.
            _ => kept.OrderBy(a => a.Status == AssignmentStatus.Submitted).ThenBy(a => a.DueOn).ThenBy(a => a.Facility, StringComparer.CurrentCultureIgnoreCase),
        }).ThenBy(a => a.Id).ToList();
    }

    /// <summary>The filter as a query string for the export link.</summary>
    public string ToQueryString() => ListPage.Query(("q", Q), ("status", Status), ("questionnaire", Questionnaire), ("country", Country), ("sort", Sort));
}
