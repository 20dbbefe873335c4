using System.Text.Json;

namespace CommonThread.Web.DueDiligence.Plans;

public sealed record GoalTemplate(string Goal, string Indicator, string Target, string Owner, int DueInDays);

public sealed record PlanTemplate(string Key, string Name, string About, HumanRightsIssue Issue, IReadOnlyList<GoalTemplate> Goals);

/// <summary>
/// Plan templates as versioned data (plan-templates.json): a route such as freedom of association's changes
/// by a reviewed edit of the file, and each plan records the template and version it was drawn from.
/// </summary>
public static class PlanTemplates
{
    public static string Version { get; }

    public static IReadOnlyDictionary<string, PlanTemplate> All { get; }

    static PlanTemplates()
    {
        using var stream = typeof(PlanTemplates).Assembly.GetManifestResourceStream("plan-templates.json")
            ?? throw new InvalidOperationException("plan-templates.json is not embedded.");
        var file = JsonSerializer.Deserialize<TemplateFile>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException("plan-templates.json is empty.");
        Version = file.Version;
        All = file.Templates.ToDictionary(t => t.Key, t => new PlanTemplate(t.Key, t.Value.Name, t.Value.About, Enum.Parse<HumanRightsIssue>(t.Value.Issue), t.Value.Goals), StringComparer.Ordinal);
    }

    private sealed record TemplateFile(string Version, Dictionary<string, TemplateEntry> Templates);

    private sealed record TemplateEntry(string Name, string About, string Issue, List<GoalTemplate> Goals);
}
