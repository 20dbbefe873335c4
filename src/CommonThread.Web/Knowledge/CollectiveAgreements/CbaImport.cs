using System.Globalization;
using System.Text.RegularExpressions;
using CommonThread.Data;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.Platform.Data;
using CommonThread.Web.Platform.Files;
using CommonThread.Web.Platform.Localization;
using CommonThread.Web.Platform.Text;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Knowledge.CollectiveAgreements;

/// <summary>What an agreements file did: all its rows, or none and every problem with its row and column.</summary>
public sealed record CbaImportReport(int Rows, int Imported, IReadOnlyList<ImportRowProblem> Problems, int ProblemCount, int AlreadyRecorded,
    IReadOnlyList<int> AlreadyRecordedRows, IReadOnlyList<string> IgnoredColumns);

/// <summary>
/// Imports a register of agreements laid out as WageIndicator's collective-agreements dataset is (one row an agreement:
/// its name, country, level, sector, signatories, dates, coverage, and a column per coded topic holding the clause's
/// words or a yes), or as a ministry's or an initiative's register says the same things under its own headers. Columns
/// it does not know are named in the report and left, since such datasets code far more than the register keeps.
/// </summary>
public sealed partial class CbaImport(AppDbContext db, CbaService agreements, AuditLog audit)
{
    private static readonly Dictionary<string, string[]> Aliases = new()
    {
        ["reference"] = ["id", "cba_id", "cbaid", "agreement_id", "record_id", "reference"],
        ["title"] = ["title", "name", "cba_name", "cbaname", "agreement", "agreement_name", "name_of_the_agreement", "cba_title"],
        ["country"] = ["country", "country_name", "country_code", "countryname", "iso2"],
        ["level"] = ["level", "bargaining_level", "cba_level", "level_of_agreement", "agreement_level"],
        ["sector"] = ["sector", "industry", "sector_name", "industry_sector", "isic_description"],
        ["employers"] = ["employer", "employers", "employer_s", "company", "company_name", "signatory_employer", "signatory_employers", "signatory_employer_s",
            "employers_side", "employer_organisation", "employers_organisation", "employers_organisations"],
        ["unions"] = ["union", "unions", "union_s", "trade_union", "trade_unions", "trade_union_s", "signatory_union", "signatory_unions", "signatory_union_s",
            "signatory_trade_unions", "workers_side"],
        ["language"] = ["language", "cba_language", "language_of_the_text", "text_language"],
        ["signed"] = ["signed", "signed_on", "date_signed", "signature_date", "date_of_signature", "sign_date"],
        ["start"] = ["start", "start_date", "starts_on", "valid_from", "effective_date", "date_effective", "begin_date", "cba_start_date"],
        ["end"] = ["end", "end_date", "expires_on", "expiry_date", "expiry", "valid_until", "valid_to", "cba_end_date"],
        ["workers"] = ["workers_covered", "number_of_workers_covered", "nr_workers", "number_of_employees_covered", "employees_covered", "workers", "coverage"],
        ["women"] = ["women_covered", "number_of_women_covered", "women", "female_workers_covered"],
        ["text"] = ["text", "full_text", "cba_text", "agreement_text"],
        [nameof(ClauseTopic.Wages)] = ["wages", "wage", "pay", "wage_clauses", "wages_clause", "wages_and_pay"],
        [nameof(ClauseTopic.WorkingTime)] = ["working_time", "working_hours", "hours_of_work", "work_hours", "working_hours_clause"],
        [nameof(ClauseTopic.Leave)] = ["leave", "annual_leave", "leave_clauses", "paid_leave", "holidays"],
        [nameof(ClauseTopic.GenderEqualityAndMaternity)] = ["gender_equality", "maternity", "maternity_leave", "gender_equality_and_maternity", "gender_and_maternity",
            "equal_opportunities", "work_and_family"],
        [nameof(ClauseTopic.HealthAndSafety)] = ["health_and_safety", "health_safety", "occupational_health_and_safety", "osh", "health_and_medical_assistance"],
        [nameof(ClauseTopic.FreedomOfAssociation)] = ["freedom_of_association", "trade_union_rights", "union_rights", "union_facilities"],
        [nameof(ClauseTopic.DisputeSettlement)] = ["dispute_settlement", "disputes", "dispute_resolution", "grievance_procedure", "conflict_resolution"],
    };

