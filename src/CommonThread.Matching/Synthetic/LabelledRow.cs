namespace CommonThread.Matching.Synthetic;

/// <summary>A row of a list to match and the registry facility it truly is: null when the registry lacks it.</summary>
public sealed record LabelledRow(FacilityRecord Row, string? TruthId);

/// <summary>
/// One benchmark line: the facilities this kind of noise needs in the registry (sister units, tenants of one
/// building, local-script names — the base generator makes none of them) and its labelled rows, about half true matches.
/// </summary>
public sealed record NoiseLine(string Label, IReadOnlyList<FacilityRecord> Registry, IReadOnlyList<LabelledRow> Rows);
