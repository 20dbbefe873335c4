using System.ComponentModel.DataAnnotations;
using CommonThread.Data;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Files;
using CommonThread.Web.Platform.Localization;
using CommonThread.Web.Platform.Text;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.SupplyChain;

public sealed record CountryContextInput
{
    [Required, StringLength(100)]
    public string Country { get; init; } = "";

    [StringLength(2)]
    public string? ItucRating { get; init; }

    public int? ItucYear { get; init; }

    [StringLength(300)]
    public string? ItucNote { get; init; }

    [StringLength(4)]
    public string? C87Ratified { get; init; }

    [StringLength(4)]
    public string? C98Ratified { get; init; }

    [StringLength(4)]
    public string? C177Ratified { get; init; }

    [StringLength(4)] public string? C29Ratified { get; init; }

    [StringLength(4)] public string? C105Ratified { get; init; }

    [StringLength(4)] public string? C138Ratified { get; init; }

    [StringLength(4)] public string? C182Ratified { get; init; }

    [StringLength(4)] public string? C155Ratified { get; init; }

    [StringLength(4)] public string? C187Ratified { get; init; }

    [StringLength(4)] public string? C190Ratified { get; init; }

    [StringLength(300)] public string? Sources { get; init; }
}

public sealed record CountryContextDto(string CountryCode, string Country, string? ItucRating, int? ItucYear, string? ItucNote,
    string? C87Ratified, string? C98Ratified, string? C177Ratified, DateTimeOffset UpdatedAt,
    string? C29Ratified = null, string? C105Ratified = null, string? C138Ratified = null, string? C182Ratified = null,
    string? C155Ratified = null, string? C187Ratified = null, string? C190Ratified = null, string? Sources = null)
{
    public static CountryContextDto From(CountryContext c) =>
        new(c.CountryCode, c.Country, c.ItucRating, c.ItucYear, c.ItucNote, c.C87Ratified, c.C98Ratified, c.C177Ratified, c.UpdatedAt,
            c.C29Ratified, c.C105Ratified, c.C138Ratified, c.C182Ratified, c.C155Ratified, c.C187Ratified, c.C190Ratified, c.Sources);
}

