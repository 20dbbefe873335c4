using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Files;

namespace CommonThread.Web.SupplyChain.Imports;

/// <summary>
/// The facility list template to download: the header the parser reads and one example row that imports
/// without a problem. The columns come from <see cref="FacilityListParser.AcceptedColumns"/>, so the
/// template cannot offer a column the parser would refuse, nor miss one it reads. The XLSX adds a Help
/// sheet with the other spellings each column is recognised by; the CSV is the bare table, since a
/// comment line in it would be read as a facility.
/// </summary>
public static class FacilityListTemplate
{
    private static readonly Dictionary<string, string> Example = new()
    {
        ["country"] = "BD",
        ["name"] = "Example Knitwear Ltd",
        ["address"] = "Plot 12, BSCIC Industrial Area, Gazipur",
        ["sector"] = "Apparel",
        ["product_type"] = "Knitwear",
        ["processing_type"] = "Sewing",
        ["number_of_workers"] = "850",
        ["workers_women"] = "520",
        ["workers_men"] = "330",
        ["parent_company"] = "Example Group",
        ["lat"] = "23.9999",
        ["lng"] = "90.4203",
        ["os_id"] = "",
        ["tier"] = "1",
        ["buyer"] = "",
        ["process"] = "Sewing",
        ["product"] = "T-shirts",
        ["start_date"] = "2024-01-15",
        ["share_of_output"] = "25",
        ["union_name"] = "Example Garment Workers Union",
        ["union_federation"] = "Example Federation",
        ["union_recognised"] = "yes",
        ["worker_committee"] = "elected",
        ["cba"] = "yes",
        ["cba_expires"] = "2027-12-31",
        ["foa_source"] = "audit",
        ["foa_date"] = "2025-06-30",
    };

    private static readonly Dictionary<string, string> Help = new()
    {
        ["country"] = "ISO code of 2 or 3 letters, or the country's name.",
        ["name"] = "The facility's name.",
        ["address"] = "The facility's address as people write it.",
        ["os_id"] = "Open Supply Hub ID: country code, 7 digits, 6 letters or digits.",
        ["number_of_workers"] = "A whole number.",
        ["lat"] = "Latitude in degrees; give lng too.",
        ["lng"] = "Longitude in degrees; give lat too.",
        ["tier"] = "1 for a facility you buy from directly; blank below a buyer: one tier below it.",
        ["buyer"] = "The name or OS ID of another row of the file that passes work to this facility.",
        ["start_date"] = "yyyy-mm-dd, not in the future.",
        ["share_of_output"] = "Percent of the facility's output you take, 0 to 100.",
        ["union_recognised"] = "yes or no.",
        ["worker_committee"] = "elected, appointed or none.",
        ["cba"] = "yes or no: a collective agreement is in force.",
        ["cba_expires"] = "yyyy-mm-dd.",
        ["foa_source"] = "audit or interview (a union: union).",
        ["foa_date"] = "yyyy-mm-dd, the day the facts were observed.",
    };

    /// <summary>Columns about who passes work to whom and how much: what a buyer's list maps.</summary>
    private static readonly HashSet<string> ChainColumns = ["tier", "buyer", "process", "product", "start_date", "share_of_output"];

    /// <summary>
    /// The columns that matter to the kind of organisation: a brand or an initiative maps tiers, buyers and its
    /// share; a supplier or an intermediary lists the facilities it works with (tier and buyer for its
    /// subcontractors) but takes no share of its own output; a union reports facilities and what it knows
    /// of FoA there, with the source union. Every column is still accepted from any list.
    /// </summary>
    public static IReadOnlyList<string> ColumnsFor(OrganisationKind kind) =>
        FacilityListParser.AcceptedColumns.Select(c => c.Column).Where(c => kind switch
        {
            OrganisationKind.Union => !ChainColumns.Contains(c),
            OrganisationKind.Supplier or OrganisationKind.Intermediary => c != "share_of_output",
            _ => true,
        }).ToList();

    public static IReadOnlyList<string> ExampleRow(OrganisationKind kind) =>
        ColumnsFor(kind).Select(c => c == "foa_source" && kind == OrganisationKind.Union ? "union" : Example.GetValueOrDefault(c, "")).ToList();

    public static byte[] Csv(OrganisationKind kind) => Platform.Files.Csv.File(ColumnsFor(kind), [ExampleRow(kind)]);

    public static byte[] Xlsx(OrganisationKind kind)
    {
        var columns = ColumnsFor(kind);
        var required = FacilityListParser.RequiredColumns;
        var help = FacilityListParser.AcceptedColumns.Where(c => columns.Contains(c.Column)).Select(c => (IEnumerable<object?>)
            [c.Column, string.Join(", ", c.Accepted.Where(a => a != c.Column)), required.Contains(c.Column) ? "yes" : "no", Help.GetValueOrDefault(c.Column, "")]);
        return Platform.Files.Xlsx.WriteSheets([
            new XlsxSheet("Facilities", columns, [ExampleRow(kind)]),
            new XlsxSheet("Help", ["column", "also accepted as", "required", "what to write"], help),
        ]);
    }

    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
