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
}

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
        b.HasIndex(p => new { p.RecordedByOrganisationId, p.BrandOrganisationId, p.SupplierOrganisationId, p.InvoiceReference }).IsUnique();
        b.HasIndex(p => new { p.BrandOrganisationId, p.InvoiceDate });
        b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.BrandOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.SupplierOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.RecordedByOrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
