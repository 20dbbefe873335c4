namespace CommonThread.Matching.Synthetic;

/// <summary>
/// Several companies in one building: garment districts (Dhaka's Ashulia, Phnom Penh's SEZs, Istanbul's Merter) put
/// many unrelated firms on the floors of one multi-storey building, all at the same plot and road, often under one group
/// name ("Ha-Meem Denim", "Ha-Meem Sportswear"). The address then says nothing and only the name decides. Half the rows
/// are noisy copies of a registered tenant; the other half a new tenant at that same address — a third of them sharing
/// an existing tenant's first word, some on its floor.
/// </summary>
public static class BuildingTenants
{
    public static NoiseLine Make(SyntheticFacilities data, int count, int seed = 186)
    {
        var random = new Random(seed);
        var registry = new List<FacilityRecord>();
        var buildings = new List<(string Address, List<FacilityRecord> Tenants)>();
        for (var b = 0; b < Math.Max(50, count / 4); b++)
        {
            var building = random.Next(2) == 0 ? data.NewAddress() : $"{data.FreshWord()} Tower, {data.NewAddress()}";
            var country = data.Country();
            var tenants = Enumerable.Range(0, random.Next(2, 6))
                .Select(t => data.Facility($"TB{b}-{t}", country) with { Address = $"{Floor(random)}{building}" })
                .ToList();
            buildings.Add((building, tenants));
            registry.AddRange(tenants);
        }

        var rows = new List<LabelledRow>(count);
        for (var i = 0; i < count; i++)
        {
            var (building, tenants) = buildings[random.Next(buildings.Count)];
            var tenant = tenants[random.Next(tenants.Count)];
            if (i % 2 == 0)
            {
                var copy = data.Noisy(tenant, $"ten{i}");
                // Lists often leave the floor off, or write it their own way.
                rows.Add(new(copy with { Address = random.Next(3) == 0 ? $"{Floor(random)}{data.AddressNoise(building)}" : copy.Address }, tenant.Id));
            }
            else
            {
                var newcomer = data.Facility($"ten{i}", tenant.CountryCode);
                var words = newcomer.Name.Split(' ');
                // A group name shared with a tenant; the distinctive word never a typo away from any tenant's.
                words[0] = random.Next(3) == 0 ? tenant.Name.Split(' ')[0] : words[0];
                while (tenants.Any(t => t.Name.Split(' ') is var theirs && theirs[0] == words[0] && SyntheticFacilities.EditDistance(theirs[1], words[1]) < 3))
                {
                    words[1] = data.FreshWord();
                }

                var name = string.Join(' ', words);
                var floor = random.Next(3) == 0 ? tenant.Address[..^building.Length] : Floor(random);
                rows.Add(new(newcomer with { Name = name, Address = $"{floor}{building}" }, null));
            }
        }

        return new("tenants of one building", registry, rows);
    }

    private static string Floor(Random random) => random.Next(5) switch
    {
        0 => "",
        1 => $"{Ordinal(random.Next(1, 12))} Floor, ",
        2 => $"Level {random.Next(1, 12)}, ",
        3 => $"Floor-{random.Next(1, 12)}, ",
        _ => $"{Ordinal(random.Next(1, 12))} & {Ordinal(random.Next(12, 15))} Floor, ",
    };

    private static string Ordinal(int n) => n switch { 1 => "1st", 2 => "2nd", 3 => "3rd", _ => $"{n}th" };
}
