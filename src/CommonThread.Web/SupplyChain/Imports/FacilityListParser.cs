using System.Globalization;
using System.Text.RegularExpressions;
using CommonThread.Matching;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Files;
using CommonThread.Web.Platform.Geography;
using CommonThread.Web.Platform.Localization;
using CommonThread.Web.Platform.Text;
using CommonThread.Web.Platform.Values;

namespace CommonThread.Web.SupplyChain.Imports;

/// <summary>A problem with one cell (Row 0: the file as a whole). Row numbers are the spreadsheet's: the header is row 1.</summary>
public sealed record ImportProblem(int Row, string Column, string Message)
{
    /// <summary>The message as a template and its values, so a page says it in the reader's language; the API keeps the English.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Phrase? Words { get; init; }

    public static ImportProblem Of(int row, string column, Phrase words) => new(row, column, words.English) { Words = words };

    /// <summary>The message in the reader's language.</summary>
    public string In(Microsoft.Extensions.Localization.IStringLocalizer text) => Words?.In(text) ?? Message;
}

/// <param name="Problems">The first 1,000 of <paramref name="ProblemCount"/>, by row.</param>
public sealed record ParsedFacilityList(int TotalRows, IReadOnlyList<ImportRow> Rows, IReadOnlyList<ImportProblem> Problems, int ProblemCount);

/// <summary>
/// Checks a facility list in the Open Supply Hub layout plus our columns, cell by cell, and keeps the
/// rows that have no problem. Nothing here touches the database: the same file always gives the same
/// rows, which the preview shows and the background job later writes.
/// </summary>
public static partial class FacilityListParser
{
    /// <summary>Our column names, and the other spellings seen in Open Supply Hub lists.</summary>
    private static readonly Dictionary<string, string[]> Columns = new()
    {
        ["country"] = ["country", "country_code", "country_name"],
        ["name"] = ["name", "facility_name"],
        ["address"] = ["address", "facility_address"],
        ["sector"] = ["sector", "sectors"],
        ["product_type"] = ["product_type", "product_types"],
        ["processing_type"] = ["processing_type", "facility_type_processing_type", "facility_type", "processing_types"],
        ["number_of_workers"] = ["number_of_workers", "workers", "workers_total"],
        ["workers_women"] = ["workers_women", "women_workers", "number_of_women_workers"],
        ["workers_men"] = ["workers_men", "men_workers", "number_of_men_workers"],
        ["parent_company"] = ["parent_company"],
        ["lat"] = ["lat", "latitude"],
        ["lng"] = ["lng", "lon", "long", "longitude"],
        ["os_id"] = ["os_id", "osid", "open_supply_hub_id"],
        ["tier"] = ["tier"],
        ["buyer"] = ["buyer", "buyer_facility", "supplies_to"],
        ["process"] = ["process"],
        ["product"] = ["product"],
        ["start_date"] = ["start_date", "since"],
        ["share_of_output"] = ["share_of_output", "share_of_output_percent", "buyer_share"],
        ["union_name"] = ["union_name", "union"],
        ["union_federation"] = ["union_federation", "federation"],
        ["union_recognised"] = ["union_recognised", "union_recognized"],
        ["worker_committee"] = ["worker_committee"],
        ["cba"] = ["cba", "collective_agreement"],
        ["cba_expires"] = ["cba_expires", "cba_expiry"],
        ["foa_source"] = ["foa_source", "source"],
        ["foa_date"] = ["foa_date", "observed_on"],
    };

    public static readonly string[] RequiredColumns = ["country", "name", "address"];

    /// <summary>Every column read, in the order a list is best laid out, with the spellings accepted for it (ours first): the template is made from this.</summary>
    public static IEnumerable<(string Column, IReadOnlyList<string> Accepted)> AcceptedColumns => Columns.Select(c => (c.Key, (IReadOnlyList<string>)c.Value));

    public static ParsedFacilityList Parse(List<string[]> table, OrganisationKind importer, DateOnly today)
    {
        var problems = new ProblemList<ImportProblem>();
        var header = table.Count > 0 ? table[0] : [];
        var positions = new Dictionary<string, int>();
        for (var i = 0; i < header.Length; i++)
        {
            var key = TableRow.HeaderKey(header[i]);
            var column = Columns.FirstOrDefault(c => c.Value.Contains(key)).Key;
            if (column is null)
            {
                if (key.Length > 0)
                {
                    problems.Add(ImportProblem.Of(0, header[i].Trim(), Phrase.Of("This column is not one we know, so it is not imported.")));
                }
            }
            else if (!positions.TryAdd(column, i))
            {
                problems.Add(ImportProblem.Of(0, header[i].Trim(), Phrase.Of("The column {0} appears twice; only the first is read.", column)));
            }
        }

        var missing = RequiredColumns.Where(c => !positions.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            var first = ImportProblem.Of(0, string.Join(", ", missing), missing.Count == 1
                ? Phrase.Of("The first row must name the columns, and {0} is missing. Required: country, name, address.", missing[0])
                : Phrase.Of("The first row must name the columns, and {0} are missing. Required: country, name, address.", string.Join(", ", missing)));
            return new(0, [], [first, .. problems.Kept.Take(ProblemList.MaxKept - 1)], problems.Count + 1);
        }

        var drafts = new List<(ImportRow Row, string? Buyer, bool TierGiven)>();
        var total = 0;
        for (var r = 1; r < table.Count; r++)
        {
            var cells = table[r];
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            total++;
            var row = new TableRow(r + 1, cells, positions, (row, column, message) => problems.Add(ImportProblem.Of(row, column, message)));
            var draft = Read(row, importer, today);
            if (draft is not null && !row.HasProblems)
            {
                drafts.Add(draft.Value);
            }
        }

        var rows = WithBuyers(WithoutDuplicates(drafts, problems), problems);
        return new(total, rows, [.. problems.Kept.OrderBy(p => p.Row)], problems.Count);
    }

