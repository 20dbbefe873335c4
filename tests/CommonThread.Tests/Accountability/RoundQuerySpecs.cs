using CommonThread.Web.Accountability;
using CommonThread.Web.Platform.Errors;

namespace CommonThread.Tests.Accountability;

/// <summary>The monitoring rounds list narrowed by words and by whether reports or feedback are still due.</summary>
public sealed class RoundQuerySpecs
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    private static RoundDto Round(string name, DateOnly reportsDue, DateOnly feedbackCloses, params string[] brands) =>
        new(Guid.NewGuid(), name, "Fair Threads", Guid.NewGuid(), "Purchasing practices", reportsDue.AddMonths(-6), reportsDue.AddMonths(-1), reportsDue, feedbackCloses, 5, 0, null, true,
            brands.Select(b => new ParticipantDto(Guid.NewGuid(), b, "Fair Threads", 10, 0, 0, 0, 0, null, null)).ToList());

    private static readonly RoundDto[] Rounds =
    [
        Round("2024 monitoring", new(2025, 3, 1), new(2025, 2, 1), "Northwind"),
        Round("2025 monitoring", new(2026, 3, 1), new(2026, 6, 1), "Northwind", "Meridian"),
        Round("2026 monitoring", new(2027, 3, 1), new(2027, 2, 1), "Meridian"),
    ];

    [Fact]
    public void Open_keeps_the_rounds_with_reports_or_supplier_feedback_still_due_the_latest_first() =>
        Assert.Equal(["2026 monitoring", "2025 monitoring"], new RoundQuery { Status = "open" }.Apply(Rounds, Today).Select(r => r.Name));

    [Fact]
    public void Closed_keeps_the_rest() =>
        Assert.Equal(["2024 monitoring"], new RoundQuery { Status = "closed" }.Apply(Rounds, Today).Select(r => r.Name));

    [Fact]
    public void Words_are_found_in_the_name_and_the_brands_of_a_round() =>
        Assert.Equal(["2025 monitoring"], new RoundQuery { Q = "meridian 2025" }.Apply(Rounds, Today).Select(r => r.Name));

    [Fact]
    public void A_status_that_is_not_one_is_a_field_level_problem() =>
        Assert.Contains("status", Assert.Throws<RuleViolation>(() => new RoundQuery { Status = "someday" }.Apply(Rounds, Today)).Errors.Keys);
}
