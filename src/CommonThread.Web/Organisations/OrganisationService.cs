using CommonThread.Data;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Geography;
using CommonThread.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Organisations;

public sealed class OrganisationService(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Organisation> CreateAsync(string name, OrganisationKind kind, string? countryCode, CancellationToken ct)
    {
        var organisation = new Organisation
        {
            Name = ValidName(name),
            Kind = kind,
            CountryCode = Countries.Valid(countryCode),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Add(organisation);
        audit.Record(organisation.Id, "organisation.created", $"{kind} '{organisation.Name}'");
        await db.SaveChangesAsync(ct);
        return organisation;
    }

    public async Task<Organisation> UpdateAsync(OrganisationAccess access, string name, string? countryCode, CancellationToken ct)
    {
        var organisation = await db.Set<Organisation>().FirstAsync(o => o.Id == access.Organisation.Id, ct);
        var before = $"'{organisation.Name}' ({organisation.CountryCode ?? "no country"})";
        organisation.Name = ValidName(name);
        organisation.CountryCode = Countries.Valid(countryCode);
        audit.Record(organisation.Id, "organisation.updated", $"{before} → '{organisation.Name}' ({organisation.CountryCode ?? "no country"})");
        await db.SaveChangesAsync(ct);
        return organisation;
    }

    /// <summary>
    /// Owners require (or stop requiring) two-factor sign-in of every member. An owner without it cannot
    /// turn it on, or they would shut themselves out; platform administrators always need it.
    /// </summary>
    public async Task<Organisation> SetTwoFactorRequirementAsync(OrganisationAccess access, bool required, CancellationToken ct)
    {
        access.Require(MemberRole.Owner);
        if (!required && access.Organisation.Kind == OrganisationKind.PlatformAdmin)
        {
            throw new RuleViolation("required", "Platform administrators always use two-factor sign-in; it cannot be turned off.");
        }

        if (required && !access.UsesTwoFactor)
        {
            throw new RuleViolation("required", "Turn on two-factor sign-in for yourself first (under Two-factor sign-in), or you would shut yourself out.");
        }

        var organisation = await db.Set<Organisation>().FirstAsync(o => o.Id == access.Organisation.Id, ct);
        if (organisation.RequireTwoFactor != required)
        {
            organisation.RequireTwoFactor = required;
            audit.Record(organisation.Id, "organisation.two-factor", required ? "Members must use two-factor sign-in" : "Two-factor sign-in is up to each member");
            await db.SaveChangesAsync(ct);
        }

        return organisation;
    }

    /// <summary>The organisations of some kinds on CommonThread, by name: whom a buyer invites to review a plan, whom an agreement binds, who joins a round.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name, OrganisationKind Kind)>> DirectoryAsync(IReadOnlyCollection<OrganisationKind> kinds, CancellationToken ct) =>
        (await db.Set<Organisation>().AsNoTracking().Where(o => kinds.Contains(o.Kind)).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name, o.Kind }).ToListAsync(ct))
            .Select(o => (o.Id, o.Name, o.Kind)).ToList();

    /// <summary>For platform admins: every organisation, without any of their data.</summary>
    public async Task<IReadOnlyList<Organisation>> ListAllAsync(CancellationToken ct) =>
        await db.Set<Organisation>().AsNoTracking().OrderBy(o => o.Name).ToListAsync(ct);

    public Task<Organisation?> FindByNameAsync(string name, CancellationToken ct) =>
        db.Set<Organisation>().FirstOrDefaultAsync(o => o.Name == name, ct);

    private static string ValidName(string name) =>
        string.IsNullOrWhiteSpace(name) ? throw new RuleViolation("name", "A name is required.")
        : name.Trim().Length > Organisation.NameMaxLength ? throw new RuleViolation("name", Phrase.Of("A name has at most {0} characters.", Organisation.NameMaxLength))
        : name.Trim();
}
