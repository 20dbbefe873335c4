using System.ComponentModel.DataAnnotations;
using CommonThread.Web.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace CommonThread.Web.DueDiligence;

/// <summary>An impact raised by hand. Figures are 1–5; a country-wide impact names a country and no facility.</summary>
public sealed record ImpactInput
{
    public Guid? FacilityId { get; init; }

    [StringLength(60)] public string? Country { get; init; }

    [Required] public HumanRightsIssue? Issue { get; init; }

    [Required] public ImpactNature? Nature { get; init; }

    [Required, StringLength(AdverseImpact.TitleMaxLength)] public string Title { get; init; } = "";

    [StringLength(AdverseImpact.DescriptionMaxLength)] public string? Description { get; init; }

    [Required, Range(1, 5)] public int? Scale { get; init; }

    [Required, Range(1, 5)] public int? Scope { get; init; }

    [Required, Range(1, 5)] public int? Irremediability { get; init; }

    [Required, Range(1, 5)] public int? Likelihood { get; init; }
}

/// <summary>The owner's assessment of an impact, changed as it learns more.</summary>
public sealed record ImpactAssessmentInput
{
    [Required] public ImpactNature? Nature { get; init; }

    [Required, Range(1, 5)] public int? Scale { get; init; }

    [Required, Range(1, 5)] public int? Scope { get; init; }

    [Required, Range(1, 5)] public int? Irremediability { get; init; }

    [Required, Range(1, 5)] public int? Likelihood { get; init; }

    [Required] public ImpactStatus? Status { get; init; }
}

public sealed record ImpactCommentInput
{
    [Required, StringLength(ImpactComment.TextMaxLength)] public string Text { get; init; } = "";
}

public sealed record ProposalAcceptInput
{
    [Required, StringLength(AdverseImpact.EvidenceKeyMaxLength)] public string Key { get; init; } = "";

    /// <summary>The impact's title; by default its issue and place.</summary>
    [StringLength(AdverseImpact.TitleMaxLength)] public string? Title { get; init; }
}

public sealed record ImpactCommentDto(string Organisation, string Text, DateTimeOffset At);

/// <summary>One impact in priority order: <see cref="Why"/> gives its figures and what put it before the next.</summary>
public sealed record ImpactDto(Guid Id, int Rank, string Owner, bool Mine, Guid? FacilityId, string? Facility, string CountryCode, HumanRightsIssue Issue,
    ImpactNature Nature, string Title, string? Description, int Scale, int Scope, int Irremediability, int Likelihood, int Severity, ImpactSource Source,
    string? Evidence, ImpactStatus Status, string Why, DateTimeOffset RaisedAt, IReadOnlyList<ImpactCommentDto> Comments)
{
    public static ImpactDto From(RegisterRow row, IStringLocalizer text)
    {
        var i = row.Impact;
        var why = ImpactPriority.Figures(i).In(text) + (row.Reason is null ? "" : " " + row.Reason.In(text));
        return new(i.Id, row.Rank, row.Owner, row.Mine, i.FacilityId, row.Facility, i.CountryCode, i.Issue, i.Nature, i.Title, i.Description, i.Scale, i.Scope,
            i.Irremediability, ImpactPriority.Likelihood(i), ImpactPriority.Severity(i), i.Source,
            i.Evidence is null ? null : Phrase.Say(text, i.EvidenceTemplate, i.EvidenceArguments, i.Evidence), i.Status, why, i.RaisedAt,
            row.Comments.Select(c => new ImpactCommentDto(c.Organisation, c.Text, c.At)).ToList());
    }
}

/// <summary>Evidence the platform holds that suggests an impact the register does not have yet; accepting it adds the impact with these figures.</summary>
public sealed record ImpactProposalDto(string Key, Guid? FacilityId, string? Facility, string CountryCode, HumanRightsIssue Issue, ImpactNature Nature,
    ImpactSource Source, string Evidence, int Scale, int Scope, int Irremediability, int Likelihood)
{
    public static ImpactProposalDto From(ImpactProposal p, IStringLocalizer text) =>
        new(p.Key, p.FacilityId, p.Facility, p.CountryCode, p.Issue, p.Nature, p.Source, p.Evidence.In(text), p.Scale, p.Scope, p.Irremediability, p.Likelihood);
}
