using System.Text.Json;
using CommonThread.Web.SupplyChain;

namespace CommonThread.Web.DueDiligence;

/// <summary>One input of a country's risk for an issue: its weight, and its value 1–5 (null: no source recorded, left out).</summary>
public sealed record RiskInput(string Name, double Weight, int? Value, string? Recorded);

/// <summary>
/// A country's composite risk for one issue, 1 to 5, with every input and weight that made it.
/// <see cref="Coverage"/> is the share of the method's weight whose inputs were recorded: a score that
/// rests on half its inputs says so.
/// </summary>
public sealed record CountryIssueRisk(string CountryCode, string Country, HumanRightsIssue Issue, double? Score, double Coverage, IReadOnlyList<RiskInput> Inputs)
{
    /// <summary>High enough, and known well enough, to be proposed for a register.</summary>
    public bool High => Score >= CountryRiskMethod.HighFrom && Coverage >= 0.5;
}

/// <summary>
/// The method as data (country-risk-method.json: version, effective date, inputs and weights per issue),
/// so a change of weights is a reviewed data change, visible to everyone who reads a score.
/// </summary>
public sealed record CountryRiskMethod(string Name, string Version, DateOnly EffectiveFrom, string About, IReadOnlyDictionary<HumanRightsIssue, IReadOnlyDictionary<string, double>> Issues)
{
    public const double HighFrom = 4.0;

    public static CountryRiskMethod Shipped { get; } = Load();

    private static CountryRiskMethod Load()
    {
        using var stream = typeof(CountryRiskMethod).Assembly.GetManifestResourceStream("country-risk-method.json")
            ?? throw new InvalidOperationException("country-risk-method.json is not embedded.");
        using var json = JsonDocument.Parse(stream);
        var root = json.RootElement;
        var issues = root.GetProperty("issues").EnumerateObject().ToDictionary(
            p => Enum.Parse<HumanRightsIssue>(p.Name),
            p => (IReadOnlyDictionary<string, double>)p.Value.EnumerateObject().ToDictionary(i => i.Name, i => i.Value.GetDouble()));
        var missing = Enum.GetValues<HumanRightsIssue>().Where(i => !issues.ContainsKey(i)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"country-risk-method.json gives no inputs for {string.Join(", ", missing)}.");
        }

        return new(root.GetProperty("name").GetString()!, root.GetProperty("version").GetString()!, DateOnly.Parse(root.GetProperty("effectiveFrom").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            root.GetProperty("about").GetString()!, issues);
    }

    public IReadOnlyList<CountryIssueRisk> Assess(CountryContext country) =>
        Issues.OrderBy(i => i.Key).Select(issue =>
        {
            var inputs = issue.Value.Select(i => Input(country, i.Key, i.Value)).ToList();
            var known = inputs.Where(i => i.Value is not null).ToList();
            var weight = known.Sum(i => i.Weight);
            var total = inputs.Sum(i => i.Weight);
            double? score = weight == 0 ? null : Math.Round(known.Sum(i => i.Weight * i.Value!.Value) / weight, 1);
            return new CountryIssueRisk(country.CountryCode, country.Country, issue.Key, score, total == 0 ? 0 : Math.Round(weight / total, 2), inputs);
        }).ToList();

    private static RiskInput Input(CountryContext country, string name, double weight)
    {
        if (name == "ituc")
        {
            return new(name, weight, country.ItucRating is { } r ? int.Parse(r.TrimEnd('+'), System.Globalization.CultureInfo.InvariantCulture) : null,
                country.ItucRating is null ? null : $"{country.ItucRating} ({country.ItucYear})");
        }

        var ratified = country.Ratification(int.Parse(name.TrimStart('C'), System.Globalization.CultureInfo.InvariantCulture));
        return new(name, weight, ratified is null ? null : ratified == "no" ? 5 : 1, ratified);
    }
}
