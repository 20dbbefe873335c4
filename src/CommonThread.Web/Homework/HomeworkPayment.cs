using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.Homework;

public enum PaymentMethod
{
    Cash,
    MobileMoney,
    Bank,
}

/// <summary>Money paid to a homeworker for a work order: how much, when, how and by whom.</summary>
public sealed class HomeworkPayment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; init; }

    public Guid HomeworkerId { get; init; }

    public Guid WorkOrderId { get; init; }

    public decimal Amount { get; init; }

    public required string Currency { get; init; }

    public DateOnly PaidOn { get; init; }

    public PaymentMethod Method { get; init; }

    /// <summary>Who handed over or sent the money (a person or the intermediary).</summary>
    public required string PaidBy { get; init; }

    /// <summary>Mobile-money or bank reference, receipt number.</summary>
    public string? Reference { get; init; }

    /// <summary>Why more was paid than is owed (an advance, a correction); required in that case.</summary>
    public string? Reason { get; init; }

    public PaymentIdentity Identity() => PaymentIdentity.Of(WorkOrderId, PaidOn, Amount, Reference);
}

/// <summary>
/// What makes two records the same payment: the same work order (and so the same homeworker), day,
/// amount and reference (spacing and case aside). A file row with the identity of a recorded payment
/// is that payment again, not a second one; two payments of the same amount for one order on one day
/// are told apart by their references.
/// </summary>
public readonly record struct PaymentIdentity(Guid WorkOrderId, DateOnly PaidOn, decimal Amount, string Reference)
{
    public static PaymentIdentity Of(Guid workOrderId, DateOnly paidOn, decimal amount, string? reference) =>
        new(workOrderId, paidOn, amount, string.Join(' ', (reference ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant());
}

internal sealed class HomeworkPaymentConfiguration : IEntityTypeConfiguration<HomeworkPayment>
{
    public void Configure(EntityTypeBuilder<HomeworkPayment> b)
    {
        b.ToTable("HomeworkPayments");
        b.Property(p => p.Amount).HasPrecision(14, 2);
        b.Property(p => p.Currency).HasMaxLength(3);
        b.Property(p => p.Method).HasConversion<string>().HasMaxLength(12);
        b.Property(p => p.PaidBy).HasMaxLength(200);
        b.Property(p => p.Reference).HasMaxLength(100);
        b.Property(p => p.Reason).HasMaxLength(300);
        b.HasIndex(p => new { p.HomeworkerId, p.PaidOn });
        b.HasIndex(p => p.WorkOrderId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Homeworker>().WithMany().HasForeignKey(p => p.HomeworkerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<WorkOrder>().WithMany().HasForeignKey(p => p.WorkOrderId).OnDelete(DeleteBehavior.Restrict);
    }
}
