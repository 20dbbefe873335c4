using CommonThread.Data;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.Platform.Data;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Files;
using CommonThread.Web.Platform.Text;
using CommonThread.Web.Platform.Values;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;
using CommonThread.Web.Platform.Localization;

namespace CommonThread.Web.Accountability;

/// <summary>A brand's own payment records to one supplier over the last twelve months: invoices paid late or overdue, of those judged.</summary>
public sealed record LatePaymentSignal(Guid SupplierOrganisationId, int Late, int Judged);

/// <summary>Invoices and payments between brands and their suppliers, and what they say about days to pay against agreed terms.</summary>
public sealed class PaymentTermsService(AppDbContext db, ChainRelations relations, AuditLog audit, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>A brand records an invoice from a supplier it buys from, or a supplier one to a brand that buys from it.</summary>
    public static readonly string[] ImportColumns = ["counterpart", "invoice", "order", "amount", "currency", "terms_days", "invoice_date", "paid_date"];

    // The import's column for each field of the input, so a file's problems read like the form's.
    private static readonly Dictionary<string, string> ColumnOf = new()
    {
        ["counterpartOrganisationId"] = "counterpart", ["invoiceReference"] = "invoice", ["amount"] = "amount", ["currency"] = "currency", ["agreedTermsDays"] = "terms_days",
        ["invoiceDate"] = "invoice_date", ["paidDate"] = "paid_date",
    };

    public async Task<PaymentDto> RecordAsync(OrganisationAccess access, PaymentInput input, CancellationToken ct)
    {
        var me = RecordsPayments(access);
        var counterparts = (await CounterpartsAsync(access, ct)).Select(c => c.Id).ToHashSet();
        var (record, errors) = Checked(me, input, counterparts);
        if (record is not null && (await db.Set<PaymentRecord>().AsNoTracking().Where(p => p.RecordedByOrganisationId == me.Id && p.InvoiceReference == record.InvoiceReference)
                .ToListAsync(ct)).Any(p => p.Identity() == record.Identity()))
        {
            errors["invoiceReference"] = ["This invoice is already recorded."];
        }

        if (errors.Count > 0)
        {
            throw new RuleViolation(errors, "The invoice was not recorded.");
        }

        db.Add(record!);
        audit.Record(me.Id, "payment.recorded", $"Invoice {record!.InvoiceReference} recorded");
        await db.SaveChangesAsync(ct);
        return (await ReadAsync(access, record.Id, ct)).Single();
    }

    /// <summary>
    /// Invoices from a CSV or XLSX file (counterpart by name, invoice, order, amount, currency, terms_days,
    /// invoice_date, paid_date), each row checked as if typed: all rows or none, problems by row and column.
    /// A row with the <see cref="InvoiceIdentity"/> of a recorded invoice and the same details is left out
    /// and reported as already recorded (a file uploaded again writes nothing); with other details it is a
    /// problem, as is a row with the identity of a row above it. Serializable, with the unique index behind
    /// it, so two uploads of one file at once cannot both record it: the one that loses answers 409.
    /// </summary>
    public async Task<PaymentImportReport> ImportAsync(OrganisationAccess access, string fileName, byte[] bytes, CancellationToken ct)
    {
        var me = RecordsPayments(access);
        var counterparts = await CounterpartsAsync(access, ct);
        var byName = counterparts.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);
        var (rows, positions, problems) = TableFile.ReadWithHeader(fileName, bytes, ImportColumns, ["counterpart", "invoice", "amount", "currency", "terms_days", "invoice_date"]);
        var invoiceNumbers = rows.Skip(1).Select(r => positions.TryGetValue("invoice", out var i) && i < r.Length ? TextInput.OrNull(r[i]) : null).OfType<string>().ToHashSet();
        var records = new List<PaymentRecord>();
        var already = new AlreadyRecordedRows();
        var ids = counterparts.Select(c => c.Id).ToHashSet();
        await db.RunSerializableAsync(async () =>
        {
            var recorded = (await db.Set<PaymentRecord>().AsNoTracking().Where(p => p.RecordedByOrganisationId == me.Id && invoiceNumbers.Contains(p.InvoiceReference)).ToListAsync(ct))
                .ToDictionary(p => p.Identity());
            var inFile = new Dictionary<InvoiceIdentity, int>();
            for (var r = 1; r < rows.Count; r++)
            {
                if (rows[r].All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                var row = new TableRow(r + 1, rows[r], positions, (n, column, message) => problems.Add(ImportRowProblem.Of(n, column, message)));
                var name = row.Text("counterpart", Organisation.NameMaxLength, required: true);
                var input = new PaymentInput(name is not null && byName.TryGetValue(name, out var id) ? id : null, row.Text("order", 100), row.Text("invoice", 100, required: true),
                    row.Number("amount", Plausible.Money), row.Text("currency", 3, required: true), row.Whole("terms_days", 0, 365), row.Date("invoice_date"),
                    row.Date("paid_date"));
                var (record, errors) = Checked(me, input, ids);
                foreach (var (field, messages) in errors.Where(e => !row.HasProblemIn(ColumnOf[e.Key])))
                {
                    row.Problem(ColumnOf[field], Phrase.Text(messages[0]));
                }

                if (record is null || row.HasProblems)
                {
                    continue;
                }

                if (recorded.TryGetValue(record.Identity(), out var earlier))
                {
                    if (earlier.DifferenceFrom(record) is { } difference)
                    {
                        row.Problem("invoice", Phrase.Of("This invoice is already recorded, with {0}: correct the file, or the record, rather than record it twice.", difference));
                    }
                    else
                    {
                        already.Add(r + 1);
                    }
                }
                else if (!inFile.TryAdd(record.Identity(), r + 1))
                {
                    row.Problem("invoice", Phrase.Of("The same invoice as row {0}.", inFile[record.Identity()]));
                }
                else
                {
                    records.Add(record);
                }
            }

            if (problems.Count > 0 || records.Count == 0)
            {
                return;
            }

            await BulkInsert.AddAsync(db, records, ct);
            audit.Record(me.Id, "payment.imported", $"{records.Count} invoices imported from {Path.GetFileName(fileName)}; {already.Count} already recorded");
            await db.SaveChangesAsync(ct);
        }, ct);
        return problems.Count > 0
            ? new PaymentImportReport(rows.Count - 1, 0, problems.Kept, problems.Count, already.Count, already.Rows)
            : new PaymentImportReport(rows.Count - 1, records.Count, [], 0, already.Count, already.Rows);
    }

    private static Organisation RecordsPayments(OrganisationAccess access) => access.Organisation.Kind is OrganisationKind.Brand or OrganisationKind.Supplier
        ? access.Organisation
        : throw new RuleViolation("organisation", "Brands and suppliers record invoices and payments.", StatusCodes.Status403Forbidden);

    /// <summary>The record an input makes, or what is wrong with it field by field (the counterpart must be one the caller trades with).</summary>
    private (PaymentRecord? Record, Dictionary<string, string[]> Errors) Checked(Organisation me, PaymentInput input, IReadOnlySet<Guid> counterparts)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.CounterpartOrganisationId is not { } counterpart || !counterparts.Contains(counterpart))
        {
            errors["counterpartOrganisationId"] = [me.Kind == OrganisationKind.Brand ? "Choose a supplier you buy from." : "Choose a brand that buys from you."];
        }

        var invoice = TextInput.OrNull(input.InvoiceReference);
        if (invoice is null || invoice.Length > 100)
        {
            errors["invoiceReference"] = ["Give the invoice number (up to 100 characters)."];
        }

        if (input.Amount is not > 0)
        {
            errors["amount"] = ["Give the invoice amount, above zero."];
        }
        else if (!Plausible.Money.Contains(input.Amount.Value))
        {
            errors["amount"] = [Plausible.Money.Refusal(input.Amount.Value)];
        }

        var currency = TextInput.OrNull(input.Currency)?.ToUpperInvariant();
        if (!Currencies.IsKnown(currency))
        {
            errors["currency"] = ["Give the currency as its three-letter ISO 4217 code, such as USD."];
        }

        if (input.AgreedTermsDays is not (>= 0 and <= 365))
        {
            errors["agreedTermsDays"] = ["Give the agreed payment terms in days, 0 to 365."];
        }

        if (input.InvoiceDate is not { } invoiced || invoiced > Today)
        {
            errors["invoiceDate"] = ["Give the invoice date, today or earlier."];
        }
        else if (!Plausible.Day.Contains(invoiced))
        {
            errors["invoiceDate"] = [Plausible.Day.Refusal(invoiced)];
        }
        else if (input.PaidDate is { } paid && (paid < invoiced || paid > Today))
        {
            errors["paidDate"] = ["A payment falls on or after the invoice date, and not in the future."];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var other = input.CounterpartOrganisationId!.Value;
        var (brand, supplier) = me.Kind == OrganisationKind.Brand ? (me.Id, other) : (other, me.Id);
        return (new PaymentRecord
        {
            BrandOrganisationId = brand, SupplierOrganisationId = supplier, RecordedByOrganisationId = me.Id,
            OrderReference = TextInput.OrNull(input.OrderReference) is { } o ? o[..Math.Min(o.Length, 100)] : null, InvoiceReference = invoice!, Amount = input.Amount!.Value,
            Currency = currency!, AgreedTermsDays = input.AgreedTermsDays!.Value, InvoiceDate = input.InvoiceDate!.Value, PaidDate = input.PaidDate,
        }, errors);
    }

    public async Task<PaymentDto> MarkPaidAsync(OrganisationAccess access, Guid paymentId, PaidSetter input, CancellationToken ct)
    {
        var record = await db.Set<PaymentRecord>().FirstOrDefaultAsync(p => p.Id == paymentId && p.RecordedByOrganisationId == access.Organisation.Id, ct) ?? throw RuleViolation.NotFound("payment");
        if (input.PaidDate is not { } paid || paid < record.InvoiceDate || paid > Today)
        {
            throw new RuleViolation("paidDate", "A payment falls on or after the invoice date, and not in the future.");
        }

        record.PaidDate = paid;
        await db.SaveChangesAsync(ct);
        return (await ReadAsync(access, record.Id, ct)).Single();
    }

    /// <summary>The invoices the organisation recorded itself, newest first (the latest thousand).</summary>
    public async Task<IReadOnlyList<PaymentDto>> ListAsync(OrganisationAccess access, CancellationToken ct) => await ReadAsync(access, null, ct);

    /// <summary>The caller's records, or the one asked for.</summary>
    private async Task<List<PaymentDto>> ReadAsync(OrganisationAccess access, Guid? paymentId, CancellationToken ct)
    {
        var today = Today;
        return (await (from p in db.Set<PaymentRecord>()
                       join b in db.Set<Organisation>() on p.BrandOrganisationId equals b.Id
                       join s in db.Set<Organisation>() on p.SupplierOrganisationId equals s.Id
                       where p.RecordedByOrganisationId == access.Organisation.Id && (paymentId == null || p.Id == paymentId)
                       orderby p.InvoiceDate descending
                       select new { p, Brand = b.Name, Supplier = s.Name }).ToListAsync(ct))
            .Select(x => new PaymentDto(x.p.Id, x.Brand, x.Supplier, x.p.OrderReference, x.p.InvoiceReference, x.p.Amount, x.p.Currency, x.p.AgreedTermsDays, x.p.InvoiceDate, x.p.DueDate,
                x.p.PaidDate, x.p.PaidDate is { } paid ? paid.DayNumber - x.p.InvoiceDate.DayNumber : null, (x.p.PaidDate ?? today) > x.p.DueDate)).ToList();
    }

    /// <summary>The organisations the caller can record invoices with: for a brand its suppliers, for a supplier its buying brands.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> CounterpartsAsync(OrganisationAccess access, CancellationToken ct)
    {
        var me = access.Organisation.Id;
        var brand = access.Organisation.Kind == OrganisationKind.Brand;
        var supplies = brand ? await relations.SuppliesOfBuyersAsync([me], ct) : await relations.SuppliesBySupplierAsync(me, ct);
        var ids = supplies.Select(s => brand ? s.SupplierOrganisationId : s.BuyerOrganisationId).Distinct().ToList();
        return (await db.Set<Organisation>().Where(o => ids.Contains(o.Id) && (brand ? o.Kind != OrganisationKind.Brand : o.Kind == OrganisationKind.Brand)).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name }).ToListAsync(ct)).Select(o => (o.Id, o.Name)).ToList();
    }

    /// <summary>
    /// A brand's days to pay within a period (invoice dates), for the brand itself or those it answers to
    /// (the caller checks who may ask). Suppliers' own reports are pooled with <paramref name="minimumSuppliers"/>.
    /// </summary>
    public async Task<PaymentTermsDto> TermsAsync(Guid brandId, DateOnly from, DateOnly to, int minimumSuppliers, CancellationToken ct) =>
        (await TermsAsync([brandId], from, to, minimumSuppliers, ct))[brandId];

    /// <summary>The same for many brands at once (an initiative's report): one query.</summary>
    public async Task<IReadOnlyDictionary<Guid, PaymentTermsDto>> TermsAsync(IReadOnlyCollection<Guid> brandIds, DateOnly from, DateOnly to, int minimumSuppliers, CancellationToken ct)
    {
        var names = await db.Set<Organisation>().Where(o => brandIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var rows = (await db.Set<PaymentRecord>().AsNoTracking().Where(p => brandIds.Contains(p.BrandOrganisationId) && p.InvoiceDate >= from && p.InvoiceDate <= to)
            .Select(p => new { p.BrandOrganisationId, Row = new Row(p.RecordedByOrganisationId == p.BrandOrganisationId, p.SupplierOrganisationId, p.InvoiceDate, p.AgreedTermsDays, p.PaidDate) })
            .ToListAsync(ct)).ToLookup(p => p.BrandOrganisationId, p => p.Row);
        return names.ToDictionary(b => b.Key, b =>
        {
            var own = rows[b.Key].Where(r => r.ByBrand).ToList();
            var reported = rows[b.Key].Where(r => !r.ByBrand).ToList();
            // Only months with enough suppliers count, in the months and in the total alike: a total over
            // more months than are shown would give away the hidden months by subtraction.
            var pooled = reported.GroupBy(r => Month(r.Invoiced)).Where(g => g.Select(r => r.Supplier).Distinct().Count() >= minimumSuppliers).SelectMany(g => g).ToList();
            return new PaymentTermsDto(b.Key, b.Value, minimumSuppliers, Stats(own), Months(own, 1), pooled.Count > 0 ? Stats(pooled) : null, Months(pooled, minimumSuppliers));
        });
    }

    /// <summary>A brand's last twelve months (its suppliers' reports pooled with the default threshold), or a supplier's own invoices by brand.</summary>
    public async Task<PaymentTermsOverviewDto> OverviewAsync(OrganisationAccess access, CancellationToken ct)
    {
        var me = access.Organisation.Id;
        if (access.Organisation.Kind == OrganisationKind.Brand)
        {
            return new(await TermsAsync(me, Today.AddYears(-1), Today, MonitoringRound.DefaultThreshold, ct), []);
        }

        var rows = await (from p in db.Set<PaymentRecord>()
                          join b in db.Set<Organisation>() on p.BrandOrganisationId equals b.Id
                          where p.RecordedByOrganisationId == me && p.SupplierOrganisationId == me
                          select new { Brand = b.Name, Row = new Row(false, p.SupplierOrganisationId, p.InvoiceDate, p.AgreedTermsDays, p.PaidDate) }).ToListAsync(ct);
        return new(null, rows.GroupBy(r => r.Brand).OrderBy(g => g.Key).Select(g => new BrandPaymentStatsDto(g.Key, Stats(g.Select(r => r.Row).ToList()))).ToList());
    }

    /// <summary>
    /// The brand's own payment records of the last twelve months, per supplier with an invoice paid late or overdue:
    /// purchasing-practice evidence for its risk register. Suppliers' reports are left out: per supplier they would
    /// name who reported the brand.
    /// </summary>
    public async Task<IReadOnlyList<LatePaymentSignal>> OwnLatePaymentsAsync(OrganisationAccess access, CancellationToken ct)
    {
        var brand = access.Organisation.Id;
        var since = Today.AddYears(-1);
        var rows = await db.Set<PaymentRecord>().AsNoTracking()
            .Where(p => p.BrandOrganisationId == brand && p.RecordedByOrganisationId == brand && p.InvoiceDate >= since)
            .Select(p => new Row(true, p.SupplierOrganisationId, p.InvoiceDate, p.AgreedTermsDays, p.PaidDate)).ToListAsync(ct);
        return rows.GroupBy(r => r.Supplier).Select(g => new LatePaymentSignal(g.Key, g.Count(r => r.LateOn(Today)), g.Count(r => r.JudgedOn(Today))))
            .Where(s => s.Late > 0).OrderBy(s => s.SupplierOrganisationId).ToList();
    }

    private PaymentStatsDto Stats(IReadOnlyCollection<Row> rows)
    {
        var paid = rows.Where(r => r.Paid is not null).ToList();
        var overdue = rows.Count(r => r.Paid is null && r.Due < Today);
        var judged = rows.Count(r => r.JudgedOn(Today));
        return new PaymentStatsDto(rows.Count, paid.Count, paid.Count == 0 ? null : Math.Round(paid.Average(r => r.DaysToPay!.Value), 1),
            rows.Count == 0 ? null : Math.Round(rows.Average(r => r.Terms), 1), judged == 0 ? null : Math.Round(100.0 * paid.Count(r => r.Paid <= r.Due) / judged, 1), overdue);
    }

    private List<PaymentMonthDto> Months(IReadOnlyCollection<Row> rows, int minimumSuppliers) =>
        rows.GroupBy(r => Month(r.Invoiced)).Where(g => g.Select(r => r.Supplier).Distinct().Count() >= minimumSuppliers).OrderBy(g => g.Key)
            .Select(g =>
            {
                var stats = Stats(g.ToList());
                return new PaymentMonthDto(g.Key, stats.Invoices, stats.AverageDaysToPay, stats.OnTimeShare);
            }).ToList();

    private static string Month(DateOnly day) => day.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    private sealed record Row(bool ByBrand, Guid Supplier, DateOnly Invoiced, int Terms, DateOnly? Paid)
    {
        public DateOnly Due => Invoiced.AddDays(Terms);

        public int? DaysToPay => Paid is { } p ? p.DayNumber - Invoiced.DayNumber : null;

        /// <summary>Paid, or unpaid past its due day: an invoice not yet due says nothing either way.</summary>
        public bool JudgedOn(DateOnly today) => Paid is not null || Due < today;

        public bool LateOn(DateOnly today) => JudgedOn(today) && (Paid ?? today) > Due;
    }
}