    private static readonly Dictionary<string, string> ColumnOfHeader = Aliases.SelectMany(a => a.Value.Select(alias => (alias, a.Key))).ToDictionary(x => x.alias, x => x.Key);

    private static readonly string[] Required = ["title", "country", "level", "start"];

    /// <summary>The agreements' fields as the file's columns: a field's problem is reported against its column.</summary>
    private static readonly Dictionary<string, string> ColumnOfField = new()
    {
        ["title"] = "title", ["level"] = "level", ["country"] = "country", ["language"] = "language", ["signedOn"] = "signed", ["startsOn"] = "start",
        ["expiresOn"] = "end", ["workersCovered"] = "workers", ["womenCovered"] = "women", ["text"] = "text", ["parties"] = "unions",
    };

    /// <summary>Imports every row, or none; rows already imported by the organisation (same identifier, or same title, country and start) are left.</summary>
    public async Task<CbaImportReport> ImportAsync(OrganisationAccess access, string fileName, byte[] bytes, bool makePublic, CancellationToken ct)
    {
        access.Require(MemberRole.Editor).RequireKind(Phrase.Of("Unions, initiatives, governments and employers' organisations import registers of agreements."),
            CbaAccess.RegisterKeepers);
        var rows = TableFile.Read(fileName, bytes);
        var problems = new ProblemList<ImportRowProblem>();
        var header = rows.Count > 0 ? rows[0] : [];
        var positions = new Dictionary<string, int>();
        var ignored = new List<string>();
        for (var i = 0; i < header.Length; i++)
        {
            var key = HeaderKey(header[i]);
            if (key.Length == 0)
            {
                continue;
            }

            if (!ColumnOfHeader.TryGetValue(key, out var column))
            {
                ignored.Add(header[i].Trim());
            }
            else if (!positions.TryAdd(column, i))
            {
                problems.Add(ImportRowProblem.Of(1, header[i].Trim(), Phrase.Of("This column says the same as column {0}.", header[positions[column]].Trim())));
            }
        }

        if (Required.Where(c => !positions.ContainsKey(c)).ToList() is { Count: > 0 } missing)
        {
            problems.Add(ImportRowProblem.Of(1, string.Join(", ", missing), Phrase.Of("The first row must name the columns; missing: {0}.", string.Join(", ", missing))));
        }

        if (problems.Count > 0)
        {
            return new(rows.Count - 1, 0, problems.Kept, problems.Count, 0, [], ignored);
        }

        var me = access.Organisation.Id;
        var earlier = await db.Set<CollectiveAgreement>().AsNoTracking().Where(a => a.RecordedByOrganisationId == me && a.Source == AgreementSource.Imported)
            .Select(a => new { a.SourceReference, a.Title, a.CountryCode, a.StartsOn }).ToListAsync(ct);
        var known = earlier.Select(a => a.SourceReference is { } r ? "ref:" + r : Identity(a.Title, a.CountryCode, a.StartsOn)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var inFile = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var already = new AlreadyRecordedRows();
        var records = new List<CollectiveAgreement>();
        for (var r = 1; r < rows.Count; r++)
        {
            if (rows[r].All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var row = new TableRow(r + 1, rows[r], positions, (n, column, message) => problems.Add(ImportRowProblem.Of(n, column, message)));
            var (input, reference) = Read(row, makePublic);
            var (agreement, errors) = await agreements.CheckedAsync(access, input, ct, importedAs: reference ?? "");
            foreach (var (field, messages) in errors)
            {
                var column = ColumnOfField.GetValueOrDefault(field) ?? (field.StartsWith("parties", StringComparison.Ordinal) ? "unions" : field);
                if (!row.HasProblemIn(column))
                {
                    row.Problem(column, Phrase.Text(messages[0]));
                }
            }

            if (agreement is null || row.HasProblems)
            {
                continue;
            }

            var identity = reference is not null ? "ref:" + reference : Identity(agreement.Title, agreement.CountryCode, agreement.StartsOn);
            if (known.Contains(identity))
            {
                already.Add(r + 1);
            }
            else if (!inFile.TryAdd(identity, r + 1))
            {
                row.Problem(reference is not null ? "reference" : "title", Phrase.Of("The same agreement as row {0}.", inFile[identity]));
            }
            else
            {
                records.Add(agreement);
            }
        }

        if (problems.Count > 0)
        {
            return new(rows.Count - 1, 0, problems.Kept, problems.Count, already.Count, already.Rows, ignored);
        }

        if (records.Count > 0)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.AddRange(records);
            audit.Record(me, "agreement.imported", $"{records.Count} agreements imported from {Path.GetFileName(fileName)}; {already.Count} already recorded");
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        return new(rows.Count - 1, records.Count, [], 0, already.Count, already.Rows, ignored);
    }

    private static (CbaInput Input, string? Reference) Read(TableRow row, bool makePublic)
    {
        var parties = Names(row.Text("unions", 2000)).Select(n => new CbaPartyInput(AgreementSide.Workers, n))
            .Concat(Names(row.Text("employers", 2000)).Select(n => new CbaPartyInput(AgreementSide.Employers, n))).ToList();
        var clauses = new List<CbaClauseInput>();
        foreach (var topic in Enum.GetValues<ClauseTopic>().Where(t => t != ClauseTopic.Other))
        {
            var column = topic.ToString();
            if (row.Text(column, CbaClause.TextMaxLength) is not { } cell)
            {
                continue;
            }

            switch (cell.ToLowerInvariant())
            {
                case "yes" or "y" or "1" or "true" or "x":
                    clauses.Add(new CbaClauseInput(topic, null, null));
                    break;
                case "no" or "n" or "0" or "false" or "-":
                    break;
                default:
                    clauses.Add(new CbaClauseInput(topic, null, cell));
                    break;
            }
        }

        var input = new CbaInput
        {
            Title = row.Text("title", CollectiveAgreement.TitleMaxLength, required: true) ?? "", Country = row.Text("country", 100, required: true) ?? "",
            Level = Level(row), Sector = row.Text("sector", CollectiveAgreement.NameMaxLength), Language = row.Text("language", 40),
            SignedOn = row.Date("signed"), StartsOn = row.Date("start"), ExpiresOn = row.Date("end"),
            WorkersCovered = row.Whole("workers", Platform.Values.Plausible.Count), WomenCovered = row.Whole("women", Platform.Values.Plausible.Count),
            Text = row.Text("text", CollectiveAgreement.TextMaxLength), Public = makePublic, Parties = parties, Clauses = clauses,
        };
        return (input, row.Text("reference", CollectiveAgreement.ReferenceMaxLength));
    }

    /// <summary>
    /// The level in the words registers use. A workplace's agreement comes in as a company's: a file names no facility
    /// of ours, and a facility's agreement is recorded by its employer or its union.
    /// </summary>
    private static AgreementLevel? Level(TableRow row)
    {
        if (row.Text("level", 60) is not { } text)
        {
            row.Problem("level", Phrase.Of("The {0} is required.", "level"));
            return null;
        }

        switch (HeaderKey(text))
        {
            case "facility" or "establishment" or "plant" or "workplace" or "enterprise" or "company" or "company_level" or "enterprise_level" or "single_employer"
                or "establishment_plant_level" or "company_plant_level" or "firm":
                return AgreementLevel.Company;
            case "sector" or "sectoral" or "sector_level" or "industry" or "industry_level" or "branch" or "multi_employer" or "sector_industry_level":
                return AgreementLevel.Sector;
            case "national" or "national_level" or "interprofessional" or "cross_sector" or "cross_sectoral" or "central":
                return AgreementLevel.National;
            default:
                // The words a file may use are English, whatever the reader's language: they are given as a value, not translated.
                row.Problem("level", Phrase.Of("'{0}' is not a level we know: write one of {1}.", text, "company, sector, national"));
                return null;
        }
    }

    /// <summary>Signatories are separated by semicolons, bars or line breaks: their names hold commas.</summary>
    private static IEnumerable<string> Names(string? cell) =>
        (cell ?? "").Split([';', '|', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase);

    private static string Identity(string title, string country, DateOnly startsOn) =>
        string.Join('|', TextInput.Clean(title).Trim().ToLowerInvariant(), country, startsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>A header (or a level) as a key: case, accents' absence, spaces and punctuation do not matter ("Signatory union(s)" is signatory_union_s).</summary>
    internal static string HeaderKey(string text) => NotLetterOrDigit().Replace(text.Trim().ToLowerInvariant(), "_").Trim('_');

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NotLetterOrDigit();
}
