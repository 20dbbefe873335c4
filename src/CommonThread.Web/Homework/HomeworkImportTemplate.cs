using CommonThread.Web.Platform.Files;

namespace CommonThread.Web.Homework;

/// <summary>
/// The homework templates to download: the register and the payments, each with the header the import reads
/// (<see cref="HomeworkImport.HomeworkerColumns"/>, <see cref="HomeworkImport.PaymentColumns"/>, so a template
/// cannot offer a column the import would refuse) and one example row, and in the XLSX a Help sheet saying
/// what each column takes. The example names a facility and a work order only the keeper can fill in.
/// </summary>
public static class HomeworkImportTemplate
{
    private static readonly Dictionary<string, (string Example, string Help)> Homeworker = new()
    {
        ["name"] = ("Example Name", "The homeworker's full name."),
        ["gender"] = ("Woman", "Woman, Man or Other."),
        ["birth_date"] = ("1990-05-14", "yyyy-mm-dd; the person must be of working age in the country."),
        ["proof_of_age"] = ("NationalIdentityCard", "BirthCertificate, NationalIdentityCard, Passport, SchoolCertificate, MedicalCertificate or Other."),
        ["proof_checked_on"] = ("2026-01-10", "yyyy-mm-dd: the day you saw the document."),
        ["address"] = ("House 4, Road 2", "Where the work is done."),
        ["area"] = ("Savar", "Village, town or district."),
        ["country"] = ("Bangladesh", "The country's name or ISO code."),
        ["region"] = ("", "A minimum-wage region named in the country's wage table; blank when the country has one national rate."),
        ["phone"] = ("", "Optional."),
        ["skills"] = ("Hand embroidery", "Optional."),
        ["facility"] = ("", "The name of a facility your organisation runs, exactly as on CommonThread."),
        ["intermediary"] = ("", "Optional: the name of one of your intermediaries, exactly as on CommonThread."),
        ["social_security"] = ("NotEnrolled", "NotEnrolled, Applied or Enrolled."),
        ["social_security_number"] = ("", "Optional."),
        ["training"] = ("", "Optional: training received."),
        ["potable_water"] = ("yes", "yes or no."),
        ["lighting"] = ("yes", "yes or no: adequate lighting where the work is done."),
        ["protective_equipment"] = ("no", "yes or no."),
        ["direct_employment_offered"] = ("no", "yes or no."),
        ["monthly_quota_minutes"] = ("4000", "Minutes of work a month at most, 0 to 40000."),
        ["language"] = ("bn", "The language the passbook is printed in: en, es, bn, hi, ur, id, vi, tr, km, zh-Hans, am, ta, si or my."),
    };

    private static readonly Dictionary<string, (string Example, string Help)> Payment = new()
    {
        ["work_order"] = ("", "The work order's id, as in the work orders export or the API."),
        ["amount"] = ("1250.00", "The amount paid, in the work order's currency."),
        ["paid_on"] = ("2026-02-01", "yyyy-mm-dd."),
        ["method"] = ("MobileMoney", "Cash, MobileMoney or Bank."),
        ["paid_by"] = ("Example Intermediary", "Who handed over the money."),
        ["reference"] = ("", "Optional: a receipt or transfer reference; two payments of one order on one day need different references."),
        ["reason"] = ("", "Optional."),
    };

    public static byte[] HomeworkersCsv() => Csv.File(HomeworkImport.HomeworkerColumns, [Examples(HomeworkImport.HomeworkerColumns, Homeworker)]);

    public static byte[] HomeworkersXlsx() => Workbook("Homeworkers", HomeworkImport.HomeworkerColumns, HomeworkImport.RequiredHomeworkerColumns, Homeworker);

    public static byte[] PaymentsCsv() => Csv.File(HomeworkImport.PaymentColumns, [Examples(HomeworkImport.PaymentColumns, Payment)]);

    public static byte[] PaymentsXlsx() => Workbook("Payments", HomeworkImport.PaymentColumns, HomeworkImport.RequiredPaymentColumns, Payment);

    private static List<string> Examples(IEnumerable<string> columns, Dictionary<string, (string Example, string Help)> about) =>
        [.. columns.Select(c => about.TryGetValue(c, out var a) ? a.Example : "")];

    private static byte[] Workbook(string sheet, IReadOnlyList<string> columns, IReadOnlyCollection<string> required, Dictionary<string, (string Example, string Help)> about) =>
        Xlsx.WriteSheets([
            new XlsxSheet(sheet, columns, [Examples(columns, about)]),
            new XlsxSheet("Help", ["column", "required", "what to write"],
                columns.Select(c => (IEnumerable<object?>)[c, required.Contains(c) ? "yes" : "no", about.TryGetValue(c, out var a) ? a.Help : ""])),
        ]);
}
