using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.Assessments;

/// <summary>
/// A questionnaire sent by a brand or an initiative to the organisation running a facility, with a
/// deadline. Its one response is drafted and submitted by the facility's organisation; the sender
/// reads the submitted answers and score.
/// </summary>
public sealed class Assignment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid QuestionnaireId { get; init; }

    public Guid AssignedByOrganisationId { get; init; }

    public Guid FacilityId { get; init; }

    public Guid RespondentOrganisationId { get; init; }

    public DateOnly DueOn { get; init; }

    public DateTimeOffset AssignedAt { get; init; }

    /// <summary>The last day a reminder went out, so a respondent hears at most once a day.</summary>
    public DateOnly? RemindedOn { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }
}

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> b)
    {
        b.ToTable("Assignments");
        b.HasIndex(a => new { a.RespondentOrganisationId, a.SubmittedAt });
        b.HasIndex(a => new { a.AssignedByOrganisationId, a.QuestionnaireId });
        b.HasIndex(a => new { a.QuestionnaireId, a.FacilityId, a.AssignedByOrganisationId });
        b.HasOne<Questionnaire>().WithMany().HasForeignKey(a => a.QuestionnaireId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Facility>().WithMany().HasForeignKey(a => a.FacilityId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(a => a.AssignedByOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(a => a.RespondentOrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
