using System.ComponentModel.DataAnnotations;
using CommonThread.Data;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Geography;
using CommonThread.Web.Platform.Values;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Homework;

public sealed record MinimumWageInput
{
    [Required, StringLength(60)] public string Country { get; init; } = "";
    [StringLength(80)] public string? Region { get; init; }
    [Required] public decimal? HourlyRate { get; init; }
    [Required, StringLength(3, MinimumLength = 3)] public string Currency { get; init; } = "";
    [Required] public DateOnly? EffectiveFrom { get; init; }
    [Required, StringLength(500)] public string Source { get; init; } = "";
}

public sealed record MinimumWageDto(Guid Id, string CountryCode, string? Region, decimal HourlyRate, string Currency, DateOnly EffectiveFrom, string Source);

/// <summary>The table of legal minimum wages every work order is checked against; initiatives keep it, everyone reads it.</summary>
public sealed class MinimumWageService(AppDbContext db, AuditLog audit)
{
    public async Task<IReadOnlyList<MinimumWageDto>> ListAsync(CancellationToken ct) =>
        (await db.Set<MinimumWage>().AsNoTracking().ToListAsync(ct))
            .OrderBy(m => m.CountryCode).ThenBy(m => m.Region).ThenByDescending(m => m.EffectiveFrom)
            .Select(m => new MinimumWageDto(m.Id, m.CountryCode, m.Region, m.HourlyRate, m.Currency, m.EffectiveFrom, m.Source)).ToList();

    public async Task<MinimumWageDto> AddAsync(OrganisationAccess access, MinimumWageInput input, CancellationToken ct)
    {
        if (access.Organisation.Kind is not (OrganisationKind.Initiative or OrganisationKind.PlatformAdmin))
        {
            throw new RuleViolation("organisation", "Initiatives keep the minimum wage table.", StatusCodes.Status403Forbidden);
        }

        var country = Countries.Require(input.Country);
        var currency = Currencies.Valid(input.Currency);
        if (input.HourlyRate is not > 0)
        {
            throw new RuleViolation("hourlyRate", "The hourly minimum is more than zero.");
        }

        Plausible.Rate.Require(input.HourlyRate, "hourlyRate");
        Plausible.Day.Require(input.EffectiveFrom, "effectiveFrom");

        var region = string.IsNullOrWhiteSpace(input.Region) ? null : input.Region.Trim();
        var effectiveFrom = input.EffectiveFrom!.Value;
        if (await db.Set<MinimumWage>().AnyAsync(m => m.CountryCode == country && m.Region == region && m.EffectiveFrom == effectiveFrom, ct))
        {
            throw RuleViolation.Conflict("effectiveFrom", "A minimum wage for this place already takes effect that day.");
        }

        var wage = new MinimumWage
        {
            CountryCode = country, Region = region, HourlyRate = input.HourlyRate.Value, Currency = currency, EffectiveFrom = effectiveFrom,
            Source = input.Source.Trim(), RecordedByOrganisationId = access.Organisation.Id,
        };
        db.Add(wage);
        audit.Record(access.Organisation.Id, "minimum-wage.added", $"{country}{(region is null ? "" : "/" + region)} {wage.HourlyRate} {wage.Currency}/h from {effectiveFrom:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        return new(wage.Id, wage.CountryCode, wage.Region, wage.HourlyRate, wage.Currency, wage.EffectiveFrom, wage.Source);
    }
}
