using System.ComponentModel.DataAnnotations;
using CommonThread.Web.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace CommonThread.Web.DueDiligence.Plans;

public sealed record GoalInput
{
    [Required, StringLength(PlanGoal.TextMaxLength)] public string Goal { get; init; } = "";

    [Required, StringLength(PlanGoal.ShortMaxLength)] public string Indicator { get; init; } = "";

    [Required, StringLength(PlanGoal.ShortMaxLength)] public string Target { get; init; } = "";

    [Required, StringLength(PlanGoal.ShortMaxLength)] public string Owner { get; init; } = "";

    [Required] public DateOnly? DueOn { get; init; }
}

/// <summary>A plan for one impact of the register: from a template ("foa-action-route"), with goals of its own, or both.</summary>
public sealed record PlanInput
{
    [Required] public Guid? ImpactId { get; init; }

    [Required, StringLength(DueDiligencePlan.TitleMaxLength)] public string Title { get; init; } = "";

    [StringLength(60)] public string? Template { get; init; }

    public List<GoalInput>? Goals { get; init; }
}

public sealed record GoalUpdateInput
{
    [Required] public GoalStatus? Status { get; init; }

    [Required, StringLength(PlanGoal.ShortMaxLength)] public string Owner { get; init; } = "";

    [Required] public DateOnly? DueOn { get; init; }

    [StringLength(PlanGoal.TextMaxLength)] public string? Progress { get; init; }
}

public sealed record MeasurementInput
{
    [Required] public DateOnly? On { get; init; }

    [Required] public decimal? Value { get; init; }

    [StringLength(PlanGoal.ShortMaxLength)] public string? Note { get; init; }
}

public sealed record ReviewerInput
{
    [Required] public Guid? UnionOrganisationId { get; init; }
}

public sealed record PlanCommentInput
{
    [Required, StringLength(RiskPlanComment.TextMaxLength)] public string Text { get; init; } = "";
}

public sealed record MeasurementDto(DateOnly On, decimal Value, string? Note);

public sealed record GoalDto(Guid Id, int Number, string Goal, string Indicator, string Target, string Owner, DateOnly DueOn, GoalStatus Status, bool Overdue,
    string? Progress, IReadOnlyList<MeasurementDto> Measurements);

public sealed record PlanCommentDto(string Organisation, string Text, DateTimeOffset At);

public sealed record PlanDto(Guid Id, string Title, string Owner, bool Mine, Guid ImpactId, string Impact, HumanRightsIssue Issue, Guid? FacilityId, string? Facility,
    string CountryCode, string? Template, int Done, int Goals, IReadOnlyList<GoalDto> GoalList, IReadOnlyList<string> Reviewers, string? Operator, IReadOnlyList<PlanCommentDto> Comments)
{
    public static PlanDto From(PlanView v, IStringLocalizer text, DateOnly today) =>
        new(v.Plan.Id, v.Plan.Title, v.Owner, v.Mine, v.Impact.Id, v.Impact.Title, v.Impact.Issue, v.Impact.FacilityId, v.Facility, v.Impact.CountryCode, v.Plan.Template,
            v.Goals.Count(g => g.Goal.Status == GoalStatus.Done), v.Goals.Count,
            v.Goals.Select(g => new GoalDto(g.Goal.Id, g.Goal.Number, Phrase.Say(text, g.Goal.GoalTemplate, null, g.Goal.Goal), Phrase.Say(text, g.Goal.IndicatorTemplate, null, g.Goal.Indicator),
                g.Goal.Target, g.Goal.Owner, g.Goal.DueOn, g.Goal.Status, PlanView.IsOverdue(g.Goal, today), g.Goal.Progress,
                g.Measurements.Select(m => new MeasurementDto(m.On, m.Value, m.Note)).ToList())).ToList(),
            v.Reviewers, v.Operator, v.Comments.Select(c => new PlanCommentDto(c.Organisation, c.Text, c.At)).ToList());
}
