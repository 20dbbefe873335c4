using CommonThread.Data;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.Platform.Data;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Files;
using CommonThread.Web.Platform.Values;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;
using CommonThread.Web.Platform.Localization;

namespace CommonThread.Web.Homework;


/// <summary>
/// What an import did: its problems by row and column (the first 1,000 of <paramref name="ProblemCount"/>), and nothing written unless there were none.
/// <paramref name="AlreadyRecorded"/>: payment rows recorded before (the first 1,000 row numbers in <paramref name="AlreadyRecordedRows"/>), left out;
/// when every row was, <paramref name="Imported"/> is 0 and nothing was written: a re-import is a no-op, not an error.
/// </summary>
public sealed record HomeworkImportReport(int Rows, int Imported, IReadOnlyList<ImportRowProblem> Problems, int ProblemCount, IReadOnlyList<ImportedHomeworker> Homeworkers,
    int AlreadyRecorded, IReadOnlyList<int> AlreadyRecordedRows);

/// <summary>A homeworker an import registered, with the passbook code to hand over (shown once, here).</summary>
public sealed record ImportedHomeworker(Guid Id, string Name, string PassbookCode);

/// <summary>
/// Homeworker lists and payment records from CSV or XLSX. Every row goes through the same checks as
/// one entered by hand; one problem anywhere and nothing is written, all or nothing in one transaction.
/// </summary>
public sealed class HomeworkImport(AppDbContext db, HomeworkRegister register, WorkOrderService orders, SupplyChainService chain, AuditLog audit, TimeProvider clock)
{
    public static readonly string[] HomeworkerColumns =
    [
        "name", "gender", "birth_date", "proof_of_age", "proof_checked_on", "address", "area", "country", "region", "phone", "skills", "facility", "intermediary",
        "social_security", "social_security_number", "training", "potable_water", "lighting", "protective_equipment", "direct_employment_offered",
        "monthly_quota_minutes", "language",
    ];

    public static readonly string[] RequiredHomeworkerColumns = ["name", "gender", "birth_date", "proof_of_age", "proof_checked_on", "address", "area", "country"];

    public static readonly string[] PaymentColumns = ["work_order", "amount", "paid_on", "method", "paid_by", "reference", "reason"];

