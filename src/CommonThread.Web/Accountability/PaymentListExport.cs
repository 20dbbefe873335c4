using CommonThread.Web.Platform.Files;

namespace CommonThread.Web.Accountability;

/// <summary>The invoices an organisation recorded as a file: the filtered set whole, in CSV (UTF-8 with BOM) and XLSX with the same columns.</summary>
public static class PaymentListExport
{
    private static readonly string[] Header = ["brand", "supplier", "invoice", "order", "amount", "currency", "terms_days", "invoice_date", "due_date", "paid_date", "days_to_pay", "late"];

    private static IEnumerable<object?[]> Rows(IEnumerable<PaymentDto> rows) => rows.Select(p => new object?[]
    {
        p.Brand, p.Supplier, p.InvoiceReference, p.OrderReference, p.Amount, p.Currency, p.AgreedTermsDays, p.InvoiceDate.ToString("yyyy-MM-dd"), p.DueDate.ToString("yyyy-MM-dd"),
        p.PaidDate?.ToString("yyyy-MM-dd"), p.DaysToPay, p.Late ? "yes" : "no",
    });

    public static byte[] Csv(IEnumerable<PaymentDto> rows) => Platform.Files.Csv.File(Header, Rows(rows));

    public static byte[] Xlsx(IEnumerable<PaymentDto> rows) => Platform.Files.Xlsx.Write("Invoices", Header, Rows(rows));
}