    private static (ImportRow Row, string? Buyer, bool TierGiven)? Read(TableRow row, OrganisationKind importer, DateOnly today)
    {
        var name = row.Text("name", Facility.NameMaxLength, required: true);
        var address = row.Text("address", Facility.AddressMaxLength, required: true);
        var countryText = row.Text("country", 100, required: true);
        var country = countryText is null ? null : Countries.FromCodeOrName(countryText);
        if (countryText is not null && country is null)
        {
            row.Problem("country", Countries.RefusalWords(countryText));
        }

        var osId = row.Text("os_id", 15)?.ToUpperInvariant();
        if (osId is not null && !Facility.IsOsId(osId, country))
        {
            row.Problem("os_id", Phrase.Of("'{0}' is not an Open Supply Hub ID for this country: the country code, 7 digits and 6 letters or digits, such as BD2019312ABCDEF.", osId));
        }

        var latitude = (double?)row.Number("lat", Plausible.Latitude);
        var longitude = (double?)row.Number("lng", Plausible.Longitude);
        if ((latitude is null) != (longitude is null) && !row.HasProblemIn("lat") && !row.HasProblemIn("lng"))
        {
            row.Problem(latitude is null ? "lat" : "lng", Phrase.Of("Give both lat and lng, or neither."));
        }

        var total = row.Whole("number_of_workers", Plausible.Headcount);
        var women = row.Whole("workers_women", Plausible.Headcount);
        var men = row.Whole("workers_men", Plausible.Headcount);
        if (total is not null && women + men > total)
        {
            row.Problem("number_of_workers", Phrase.Of("Women and men together are more than the number of workers."));
        }

        var tier = row.Whole("tier", 1, SupplyLink.MaxTier);
        var startDate = row.Date("start_date");
        if (startDate > today)
        {
            row.Problem("start_date", Phrase.Of("The start date is in the future."));
        }

        var foaDate = row.Date("foa_date");
        if (foaDate > today)
        {
            row.Problem("foa_date", Phrase.Of("A fact cannot be observed in the future."));
        }

        var source = row.Text("foa_source", 20) is { } sourceText ? Source(row, sourceText, importer) : FactSource.Audit;
        var committee = row.Text("worker_committee", 20)?.ToLowerInvariant();
        if (committee is not (null or "elected" or "appointed" or "none" or "no"))
        {
            row.Problem("worker_committee", Phrase.Of("Write elected, appointed or none."));
        }

        var cbaExpires = row.Date("cba_expires");
        var cba = row.YesNo("cba");
        var parsed = new ImportRow
        {
            RowNumber = row.Number1Based,
            Name = name ?? "",
            Address = address ?? "",
            CountryCode = country ?? "",
            OsId = osId,
            Latitude = latitude,
            Longitude = longitude,
            Sector = row.Text("sector", Facility.TextMaxLength),
            ProductTypes = row.Text("product_type", Facility.TextMaxLength),
            ProcessingTypes = row.Text("processing_type", Facility.TextMaxLength),
            WorkersTotal = total,
            WorkersWomen = women,
            WorkersMen = men,
            ParentCompany = row.Text("parent_company", Facility.TextMaxLength),
            Tier = tier ?? 1,
            Process = row.Text("process", Facility.TextMaxLength),
            Product = row.Text("product", Facility.TextMaxLength),
            StartDate = startDate,
            ShareOfOutputPercent = row.Number("share_of_output", Plausible.Percent),
            UnionName = row.Text("union_name", FoaFact.TextMaxLength),
            UnionFederation = row.Text("union_federation", FoaFact.TextMaxLength),
            UnionRecognised = row.YesNo("union_recognised"),
            WorkerCommitteeElected = committee switch { "elected" => true, "appointed" => false, _ => null },
            WorkerCommitteeAbsent = committee is "none" or "no",
            CollectiveAgreement = cba ?? (cbaExpires is not null ? true : null),
            CollectiveAgreementExpires = cbaExpires,
            FoaSource = source,
            FoaObservedOn = foaDate,
        };
        if (parsed.UnionName is null && (parsed.UnionFederation is not null || parsed.UnionRecognised is not null))
        {
            row.Problem("union_name", Phrase.Of("Name the union when giving its federation or recognition."));
        }

        return (parsed, row.Text("buyer", Facility.NameMaxLength), tier is not null);
    }

