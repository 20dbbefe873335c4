using System.Text.Json;

namespace CommonThread.Web.DueDiligence.Reports;

/// <summary>A point of a report: a figure the platform computes (<see cref="Key"/>), and what is missing when the records cannot give it.</summary>
public sealed record ReportPoint(string Key, string? Gap, string? GapWhenZero);

public sealed record ReportSection(string Id, string Title, IReadOnlyList<ReportPoint> Points);

/// <summary>One version of a report's structure, in force from <see cref="EffectiveFrom"/> until <see cref="EffectiveTo"/> (open when null).</summary>
public sealed record ReportStructure(string Key, string Version, DateOnly EffectiveFrom, DateOnly? EffectiveTo, string Name, string Basis, IReadOnlyList<ReportSection> Sections);

/// <summary>
/// The reports' structures as data (report-structures.json): the law changes by a new version with its
/// dates, and a report says which version it follows. Every point must name a figure <see cref="ReportFigures"/> computes.
/// </summary>
public static class ReportStructures
{
    public static IReadOnlyList<ReportStructure> All { get; } = Load();

    /// <summary>The version of each report in force on the day.</summary>
    public static IReadOnlyList<ReportStructure> InForce(DateOnly on) =>
        All.Where(r => r.EffectiveFrom <= on && (r.EffectiveTo is null || on <= r.EffectiveTo)).GroupBy(r => r.Key)
            .Select(g => g.OrderByDescending(r => r.EffectiveFrom).First()).ToList();

    private static List<ReportStructure> Load()
    {
        using var stream = typeof(ReportStructures).Assembly.GetManifestResourceStream("report-structures.json")
            ?? throw new InvalidOperationException("report-structures.json is not embedded.");
        var file = JsonSerializer.Deserialize<StructureFile>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException("report-structures.json is empty.");
        var unknown = file.Reports.SelectMany(r => r.Sections).SelectMany(s => s.Points).Select(p => p.Key).Where(k => !ReportFigures.Keys.Contains(k)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"report-structures.json names figures the platform does not compute: {string.Join(", ", unknown)}.");
        }

        return file.Reports;
    }

    private sealed record StructureFile(string About, List<ReportStructure> Reports);
}