public sealed class CountryContextService(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    private static readonly string[] Ratings = ["1", "2", "3", "4", "5", "5+"];

    public async Task<IReadOnlyList<CountryContext>> ListAsync(CancellationToken ct) =>
        await db.Set<CountryContext>().AsNoTracking().OrderBy(c => c.Country).ToListAsync(ct);

    /// <summary>Loads the shipped country context into an empty table; an initiative's edits are never overwritten.</summary>
    public async Task SeedIfEmptyAsync(CancellationToken ct)
    {
        if (await db.Set<CountryContext>().AnyAsync(ct))
        {
            return;
        }

        await using var stream = typeof(CountryContext).Assembly.GetManifestResourceStream("country-context.csv")
            ?? throw new InvalidOperationException("country-context.csv is not embedded.");
        using var reader = new StreamReader(stream);
        var rows = Csv.Read(await reader.ReadToEndAsync(ct));
        // Columns by their header, so a column added to the file (a convention, its sources) needs no renumbering.
        var header = rows[0].Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index, StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        foreach (var row in rows.Skip(1).Where(r => r.Length == header.Count))
        {
            string? Cell(string name) => header.TryGetValue(name, out var i) ? TextInput.OrNull(row[i]) : null;
            db.Add(new CountryContext
            {
                CountryCode = row[header["iso2"]], Country = row[header["country"]], ItucRating = Cell("ituc_rating"), ItucYear = int.TryParse(Cell("ituc_year"), out var year) ? year : null,
                ItucNote = Cell("ituc_note"), C87Ratified = Cell("c87_ratified"), C98Ratified = Cell("c98_ratified"), C177Ratified = Cell("c177_ratified"),
                C29Ratified = Cell("c29_ratified"), C105Ratified = Cell("c105_ratified"), C138Ratified = Cell("c138_ratified"), C182Ratified = Cell("c182_ratified"),
                C155Ratified = Cell("c155_ratified"), C187Ratified = Cell("c187_ratified"), C190Ratified = Cell("c190_ratified"), Sources = Cell("sources"), UpdatedAt = now,
            });
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Initiatives keep the country context; every change is in their audit trail.</summary>
    public async Task<CountryContext> SaveAsync(OrganisationAccess access, string countryCode, CountryContextInput input, CancellationToken ct)
    {
        if (access.Organisation.Kind != OrganisationKind.Initiative)
        {
            throw new RuleViolation("organisation", "Only initiatives keep the country context.", StatusCodes.Status403Forbidden);
        }

        var code = Platform.Geography.Countries.Valid(countryCode) ?? throw new RuleViolation("countryCode", "A country is required.");

        var rating = TextInput.OrNull(input.ItucRating);
        if (rating is not null && !Ratings.Contains(rating))
        {
            throw new RuleViolation("itucRating", "The ITUC rating is 1, 2, 3, 4, 5 or 5+.");
        }

        var thisYear = clock.GetUtcNow().Year;
        if ((rating is not null && input.ItucYear is null) || input.ItucYear < 2014 || input.ItucYear > thisYear)
        {
            throw new RuleViolation("itucYear", Phrase.Of("Give the edition year (2014–{0}) beside the rating.", thisYear));
        }

        foreach (var (field, value) in new[]
                 {
                     ("c87Ratified", input.C87Ratified), ("c98Ratified", input.C98Ratified), ("c177Ratified", input.C177Ratified), ("c29Ratified", input.C29Ratified),
                     ("c105Ratified", input.C105Ratified), ("c138Ratified", input.C138Ratified), ("c182Ratified", input.C182Ratified),
                     ("c155Ratified", input.C155Ratified), ("c187Ratified", input.C187Ratified), ("c190Ratified", input.C190Ratified),
                 })
        {
            if (TextInput.OrNull(value) is { } v && v != "no" && !(int.TryParse(v, out var y) && y >= 1919 && y <= thisYear))
            {
                throw new RuleViolation(field, "A ratification is a year, \"no\", or empty when no source was found.");
            }
        }

        var context = await db.Set<CountryContext>().FirstOrDefaultAsync(c => c.CountryCode == code, ct);
        if (context is null)
        {
            context = new CountryContext { CountryCode = code, Country = "" };
            db.Add(context);
        }

        context.Country = input.Country.Trim();
        context.ItucRating = rating;
        context.ItucYear = rating is null ? null : input.ItucYear;
        context.ItucNote = TextInput.OrNull(input.ItucNote);
        context.C87Ratified = TextInput.OrNull(input.C87Ratified);
        context.C98Ratified = TextInput.OrNull(input.C98Ratified);
        context.C177Ratified = TextInput.OrNull(input.C177Ratified);
        context.C29Ratified = TextInput.OrNull(input.C29Ratified);
        context.C105Ratified = TextInput.OrNull(input.C105Ratified);
        context.C138Ratified = TextInput.OrNull(input.C138Ratified);
        context.C182Ratified = TextInput.OrNull(input.C182Ratified);
        context.C155Ratified = TextInput.OrNull(input.C155Ratified);
        context.C187Ratified = TextInput.OrNull(input.C187Ratified);
        context.C190Ratified = TextInput.OrNull(input.C190Ratified);
        context.Sources = TextInput.OrNull(input.Sources);
        context.UpdatedByOrganisationId = access.Organisation.Id;
        context.UpdatedAt = clock.GetUtcNow();
        audit.Record(access.Organisation.Id, "country-context.saved", $"{code}: ITUC {rating ?? "unknown"} ({context.ItucYear?.ToString() ?? "-"}), C87 {context.C87Ratified ?? "?"}, C98 {context.C98Ratified ?? "?"}, C177 {context.C177Ratified ?? "?"}");
        await db.SaveChangesAsync(ct);
        return context;
    }
}
