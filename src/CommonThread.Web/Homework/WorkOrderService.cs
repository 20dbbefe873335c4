using System.Globalization;
using CommonThread.Data;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Geography;
using CommonThread.Web.Platform.Localization;
using CommonThread.Web.Platform.Values;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Homework;

/// <summary>
/// Work given out, pieces brought back, and money paid for them. Before an order is issued it is
/// checked against the legal minimum wage and the homeworker's other work; an order with a flag is
/// issued only when the issuer accepts it, and the flag stays with the order.
/// </summary>
public sealed class WorkOrderService(AppDbContext db, HomeworkRegister register, IntermediaryService intermediaries, AuditLog audit, TimeProvider clock)
{
    public const int MaxQuantity = 1_000_000;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<WorkOrderIssued> IssueAsync(OrganisationAccess access, WorkOrderInput input, CancellationToken ct)
    {
        HomeworkRegister.EnsureKeeper(access);
        var homeworker = await register.FindAsync(access, input.HomeworkerId ?? throw new RuleViolation("homeworkerId", "Choose the homeworker."), ct);
        var (rate, minutes, quantity) = (input.PieceRate ?? 0, input.StandardMinutesPerPiece ?? 0, input.Quantity ?? 0);
        if (string.IsNullOrWhiteSpace(input.Style) || string.IsNullOrWhiteSpace(input.Operation) || input.Style.Length > 120 || input.Operation.Length > 120)
        {
            throw new RuleViolation("style", "Give the style and the operation (at most 120 characters each).");
        }

        if (input.DueOn is null)
        {
            throw new RuleViolation("dueOn", "Give the due date.");
        }

        var currency = Currencies.Valid(input.Currency);

        if (rate <= 0)
        {
            throw new RuleViolation("pieceRate", "The piece rate must be more than zero.");
        }

        Plausible.Rate.Require(rate, "pieceRate");
        Plausible.Day.Require(input.DueOn, "dueOn");
        Plausible.Day.Require(input.IssuedOn, "issuedOn");

        if (minutes <= 0 || minutes > 24 * 60)
        {
            throw new RuleViolation("standardMinutesPerPiece", "The standard time per piece is more than zero and at most a day.");
        }

        if (quantity is <= 0 or > MaxQuantity)
        {
            throw new RuleViolation("quantity", Phrase.Of("The quantity is between 1 and {0}.", MaxQuantity.ToString("N0", CultureInfo.InvariantCulture)));
        }

        var issuedOn = input.IssuedOn ?? Today;
        if (issuedOn > Today)
        {
            throw new RuleViolation("issuedOn", "Work is recorded when it is given out, not before.");
        }

        if (input.DueOn!.Value < issuedOn)
        {
            throw new RuleViolation("dueOn", "The due date is before the day the work is given out.");
        }

        if (homeworker.IntermediaryId is { } intermediaryId && await intermediaries.WhyNotQualifiedAsync(intermediaryId, issuedOn, ct) is (var intermediary, var gap))
        {
            throw NotThrough(homeworker.Name, intermediary, gap, issuedOn);
        }

        await RequireWageCurrencyAsync(homeworker, currency, ct);
        var hourly = WageCheck.EffectiveHourly(rate, minutes);
        var minimum = await MinimumWageAsync(homeworker, currency, issuedOn, ct);
        var below = minimum is { } floor && hourly < floor;
        var overload = await OverloadsAsync(homeworker.Id, quantity * minutes, issuedOn, input.DueOn.Value, ct);
        var flags = Flags(hourly, minimum, currency, below, overload, homeworker, input.DueOn.Value);
        if ((below || overload) && !input.AcceptFlags)
        {
            throw Flagged(hourly, minimum, currency, overload, homeworker, input.DueOn.Value);
        }

        var order = new WorkOrder
        {
            OrganisationId = access.Organisation.Id, HomeworkerId = homeworker.Id, IntermediaryId = homeworker.IntermediaryId, Style = input.Style.Trim(),
            Operation = input.Operation.Trim(), PieceRate = rate, Currency = currency, StandardMinutesPerPiece = minutes, Quantity = quantity, IssuedOn = issuedOn,
            DueOn = input.DueOn.Value, PayWithinDays = input.PayWithinDays, EffectiveHourlyRate = hourly, MinimumHourlyWage = minimum, BelowMinimumWage = below,
            Overload = overload,
        };
        db.Add(order);
        audit.Record(access.Organisation.Id, "work-order.issued", $"{quantity} × {order.Style}/{order.Operation} to homeworker {homeworker.Id}" + (flags.Count > 0 ? " (flagged)" : ""));
        await db.SaveChangesAsync(ct);
        await HomeworkOverview.ForgetFiguresAsync(db, access.Organisation.Id, ct);
        return new(await GetAsync(access, order.Id, ct), [.. flags.Select(f => f.English)]) { FlagWords = flags };
    }

