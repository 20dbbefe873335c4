using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.SupplyChain;

public enum FoaFactKind
{
    Union,
    WorkerCommittee,
    CollectiveAgreement,
    WorkerRepresentative,
}

public enum FactSource
{
    Audit,
    Interview,
    SelfDeclared,
    Union,
}

/// <summary>
/// One dated, sourced fact about freedom of association at a facility: a union present (or gone),
/// a worker committee, a CBA, a representative. Facts are never overwritten: a newer fact about the
/// same thing supersedes the older one in the current profile, and the older stays as history.
/// </summary>
public sealed class FoaFact
{
    public const int TextMaxLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid FacilityId { get; init; }

    public FoaFactKind Kind { get; init; }

    public FactSource Source { get; init; }

    public DateOnly ObservedOn { get; init; }

    /// <summary>False records that the thing is absent or has ended (the union left, the CBA lapsed).</summary>
    public bool Present { get; init; } = true;

    /// <summary>The union's, committee's or representative's name, or the agreement's title.</summary>
    public required string Name { get; init; }

    public string? Federation { get; init; }

    public string? NationalCentre { get; init; }

    public string? GlobalFederation { get; init; }

    public int? Members { get; init; }

    public bool? RecognisedByManagement { get; init; }

    public bool? Elected { get; init; }

    public DateOnly? Since { get; init; }

    public DateOnly? Expires { get; init; }

    public int? CoveredWorkers { get; init; }

    /// <summary>A representative's phone or email: shown only to the recorder and to unions present.</summary>
    public string? Contact { get; init; }

    /// <summary>When the union is itself on CommonThread: it then sees this facility.</summary>
    public Guid? UnionOrganisationId { get; init; }

    public Guid RecordedByOrganisationId { get; init; }

    public DateTimeOffset RecordedAt { get; init; }
}

internal sealed class FoaFactConfiguration : IEntityTypeConfiguration<FoaFact>
{
    public void Configure(EntityTypeBuilder<FoaFact> b)
    {
        b.ToTable("FoaFacts");
        b.Property(f => f.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(f => f.Source).HasConversion<string>().HasMaxLength(16);
        foreach (var text in new[] { nameof(FoaFact.Name), nameof(FoaFact.Federation), nameof(FoaFact.NationalCentre), nameof(FoaFact.GlobalFederation), nameof(FoaFact.Contact) })
        {
            b.Property(text).HasMaxLength(FoaFact.TextMaxLength);
        }

        b.HasIndex(f => new { f.FacilityId, f.Kind });
        b.HasIndex(f => f.UnionOrganisationId);
        b.HasOne<Facility>().WithMany().HasForeignKey(f => f.FacilityId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(f => f.RecordedByOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(f => f.UnionOrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
