using CommonThread.Data;
using CommonThread.Web.Notifications;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.Platform.Crypto;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Geography;
using CommonThread.Web.Platform.Localization;
using CommonThread.Web.Platform.Values;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Homework;

/// <summary>
/// The register of homeworkers an organisation gives work to. Registering someone under the
/// country's minimum working age is refused, and the refusal itself is reported (without the
/// person's name) to the organisation's members and to the brands whose chain reaches the facility.
/// </summary>
public sealed class HomeworkRegister(AppDbContext db, AuditLog audit, Notifier notifier, BrandsAbove brandsAbove, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Only those who give out homework keep a register.</summary>
    public static void EnsureKeeper(OrganisationAccess access)
    {
        if (access.Organisation.Kind is not (OrganisationKind.Supplier or OrganisationKind.Intermediary))
        {
            throw new RuleViolation("organisation", "Suppliers and intermediaries keep homework registers.", StatusCodes.Status403Forbidden);
        }
    }

    public async Task<IReadOnlyList<HomeworkerDto>> ListAsync(OrganisationAccess access, CancellationToken ct) =>
        (await db.Set<Homeworker>().AsNoTracking().Where(h => h.OrganisationId == access.Organisation.Id).OrderBy(h => h.Name).ToListAsync(ct))
            .Select(HomeworkerDto.From).ToList();

    /// <summary>One page of the register in name order, only names or areas containing <paramref name="search"/> when given, and how many match in all.</summary>
    public async Task<(IReadOnlyList<HomeworkerDto> Homeworkers, int Total)> PageAsync(OrganisationAccess access, string? search, int page, int pageSize, CancellationToken ct)
    {
        var query = db.Set<Homeworker>().AsNoTracking().Where(h => h.OrganisationId == access.Organisation.Id);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim().ToLowerInvariant();
            query = query.Where(h => h.Name.ToLower().Contains(text) || h.Area.ToLower().Contains(text));
        }

        var total = await query.CountAsync(ct);
        var homeworkers = await query.OrderBy(h => h.Name).ThenBy(h => h.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return (homeworkers.Select(HomeworkerDto.From).ToList(), total);
    }

    public async Task<Homeworker> FindAsync(OrganisationAccess access, Guid homeworkerId, CancellationToken ct) =>
        await db.Set<Homeworker>().FirstOrDefaultAsync(h => h.Id == homeworkerId && h.OrganisationId == access.Organisation.Id, ct)
        ?? throw RuleViolation.NotFound("homeworker");

    public async Task<RegisteredHomeworker> RegisterAsync(OrganisationAccess access, HomeworkerInput input, CancellationToken ct)
    {
        var (homeworker, code) = await PrepareAsync(access, input, ct);
        db.Add(homeworker);
        audit.Record(access.Organisation.Id, "homeworker.registered", $"homeworker {homeworker.Id} in {homeworker.Area}");
        await db.SaveChangesAsync(ct);
        await HomeworkOverview.ForgetFiguresAsync(db, access.Organisation.Id, ct);
        return new(HomeworkerDto.From(homeworker), code);
    }

    /// <summary>
    /// A checked register entry and its passbook code, not yet added: registering one person and
    /// importing a list go through the same checks. An under-age attempt is reported at once.
    /// </summary>
    public async Task<(Homeworker Homeworker, string PassbookCode)> PrepareAsync(OrganisationAccess access, HomeworkerInput input, CancellationToken ct)
    {
        EnsureKeeper(access);
        var (country, identityKey, place) = await CheckAsync(access, input, null, ct);
        var code = Secrets.Readable(10);
        var homeworker = new Homeworker
        {
            OrganisationId = access.Organisation.Id, Name = input.Name.Trim(), Address = input.Address.Trim(), Area = input.Area.Trim(), CountryCode = country,
            RegisteredOn = Today, IdentityKey = identityKey, PassbookCodeHash = Secrets.Hash(code),
        };
        Apply(homeworker, input, place);
        return (homeworker, code);
    }

    public async Task<HomeworkerDto> UpdateAsync(OrganisationAccess access, Guid homeworkerId, HomeworkerInput input, CancellationToken ct)
    {
        var homeworker = await FindAsync(access, homeworkerId, ct);
        var (country, identityKey, place) = await CheckAsync(access, input, homeworkerId, ct);
        homeworker.Name = input.Name.Trim();
        homeworker.Address = input.Address.Trim();
        homeworker.Area = input.Area.Trim();
        homeworker.CountryCode = country;
        homeworker.IdentityKey = identityKey;
        Apply(homeworker, input, place);
        audit.Record(access.Organisation.Id, "homeworker.updated", $"homeworker {homeworker.Id}");
        await db.SaveChangesAsync(ct);
        await HomeworkOverview.ForgetFiguresAsync(db, access.Organisation.Id, ct);
        return HomeworkerDto.From(homeworker);
    }

    /// <summary>
    /// The checks an entry passes whether it is new or changed (<paramref name="existingId"/>): its
    /// country, dates, links, the minimum working age and not being someone already registered.
    /// Only a new registration under age is reported as an alert.
    /// </summary>
    private async Task<(string Country, string IdentityKey, RegionAndLanguage Place)> CheckAsync(OrganisationAccess access, HomeworkerInput input, Guid? existingId, CancellationToken ct)
    {
        Require(input);
        var country = Countries.Require(input.Country);
        var place = new RegionAndLanguage(await RegionAsync(country, input.Region, ct), PassbookLanguage(input.Language));
        var birthDate = input.BirthDate!.Value;
        CheckDates(birthDate, input.ProofOfAgeCheckedOn!.Value);
        await CheckLinksAsync(access, input.FacilityId, input.IntermediaryId, ct);
        var minimumAge = MinimumWorkingAge.For(country);
        if (MinimumWorkingAge.AgeOn(birthDate, Today) < minimumAge)
        {
            if (existingId is not null)
            {
                throw new RuleViolation("birthDate", Phrase.Of("With this birth date the person is under the minimum age for work in {0}.", Countries.NameOf(country)),
                    StatusCodes.Status422UnprocessableEntity);
            }

            await ReportUnderAgeAsync(access, input.FacilityId, country, minimumAge, ct);
            throw new RuleViolation("birthDate", Phrase.Of(
                "This person is under {0}, the minimum age for work in {1}: they cannot be registered or given homework. The refusal was reported to your organisation and the brands you supply.",
                minimumAge, Countries.NameOf(country)), StatusCodes.Status422UnprocessableEntity);
        }

        var identityKey = IdentityKey(input.Name, birthDate, input.Area);
        if (await db.Set<Homeworker>().AnyAsync(h => h.OrganisationId == access.Organisation.Id && h.IdentityKey == identityKey && h.Id != existingId, ct))
        {
            throw existingId is null
                ? RuleViolation.Conflict("name", Phrase.Of("{0}, born {1}, of {2} is already registered.", input.Name.Trim(), birthDate, input.Area.Trim()))
                : RuleViolation.Conflict("name", "Another register entry has this name, birth date and area.");
        }

        return (country, identityKey, place);
    }

    private sealed record RegionAndLanguage(string? Region, string Language);

    /// <summary>
    /// The region as the minimum wage table spells it. Where the table has regional rates for the country, the
    /// region must be one of them: a region typed differently would match no rate, and the piece rates paid
    /// there would be checked against the national rate only, or against none.
    /// </summary>
    private async Task<string?> RegionAsync(string country, string? region, CancellationToken ct)
    {
        if (Blank(region) is not { } given)
        {
            return null;
        }

        var recorded = await db.Set<MinimumWage>().AsNoTracking().Where(m => m.CountryCode == country && m.Region != null)
            .Select(m => m.Region!).Distinct().ToListAsync(ct);
        if (recorded.Count == 0)
        {
            return given;
        }

        return recorded.FirstOrDefault(r => string.Equals(r, given, StringComparison.OrdinalIgnoreCase))
            ?? throw new RuleViolation("region", Phrase.Of(
                "Minimum wages in {0} are recorded for {1}: choose one of them, or leave the region empty for the national rate.",
                Countries.NameOf(country), string.Join(", ", recorded.Order(StringComparer.Ordinal))));
    }

    /// <summary>One of the languages passbooks are printed in (the workers' languages); English when none is given.</summary>
    private static string PassbookLanguage(string? language) =>
        Blank(language) is not { } given ? "en"
        : Grievances.Intake.Languages.FirstOrDefault(l => string.Equals(l.Culture, given, StringComparison.OrdinalIgnoreCase)).Culture
            ?? throw new RuleViolation("language", Phrase.Of("'{0}' is not one of the languages passbooks are printed in ({1}).",
                given, string.Join(", ", Grievances.Intake.Languages.Select(l => l.Culture))));

    /// <summary>A new passbook code (the old one stops working), for a homeworker who lost theirs.</summary>
    public async Task<string> NewPassbookCodeAsync(OrganisationAccess access, Guid homeworkerId, CancellationToken ct)
    {
        var homeworker = await FindAsync(access, homeworkerId, ct);
        var code = Secrets.Readable(10);
        homeworker.PassbookCodeHash = Secrets.Hash(code);
        audit.Record(access.Organisation.Id, "homeworker.passbook-code", $"new passbook code for homeworker {homeworker.Id}");
        await db.SaveChangesAsync(ct);
        return code;
    }

    /// <summary>Name, birth date and area as a person is recognised twice: case, accents of spacing and punctuation ignored.</summary>
    public static string IdentityKey(string name, DateOnly birthDate, string area) =>
        $"{Fold(name)}|{birthDate:yyyy-MM-dd}|{Fold(area)}";

    private static string Fold(string text) =>
        string.Join(' ', new string(text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray()).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The same rules the API states with attributes, for callers that do not go through it (pages, imports).</summary>
    private static void Require(HomeworkerInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > 200)
        {
            throw new RuleViolation("name", "Give the name (at most 200 characters).");
        }

        if (input.Gender is not { } g || !Enum.IsDefined(g))
        {
            throw new RuleViolation("gender", "Choose the gender.");
        }

        if (input.BirthDate is null)
        {
            throw new RuleViolation("birthDate", "Give the birth date.");
        }

        if (input.ProofOfAge is not { } p || !Enum.IsDefined(p))
        {
            throw new RuleViolation("proofOfAge", "Choose the proof of age that was seen.");
        }

        if (input.ProofOfAgeCheckedOn is null)
        {
            throw new RuleViolation("proofOfAgeCheckedOn", "Give the day the proof of age was checked.");
        }

        if (string.IsNullOrWhiteSpace(input.Address) || input.Address.Length > 300)
        {
            throw new RuleViolation("address", "Give the address (at most 300 characters).");
        }

        if (string.IsNullOrWhiteSpace(input.Area) || input.Area.Length > 120)
        {
            throw new RuleViolation("area", "Give the village or area (at most 120 characters).");
        }
    }

    private void CheckDates(DateOnly birthDate, DateOnly proofCheckedOn)
    {
        Plausible.Day.Require(birthDate, "birthDate");
        if (birthDate > Today)
        {
            throw new RuleViolation("birthDate", "The birth date is in the future.");
        }

        if (proofCheckedOn > Today || proofCheckedOn < birthDate)
        {
            throw new RuleViolation("proofOfAgeCheckedOn", "The proof of age was checked on a day between the birth date and today.");
        }
    }

    private async Task CheckLinksAsync(OrganisationAccess access, Guid? facilityId, Guid? intermediaryId, CancellationToken ct)
    {
        if (facilityId is { } facility && !await db.Set<Facility>().AnyAsync(f => f.Id == facility && f.OperatorOrganisationId == access.Organisation.Id, ct)
            && access.Organisation.Kind != OrganisationKind.Intermediary)
        {
            throw new RuleViolation("facilityId", "Choose one of the facilities your organisation runs.");
        }

        if (intermediaryId is { } intermediary && !await db.Set<Intermediary>().AnyAsync(i => i.Id == intermediary && i.OrganisationId == access.Organisation.Id, ct))
        {
            throw new RuleViolation("intermediaryId", "Choose one of your organisation's intermediaries.");
        }
    }

    private static void Apply(Homeworker h, HomeworkerInput input, RegionAndLanguage place)
    {
        h.Gender = input.Gender!.Value;
        h.BirthDate = input.BirthDate!.Value;
        h.ProofOfAge = input.ProofOfAge!.Value;
        h.ProofOfAgeCheckedOn = input.ProofOfAgeCheckedOn!.Value;
        h.Region = place.Region;
        h.Phone = Blank(input.Phone);
        h.Skills = Blank(input.Skills);
        h.FacilityId = input.FacilityId;
        h.IntermediaryId = input.IntermediaryId;
        h.SocialSecurity = input.SocialSecurity;
        h.SocialSecurityNumber = Blank(input.SocialSecurityNumber);
        h.TrainingReceived = Blank(input.TrainingReceived);
        h.PotableWater = input.PotableWater;
        h.AdequateLighting = input.AdequateLighting;
        h.ProtectiveEquipment = input.ProtectiveEquipment;
        h.DirectEmploymentOffered = input.DirectEmploymentOffered;
        h.MonthlyQuotaMinutes = (int)Plausible.Minutes.Require(input.MonthlyQuotaMinutes, "monthlyQuotaMinutes");
        h.Language = place.Language;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Saved on its own: the registration is refused, the alert is not.</summary>
    private async Task ReportUnderAgeAsync(OrganisationAccess access, Guid? facilityId, string country, int minimumAge, CancellationToken ct)
    {
        var where = facilityId is { } id ? await db.Set<Facility>().Where(f => f.Id == id).Select(f => f.Name).FirstOrDefaultAsync(ct) : null;
        var text = where is null
            ? Phrase.Of("Child labour alert: {0} tried to register a homeworker under {1}, the minimum working age in {2}. The registration was refused.",
                access.Organisation.Name, minimumAge, Countries.NameOf(country))
            : Phrase.Of("Child labour alert: {0} tried to register a homeworker under {1}, the minimum working age in {2}, for {3}. The registration was refused.",
                access.Organisation.Name, minimumAge, Countries.NameOf(country), where);
        await notifier.TellAsync([access.Organisation.Id], text, _ => $"/o/{access.Organisation.Id}/homework", ct, urgent: true);
        if (facilityId is { } facility)
        {
            var brands = await brandsAbove.ForFacilityAsync(facility, ct);
            await notifier.TellAsync(brands, text, brand => $"/o/{brand}/homework", ct, urgent: true);
        }

        audit.Record(access.Organisation.Id, "homeworker.under-age-refused", $"registration under the minimum working age of {minimumAge} refused");
        await db.SaveChangesAsync(ct);
    }
}
