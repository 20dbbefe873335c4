using CommonThread.Web.Platform.Web;

namespace CommonThread.Web.Accountability;

/// <summary>What the monitoring rounds list is narrowed to, as the accountability page's form gives it.</summary>
public sealed record RoundQuery
{
    /// <summary>Words in the round's name, its initiative, its framework or a brand in it.</summary>
    public string? Q { get; init; }

    /// <summary>open (reports or supplier feedback still due) or closed.</summary>
    public string? Status { get; init; }

    public static readonly IReadOnlyList<string> Statuses = ["open", "closed"];

    public bool IsEmpty => new[] { Q, Status }.All(string.IsNullOrWhiteSpace);

    /// <summary>The rounds kept, the latest period first; throws a field-level RuleViolation for a value that is not one.</summary>
    public IReadOnlyList<RoundDto> Apply(IEnumerable<RoundDto> rows, DateOnly today)
    {
        var filter = new ListFilter();
        var status = filter.Choice(Status, "status", Statuses);
        filter.ThrowIfAny();
        var words = ListFilter.Words(Q);
        return rows.Where(r => (status is null || IsOpen(r, today) == (status == "open"))
                && ListFilter.Matches(words, [r.Name, r.Initiative, r.Framework, .. r.Participants.Select(p => p.Brand)]))
            .OrderByDescending(r => r.PeriodEnd).ThenBy(r => r.Id).ToList();
    }

    public static bool IsOpen(RoundDto round, DateOnly today) => round.ReportsDueOn >= today || round.FeedbackClosesOn >= today;
}
