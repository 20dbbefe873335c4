using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.Accountability;

/// <summary>
/// An invoice between a supplier and a brand and when it was paid, recorded by either side: the
/// joint statement's "stable payment terms" made measurable.
/// </summary>
public sealed class PaymentRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid BrandOrganisationId { get; init; }

    public Guid SupplierOrganisationId { get; init; }

    /// <summary>The side that recorded it; the supplier's records reach the brand only pooled, with the round's threshold.</summary>
    public Guid RecordedByOrganisationId { get; init; }

    public string? OrderReference { get; init; }

    public required string InvoiceReference { get; init; }

    public decimal Amount { get; init; }

    /// <summary>ISO 4217.</summary>
    public required string Currency { get; init; }

    public int AgreedTermsDays { get; init; }

    public DateOnly InvoiceDate { get; init; }

    public DateOnly? PaidDate { get; set; }

    public DateOnly DueDate => InvoiceDate.AddDays(AgreedTermsDays);

    public InvoiceIdentity Identity() => new(RecordedByOrganisationId, BrandOrganisationId, SupplierOrganisationId, InvoiceReference);

    /// <summary>
    /// What differs between this record and <paramref name="again"/>, the same invoice as a file states it now, or null when
    /// nothing does. A blank paid date in the file is an older copy of the list, not a payment undone.
    /// </summary>
    public string? DifferenceFrom(PaymentRecord again) =>
        Amount != again.Amount || Currency != again.Currency ? FormattableString.Invariant($"amount {Amount:0.00} {Currency}")
        : InvoiceDate != again.InvoiceDate ? FormattableString.Invariant($"invoice date {InvoiceDate:yyyy-MM-dd}")
        : AgreedTermsDays != again.AgreedTermsDays ? FormattableString.Invariant($"terms of {AgreedTermsDays} days")
        : OrderReference != again.OrderReference ? (OrderReference is null ? "no order" : $"order '{OrderReference}'")
        : again.PaidDate is { } paid && paid != PaidDate ? (PaidDate is { } was ? FormattableString.Invariant($"paid date {was:yyyy-MM-dd}") : "no paid date")
        : null;
}

/// <summary>
/// What makes two records the same invoice: who recorded it, between which brand and supplier, and its number.
/// The unique index on these columns says the same, so two uploads at once cannot both record it.
/// </summary>
public readonly record struct InvoiceIdentity(Guid RecordedBy, Guid Brand, Guid Supplier, string InvoiceReference);

internal sealed class PaymentRecordConfiguration : IEntityTypeConfiguration<PaymentRecord>
{
    public void Configure(EntityTypeBuilder<PaymentRecord> b)
    {
        b.ToTable("PaymentRecords");
        b.Property(p => p.OrderReference).HasMaxLength(100);
        b.Property(p => p.InvoiceReference).HasMaxLength(100);
        b.Property(p => p.Currency).HasMaxLength(3);
        b.Property(p => p.Amount).HasPrecision(18, 2);
        b.Ignore(p => p.DueDate);
        // The columns of InvoiceIdentity: one record per invoice, even for two uploads of one file at once.
        b.HasIndex(p => new { p.RecordedByOrganisationId, p.BrandOrganisationId, p.SupplierOrganisationId, p.InvoiceReference }).IsUnique();
        b.HasIndex(p => new { p.BrandOrganisationId, p.InvoiceDate });
        b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.BrandOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.SupplierOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.RecordedByOrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
