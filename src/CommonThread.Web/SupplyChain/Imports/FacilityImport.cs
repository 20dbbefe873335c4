using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.SupplyChain.Imports;

public enum ImportStatus
{
    /// <summary>Uploaded and checked; nothing written yet. The user reads the problems and starts it, or not.</summary>
    Previewed,
    Queued,
    Running,
    Completed,

    /// <summary>Stopped by an error; the transaction was rolled back, so nothing of it was written.</summary>
    Failed,
}

/// <summary>One uploaded facility list: its checks, then its run as a background job, then what it changed.</summary>
public sealed class FacilityImport
{
    public const int FileNameMaxLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; init; }

    public required string FileName { get; init; }

    /// <summary>SHA-256 of the file, hex: tells the user when a file was imported before.</summary>
    public required string FileSha256 { get; init; }

    public long FileBytes { get; init; }

    public ImportStatus Status { get; set; }

    public int TotalRows { get; init; }

    public int ValidRows { get; init; }

    public int ProblemCount { get; init; }

    public string? UploadedByUserId { get; init; }

    public string? UploadedByName { get; init; }

    public DateTimeOffset UploadedAt { get; init; }

    /// <summary>
    /// When the background worker worked out each row's planned outcome (see <see cref="ImportPlanner"/>); null
    /// until then. The plan is what a run would have done at that moment: the registry may grow before the start.
    /// </summary>
    public DateTimeOffset? PlannedAt { get; set; }

    public string? StartedByUserId { get; set; }

    public string? StartedByName { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public string? Failure { get; set; }

    /// <summary>The process running it (see <see cref="Platform.Jobs.JobNode"/>), while Running.</summary>
    public string? RunningOn { get; set; }

    /// <summary>
    /// Until when the running process vouches for it; renewed while it runs. Past it the process is taken
    /// to be gone and the import is queued again (its transaction never committed).
    /// </summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>How many runs of it began since it was last started by a person; after too many interrupted ones it fails.</summary>
    public int Attempts { get; set; }

    /// <summary>Rows linked to a facility already on the platform.</summary>
    public int MatchedRows { get; set; }

    /// <summary>Rows that became new facilities.</summary>
    public int NewFacilities { get; set; }

    /// <summary>Rows waiting for a person to decide in the review queue, whether queued by this import or by an earlier one.</summary>
    public int ReviewRows { get; set; }

    /// <summary>
    /// Rows an earlier import of the organisation had settled: linked to a facility it already links
    /// to, decided in review, or still waiting there. A re-import of the same file knows every row.
    /// </summary>
    public int KnownRows { get; set; }

    public int LinksCreated { get; set; }

    public int LinksUpdated { get; set; }

    public int FoaFactsRecorded { get; set; }
}

/// <summary>The uploaded bytes, apart from the import so lists never load them; deleted once the import completes.</summary>
public sealed class FacilityImportContent
{
    public Guid ImportId { get; init; }

    public required byte[] Bytes { get; init; }
}

/// <summary>One problem with one cell or row (Row 0 is the file as a whole), found before anything is written.</summary>
public sealed class FacilityImportProblem
{
    public long Id { get; init; }

    public Guid ImportId { get; init; }

    public int Row { get; init; }

    public required string Column { get; init; }

    /// <summary>The English of the problem; with <see cref="MessageTemplate"/> and <see cref="MessageArguments"/> a page says it in the reader's language.</summary>
    public required string Message { get; init; }

    public string? MessageTemplate { get; init; }

    public string? MessageArguments { get; init; }
}

internal sealed class FacilityImportConfiguration : IEntityTypeConfiguration<FacilityImport>, IEntityTypeConfiguration<FacilityImportContent>,
    IEntityTypeConfiguration<FacilityImportProblem>
{
    public void Configure(EntityTypeBuilder<FacilityImport> b)
    {
        b.ToTable("FacilityImports");
        b.Property(i => i.FileName).HasMaxLength(FacilityImport.FileNameMaxLength);
        b.Property(i => i.FileSha256).HasMaxLength(64);
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.UploadedByUserId).HasMaxLength(64);
        b.Property(i => i.UploadedByName).HasMaxLength(200);
        b.Property(i => i.StartedByUserId).HasMaxLength(64);
        b.Property(i => i.StartedByName).HasMaxLength(200);
        b.Property(i => i.Failure).HasMaxLength(1000);
        b.Property(i => i.RunningOn).HasMaxLength(100);
        b.HasIndex(i => new { i.OrganisationId, i.UploadedAt });
        b.HasIndex(i => i.Status);
        b.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<FacilityImportContent> b)
    {
        b.ToTable("FacilityImportContents");
        b.HasKey(c => c.ImportId);
        b.HasOne<FacilityImport>().WithOne().HasForeignKey<FacilityImportContent>(c => c.ImportId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<FacilityImportProblem> b)
    {
        b.ToTable("FacilityImportProblems");
        b.Property(p => p.Column).HasMaxLength(64);
        b.Property(p => p.Message).HasMaxLength(500);
        b.Property(p => p.MessageTemplate).HasMaxLength(StoredWords.TemplateMaxLength);
        b.Property(p => p.MessageArguments).HasMaxLength(StoredWords.ArgumentsMaxLength);
        b.HasIndex(p => new { p.ImportId, p.Row });
        b.HasOne<FacilityImport>().WithMany().HasForeignKey(p => p.ImportId).OnDelete(DeleteBehavior.Cascade);
    }
}