    public async Task<WorkOrderDto> ReturnAsync(OrganisationAccess access, Guid workOrderId, PieceReturnInput input, CancellationToken ct)
    {
        var order = await FindAsync(access, workOrderId, ct);
        var (accepted, rejected) = (input.Accepted ?? 0, input.Rejected);
        if (accepted < 0 || rejected < 0 || accepted + rejected == 0)
        {
            throw new RuleViolation("accepted", "Count the pieces accepted and rejected: none negative, not both zero.");
        }

        var returned = order.AcceptedPieces + order.RejectedPieces;
        if (returned + accepted + rejected > order.Quantity)
        {
            throw RuleViolation.Conflict("accepted", Phrase.Of("Only {0} of the {1} pieces given out are still to come back.", order.Quantity - returned, order.Quantity));
        }

        var returnedOn = Plausible.Day.Require(input.ReturnedOn ?? throw new RuleViolation("returnedOn", "Give the day the pieces came back."), "returnedOn");
        var checkedOn = Plausible.Day.Require(input.CheckedOn ?? returnedOn, "checkedOn");
        if (returnedOn > Today || checkedOn > Today)
        {
            throw new RuleViolation("returnedOn", "Pieces are recorded once they are back and checked, not before.");
        }

        if (returnedOn < order.IssuedOn || checkedOn < returnedOn)
        {
            throw new RuleViolation("returnedOn", "Pieces come back after the work was given out, and are checked after they come back.");
        }

        if (rejected > 0 && string.IsNullOrWhiteSpace(input.RejectionReason))
        {
            throw new RuleViolation("rejectionReason", "Say why pieces were rejected: the homeworker reads it in the passbook.");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(new PieceReturn
        {
            WorkOrderId = order.Id, ReturnedOn = returnedOn, CheckedOn = checkedOn, Accepted = accepted, Rejected = rejected,
            RejectionReason = rejected > 0 ? input.RejectionReason!.Trim() : null,
        });
        audit.Record(access.Organisation.Id, "work-order.returned", $"{accepted} accepted, {rejected} rejected on work order {order.Id}");
        await db.SaveChangesAsync(ct);
        await WorkOrderTotals.ReturnedAsync(db, [order.Id], ct);
        await tx.CommitAsync(ct);
        await HomeworkOverview.ForgetFiguresAsync(db, access.Organisation.Id, ct);
        return await GetAsync(access, order.Id, ct);
    }

    public async Task<WorkOrderDto> PayAsync(OrganisationAccess access, Guid workOrderId, PaymentInput input, CancellationToken ct)
    {
        var order = (await PayableAsync(access, [workOrderId], ct)).GetValueOrDefault(workOrderId) ?? throw RuleViolation.NotFound("work order");
        if (PaymentProblem(order, input, Today) is { } problem)
        {
            throw problem;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(NewPayment(access, order, input));
        audit.Record(access.Organisation.Id, "homework.paid", $"{input.Amount:0.00} {order.Currency} for work order {order.Id}");
        await db.SaveChangesAsync(ct);
        await WorkOrderTotals.PaidAsync(db, [order.Id], ct);
        await tx.CommitAsync(ct);
        await HomeworkOverview.ForgetFiguresAsync(db, access.Organisation.Id, ct);
        return await GetAsync(access, order.Id, ct);
    }

    /// <summary>What payments are checked against, for the organisation's orders among <paramref name="ids"/>: an import reads only the orders it pays.</summary>
    public async Task<Dictionary<Guid, PayableOrder>> PayableAsync(OrganisationAccess access, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        (await db.Set<WorkOrder>().AsNoTracking()
            .Where(w => w.OrganisationId == access.Organisation.Id && ids.Contains(w.Id))
            .Select(w => new { w.Id, w.HomeworkerId, w.IssuedOn, w.Currency, w.PieceRate, w.AcceptedPieces, w.Paid }).ToListAsync(ct))
        .ToDictionary(w => w.Id, w => new PayableOrder(w.Id, w.HomeworkerId, w.IssuedOn, w.Currency, WageCheck.Owed(w.AcceptedPieces, w.PieceRate), w.Paid));

    /// <summary>
    /// What is wrong with a payment for this order as it stands, as the refusal to give, or null: the one set of rules for
    /// the API, the page and imports (which note it against the row instead of throwing it). An amount out of any plausible
    /// range is refused at once, as everywhere; an import has refused it already when it read the cell.
    /// </summary>
    public static RuleViolation? PaymentProblem(PayableOrder order, PaymentInput input, DateOnly today)
    {
        if (input.Amount is not { } amount || amount <= 0 || decimal.Round(amount, 2) != amount)
        {
            return new RuleViolation("amount", "The amount is more than zero, to the cent.");
        }

        Plausible.Money.Require(amount, "amount");
        if (input.PaidOn is not { } paidOn || paidOn > today || paidOn < order.IssuedOn)
        {
            return new RuleViolation("paidOn", "The payment day is between the day the work was given out and today.");
        }

        if (input.Method is not { } method || !Enum.IsDefined(method))
        {
            return new RuleViolation("method", "Choose how it was paid.");
        }

        if (string.IsNullOrWhiteSpace(input.PaidBy) || input.PaidBy.Length > 200)
        {
            return new RuleViolation("paidBy", "Say who paid.");
        }

        if (order.Paid + amount > order.Owed && string.IsNullOrWhiteSpace(input.Reason))
        {
            return new RuleViolation("amount", Phrase.Of(
                "This pays {0} {1} more than is owed for accepted pieces ({2} owed, {3} paid). Give the reason (an advance, a correction) to record it.",
                Money(order.Paid + amount - order.Owed), order.Currency, Money(order.Owed), Money(order.Paid)));
        }

        return null;
    }

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    public static HomeworkPayment NewPayment(OrganisationAccess access, PayableOrder order, PaymentInput input) => new()
    {
        OrganisationId = access.Organisation.Id, HomeworkerId = order.HomeworkerId, WorkOrderId = order.Id, Amount = input.Amount!.Value, Currency = order.Currency,
        PaidOn = input.PaidOn!.Value, Method = input.Method!.Value, PaidBy = input.PaidBy.Trim(),
        Reference = string.IsNullOrWhiteSpace(input.Reference) ? null : input.Reference.Trim(), Reason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim(),
    };

    public async Task<WorkOrderDto> GetAsync(OrganisationAccess access, Guid workOrderId, CancellationToken ct) =>
        (await ListAsync(access, ct, workOrderId: workOrderId)).SingleOrDefault() ?? throw RuleViolation.NotFound("work order");

    /// <summary>The organisation's work orders, newest first (at most <paramref name="take"/>), with late or short payment flagged.</summary>
    public async Task<IReadOnlyList<WorkOrderDto>> ListAsync(OrganisationAccess access, CancellationToken ct, Guid? homeworkerId = null, Guid? workOrderId = null, int take = int.MaxValue) =>
        (await (from w in db.Set<WorkOrder>()
                join h in db.Set<Homeworker>() on w.HomeworkerId equals h.Id
                where w.OrganisationId == access.Organisation.Id && (homeworkerId == null || w.HomeworkerId == homeworkerId)
                      && (workOrderId == null || w.Id == workOrderId)
                orderby w.IssuedOn descending, w.Id descending
                select new { Order = w, h.Name }).AsNoTracking().Take(take).ToListAsync(ct))
        .Select(o => Summary(o.Order, o.Name, Today)).ToList();

    public static WorkOrderDto Summary(WorkOrder w, string homeworkerName, DateOnly today)
    {
        var owed = WageCheck.Owed(w.AcceptedPieces, w.PieceRate);
        // Paid late: some of what was owed was paid after the day it was due, or is still unpaid after it.
        var paidLate = w.PaymentDueOn is { } due && (w.LastPaidOn > due || (today > due && w.Paid < owed));
        var shortPaid = w.PaymentDueOn is { } by && today > by && w.Paid < owed;
        return new(w.Id, w.HomeworkerId, homeworkerName, w.IntermediaryId, w.Style, w.Operation, w.PieceRate, w.Currency, w.StandardMinutesPerPiece, w.Quantity,
            w.IssuedOn, w.DueOn, w.EffectiveHourlyRate, w.MinimumHourlyWage, w.BelowMinimumWage, w.Overload, w.AcceptedPieces, w.RejectedPieces, owed, w.Paid, w.PaymentDueOn,
            paidLate, shortPaid);
    }

    private async Task<WorkOrder> FindAsync(OrganisationAccess access, Guid workOrderId, CancellationToken ct) =>
        await db.Set<WorkOrder>().AsNoTracking().FirstOrDefaultAsync(w => w.Id == workOrderId && w.OrganisationId == access.Organisation.Id, ct)
        ?? throw RuleViolation.NotFound("work order");

    /// <summary>
    /// Where minimum wages are on record for the homeworker's country, an order pays in their currency: an order in
    /// another (or a mistyped) currency would otherwise find no minimum to be checked against and pass unchecked.
    /// </summary>
    private async Task RequireWageCurrencyAsync(Homeworker homeworker, string currency, CancellationToken ct)
    {
        var recorded = await db.Set<MinimumWage>().AsNoTracking().Where(m => m.CountryCode == homeworker.CountryCode)
            .Select(m => m.Currency).Distinct().ToListAsync(ct);
        if (recorded.Count > 0 && !recorded.Contains(currency))
        {
            throw new RuleViolation("currency", Phrase.Of(
                "Minimum wages in {0} are on record in {1}: give the piece rate in that currency, so it can be checked against them.",
                Countries.NameOf(homeworker.CountryCode), string.Join(", ", recorded.Order())));
        }
    }

    /// <summary>The hourly minimum in force on the day, the region's own rate before the country's; null when none is on record in this currency.</summary>
    private async Task<decimal?> MinimumWageAsync(Homeworker homeworker, string currency, DateOnly on, CancellationToken ct)
    {
        var rows = await db.Set<MinimumWage>().AsNoTracking()
            .Where(m => m.CountryCode == homeworker.CountryCode && m.Currency == currency && m.EffectiveFrom <= on && (m.Region == null || m.Region == homeworker.Region))
            .ToListAsync(ct);
        return rows.OrderByDescending(m => m.Region is not null).ThenByDescending(m => m.EffectiveFrom).FirstOrDefault()?.HourlyRate;
    }

    /// <summary>This order's minutes and the homeworker's unfinished work due by the same day, against legal hours until then.</summary>
    private async Task<bool> OverloadsAsync(Guid homeworkerId, decimal newMinutes, DateOnly issuedOn, DateOnly dueOn, CancellationToken ct)
    {
        var open = await db.Set<WorkOrder>().AsNoTracking()
            .Where(w => w.HomeworkerId == homeworkerId && w.DueOn >= issuedOn && w.DueOn <= dueOn)
            .Select(w => new { w.Quantity, w.StandardMinutesPerPiece, Back = w.AcceptedPieces + w.RejectedPieces })
            .ToListAsync(ct);
        var minutes = newMinutes + open.Sum(o => (o.Quantity - o.Back) * o.StandardMinutesPerPiece);
        return minutes > WageCheck.CapacityMinutes(issuedOn, dueOn);
    }

    private static List<Phrase> Flags(decimal hourly, decimal? minimum, string currency, bool below, bool overload, Homeworker homeworker, DateOnly dueOn)
    {
        var flags = new List<Phrase>();
        if (below)
        {
            flags.Add(Phrase.Of("At the standard time this pays {0} {1} an hour, below the legal minimum of {2} {1}.", Money(hourly), currency, Money(minimum!.Value)));
        }

        if (minimum is null)
        {
            flags.Add(Phrase.Of("No legal minimum wage in {0} is on record for {1}: the rate could not be checked.", currency, Place(homeworker)));
        }

        if (overload)
        {
            flags.Add(Phrase.Of("With the other work due by {0}, this is more than one person can do in legal working hours: a sign of unpaid family or child help.", dueOn));
        }

        return flags;
    }

    /// <summary>
    /// The refusal of an order below the minimum wage or beyond one person's hours, with its flags in one sentence each: a
    /// refusal is one template, so each combination the flags come in has its own (below the minimum implies one is on record).
    /// </summary>
    private static RuleViolation Flagged(decimal hourly, decimal? minimum, string currency, bool overload, Homeworker homeworker, DateOnly dueOn) =>
        (minimum, overload) switch
        {
            ({ } floor, false) => new RuleViolation("acceptFlags", Phrase.Of(
                "At the standard time this pays {0} {1} an hour, below the legal minimum of {2} {1}. Change the order, or issue it anyway with the flags kept on it.",
                Money(hourly), currency, Money(floor)), StatusCodes.Status422UnprocessableEntity),
            ({ } floor, true) when hourly < floor => new RuleViolation("acceptFlags", Phrase.Of(
                "At the standard time this pays {0} {1} an hour, below the legal minimum of {2} {1}. With the other work due by {3}, this is more than one person can do in legal working hours: a sign of unpaid family or child help. Change the order, or issue it anyway with the flags kept on it.",
                Money(hourly), currency, Money(floor), dueOn), StatusCodes.Status422UnprocessableEntity),
            (not null, _) => new RuleViolation("acceptFlags", Phrase.Of(
                "With the other work due by {0}, this is more than one person can do in legal working hours: a sign of unpaid family or child help. Change the order, or issue it anyway with the flags kept on it.",
                dueOn), StatusCodes.Status422UnprocessableEntity),
            (null, _) => new RuleViolation("acceptFlags", Phrase.Of(
                "No legal minimum wage in {0} is on record for {1}: the rate could not be checked. With the other work due by {2}, this is more than one person can do in legal working hours: a sign of unpaid family or child help. Change the order, or issue it anyway with the flags kept on it.",
                currency, Place(homeworker), dueOn), StatusCodes.Status422UnprocessableEntity),
        };

    private static string Place(Homeworker homeworker) => homeworker.Region is null ? homeworker.CountryCode : homeworker.CountryCode + " / " + homeworker.Region;

    /// <summary>Why work cannot go to the homeworker through their intermediary (or one above it): one template per requirement not met.</summary>
    private static RuleViolation NotThrough(string homeworker, Intermediary intermediary, IntermediaryGap gap, DateOnly on) => gap switch
    {
        IntermediaryGap.NotPrequalified => RuleViolation.Conflict("homeworkerId",
            Phrase.Of("Work cannot go to {0} through this intermediary: {1} has not passed pre-qualification yet.", homeworker, intermediary.Name)),
        IntermediaryGap.FailedPrequalification => RuleViolation.Conflict("homeworkerId",
            Phrase.Of("Work cannot go to {0} through this intermediary: {1} failed pre-qualification.", homeworker, intermediary.Name)),
        IntermediaryGap.NoLicence => RuleViolation.Conflict("homeworkerId",
            Phrase.Of("Work cannot go to {0} through this intermediary: {1} has no licence on record.", homeworker, intermediary.Name)),
        IntermediaryGap.LicenceExpired => RuleViolation.Conflict("homeworkerId",
            Phrase.Of("Work cannot go to {0} through this intermediary: {1}'s licence expired on {2}.", homeworker, intermediary.Name, intermediary.LicenceExpires)),
        IntermediaryGap.NoContract => RuleViolation.Conflict("homeworkerId",
            Phrase.Of("Work cannot go to {0} through this intermediary: {1} has no contract in force on {2}.", homeworker, intermediary.Name, on)),
        _ => RuleViolation.Conflict("homeworkerId",
            Phrase.Of("Work cannot go to {0} through this intermediary: {1} has not been trained on the obligations towards homeworkers.", homeworker, intermediary.Name)),
    };
}

/// <summary>A work order as a payment sees it: when it was given out, its currency, what accepted pieces are owed and what is paid.</summary>
public sealed record PayableOrder(Guid Id, Guid HomeworkerId, DateOnly IssuedOn, string Currency, decimal Owed, decimal Paid);
