using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Geography;

namespace CommonThread.Web.SupplyChain;

/// <summary>
/// What a facility list is narrowed to and ordered by, as the Facilities page's form and the API's query
/// string give it. Every value arrives as text so that both read it the same way and a bad value becomes a
/// field-level problem rather than a binding failure.
/// </summary>
public sealed record FacilityQuery
{
    /// <summary>Words in the name, address or OS ID.</summary>
    public string? Q { get; init; }

    /// <summary>ISO code, such as BD.</summary>
    public string? Country { get; init; }

    /// <summary>A tier number, or "runs" for the facilities the organisation runs.</summary>
    public string? Tier { get; init; }

    /// <summary>yes / no: workers have a union, a worker committee, a collective agreement.</summary>
    public string? Union { get; init; }

    public string? Committee { get; init; }

    public string? Cba { get; init; }

    /// <summary>confirmed (the chain and what the organisation runs) or claimed (links the other side has not confirmed).</summary>
    public string? Link { get; init; }

    /// <summary>country (the default), name, tier, or workers (largest first).</summary>
    public string? Sort { get; init; }

    public static readonly IReadOnlyList<string> Sorts = ["country", "name", "tier", "workers"];

    /// <summary>Nothing narrows the list (the order may still be chosen).</summary>
    public bool IsEmpty => new[] { Q, Country, Tier, Union, Committee, Cba, Link }.All(string.IsNullOrWhiteSpace);

    /// <summary>The query as typed values; throws a <see cref="RuleViolation"/> naming every field that is not one of its values.</summary>
    public FacilitySelection Parse()
    {
        var errors = new Dictionary<string, string[]>();
        string? country = null;
        if (!string.IsNullOrWhiteSpace(Country))
        {
            country = Countries.FromCodeOrName(Country);
            if (country is null)
            {
                errors["country"] = [Countries.Refusal(Country)];
            }
        }

        int? tier = null;
        var runs = false;
        if (!string.IsNullOrWhiteSpace(Tier))
        {
            if (Tier.Trim().Equals("runs", StringComparison.OrdinalIgnoreCase))
            {
                runs = true;
            }
            else if (int.TryParse(Tier, out var t) && t is >= 1 and <= SupplyLink.MaxTier)
            {
                tier = t;
            }
            else
            {
                errors["tier"] = [$"A tier from 1 to {SupplyLink.MaxTier}, or \"runs\"."];
            }
        }

        bool? YesNo(string? value, string field)
        {
            switch (value?.Trim().ToLowerInvariant())
            {
                case null or "": return null;
                case "yes" or "true": return true;
                case "no" or "false": return false;
                default:
                    errors[field] = ["yes or no."];
                    return null;
            }
        }

        var union = YesNo(Union, "union");
        var committee = YesNo(Committee, "committee");
        var cba = YesNo(Cba, "cba");
        bool? claimed = Link?.Trim().ToLowerInvariant() switch
        {
            null or "" => null,
            "confirmed" => false,
            "claimed" => true,
            _ => Invalid("link", "confirmed or claimed."),
        };
        var sort = string.IsNullOrWhiteSpace(Sort) ? "country" : Sort.Trim().ToLowerInvariant();
        if (!Sorts.Contains(sort))
        {
            errors["sort"] = [$"One of: {string.Join(", ", Sorts)}."];
        }

        if (errors.Count > 0)
        {
            throw new RuleViolation(errors, "The list cannot be filtered this way.");
        }

        var words = (Q ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return new(words, country, tier, runs, union, committee, cba, claimed, sort);

        bool? Invalid(string field, string message)
        {
            errors[field] = [message];
            return null;
        }
    }
}

/// <summary>A parsed <see cref="FacilityQuery"/>.</summary>
public sealed record FacilitySelection(IReadOnlyList<string> Words, string? Country, int? Tier, bool RunsIt, bool? Union, bool? Committee, bool? Cba, bool? Claimed, string Sort);