    private static FactSource Source(TableRow row, string text, OrganisationKind importer)
    {
        var source = TableRow.HeaderKey(text) switch
        {
            "audit" => FactSource.Audit,
            "interview" => FactSource.Interview,
            "union" => FactSource.Union,
            "self_declared" or "selfdeclared" => FactSource.SelfDeclared,
            _ => (FactSource?)null,
        };
        if (source is null)
        {
            row.Problem("foa_source", Phrase.Of("Write audit, interview or union."));
        }
        else if (source == FactSource.SelfDeclared)
        {
            row.Problem("foa_source", Phrase.Of("A list of facilities you buy from cannot hold their self-declarations: the operator declares for itself."));
        }
        else if (source == FactSource.Union && importer != OrganisationKind.Union)
        {
            row.Problem("foa_source", Phrase.Of("Only a union reports with the source Union."));
        }

        return source ?? FactSource.Audit;
    }

    /// <summary>The same facility twice in one file (same OS ID, or same name and address in the same country): the first is kept.</summary>
    private static List<(ImportRow Row, string? Buyer, bool TierGiven)> WithoutDuplicates(List<(ImportRow Row, string? Buyer, bool TierGiven)> drafts, ProblemList<ImportProblem> problems)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var kept = new List<(ImportRow, string?, bool)>();
        foreach (var draft in drafts)
        {
            var keys = new List<string> { RowKey(draft.Row) };
            if (draft.Row.OsId is { } osId)
            {
                keys.Add("os:" + osId);
            }

            var first = keys.Select(k => seen.TryGetValue(k, out var n) ? n : 0).FirstOrDefault(n => n > 0);
            if (first > 0)
            {
                problems.Add(ImportProblem.Of(draft.Row.RowNumber, "name", Phrase.Of("The same facility as row {0}; only the first is imported.", first)));
                continue;
            }

            keys.ForEach(k => seen[k] = draft.Row.RowNumber);
            kept.Add(draft);
        }

        return kept;
    }

    /// <summary>Folded name, address and country: how a row is recognised again in another file.</summary>
    public static string RowKey(ImportRow row) => RowKey(row.CountryCode, row.Name, row.Address);

    /// <summary>The same key for a facility: one made from a row has the row's key, so a re-import finds it.</summary>
    public static string RowKey(string countryCode, string name, string address) =>
        $"{countryCode}|{string.Join(' ', FacilityNormaliser.NameTokens(name))}|{string.Join(' ', FacilityNormaliser.AddressTokens(address))}";

    /// <summary>
    /// Resolves each buyer cell to another row (by OS ID or name) and fills in tiers the file left
    /// blank: one below the buyer's. A row whose buyer cannot be found or who buys from itself in a loop is dropped.
    /// </summary>
    private static List<ImportRow> WithBuyers(List<(ImportRow Row, string? Buyer, bool TierGiven)> drafts, ProblemList<ImportProblem> problems)
    {
        var byReference = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (row, _, _) in drafts)
        {
            byReference.TryAdd(row.Name, row.RowNumber);
            if (row.OsId is { } osId)
            {
                byReference.TryAdd(osId, row.RowNumber);
            }
        }

        var buyerOf = new Dictionary<int, int>();
        var dropped = new HashSet<int>();
        foreach (var (row, buyer, _) in drafts.Where(d => d.Buyer is not null))
        {
            if (!byReference.TryGetValue(buyer!, out var buyerRow) || buyerRow == row.RowNumber)
            {
                problems.Add(ImportProblem.Of(row.RowNumber, "buyer", Phrase.Of("No other row in this file has the name or OS ID '{0}'. Leave buyer blank for facilities you buy from directly.", buyer)));
                dropped.Add(row.RowNumber);
            }
            else
            {
                buyerOf[row.RowNumber] = buyerRow;
            }
        }

        var byNumber = drafts.ToDictionary(d => d.Row.RowNumber);
        int? TierOf(int rowNumber, int depth)
        {
            var (row, _, tierGiven) = byNumber[rowNumber];
            if (tierGiven || !buyerOf.TryGetValue(rowNumber, out var buyerRow))
            {
                return row.Tier;
            }

            return depth > SupplyLink.MaxTier ? null : TierOf(buyerRow, depth + 1) + 1;
        }

        var rows = new List<ImportRow>();
        foreach (var (row, _, _) in drafts.Where(d => !dropped.Contains(d.Row.RowNumber)))
        {
            var tier = TierOf(row.RowNumber, 1);
            if (tier is null or > SupplyLink.MaxTier)
            {
                problems.Add(ImportProblem.Of(row.RowNumber, "buyer", Phrase.Of("Following the buyer column from this row goes round in a loop or deeper than tier {0}.", SupplyLink.MaxTier)));
                continue;
            }

            rows.Add(row with { Tier = tier.Value, BuyerRow = buyerOf.TryGetValue(row.RowNumber, out var b) && !dropped.Contains(b) ? b : null });
        }

        return rows;
    }

}
