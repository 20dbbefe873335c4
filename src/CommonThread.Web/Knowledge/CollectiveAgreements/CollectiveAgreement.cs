using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.Knowledge.CollectiveAgreements;

/// <summary>Where an agreement was bargained: it decides who may record it and who it covers.</summary>
public enum AgreementLevel
{
    /// <summary>One workplace: recorded by its employer or by a union verified there, and shown in the facility's FoA profile.</summary>
    Facility,
    Company,
    Sector,
    National,
}

/// <summary>What a clause is about: the topics of the regional programme's register, close to WageIndicator's coding.</summary>
public enum ClauseTopic
{
    Wages,
    WorkingTime,
    Leave,
    GenderEqualityAndMaternity,
    HealthAndSafety,
    FreedomOfAssociation,
    DisputeSettlement,
    Other,
}

public enum AgreementSide
{
    Workers,
    Employers,
}

/// <summary>Where a register entry came from: recorded here by a party or a register keeper, or imported from a dataset (WageIndicator's, a ministry's register).</summary>
public enum AgreementSource
{
    Recorded,
    Imported,
}

/// <summary>
/// A collective agreement in the register: its parties, dates, coverage, text and coded clauses. An agreement is the
/// recorder's account until the parties it names on the platform confirm it: naming a union makes no union party to
/// anything. Public agreements are read by anyone without an account (as WageIndicator publishes them); the others by
/// the recorder, the parties named, and, for a facility's agreement, those who see the facility through a confirmed
/// relationship (<see cref="CbaAccess"/>).
/// </summary>
public sealed class CollectiveAgreement
{
    public const int TitleMaxLength = 300;
    public const int NameMaxLength = 200;
    public const int TextMaxLength = 200_000;
    public const int ReferenceMaxLength = 64;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid RecordedByOrganisationId { get; init; }

    public required string Title { get; init; }

    public AgreementLevel Level { get; init; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public required string CountryCode { get; init; }

    /// <summary>The workplace a facility-level agreement covers.</summary>
    public Guid? FacilityId { get; init; }

    /// <summary>The industry in the bargaining unit's words ("garments and textiles").</summary>
    public string? Sector { get; init; }

    /// <summary>The language the text is written in (a BCP 47 tag).</summary>
    public string? Language { get; init; }

    public DateOnly? SignedOn { get; init; }

    public DateOnly StartsOn { get; init; }

    /// <summary>Open-ended agreements have none.</summary>
    public DateOnly? ExpiresOn { get; init; }

    public int? WorkersCovered { get; init; }

    public int? WomenCovered { get; init; }

    /// <summary>The agreement's text (or the part of it the recorder holds).</summary>
    public string? Text { get; init; }

    public bool Public { get; init; }

    public AgreementSource Source { get; init; }

    /// <summary>The agreement's identifier in the dataset it came from: importing the same file twice adds nothing.</summary>
    public string? SourceReference { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public List<CbaParty> Parties { get; init; } = [];

    public List<CbaClause> Clauses { get; init; } = [];

    public bool InForceOn(DateOnly day) => StartsOn <= day && (ExpiresOn is null || ExpiresOn >= day);
}

/// <summary>A signatory. With an organisation on the platform, it is the recorder's claim until that organisation confirms.</summary>
public sealed class CbaParty
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid AgreementId { get; init; }

    public AgreementSide Side { get; init; }

    public required string Name { get; init; }

    public Guid? OrganisationId { get; set; }

    public DateOnly? ConfirmedOn { get; set; }
}

/// <summary>A clause coded by topic; a dataset may say only that the agreement has one, without its words.</summary>
public sealed class CbaClause
{
    public const int TextMaxLength = 8000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid AgreementId { get; init; }

    public ClauseTopic Topic { get; init; }

    /// <summary>Where it sits in the agreement ("Art. 12").</summary>
    public string? Reference { get; init; }

    public string? Text { get; init; }
}

internal sealed class CollectiveAgreementConfiguration : IEntityTypeConfiguration<CollectiveAgreement>
{
    public void Configure(EntityTypeBuilder<CollectiveAgreement> b)
    {
        b.ToTable("CollectiveAgreements");
        b.Property(a => a.Title).HasMaxLength(CollectiveAgreement.TitleMaxLength);
        b.Property(a => a.CountryCode).HasMaxLength(2);
        b.Property(a => a.Sector).HasMaxLength(CollectiveAgreement.NameMaxLength);
        b.Property(a => a.Language).HasMaxLength(16);
        b.Property(a => a.SourceReference).HasMaxLength(CollectiveAgreement.ReferenceMaxLength);
        b.Property(a => a.Level).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.Source).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(a => new { a.Public, a.CountryCode, a.StartsOn });
        b.HasIndex(a => a.FacilityId);
        b.HasIndex(a => a.ExpiresOn);
        b.HasIndex(a => new { a.RecordedByOrganisationId, a.SourceReference });
        b.HasOne<Organisation>().WithMany().HasForeignKey(a => a.RecordedByOrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Facility>().WithMany().HasForeignKey(a => a.FacilityId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.Parties).WithOne().HasForeignKey(p => p.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.Clauses).WithOne().HasForeignKey(c => c.AgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CbaPartyConfiguration : IEntityTypeConfiguration<CbaParty>
{
    public void Configure(EntityTypeBuilder<CbaParty> b)
    {
        b.ToTable("CbaParties");
        b.Property(p => p.Name).HasMaxLength(CollectiveAgreement.NameMaxLength);
        b.Property(p => p.Side).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(p => p.OrganisationId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CbaClauseConfiguration : IEntityTypeConfiguration<CbaClause>
{
    public void Configure(EntityTypeBuilder<CbaClause> b)
    {
        b.ToTable("CbaClauses");
        b.Property(c => c.Topic).HasConversion<string>().HasMaxLength(32);
        b.Property(c => c.Reference).HasMaxLength(CollectiveAgreement.ReferenceMaxLength);
        b.Property(c => c.Text).HasMaxLength(CbaClause.TextMaxLength);
        b.HasIndex(c => new { c.Topic, c.AgreementId });
    }
}
