using CommonThread.Web.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.Homework;

/// <summary>
/// Work given to one homeworker: a style and operation at a piece rate, with the standard minutes a
/// piece takes, a quantity and a due date. What the wage and overload checks found when it was
/// issued is kept with it.
/// </summary>
public sealed class WorkOrder
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; init; }

    public Guid HomeworkerId { get; init; }

    public Guid? IntermediaryId { get; init; }

    public required string Style { get; init; }

    public required string Operation { get; init; }

    public decimal PieceRate { get; init; }

    public required string Currency { get; init; }

    public decimal StandardMinutesPerPiece { get; init; }

    public int Quantity { get; init; }

    public DateOnly IssuedOn { get; init; }

    public DateOnly DueOn { get; init; }

    /// <summary>Days after pieces are accepted by which they must be paid.</summary>
    public int PayWithinDays { get; init; }

    /// <summary>Effective hourly earnings at the standard time: piece rate ÷ standard minutes × 60.</summary>
    public decimal EffectiveHourlyRate { get; init; }

    /// <summary>The legal minimum hourly wage that applied when issued; null when none is on record.</summary>
    public decimal? MinimumHourlyWage { get; init; }

    public bool BelowMinimumWage { get; init; }

    /// <summary>More standard minutes than one person can work in legal hours before the due date, with the homeworker's other open work.</summary>
    public bool Overload { get; init; }

    // What the returns and payments add up to, kept on the order by WorkOrderTotals in the same
    // transaction as each return or payment, so that lists, imports and a brand's dashboard read one
    // row per order instead of summing millions of payments.

    public int AcceptedPieces { get; private set; }

    public int RejectedPieces { get; private set; }

    /// <summary>The last check of returned pieces plus the days allowed to pay; null until pieces come back.</summary>
    public DateOnly? PaymentDueOn { get; private set; }

    public decimal Paid { get; private set; }

    public DateOnly? LastPaidOn { get; private set; }
}

/// <summary>Pieces brought back against a work order, checked, and accepted or rejected.</summary>
public sealed class PieceReturn
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid WorkOrderId { get; init; }

    public DateOnly ReturnedOn { get; init; }

    public DateOnly CheckedOn { get; init; }

    public int Accepted { get; init; }

    public int Rejected { get; init; }

    public string? RejectionReason { get; init; }
}

internal sealed class WorkOrderConfiguration : IEntityTypeConfiguration<WorkOrder>, IEntityTypeConfiguration<PieceReturn>
{
    public void Configure(EntityTypeBuilder<WorkOrder> b)
    {
        b.ToTable("WorkOrders");
        b.Property(w => w.Style).HasMaxLength(120);
        b.Property(w => w.Operation).HasMaxLength(120);
        b.Property(w => w.Currency).HasMaxLength(3);
        b.Property(w => w.PieceRate).HasPrecision(12, 4);
        b.Property(w => w.StandardMinutesPerPiece).HasPrecision(10, 3);
        b.Property(w => w.EffectiveHourlyRate).HasPrecision(14, 4);
        b.Property(w => w.MinimumHourlyWage).HasPrecision(14, 4);
        b.Property(w => w.Paid).HasPrecision(14, 2);
        b.HasIndex(w => new { w.HomeworkerId, w.IssuedOn });
        b.HasIndex(w => w.OrganisationId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(w => w.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Homeworker>().WithMany().HasForeignKey(w => w.HomeworkerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Intermediary>().WithMany().HasForeignKey(w => w.IntermediaryId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<PieceReturn> b)
    {
        b.ToTable("PieceReturns");
        b.Property(r => r.RejectionReason).HasMaxLength(300);
        b.HasIndex(r => r.WorkOrderId);
        b.HasOne<WorkOrder>().WithMany().HasForeignKey(r => r.WorkOrderId).OnDelete(DeleteBehavior.Cascade);
    }
}
