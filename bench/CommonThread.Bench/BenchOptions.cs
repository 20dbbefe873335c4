namespace CommonThread.Bench;

/// <summary><c>--name value</c> pairs from the command line.</summary>
public sealed class BenchOptions(Dictionary<string, string> values)
{
    public static BenchOptions Parse(IEnumerable<string> args)
    {
        var list = args.ToList();
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < list.Count; i += 2)
        {
            values[list[i].TrimStart('-')] = list[i + 1];
        }

        return new(values);
    }

    public int Int(string name, int fallback) => values.TryGetValue(name, out var v) && int.TryParse(v, out var n) ? n : fallback;

    public double Double(string name, double fallback) =>
        values.TryGetValue(name, out var v) && double.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : fallback;

    public string? Text(string name) => values.GetValueOrDefault(name);
}
