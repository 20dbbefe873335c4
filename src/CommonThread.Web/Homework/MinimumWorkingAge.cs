using System.Collections.Frozen;
using System.Globalization;

namespace CommonThread.Web.Homework;

/// <summary>
/// The general minimum age for work in each country (ILO C138 declarations and national law,
/// shipped in <c>minimum-working-age.csv</c>). Where the file has no row, C138's general floor of 15 applies.
/// </summary>
public static class MinimumWorkingAge
{
    public const int Default = 15;

    private static readonly FrozenDictionary<string, int> Ages = Load();

    public static int For(string countryCode) => Ages.GetValueOrDefault(countryCode.ToUpperInvariant(), Default);

    /// <summary>Whole years from birth to a day.</summary>
    public static int AgeOn(DateOnly birthDate, DateOnly on)
    {
        var age = on.Year - birthDate.Year;
        return on < birthDate.AddYears(age) ? age - 1 : age;
    }

    private static FrozenDictionary<string, int> Load()
    {
        using var stream = typeof(MinimumWorkingAge).Assembly.GetManifestResourceStream("minimum-working-age.csv")
            ?? throw new InvalidOperationException("minimum-working-age.csv is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1)
            .Select(line => line.Split(','))
            .ToFrozenDictionary(f => f[0], f => int.Parse(f[1], CultureInfo.InvariantCulture));
    }
}
