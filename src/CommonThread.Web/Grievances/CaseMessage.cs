using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.Grievances;

public enum MessageKind
{
    /// <summary>From the reporter, through the receipt code.</summary>
    FromReporter,

    /// <summary>From a party to the reporter: every party and the reporter read it.</summary>
    ToReporter,

    /// <summary>Between parties; the reporter never sees it.</summary>
    InternalNote,

    /// <summary>A finding a party records; parties only.</summary>
    Finding,

    /// <summary>A remedy a party proposes; the reporter reads it too.</summary>
    RemedyProposal,

    /// <summary>A change of state with its reason, written by the system.</summary>
    StatusChange,
}

/// <summary>One entry in a case's conversation and record. The text is encrypted under the case's key.</summary>
public sealed class CaseMessage
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid CaseId { get; init; }

    public MessageKind Kind { get; init; }

    /// <summary>Null for the reporter and for the system.</summary>
    public Guid? AuthorOrganisationId { get; init; }

    public string? AuthorUserId { get; init; }

    public PartyRole? AuthorRole { get; init; }

    /// <summary>The day only for the reporter's messages, so their timing cannot single them out.</summary>
    public DateOnly On { get; init; }

    /// <summary>Order within the case; messages of one day are otherwise indistinguishable.</summary>
    public int Sequence { get; init; }

    public CaseStatus? NewStatus { get; init; }

    public required byte[] Body { get; init; }

    /// <summary>
    /// The same words in the reporter's language (the case's <see cref="GrievanceCase.Language"/>), given by the party
    /// who wrote them, encrypted like the body; only on what the reporter reads. The reporter is shown this one.
    /// </summary>
    public byte[]? Translation { get; init; }
}

internal sealed class CaseMessageConfiguration : IEntityTypeConfiguration<CaseMessage>
{
    public void Configure(EntityTypeBuilder<CaseMessage> b)
    {
        b.ToTable("CaseMessages");
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.AuthorRole).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.NewStatus).HasConversion<string>().HasMaxLength(24);
        b.Property(m => m.AuthorUserId).HasMaxLength(64);
        b.HasIndex(m => new { m.CaseId, m.Sequence }).IsUnique();
        b.HasOne<GrievanceCase>().WithMany().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class CaseMessages
{
    /// <summary>The next position in a case's record; two writers racing for one position meet the unique index, and one retries.</summary>
    public static async Task<int> NextSequenceAsync(CommonThread.Data.AppDbContext db, Guid caseId, CancellationToken ct) =>
        (await db.Set<CaseMessage>().Where(m => m.CaseId == caseId).MaxAsync(m => (int?)m.Sequence, ct) ?? 0) + 1;
}
