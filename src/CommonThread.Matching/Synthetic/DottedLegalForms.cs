namespace CommonThread.Matching.Synthetic;

/// <summary>
/// The benchmark's "dotted legal forms" noise: a facility's legal form replaced by the form its country
/// uses, written as people type it — with dots, with the letters spaced, run together, in any case
/// (S.A. de C.V. / S A de C V / SA DE CV, d.o.o., A.Ş., Pvt. Ltd., P.T.). Real lists differ this way far
/// more often than in the words of the name, and one-letter words used to outweigh the name.
/// </summary>
public static class DottedLegalForms
{
    // Per country, the forms as written in full with dots; Prefix marks the countries that put the form first.
    private static readonly Dictionary<string, (bool Prefix, string[] Forms)> ByCountry = new(StringComparer.Ordinal)
    {
        ["BD"] = (false, ["(Pvt.) Ltd.", "Pvt. Ltd.", "P. Ltd."]),
        ["IN"] = (false, ["Pvt. Ltd.", "Private Ltd.", "L.L.P.", "(O.P.C.) Pvt. Ltd."]),
        ["PK"] = (false, ["(Pvt.) Ltd.", "(Private) Limited"]),
        ["LK"] = (false, ["(Pvt) Ltd.", "(Pvt.) Ltd."]),
        ["KH"] = (false, ["Co., Ltd.", "Co. Ltd."]),
        ["CN"] = (false, ["Co., Ltd.", "Co.,Ltd."]),
        ["MM"] = (false, ["Co., Ltd.", "Co. Ltd."]),
        ["TH"] = (false, ["Co., Ltd.", "Public Co., Ltd."]),
        ["VN"] = (true, ["Công ty TNHH", "Công ty Cổ phần", "Công ty TNHH MTV"]),
        ["ID"] = (true, ["P.T.", "PT.", "C.V."]),
        ["PH"] = (false, ["Inc.", "Corp.", "O.P.C."]),
        ["ET"] = (false, ["P.L.C.", "S.C."]),
        ["TR"] = (false, ["A.Ş.", "Ltd. Şti.", "San. ve Tic. A.Ş.", "San. ve Tic. Ltd. Şti."]),
        ["MX"] = (false, ["S.A. de C.V.", "S. de R.L. de C.V.", "S.A.P.I. de C.V."]),
        ["GT"] = (false, ["S.A.", "Sociedad Anónima"]),
        ["HN"] = (false, ["S. de R.L.", "S.A. de C.V."]),
        ["MA"] = (false, ["S.A.R.L.", "S.A.R.L. A.U.", "S.A."]),
        ["TN"] = (false, ["S.A.R.L.", "S.U.A.R.L.", "S.A."]),
        ["EG"] = (false, ["S.A.E.", "L.L.C."]),
        ["JO"] = (false, ["L.L.C.", "P.S.C.", "W.L.L."]),
    };

    /// <summary>The source facility, its legal form swapped for one of its country's written a random way.</summary>
    public static FacilityRecord Rewrite(FacilityRecord source, string id, Random random)
    {
        var bare = SyntheticFacilities.WithoutLegalForm(source.Name);
        var (prefix, forms) = ByCountry.GetValueOrDefault(source.CountryCode, (false, ["Ltd."]));
        var form = Spell(forms[random.Next(forms.Length)], random);
        return source with { Id = id, Name = prefix ? $"{form} {bare}" : $"{bare} {form}", OsId = null };
    }

    private static string Spell(string form, Random random) => random.Next(5) switch
    {
        0 => form,                                                                   // S.A. de C.V.
        1 => form.Replace(".", " ", StringComparison.Ordinal).Replace("  ", " ", StringComparison.Ordinal).Trim(), // S A de C V
        2 => form.Replace(".", "", StringComparison.Ordinal),                          // SA de CV
        3 => form.ToUpperInvariant(),                                                // S.A. DE C.V.
        _ => form.ToLowerInvariant(),                                                // s.a. de c.v.
    };
}
