using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using CommonThread.Data;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Text;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.DueDiligence.RiskMethods;

public sealed record RiskMethodInput
{
    [Required, StringLength(PublishedRiskMethod.NameMaxLength)] public string Name { get; init; } = "";

    [Required, StringLength(PublishedRiskMethod.VersionMaxLength)] public string Version { get; init; } = "";

    [Required] public DateOnly? EffectiveFrom { get; init; }

    [Required, StringLength(PublishedRiskMethod.AboutMaxLength)] public string About { get; init; } = "";

    /// <summary>Issue → input → weight, as in the platform's own method (GET country-risk answers it).</summary>
    [Required] public Dictionary<string, Dictionary<string, double>>? Weights { get; init; }
}

/// <summary>The method to score country risk by; none: the platform's own.</summary>
public sealed record RiskMethodChoiceInput
{
    public Guid? MethodId { get; init; }
}

/// <summary>A published method, who published it, and the method itself.</summary>
public sealed record RiskMethodView(Guid Id, Guid PublisherId, string Publisher, CountryRiskMethod Method, DateTimeOffset PublishedAt);

/// <summary>
/// Country risk methods of the initiatives (issue 20: "initiatives can publish their own"), and each register's choice
/// among them. Methods are public: weights say nothing about anyone, and a score is only trusted when everyone can read
/// what made it. Only an initiative publishes; an organisation that keeps a register chooses for its own register only.
/// </summary>
public sealed class RiskMethodService(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Every published method, newest first.</summary>
    public async Task<IReadOnlyList<RiskMethodView>> ListAsync(CancellationToken ct)
    {
        var rows = await (from m in db.Set<PublishedRiskMethod>()
                          join o in db.Set<Organisation>() on m.PublisherOrganisationId equals o.Id
                          select new { Method = m, Publisher = o.Name }).AsNoTracking().ToListAsync(ct);
        return rows.OrderByDescending(r => r.Method.PublishedAt).ThenByDescending(r => r.Method.Id).Select(r => View(r.Method, r.Publisher)).ToList();
    }

    public async Task<RiskMethodView> PublishAsync(OrganisationAccess access, RiskMethodInput input, CancellationToken ct)
    {
        access.Require(MemberRole.Editor);
        if (access.Organisation.Kind != OrganisationKind.Initiative)
        {
            throw new RuleViolation("organisation", "Only initiatives publish country risk methods.", StatusCodes.Status403Forbidden);
        }

        // Every field's problem at once, the weights' with the texts', and each text within its column: a page posts
        // whatever it is sent, and a name longer than its column must be refused here, not by the database.
        var checks = new FieldChecks();
        foreach (var (field, messages) in CountryRiskMethod.Problems(input.Weights))
        {
            checks.Add(field, messages[0]);
        }

        var name = checks.Text(input.Name, PublishedRiskMethod.NameMaxLength, "name", "Give the method's name, of up to 100 characters.");
        var version = checks.Text(input.Version, PublishedRiskMethod.VersionMaxLength, "version", "Give the version, of up to 20 characters.");
        var about = checks.Text(input.About, PublishedRiskMethod.AboutMaxLength, "about", "Say how the method weighs its inputs, and why, in up to 2,000 characters.");
        if (input.EffectiveFrom is null)
        {
            checks.Add("effectiveFrom", "Give the date the method applies from.");
        }

        checks.ThrowIfAny();

        var method = new PublishedRiskMethod
        {
            PublisherOrganisationId = access.Organisation.Id, Name = name!, Version = version!, EffectiveFrom = input.EffectiveFrom!.Value, About = about!,
            Weights = JsonSerializer.Serialize(CountryRiskMethod.IssuesOf(input.Weights!), Json),
            PublishedAt = clock.GetUtcNow(),
        };
        db.Add(method);
        audit.Record(access.Organisation.Id, "risk-method.published", $"country risk method {method.Name} {method.Version}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            throw RuleViolation.Conflict("version", "This version of the method is published already: a change is a new version.");
        }

        return View(method, access.Organisation.Name);
    }

    /// <summary>The method the organisation's register scores country risk by.</summary>
    public async Task<CountryRiskMethod> ForAsync(Guid organisationId, CancellationToken ct) =>
        (await ChosenAsync(organisationId, ct))?.Method ?? CountryRiskMethod.Shipped;

    /// <summary>The published method the organisation chose; null while it uses the platform's own.</summary>
    public async Task<RiskMethodView?> ChosenAsync(Guid organisationId, CancellationToken ct)
    {
        var chosen = await (from c in db.Set<RiskMethodChoice>()
                            join m in db.Set<PublishedRiskMethod>() on c.MethodId equals m.Id
                            join o in db.Set<Organisation>() on m.PublisherOrganisationId equals o.Id
                            where c.OrganisationId == organisationId
                            select new { Method = m, Publisher = o.Name }).AsNoTracking().FirstOrDefaultAsync(ct);
        return chosen is null ? null : View(chosen.Method, chosen.Publisher);
    }

    public async Task ChooseAsync(OrganisationAccess access, RiskMethodChoiceInput input, CancellationToken ct)
    {
        RiskRegisterService.Require(access).Require(MemberRole.Editor);
        var me = access.Organisation.Id;
        var choice = await db.Set<RiskMethodChoice>().FirstOrDefaultAsync(c => c.OrganisationId == me, ct);
        if (input.MethodId is not { } methodId)
        {
            if (choice is not null)
            {
                db.Remove(choice);
            }

            audit.Record(me, "risk-method.chosen", "the platform's own country risk method");
            await db.SaveChangesAsync(ct);
            return;
        }

        var method = await db.Set<PublishedRiskMethod>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == methodId, ct)
            ?? throw new RuleViolation("methodId", "Choose a published method.");
        if (choice is null)
        {
            db.Add(new RiskMethodChoice { OrganisationId = me, MethodId = method.Id, ChosenAt = clock.GetUtcNow() });
        }
        else
        {
            (choice.MethodId, choice.ChosenAt) = (method.Id, clock.GetUtcNow());
        }

        audit.Record(me, "risk-method.chosen", $"country risk method {method.Name} {method.Version}");
        await db.SaveChangesAsync(ct);
    }

    private static RiskMethodView View(PublishedRiskMethod m, string publisher)
    {
        var weights = JsonSerializer.Deserialize<Dictionary<HumanRightsIssue, Dictionary<string, double>>>(m.Weights, Json)!;
        return new RiskMethodView(m.Id, m.PublisherOrganisationId, publisher,
            new CountryRiskMethod(m.Name, m.Version, m.EffectiveFrom, m.About, weights.ToDictionary(w => w.Key, w => (IReadOnlyDictionary<string, double>)w.Value)), m.PublishedAt);
    }
}
