using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.Accountability;

/// <summary>
/// A period in which an initiative's participating brands report on its framework's indicators and
/// their suppliers rate their purchasing practices. Feedback reaches brands only in released cycles.
/// </summary>
public sealed class MonitoringRound
{
    /// <summary>Fewer answers than this can point at the supplier who gave them, whatever the round says.</summary>
    public const int LowestThreshold = 3;

    public const int DefaultThreshold = 5;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid InitiativeOrganisationId { get; init; }

    public Guid FrameworkId { get; init; }

    public required string Name { get; init; }

    public DateOnly PeriodStart { get; init; }

    public DateOnly PeriodEnd { get; init; }

    public DateOnly ReportsDueOn { get; init; }

    /// <summary>The last day suppliers can give feedback.</summary>
    public DateOnly FeedbackClosesOn { get; init; }

    /// <summary>A brand's feedback is shown only when at least this many suppliers answered.</summary>
    public int MinimumResponses { get; set; } = DefaultThreshold;

    /// <summary>How many times results were released; 0 while none were.</summary>
    public int ReleasedCycle { get; set; }

    /// <summary>The day of the last release (a day, never a time: it dates results, not answers).</summary>
    public DateOnly? ReleasedOn { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A brand accountable in the round, and who reviews its reports: a union, or the initiative when none is named.</summary>
public sealed class RoundParticipant
{
    public Guid RoundId { get; init; }

    public Guid BrandOrganisationId { get; init; }

    public Guid? ReviewerOrganisationId { get; init; }
}

public enum ReportStatus
{
    Submitted,
    Accepted,
    Queried,
}

/// <summary>A brand's value for one indicator in one round, with its evidence and the reviewer's verdict.</summary>
public sealed class IndicatorReport
{
    public const int TextMaxLength = 4000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid RoundId { get; init; }

    public Guid BrandOrganisationId { get; init; }

    public Guid IndicatorId { get; init; }

    public decimal? Value { get; set; }

    public string? Text { get; set; }

    public string? EvidenceFileName { get; set; }

    public byte[]? Evidence { get; set; }

    public ReportStatus Status { get; set; }

    public DateOnly SubmittedOn { get; set; }

    public DateOnly? ReviewedOn { get; set; }
}

/// <summary>One message in the discussion of a report between the brand and its reviewer.</summary>
public sealed class ReportMessage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ReportId { get; init; }

    public Guid OrganisationId { get; init; }

    public required string Text { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class MonitoringRoundConfiguration : IEntityTypeConfiguration<MonitoringRound>
{
    public void Configure(EntityTypeBuilder<MonitoringRound> b)
    {
        b.ToTable("MonitoringRounds");
        b.Property(r => r.Name).HasMaxLength(200);
        b.HasIndex(r => r.InitiativeOrganisationId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.InitiativeOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<IndicatorFramework>().WithMany().HasForeignKey(r => r.FrameworkId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RoundParticipantConfiguration : IEntityTypeConfiguration<RoundParticipant>
{
    public void Configure(EntityTypeBuilder<RoundParticipant> b)
    {
        b.ToTable("RoundParticipants");
        b.HasKey(p => new { p.RoundId, p.BrandOrganisationId });
        b.HasIndex(p => p.BrandOrganisationId);
        b.HasIndex(p => p.ReviewerOrganisationId);
        b.HasOne<MonitoringRound>().WithMany().HasForeignKey(p => p.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.BrandOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.ReviewerOrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IndicatorReportConfiguration : IEntityTypeConfiguration<IndicatorReport>
{
    public void Configure(EntityTypeBuilder<IndicatorReport> b)
    {
        b.ToTable("IndicatorReports");
        b.Property(r => r.Value).HasPrecision(18, 4);
        b.Property(r => r.Text).HasMaxLength(IndicatorReport.TextMaxLength);
        b.Property(r => r.EvidenceFileName).HasMaxLength(255);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(r => new { r.RoundId, r.BrandOrganisationId, r.IndicatorId }).IsUnique();
        b.HasOne<RoundParticipant>().WithMany().HasForeignKey(r => new { r.RoundId, r.BrandOrganisationId }).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Indicator>().WithMany().HasForeignKey(r => r.IndicatorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReportMessageConfiguration : IEntityTypeConfiguration<ReportMessage>
{
    public void Configure(EntityTypeBuilder<ReportMessage> b)
    {
        b.ToTable("ReportMessages");
        b.Property(m => m.Text).HasMaxLength(CommitmentComment.TextMaxLength);
        b.HasIndex(m => m.ReportId);
        b.HasOne<IndicatorReport>().WithMany().HasForeignKey(m => m.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
