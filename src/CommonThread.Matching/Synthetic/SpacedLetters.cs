namespace CommonThread.Matching.Synthetic;

/// <summary>
/// Names that start with initials, written letter by letter in one list and as one word in another:
/// "ABC Knit" / "A B C Knit" / "A.B.C. Knit", "MK Fashion" / "M.K. Fashion", "H&amp;M" / "H &amp; M". Garment
/// firms are very often named after the owners' initials, and registries and buyers' lists each keep their own
/// habit. The registry gains facilities named so (the base generator makes none); half the rows are copies of
/// them spelt another way, the other half firms whose initials differ by one letter, at another address.
/// </summary>
public static class SpacedLetters
{
    public static NoiseLine Make(SyntheticFacilities data, int count, int seed = 183)
    {
        var random = new Random(seed);
        var registry = new List<FacilityRecord>(count / 2 + 1);
        var rows = new List<LabelledRow>(count);
        var taken = data.InitialsDrawn;
        var registered = new List<(FacilityRecord Facility, string Letters, string Tail)>(count / 2 + 1);
        for (var i = 0; i < count; i++)
        {
            var country = data.Country();
            var letters = Initials(random, random.Next(2, 5));
            // A third of the firms are only initials and trade ("ABC Knit"), the hardest case: nothing else to go by.
            var rest = random.Next(3) == 0 ? data.Trade() : $"{data.FreshWord()} {data.Trade()}";
            var legal = data.LegalForm();
            if (i % 2 == 0)
            {
                if (!taken.Add($"{country}|{letters}|{rest}"))
                {
                    continue;
                }

                var facility = new FacilityRecord($"SL{i}", $"{Written(letters, random)} {rest} {legal}".Trim(), data.NewAddress(), country);
                registry.Add(facility);
                registered.Add((facility, letters, rest));
                rows.Add(new(facility with { Id = $"ini{i}", Name = $"{Written(letters, random)} {rest} {data.LegalForm()}".Trim(), Address = data.AddressNoise(facility.Address) }, facility.Id));
            }
            else if (registry.Count > 0)
            {
                // Another firm: the initials of a registered one with one letter changed, the rest alike, another address.
                var like = registered[random.Next(registered.Count)];
                var other = OneLetterOff(like.Letters, random);
                for (var attempt = 0; attempt < 20 && !taken.Add($"{like.Facility.CountryCode}|{other}|{like.Tail}"); attempt++)
                {
                    other = OneLetterOff(like.Letters, random);
                }

                rows.Add(new(new($"ini{i}", $"{Written(other, random)} {like.Tail} {legal}".Trim(), data.NewAddress(), like.Facility.CountryCode), null));
            }
        }

        return new("spaced letters", registry, rows);
    }

    private static string Initials(Random random, int length) => new([.. Enumerable.Range(0, length).Select(_ => (char)('A' + random.Next(26)))]);

    private static string OneLetterOff(string letters, Random random)
    {
        var chars = letters.ToCharArray();
        var at = random.Next(chars.Length);
        chars[at] = (char)('A' + (chars[at] - 'A' + 1 + random.Next(25)) % 26);
        return new string(chars);
    }

    /// <summary>The initials as one list or another writes them.</summary>
    private static string Written(string letters, Random random) => random.Next(6) switch
    {
        0 => letters,                                                    // ABC
        1 => string.Join(' ', letters.ToCharArray()),                    // A B C
        2 => string.Concat(letters.Select(c => $"{c}.")),                // A.B.C.
        3 => string.Join(' ', letters.Select(c => $"{c}.")),             // A. B. C.
        4 when letters.Length == 2 => $"{letters[0]} & {letters[1]}",    // H & M
        4 => string.Join('-', letters.ToCharArray()),                    // A-B-C
        _ when letters.Length == 2 => $"{letters[0]}&{letters[1]}",      // H&M
        _ => string.Concat(letters.Select(c => $"{c}.")).ToLowerInvariant(), // a.b.c.
    };
}
