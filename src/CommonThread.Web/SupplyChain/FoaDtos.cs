using System.ComponentModel.DataAnnotations;

namespace CommonThread.Web.SupplyChain;

public sealed record FoaFactInput
{
    [Required]
    public FoaFactKind? Kind { get; init; }

    [Required]
    public FactSource? Source { get; init; }

    [Required]
    public DateOnly? ObservedOn { get; init; }

    public bool Present { get; init; } = true;

    [Required, StringLength(FoaFact.TextMaxLength)]
    public string Name { get; init; } = "";

    [StringLength(FoaFact.TextMaxLength)]
    public string? Federation { get; init; }

    [StringLength(FoaFact.TextMaxLength)]
    public string? NationalCentre { get; init; }

    [StringLength(FoaFact.TextMaxLength)]
    public string? GlobalFederation { get; init; }

    [Range(0, CommonThread.Web.Platform.Values.Plausible.MaxHeadcount)]
    public int? Members { get; init; }

    public bool? RecognisedByManagement { get; init; }

    public bool? Elected { get; init; }

    public DateOnly? Since { get; init; }

    public DateOnly? Expires { get; init; }

    [Range(0, CommonThread.Web.Platform.Values.Plausible.MaxHeadcount)]
    public int? CoveredWorkers { get; init; }

    [StringLength(FoaFact.TextMaxLength)]
    public string? Contact { get; init; }

    /// <summary>A union organisation on CommonThread that this fact is about.</summary>
    public Guid? UnionOrganisationId { get; init; }
}

public sealed record FoaFactDto(Guid Id, FoaFactKind Kind, FactSource Source, DateOnly ObservedOn, bool Present, string Name, string? Federation,
    string? NationalCentre, string? GlobalFederation, int? Members, bool? RecognisedByManagement, bool? Elected, DateOnly? Since, DateOnly? Expires,
    int? CoveredWorkers, string? Contact, bool ContactWithheld);

/// <summary>
/// The current facts (newest about each thing) and every fact ever recorded, newest first, of those the
/// reader may read; whether the reader shares its own facts here, and which other buyers share theirs with it.
/// </summary>
public sealed record FoaProfileDto(Guid FacilityId, bool HasUnion, bool HasWorkerCommittee, bool HasCollectiveAgreement,
    IReadOnlyList<FoaFactDto> Current, IReadOnlyList<FoaFactDto> History, bool SharedByYou, IReadOnlyList<string> SharedWithYouBy);
