using System.Collections.Frozen;
using System.Text;
using CommonThread.Matching.Geography;

namespace CommonThread.Matching.Tests.LabelledPairs;

/// <summary>
/// Issue 18's hand-labelled pairs: <c>registry.csv</c> (Open Supply Hub download layout), <c>list.csv</c> (a contributor's
/// upload, typed the way other people type the same facilities) and <c>labels.csv</c> (for each list row, the OS ID it
/// truly is or nothing, and which noise or look-alike it stands for). The test suite and the benchmark both read it
/// here (the bench links this file), so the figure the benchmark prints is the set the specs hold.
/// </summary>
public sealed class LabelledPairSet
{
    public const string FolderName = "LabelledPairs";

    private LabelledPairSet(IReadOnlyList<FacilityRecord> registry, IReadOnlyList<ListRow> list, IReadOnlyList<PairLabel> labels)
    {
        Registry = registry;
        List = list;
        Labels = labels;
        var byRow = labels.GroupBy(l => l.Row).ToDictionary(g => g.Key, g => g.First());
        Pairs = list.Where(row => byRow.ContainsKey(row.Row)).Select(row => new LabelledPair(row, ToRecord(row), byRow[row.Row])).ToList();
    }

    public IReadOnlyList<FacilityRecord> Registry { get; }

    public IReadOnlyList<ListRow> List { get; }

    public IReadOnlyList<PairLabel> Labels { get; }

    /// <summary>Every list row that has a label, as the matcher sees it.</summary>
    public IReadOnlyList<LabelledPair> Pairs { get; }

    public static LabelledPairSet Load(string folder)
    {
        var registry = Table(Path.Combine(folder, "registry.csv"))
            .Select(r => new FacilityRecord(r["os_id"], r["name"], r["address"], r["country_code"], r["os_id"]))
            .ToList();
        var list = Table(Path.Combine(folder, "list.csv"))
            .Select((r, i) => new ListRow(i + 1, r["country"], r["name"], r["address"], r["sector"]))
            .ToList();
        var labels = Table(Path.Combine(folder, "labels.csv"))
            .Select(r => new PairLabel(int.Parse(r["row"], System.Globalization.CultureInfo.InvariantCulture), r["name"], r["os_id"] is "" ? null : r["os_id"], r["kind"], r["note"]))
            .ToList();
        return new(registry, list, labels);
    }

    /// <summary>The folder beside the tests, found from <paramref name="start"/> upwards (the repository root or any folder in it, or the test output).</summary>
    public static string Find(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(folder.FullName, FolderName), Path.Combine(folder.FullName, "tests", "CommonThread.Matching.Tests", FolderName) })
            {
                if (File.Exists(Path.Combine(candidate, "labels.csv")))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException($"{FolderName}/labels.csv not found from {start} upwards.");
    }

    /// <summary>
    /// The country column is resolved as the importer resolves it; a name that means no country or several leaves the
    /// code empty, so the row can match nothing (and the specs say which).
    /// </summary>
    private static FacilityRecord ToRecord(ListRow row) =>
        new($"row{row.Row}", row.Name, row.Address, CountryNames.Lookup(row.Country) is [var code] ? code : "");

    private static IEnumerable<Dictionary<string, string>> Table(string path)
    {
        var rows = Csv(File.ReadAllText(path, Encoding.UTF8));
        var header = rows[0];
        return rows.Skip(1).Where(r => r.Any(f => f.Length > 0)).Select(r =>
            header.Select((column, i) => (column, value: i < r.Count ? r[i].Trim() : "")).ToDictionary(p => p.column, p => p.value, StringComparer.Ordinal));
    }

    /// <summary>RFC 4180: quoted fields hold commas and doubled quotes. (The app's reader lives in the web project, which this one does not reference.)</summary>
    private static List<List<string>> Csv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }
}

/// <summary>One line of list.csv; <see cref="Row"/> counts data lines from 1, as labels.csv does.</summary>
public sealed record ListRow(int Row, string Country, string Name, string Address, string Sector);

/// <summary>One line of labels.csv: the OS ID the list row truly is (null when the registry does not hold it).</summary>
public sealed record PairLabel(int Row, string Name, string? OsId, string Kind, string Note)
{
    public PairKind? KindInfo => PairKinds.All.GetValueOrDefault(Kind);
}

public sealed record LabelledPair(ListRow Source, FacilityRecord Record, PairLabel Label)
{
    public string? TruthOsId => Label.OsId;

    public string Kind => Label.Kind;
}

public enum PairGroup
{
    /// <summary>The row is a registry facility written another way.</summary>
    Match,

    /// <summary>The row looks like a registry facility it is not (it may be another registry facility, or none).</summary>
    LookAlike,

    /// <summary>Plainly a facility the registry lacks.</summary>
    Absent,
}

public sealed record PairKind(string Name, PairGroup Group, string Meaning);

/// <summary>The kinds labels.csv may name; README.md in the folder says the same in prose.</summary>
public static class PairKinds
{
    public static FrozenDictionary<string, PairKind> All { get; } = new PairKind[]
    {
        new("exact", PairGroup.Match, "written as the registry writes it"),
        new("case", PairGroup.Match, "upper or lower case"),
        new("legal-form", PairGroup.Match, "legal form dropped, added or spelled out (Ltd / Limited / Pvt Ltd)"),
        new("dotted-legal-form", PairGroup.Match, "legal form or initials with or without dots (P.V.T. L.T.D., S.A. de C.V., A.Ş.)"),
        new("run-together", PairGroup.Match, "two words written as one"),
        new("split-words", PairGroup.Match, "one word written as two"),
        new("abbreviation", PairGroup.Match, "EPZ, Ind. Est., Rd, Intl, and their spelled-out forms"),
        new("address-shape", PairGroup.Match, "another address line for the same plot, country appended, postcode or plot missing"),
        new("country-alias", PairGroup.Match, "the country column as an alias (Bharat, Burma, USA, Republic of Türkiye)"),
        new("typo", PairGroup.Match, "a letter missing, doubled or swapped"),
        new("transliteration", PairGroup.Match, "Latin letters without diacritics or spelled another way (Việt Tiến / Viet Tien, Özak / OZAK, Budhni / Budni)"),
        new("other-script", PairGroup.Match, "the registry in a local script, the list in Latin letters or in translation (রূপা / Rupa, 三枪 / Three Gun)"),
        new("local-script", PairGroup.Match, "both in the local script, written differently"),
        new("reordered", PairGroup.Match, "name words in another order"),
        new("other-name", PairGroup.Match, "a group, brand or trading name with or instead of the registry's name"),
        new("sparse-address", PairGroup.Match, "only a town or district for an address"),
        new("mixed", PairGroup.Match, "several of the above at once"),
        new("sister-unit", PairGroup.LookAlike, "another numbered unit, plant or branch of a group the registry holds"),
        new("tenant", PairGroup.LookAlike, "another company of the group or tenant at the same address"),
        new("other-city", PairGroup.LookAlike, "the same group name at another site"),
        new("other-country", PairGroup.LookAlike, "the same name as a facility in another country"),
        new("epz-neighbour", PairGroup.LookAlike, "a neighbour in the same zone or estate, often with a similar name"),
        new("absent", PairGroup.Absent, "not in the registry and like nothing in it"),
    }.ToFrozenDictionary(k => k.Name, StringComparer.Ordinal);
}
