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

/// <summary>Work kept elsewhere on the platform to count as one of the plan's steps (see <see cref="LinkedWorkService"/>).</summary>
public sealed record LinkWorkInput
{
    [Required] public LinkedWorkKind? Kind { get; init; }

    [Required] public Guid? RecordId { get; init; }
}

/// <summary>A linked record as the reader may read it; <c>Readable</c> false leaves every other field empty.</summary>
public sealed record LinkedWorkDto(Guid Id, LinkedWorkKind Kind, Guid RecordId, bool Readable, string? Title, string? Where, string? State, int? Done, int? Total, int? Overdue, string? Href)
{
    public static LinkedWorkDto From(LinkedWork w, IStringLocalizer text) => w.Record is { } r
        ? new(w.Id, w.Kind, w.RecordId, true, r.Title, r.Where, r.State is null ? null : text[r.State].Value, r.Done, r.Total, r.Overdue, r.Href)
        : new(w.Id, w.Kind, w.RecordId, false, null, null, null, null, null, null, null);
}

public sealed record LinkableWorkDto(LinkedWorkKind Kind, Guid RecordId, string Title, string Where, string? State)
{
    public static LinkableWorkDto From(LinkableWork w, IStringLocalizer text) => new(w.Kind, w.RecordId, w.Record.Title, w.Record.Where, w.Record.State is null ? null : text[w.Record.State].Value);
}
