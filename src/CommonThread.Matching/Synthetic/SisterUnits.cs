namespace CommonThread.Matching.Synthetic;

/// <summary>
/// Numbered sister units of one company at one address — "Zaber Knit Unit 1" and "Unit 2", "Factory 3", "MXP1" and
/// "MXP5", "Branch 2", "Unit II", "Cutting Section" and "Sewing Section". Large exporters register each unit (each has
/// its own licence, workers and audits) and lists write the unit label many ways. The units differ only in that
/// label, so a matcher that reads it as noise merges them or floods the review queue.
/// </summary>
public static class SisterUnits
{
    private static readonly string[] Sections = ["Cutting", "Sewing", "Finishing", "Knitting", "Dyeing", "Printing", "Washing", "Packing"];
    private static readonly string[] Romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"];

    private enum Style { Unit, Factory, Code, Branch, Roman, Section }

    /// <summary>
    /// Groups of 2–6 units at one address; half the rows are noisy copies of one unit (truth: that unit), half a unit
    /// the group does not have in the registry ("Unit 7" of a group of six, a section it lacks), which must not link.
    /// </summary>
    public static NoiseLine Make(SyntheticFacilities data, int count, int seed = 184)
    {
        var random = new Random(seed);
        var registry = new List<FacilityRecord>();
        var groups = new List<(FacilityRecord Base, Style Style, string Code, int[] Units)>();
        for (var g = 0; g < Math.Max(50, count / 4); g++)
        {
            var style = (Style)random.Next(6);
            var size = random.Next(2, 7);
            // Numbers run from 1 as companies number them; sections are picked among the usual ones.
            var units = style == Style.Section
                ? [.. Enumerable.Range(0, Sections.Length).OrderBy(_ => random.Next()).Take(size)]
                : Enumerable.Range(1, size).ToArray();
            var company = data.Facility($"SU{g}");
            var code = new string([.. Enumerable.Range(0, 3).Select(_ => (char)('A' + random.Next(26)))]);
            groups.Add((company, style, code, units));
            var placement = random.Next(3);
            registry.AddRange(units.Select(u => company with { Id = $"SU{g}-{u}", Name = Labelled(company.Name, Label(style, code, u), placement) }));
        }

        var rows = new List<LabelledRow>(count);
        for (var i = 0; i < count; i++)
        {
            var (company, style, code, units) = groups[random.Next(groups.Count)];
            var g = company.Id[2..];
            var unit = i % 2 == 0 ? units[random.Next(units.Length)] : Missing(style, units, random);
            var name = Labelled(data.Noisy(company with { Name = SyntheticFacilities.WithoutLegalForm(company.Name) }, "").Name, Written(style, code, unit, random), random.Next(3));
            rows.Add(new(new($"sis{i}", name, data.AddressNoise(company.Address), company.CountryCode), i % 2 == 0 ? $"SU{g}-{unit}" : null));
        }

        return new("sister units", registry, rows);
    }

    /// <summary>
    /// The collapse test: <paramref name="companies"/> companies with <paramref name="units"/> numbered units
    /// each at one address (20,000 facilities), shuffled, as one list read by an importer that adds every new facility to
    /// the index before the next row. Each is its own facility, so nearly all must come out new.
    /// </summary>
    public static List<FacilityRecord> NumberedList(SyntheticFacilities data, int companies = 1_000, int units = 20, int seed = 185)
    {
        var random = new Random(seed);
        var list = new List<FacilityRecord>(companies * units);
        for (var c = 0; c < companies; c++)
        {
            // Sections run out after eight, so a list this long is numbered.
            var style = (Style)random.Next(5);
            var code = new string([.. Enumerable.Range(0, 3).Select(_ => (char)('A' + random.Next(26)))]);
            var company = data.Facility($"NU{c}");
            var placement = random.Next(3);
            list.AddRange(Enumerable.Range(1, units).Select(u => company with { Id = $"NU{c}-{u}", Name = Labelled(company.Name, Label(style, code, u), placement) }));
        }

        return [.. list.OrderBy(_ => random.Next())];
    }

    private static int Missing(Style style, int[] units, Random random) => style == Style.Section
        ? Enumerable.Range(0, Sections.Length).Except(units).OrderBy(_ => random.Next()).First()
        : units.Max() + random.Next(1, 4);

    /// <summary>The label after or before the legal form, or in brackets, as registrations put it (one way per company).</summary>
    private static string Labelled(string name, string label, int placement) => placement switch
    {
        0 => $"{name} {label}",                                                          // Zaber Knit Ltd Unit 2
        1 => $"{SyntheticFacilities.WithoutLegalForm(name)} {label} {LegalFormOf(name)}".Trim(), // Zaber Knit Unit 2 Ltd
        _ => $"{name} ({label})",                                                        // Zaber Knit Ltd (Unit 2)
    };

    private static string LegalFormOf(string name) => name[SyntheticFacilities.WithoutLegalForm(name).Length..].Trim();

    private static string Label(Style style, string code, int unit) => style switch
    {
        Style.Unit => $"Unit {unit}",
        Style.Factory => $"Factory {unit}",
        Style.Code => $"{code}{unit}",
        Style.Branch => $"Branch {unit}",
        Style.Roman => $"Unit {Romans[unit - 1]}",
        _ => $"{Sections[unit]} Section",
    };

    /// <summary>The same label as another list writes it: "Unit-2", "Unit No. 2", "UNIT 02", "MXP-1", "Unit 2" for "Unit II".</summary>
    private static string Written(Style style, string code, int unit, Random random)
    {
        var word = style switch { Style.Factory => "Factory", Style.Branch => "Branch", _ => "Unit" };
        return (style, random.Next(4)) switch
        {
            (Style.Section, 0) => $"{Sections[unit]} Sec.",
            (Style.Section, 1) => $"({Sections[unit]})",
            (Style.Section, _) => $"{Sections[unit]} Section",
            (Style.Code, 0) => $"{code}-{unit}",
            (Style.Code, 1) => $"{code} {unit}",
            (Style.Code, 2) => $"{code}{unit:D2}",
            (Style.Code, _) => $"{code}{unit}",
            (Style.Roman, 0) => $"Unit {unit}",
            (Style.Roman, 1) => $"Unit-{Romans[unit - 1]}",
            (Style.Roman, _) => $"Unit {Romans[unit - 1]}",
            (_, 0) => $"{word}-{unit}",
            (_, 1) => $"{word} No. {unit}",
            (_, 2) => $"{word.ToUpperInvariant()} {unit:D2}",
            _ => $"{word} {unit}",
        };
    }
}
