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

    /// <summary>The inputs the country context records, by the names a method weighs them.</summary>
    public static IReadOnlyList<string> InputNames { get; } = ["ituc", "C87", "C98", "C29", "C105", "C138", "C182", "C155", "C187", "C177", "C190"];

    public static CountryRiskMethod Shipped { get; } = Load();

    /// <summary>
    /// What is wrong with a method's weights, by field ("weights.ChildLabour.C138"): every issue of the register weighs
    /// at least one input above zero, only inputs the country context records, each from 0 to 100 (weights are relative).
    /// </summary>
    public static Dictionary<string, string[]> Problems(IReadOnlyDictionary<string, Dictionary<string, double>>? weights)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        weights ??= new Dictionary<string, Dictionary<string, double>>();
        foreach (var (issue, inputs) in weights)
        {
            if (!Enum.TryParse<HumanRightsIssue>(issue, out var known) || !Enum.IsDefined(known) || known.ToString() != issue)
            {
                problems[$"weights.{issue}"] = ["This is not an issue of the register."];
                continue;
            }

            foreach (var (input, weight) in inputs ?? [])
            {
                if (!InputNames.Contains(input, StringComparer.Ordinal))
                {
                    problems[$"weights.{issue}.{input}"] = ["This is not an input the country context records."];
                }
                else if (!double.IsFinite(weight) || weight < 0 || weight > 100)
                {
                    problems[$"weights.{issue}.{input}"] = ["Give a weight from 0 to 100."];
                }
            }
        }

        foreach (var issue in Enum.GetValues<HumanRightsIssue>())
        {
            if (!weights.TryGetValue(issue.ToString(), out var inputs) || inputs is null || !inputs.Any(i => InputNames.Contains(i.Key, StringComparer.Ordinal) && i.Value > 0))
            {
                problems.TryAdd($"weights.{issue}", ["Give at least one input of this issue a weight above zero."]);
            }
        }

        return problems;
    }

    /// <summary>A method from weights <see cref="Problems"/> found nothing wrong with; inputs weighed zero are left out.</summary>
    public static IReadOnlyDictionary<HumanRightsIssue, IReadOnlyDictionary<string, double>> IssuesOf(IReadOnlyDictionary<string, Dictionary<string, double>> weights) =>
        weights.ToDictionary(w => Enum.Parse<HumanRightsIssue>(w.Key), w => (IReadOnlyDictionary<string, double>)w.Value.Where(i => i.Value > 0).ToDictionary(i => i.Key, i => i.Value));

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
