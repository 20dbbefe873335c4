using System.Globalization;
using System.Text;
using CommonThread.Data;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Files;
using CommonThread.Web.Platform.Localization;
using CommonThread.Web.Platform.Text;
using CommonThread.Web.Platform.Values;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Accountability;

/// <summary>Indicator frameworks: the starter on purchasing practices, and initiatives' own, which they extend and reuse round after round.</summary>
public sealed class FrameworkService(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public static readonly Guid StarterId = new("0193a1b2-0000-7000-8000-00000000fa01");

    public async Task<IReadOnlyList<FrameworkDto>> ListAsync(OrganisationAccess access, CancellationToken ct)
    {
        var id = access.Organisation.Id;
        var ids = await db.Set<IndicatorFramework>().Where(f => f.OwnerOrganisationId == null || f.OwnerOrganisationId == id).Select(f => f.Id).ToListAsync(ct);
        return await ReadAsync(access, ids, ct);
    }

    public async Task<FrameworkDto> FindAsync(OrganisationAccess access, Guid frameworkId, CancellationToken ct) =>
        (await ReadAsync(access, [frameworkId], ct)).SingleOrDefault(f => f.Starter || f.Mine) ?? throw RuleViolation.NotFound("framework");

    /// <summary>An initiative's own framework, empty or a copy of the starter to adapt.</summary>
    public async Task<FrameworkDto> CreateAsync(OrganisationAccess access, FrameworkInput input, CancellationToken ct)
    {
        RunsRounds(access);
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 200)
        {
            throw new RuleViolation("name", "Give the framework a name of up to 200 characters.");
        }

        var framework = new IndicatorFramework { OwnerOrganisationId = access.Organisation.Id, Name = input.Name.Trim(), Description = TextInput.OrNull(input.Description), CreatedAt = clock.GetUtcNow() };
        db.Add(framework);
        if (input.CopyStarter)
        {
            db.AddRange(StarterIndicators(framework.Id));
        }

        audit.Record(access.Organisation.Id, "framework.created", $"Indicator framework '{framework.Name}'{(input.CopyStarter ? " from the starter" : "")}");
        await db.SaveChangesAsync(ct);
        return await FindAsync(access, framework.Id, ct);
    }

    public async Task<FrameworkDto> AddIndicatorAsync(OrganisationAccess access, Guid frameworkId, IndicatorInput input, CancellationToken ct)
    {
        RunsRounds(access);
        if (!await db.Set<IndicatorFramework>().AnyAsync(f => f.Id == frameworkId && f.OwnerOrganisationId == access.Organisation.Id, ct))
        {
            throw RuleViolation.NotFound("framework");
        }

        var indicator = Validated(frameworkId, input, await db.Set<Indicator>().CountAsync(i => i.FrameworkId == frameworkId, ct));
        if (await db.Set<Indicator>().AnyAsync(i => i.FrameworkId == frameworkId && i.Code == indicator.Code, ct))
        {
            throw RuleViolation.Conflict("code", Phrase.Of("The framework already has an indicator {0}.", indicator.Code));
        }

        db.Add(indicator);
        audit.Record(access.Organisation.Id, "framework.indicator-added", $"Indicator {indicator.Code} added");
        await db.SaveChangesAsync(ct);
        return await FindAsync(access, frameworkId, ct);
    }

    /// <summary>Stores the starter framework unless it is there; run at start-up.</summary>
    public async Task EnsureStarterAsync(CancellationToken ct)
    {
        if (await db.Set<IndicatorFramework>().AnyAsync(f => f.Id == StarterId, ct))
        {
            return;
        }

        db.Add(new IndicatorFramework
        {
            Id = StarterId, Name = "Purchasing practices (starter)", CreatedAt = clock.GetUtcNow(),
            Description = "Pricing that ring-fences labour costs, payment terms, planning and forecasting, responsible exit and training of buyers.",
        });
        db.AddRange(StarterIndicators(StarterId));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // Another node stored it first: it is the same file.
            db.ChangeTracker.Clear();
        }
    }

    internal static void RunsRounds(OrganisationAccess access)
    {
        if (access.Organisation.Kind != OrganisationKind.Initiative)
        {
            throw new RuleViolation("organisation", "Initiatives keep indicator frameworks and run monitoring rounds.", StatusCodes.Status403Forbidden);
        }
    }

    private static IEnumerable<Indicator> StarterIndicators(Guid frameworkId)
    {
        using var stream = typeof(FrameworkService).Assembly.GetManifestResourceStream("CommonThread.Web.Accountability.Starters.purchasing-practices-framework.csv")!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var rows = Csv.Read(reader.ReadToEnd());
        var header = rows[0].Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i);
        return rows.Skip(1).Select((row, order) => Validated(frameworkId, new IndicatorInput(row[header["commitment"]], row[header["code"]], row[header["name"]],
            Enum.Parse<IndicatorKind>(row[header["kind"]]), TextInput.OrNull(row[header["unit"]]), Enum.Parse<GoodDirection>(row[header["direction"]]),
            decimal.TryParse(row[header["target"]], CultureInfo.InvariantCulture, out var target) ? target : null,
            int.TryParse(row[header["scale_max"]], CultureInfo.InvariantCulture, out var max) ? max : null, row[header["evidence_required"]] == "yes"), order)).ToList();
    }

    private static Indicator Validated(Guid frameworkId, IndicatorInput input, int order)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Commitment) || input.Commitment.Trim().Length > 200)
        {
            errors["commitment"] = ["Name the commitment the indicator measures (up to 200 characters)."];
        }

        if (string.IsNullOrWhiteSpace(input.Code) || input.Code.Trim().Length > 20)
        {
            errors["code"] = ["Give a short code of up to 20 characters, such as PT2."];
        }

        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > Indicator.NameMaxLength)
        {
            errors["name"] = [$"Say what is measured, in up to {Indicator.NameMaxLength} characters."];
        }

        if (input.Kind is null)
        {
            errors["kind"] = ["Say how it is measured: " + string.Join(", ", Enum.GetNames<IndicatorKind>()) + "."];
        }
        else if (input.Kind == IndicatorKind.Scale && input.ScaleMax is not (>= 2 and <= 10))
        {
            errors["scaleMax"] = ["A scale runs from 1 to between 2 and 10."];
        }
        else if (input.Target is { } target && !TargetFits(input.Kind.Value, target, input.ScaleMax))
        {
            errors["target"] = ["The target does not fit the measure: a percentage 0–100, yes/no 1 or 0, a scale within its range, none for text."];
        }

        if (errors.Count > 0)
        {
            throw new RuleViolation(errors, "The indicator was not added.");
        }

        return new Indicator
        {
            FrameworkId = frameworkId, Commitment = input.Commitment!.Trim(), Code = input.Code!.Trim(), Name = input.Name!.Trim(), Kind = input.Kind!.Value,
            Unit = TextInput.OrNull(input.Unit) is { } unit ? unit[..Math.Min(unit.Length, 50)] : null, Direction = input.Direction ?? GoodDirection.Higher, Target = input.Target,
            ScaleMax = input.Kind == IndicatorKind.Scale ? input.ScaleMax : null, EvidenceRequired = input.EvidenceRequired, Order = order,
        };
    }

    private static bool TargetFits(IndicatorKind kind, decimal target, int? scaleMax) => kind switch
    {
        IndicatorKind.Percentage => Plausible.Percent.Contains(target),
        IndicatorKind.YesNo => target is 0 or 1,
        IndicatorKind.Scale => target >= 1 && target <= (scaleMax ?? 0),
        IndicatorKind.Text => false,
        _ => Plausible.AnyNumber.Contains(target),
    };

    private async Task<List<FrameworkDto>> ReadAsync(OrganisationAccess access, List<Guid> ids, CancellationToken ct)
    {
        var frameworks = await db.Set<IndicatorFramework>().AsNoTracking().Where(f => ids.Contains(f.Id)).OrderBy(f => f.Name).ToListAsync(ct);
        var indicators = (await db.Set<Indicator>().AsNoTracking().Where(i => ids.Contains(i.FrameworkId)).OrderBy(i => i.Order).ToListAsync(ct)).ToLookup(i => i.FrameworkId);
        return frameworks.Select(f => new FrameworkDto(f.Id, f.Name, f.Description, f.OwnerOrganisationId is null, f.OwnerOrganisationId == access.Organisation.Id,
            indicators[f.Id].Select(Dto).ToList())).ToList();
    }

    internal static IndicatorDto Dto(Indicator i) => new(i.Id, i.Commitment, i.Code, i.Name, i.Kind, i.Unit, i.Direction, i.Target, i.ScaleMax, i.EvidenceRequired);
}
