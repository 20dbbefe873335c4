using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.Assessments;

/// <summary>
/// An XLSForm questionnaire as it was uploaded: the file itself is kept, so it is read back exactly
/// as its author wrote it and can be downloaded again. A questionnaire never changes: a new version
/// is a new upload, and answers stay tied to the version they were given to.
/// </summary>
public sealed class Questionnaire
{
    public const int TitleMaxLength = 200;
    public const int MaxFileBytes = 5 * 1024 * 1024;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Null for the starter questionnaires shipped with CommonThread, which every organisation may use.</summary>
    public Guid? OwnerOrganisationId { get; init; }

    public required string Title { get; init; }

    /// <summary>The settings sheet's form_id and version, as KoboToolbox and ODK name a form.</summary>
    public required string FormId { get; init; }

    public string? Version { get; init; }

    /// <summary>The label languages, separated by "|", the default first ("" for labels without a language).</summary>
    public required string Languages { get; init; }

    public int QuestionCount { get; init; }

    public required string FileName { get; init; }

    public required byte[] Content { get; init; }

    public DateTimeOffset ImportedAt { get; init; }

    public IReadOnlyList<string> LanguageList => Languages.Split('|');
}

internal sealed class QuestionnaireConfiguration : IEntityTypeConfiguration<Questionnaire>
{
    public void Configure(EntityTypeBuilder<Questionnaire> b)
    {
        b.ToTable("Questionnaires");
        b.Property(q => q.Title).HasMaxLength(Questionnaire.TitleMaxLength);
        b.Property(q => q.FormId).HasMaxLength(200);
        b.Property(q => q.Version).HasMaxLength(100);
        b.Property(q => q.Languages).HasMaxLength(1000);
        b.Property(q => q.FileName).HasMaxLength(255);
        b.Ignore(q => q.LanguageList);
        b.HasIndex(q => q.OwnerOrganisationId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(q => q.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