    public static readonly string[] RequiredPaymentColumns = ["work_order", "amount", "paid_on", "method", "paid_by"];

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<HomeworkImportReport> HomeworkersAsync(OrganisationAccess access, string fileName, byte[] bytes, CancellationToken ct)
    {
        HomeworkRegister.EnsureKeeper(access);
        var (rows, positions, problems) = TableFile.ReadWithHeader(fileName, bytes, HomeworkerColumns, RequiredHomeworkerColumns);
        var facilities = (await chain.VisibleAsync(access.Organisation.Id, ct)).Where(v => v.Operated).ToDictionary(v => v.Facility.Name.Trim().ToLowerInvariant(), v => v.Facility.Id);
        var intermediaries = await db.Set<Intermediary>().Where(i => i.OrganisationId == access.Organisation.Id)
            .ToDictionaryAsync(i => i.Name.Trim().ToLowerInvariant(), i => i.Id, ct);
        var prepared = new List<(Homeworker Homeworker, string Code)>();
        var seen = new Dictionary<string, int>();
        for (var r = 1; r < rows.Count; r++)
        {
            if (rows[r].All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var row = new TableRow(r + 1, rows[r], positions, (n, column, message) => problems.Add(ImportRowProblem.Of(n, column, message)));
            var input = new HomeworkerInput
            {
                Name = row.Text("name", 200, required: true) ?? "", Gender = row.Choice<HomeworkerGender>("gender"), BirthDate = row.Date("birth_date"),
                ProofOfAge = row.Choice<ProofOfAge>("proof_of_age"), ProofOfAgeCheckedOn = row.Date("proof_checked_on"), Address = row.Text("address", 300, required: true) ?? "",
                Area = row.Text("area", 120, required: true) ?? "", Country = row.Text("country", 60, required: true) ?? "", Region = row.Text("region", 80),
                Phone = row.Text("phone", 40), Skills = row.Text("skills", 300), FacilityId = Named(row, "facility", facilities), IntermediaryId = Named(row, "intermediary", intermediaries),
                SocialSecurity = row.Choice<SocialSecurityStatus>("social_security") ?? SocialSecurityStatus.NotEnrolled, SocialSecurityNumber = row.Text("social_security_number", 60),
                TrainingReceived = row.Text("training", 500), PotableWater = row.YesNo("potable_water") ?? false, AdequateLighting = row.YesNo("lighting") ?? false,
                ProtectiveEquipment = row.YesNo("protective_equipment") ?? false, DirectEmploymentOffered = row.YesNo("direct_employment_offered") ?? false,
                MonthlyQuotaMinutes = row.Whole("monthly_quota_minutes", 0, 40_000) ?? 0, Language = row.Text("language", 8),
            };
            if (row.HasProblems)
            {
                continue;
            }

            try
            {
                var (homeworker, code) = await register.PrepareAsync(access, input, ct);
                if (seen.TryGetValue(homeworker.IdentityKey, out var earlier))
                {
                    row.Problem("name", Phrase.Of("The same person as row {0}.", earlier));
                    continue;
                }

                seen[homeworker.IdentityKey] = r + 1;
                prepared.Add((homeworker, code));
            }
            catch (RuleViolation e)
            {
                row.Problem(TableColumn(e.Field), e.Words);
            }
        }

        if (problems.Count > 0)
        {
            return new(rows.Count - 1, 0, Sorted(problems), problems.Count, [], 0, []);
        }

        db.AddRange(prepared.Select(p => p.Homeworker));
        audit.Record(access.Organisation.Id, "homeworkers.imported", $"{prepared.Count} homeworkers imported from {Path.GetFileName(fileName)}");
        await db.SaveChangesAsync(ct);
        await HomeworkOverview.ForgetFiguresAsync(db, access.Organisation.Id, ct);
        return new(rows.Count - 1, prepared.Count, [], 0, prepared.Select(p => new ImportedHomeworker(p.Homeworker.Id, p.Homeworker.Name, p.Code)).ToList(), 0, []);
    }

    /// <summary>
    /// Rows are checked and written in one pass: each good row goes to the database while the next
    /// is read, so the database works while the rows are checked. After the first problem nothing
    /// more is sent, every further row is still checked for the report, and the transaction is
    /// rolled back: all or nothing as for homeworkers. A row with the <see cref="PaymentIdentity"/> of
    /// a recorded payment is left out and reported as already recorded (a file uploaded again records
    /// nothing); a row with the identity of a row above it in the same file is a problem, most likely
    /// a line copied twice. Serializable, so two uploads of one file at once cannot both find its rows
    /// new: the one that loses answers 409 and writes nothing.
    /// </summary>
    public async Task<HomeworkImportReport> PaymentsAsync(OrganisationAccess access, string fileName, byte[] bytes, CancellationToken ct)
    {
        HomeworkRegister.EnsureKeeper(access);
        var (rows, positions, problems) = TableFile.ReadWithHeader(fileName, bytes, PaymentColumns, RequiredPaymentColumns);
        var referenced = rows.Skip(1).Select(r => positions.TryGetValue("work_order", out var i) && i < r.Length && Guid.TryParse(r[i], out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty).ToHashSet();
        var paidOrders = new HashSet<Guid>();
        var already = new AlreadyRecordedRows();
        var imported = 0;
        await db.RunSerializableAsync(async () =>
        {
            var payable = await orders.PayableAsync(access, referenced, ct);
            var recorded = (await db.Set<HomeworkPayment>().AsNoTracking().Where(p => referenced.Contains(p.WorkOrderId) && p.OrganisationId == access.Organisation.Id)
                .Select(p => new { p.WorkOrderId, p.PaidOn, p.Amount, p.Reference }).ToListAsync(ct))
                .Select(p => PaymentIdentity.Of(p.WorkOrderId, p.PaidOn, p.Amount, p.Reference)).ToHashSet();
            await BulkInsert.AddAsync(db, Checked(payable, recorded), ct);
            if (problems.Count > 0)
            {
                await db.Database.RollbackTransactionAsync(ct);
                return;
            }

            if (imported > 0)
            {
                await WorkOrderTotals.PaidAsync(db, paidOrders, ct);
                audit.Record(access.Organisation.Id, "homework-payments.imported", $"{imported} payments imported from {Path.GetFileName(fileName)}; {already.Count} already recorded");
                await db.SaveChangesAsync(ct);
            }
        }, ct);
        if (problems.Count > 0)
        {
            return new(rows.Count - 1, 0, Sorted(problems), problems.Count, [], already.Count, already.Rows);
        }

        if (imported > 0)
        {
            await HomeworkOverview.ForgetFiguresAsync(db, access.Organisation.Id, ct);
        }

        return new(rows.Count - 1, imported, [], 0, [], already.Count, already.Rows);

        IEnumerable<HomeworkPayment> Checked(Dictionary<Guid, PayableOrder> payable, HashSet<PaymentIdentity> recorded)
        {
            var inFile = new Dictionary<PaymentIdentity, int>();
            for (var r = 1; r < rows.Count; r++)
            {
                if (rows[r].All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                var row = new TableRow(r + 1, rows[r], positions, (n, column, message) => problems.Add(ImportRowProblem.Of(n, column, message)));
                var orderText = row.Text("work_order", 40, required: true);
                var amount = row.Number("amount", Plausible.Money);
                var input = new PaymentInput
                {
                    Amount = amount is { } a ? (decimal)a : null, PaidOn = row.Date("paid_on"), Method = row.Choice<PaymentMethod>("method"),
                    PaidBy = row.Text("paid_by", 200, required: true) ?? "", Reference = row.Text("reference", 100), Reason = row.Text("reason", 300),
                };
                PayableOrder? order = null;
                if (orderText is not null && (!Guid.TryParse(orderText, out var orderId) || !payable.TryGetValue(orderId, out order)))
                {
                    row.Problem("work_order", Phrase.Of("'{0}' is not one of your work orders.", orderText));
                    continue;
                }

                if (row.HasProblems || order is null)
                {
                    continue;
                }

                // Recognised before the checks against what is owed: the order's total already counts it.
                if (input is { Amount: { } paid, PaidOn: { } paidOn })
                {
                    var identity = PaymentIdentity.Of(order.Id, paidOn, paid, input.Reference);
                    if (recorded.Contains(identity))
                    {
                        already.Add(r + 1);
                        continue;
                    }

                    if (!inFile.TryAdd(identity, r + 1))
                    {
                        row.Problem("reference", Phrase.Of("The same payment as row {0} (work order, day, amount and reference); if it was paid twice, give each payment its own reference.", inFile[identity]));
                        continue;
                    }
                }

                if (WorkOrderService.PaymentProblem(order, input, Today) is { } problem)
                {
                    row.Problem(TableColumn(problem.Field), problem.Words);
                    continue;
                }

                // Later rows for the same order see the rows above as paid.
                payable[order.Id] = order with { Paid = order.Paid + input.Amount!.Value };
                paidOrders.Add(order.Id);
                if (problems.Count == 0)
                {
                    imported++;
                    yield return WorkOrderService.NewPayment(access, order, input);
                }
            }
        }
    }

    private static Guid? Named(TableRow row, string column, IReadOnlyDictionary<string, Guid> byName)
    {
        if (row.Text(column, 200) is not { } name)
        {
            return null;
        }

        if (byName.TryGetValue(name.Trim().ToLowerInvariant(), out var id))
        {
            return id;
        }

        row.Problem(column, column == "facility" ? Phrase.Of("'{0}' is not one of your facilities.", name) : Phrase.Of("'{0}' is not one of your intermediaries.", name));
        return null;
    }

    /// <summary>The API's field names as the file's column names.</summary>
    private static string TableColumn(string field) => field switch
    {
        "birthDate" => "birth_date",
        "proofOfAgeCheckedOn" => "proof_checked_on",
        "proofOfAge" => "proof_of_age",
        "facilityId" => "facility",
        "intermediaryId" => "intermediary",
        "paidOn" => "paid_on",
        "paidBy" => "paid_by",
        _ => field,
    };

    private static List<ImportRowProblem> Sorted(ProblemList<ImportRowProblem> problems) => [.. problems.Kept.OrderBy(p => p.Row)];
}
