using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using CommonThread.Web.Platform.Localization;

namespace CommonThread.Web.Homework;

public sealed record HomeworkerInput
{
    [Required, StringLength(200)] public string Name { get; init; } = "";
    [Required] public HomeworkerGender? Gender { get; init; }
    [Required] public DateOnly? BirthDate { get; init; }
    [Required] public ProofOfAge? ProofOfAge { get; init; }
    [Required] public DateOnly? ProofOfAgeCheckedOn { get; init; }
    [Required, StringLength(300)] public string Address { get; init; } = "";
    [Required, StringLength(120)] public string Area { get; init; } = "";
    [Required, StringLength(60)] public string Country { get; init; } = "";
    [StringLength(80)] public string? Region { get; init; }
    [StringLength(40)] public string? Phone { get; init; }
    [StringLength(300)] public string? Skills { get; init; }
    public Guid? FacilityId { get; init; }
    public Guid? IntermediaryId { get; init; }
    public SocialSecurityStatus SocialSecurity { get; init; }
    [StringLength(60)] public string? SocialSecurityNumber { get; init; }
    [StringLength(500)] public string? TrainingReceived { get; init; }
    public bool PotableWater { get; init; }
    public bool AdequateLighting { get; init; }
    public bool ProtectiveEquipment { get; init; }
    public bool DirectEmploymentOffered { get; init; }
    [Range(0, 40_000)] public int MonthlyQuotaMinutes { get; init; }
    [StringLength(8)] public string? Language { get; init; }
}

public sealed record HomeworkerDto(Guid Id, string Name, HomeworkerGender Gender, DateOnly BirthDate, ProofOfAge ProofOfAge, DateOnly ProofOfAgeCheckedOn,
    string Address, string Area, string CountryCode, string? Region, string? Phone, string? Skills, Guid? FacilityId, Guid? IntermediaryId, DateOnly RegisteredOn,
    SocialSecurityStatus SocialSecurity, string? SocialSecurityNumber, string? TrainingReceived, bool PotableWater, bool AdequateLighting, bool ProtectiveEquipment,
    bool DirectEmploymentOffered, int MonthlyQuotaMinutes, string Language)
{
    public static HomeworkerDto From(Homeworker h) => new(h.Id, h.Name, h.Gender, h.BirthDate, h.ProofOfAge, h.ProofOfAgeCheckedOn, h.Address, h.Area, h.CountryCode,
        h.Region, h.Phone, h.Skills, h.FacilityId, h.IntermediaryId, h.RegisteredOn, h.SocialSecurity, h.SocialSecurityNumber, h.TrainingReceived, h.PotableWater,
        h.AdequateLighting, h.ProtectiveEquipment, h.DirectEmploymentOffered, h.MonthlyQuotaMinutes, h.Language);
}

/// <summary>A new registration: the passbook code is in it once and never again.</summary>
public sealed record RegisteredHomeworker(HomeworkerDto Homeworker, string PassbookCode);

public sealed record IntermediaryInput
{
    [Required, StringLength(200)] public string Name { get; init; } = "";
    public bool IsOrganisation { get; init; }
    public Guid? FacilityId { get; init; }
    public Guid? ParentIntermediaryId { get; init; }
    [StringLength(80)] public string? LicenceNumber { get; init; }
    public DateOnly? LicenceExpires { get; init; }
    public PreQualification PreQualification { get; init; }
    public DateOnly? PreQualifiedOn { get; init; }
    public List<string> ChecklistMet { get; init; } = [];
    public DateOnly? ContractStart { get; init; }
    public DateOnly? ContractEnd { get; init; }
    [StringLength(300)] public string? ContractDocument { get; init; }
    public DateOnly? TrainedOn { get; init; }
}

public sealed record IntermediaryDto(Guid Id, string Name, bool IsOrganisation, Guid? FacilityId, Guid? ParentIntermediaryId, string? LicenceNumber,
    DateOnly? LicenceExpires, PreQualification PreQualification, DateOnly? PreQualifiedOn, IReadOnlyList<string> ChecklistMet, DateOnly? ContractStart,
    DateOnly? ContractEnd, string? ContractDocument, DateOnly? TrainedOn, string? WhyNotQualified)
{
    /// <summary>The same reason as words to translate, for pages; the API gives the English above.</summary>
    [JsonIgnore]
    public Phrase? WhyNotQualifiedWords { get; init; }

    public static IntermediaryDto From(Intermediary i, DateOnly today)
    {
        var why = i.WhyNotQualified(today);
        return new(i.Id, i.Name, i.IsOrganisation, i.FacilityId, i.ParentIntermediaryId, i.LicenceNumber, i.LicenceExpires, i.PreQualification, i.PreQualifiedOn,
            i.ChecklistMet, i.ContractStart, i.ContractEnd, i.ContractDocument, i.TrainedOn, why?.English) { WhyNotQualifiedWords = why };
    }
}

public sealed record WorkOrderInput
{
    [Required] public Guid? HomeworkerId { get; init; }
    [Required, StringLength(120)] public string Style { get; init; } = "";
    [Required, StringLength(120)] public string Operation { get; init; } = "";
    [Required] public decimal? PieceRate { get; init; }
    [Required, StringLength(3, MinimumLength = 3)] public string Currency { get; init; } = "";
    [Required] public decimal? StandardMinutesPerPiece { get; init; }
    [Required] public int? Quantity { get; init; }
    /// <summary>Today when not given.</summary>
    public DateOnly? IssuedOn { get; init; }
    [Required] public DateOnly? DueOn { get; init; }
    [Range(0, 60)] public int PayWithinDays { get; init; } = 7;
    /// <summary>Issue the order although it is below the minimum wage or overloads the homeworker: the flags stay on it.</summary>
    public bool AcceptFlags { get; init; }
}

public sealed record PieceReturnInput
{
    [Required] public DateOnly? ReturnedOn { get; init; }
    /// <summary>The day the pieces were checked; the day they came back when not given.</summary>
    public DateOnly? CheckedOn { get; init; }
    [Required] public int? Accepted { get; init; }
    public int Rejected { get; init; }
    [StringLength(300)] public string? RejectionReason { get; init; }
}

public sealed record PaymentInput
{
    [Required] public decimal? Amount { get; init; }
    [Required] public DateOnly? PaidOn { get; init; }
    [Required] public PaymentMethod? Method { get; init; }
    [Required, StringLength(200)] public string PaidBy { get; init; } = "";
    [StringLength(100)] public string? Reference { get; init; }
    [StringLength(300)] public string? Reason { get; init; }
}

/// <summary>A work order with what came back and what was paid, and the flags a reviewer acts on.</summary>
public sealed record WorkOrderDto(Guid Id, Guid HomeworkerId, string HomeworkerName, Guid? IntermediaryId, string Style, string Operation, decimal PieceRate,
    string Currency, decimal StandardMinutesPerPiece, int Quantity, DateOnly IssuedOn, DateOnly DueOn, decimal EffectiveHourlyRate, decimal? MinimumHourlyWage,
    bool BelowMinimumWage, bool Overload, int Accepted, int Rejected, decimal Owed, decimal Paid, DateOnly? PayBy, bool PaidLate, bool ShortPaid);

public sealed record WorkOrderIssued(WorkOrderDto Order, IReadOnlyList<string> Flags)
{
    /// <summary>The same flags as words to translate, for pages; the API gives the English above.</summary>
    [JsonIgnore]
    public IReadOnlyList<Phrase> FlagWords { get; init; } = [];
}
