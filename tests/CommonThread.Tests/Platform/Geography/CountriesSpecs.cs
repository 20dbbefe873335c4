using CommonThread.Matching.Geography;
using CommonThread.Web.Platform.Geography;

namespace CommonThread.Tests.Platform.Geography;

public sealed class CountriesSpecs
{
    /// <summary>Spellings found in real facility lists, every one named in issue 18 among them.</summary>
    public static TheoryData<string, string> Spellings => new()
    {
        // Issue 18, item 5
        { "USA", "US" }, { "UAE", "AE" }, { "Myanmar", "MM" }, { "Viet Nam", "VN" }, { "Slovak Republic", "SK" }, { "Türkiye", "TR" },
        { "Korea, Republic of", "KR" },
        // Codes, in any case and with dots
        { "BD", "BD" }, { "bd", "BD" }, { " in ", "IN" }, { "BGD", "BD" }, { "khm", "KH" }, { "GBR", "GB" }, { "ARE", "AE" }, { "VNM", "VN" },
        { "TUR", "TR" }, { "CHN", "CN" }, { "IDN", "ID" }, { "PAK", "PK" }, { "LKA", "LK" }, { "ETH", "ET" }, { "MEX", "MX" }, { "HND", "HN" },
        { "U.S.A.", "US" }, { "U.S.", "US" }, { "US", "US" }, { "ST", "ST" }, { "IS", "IS" }, { "XK", "XK" }, { "EH", "EH" },
        // UN and ISO names, short forms, inversions
        { "United States of America", "US" }, { "United States", "US" }, { "UK", "GB" }, { "U.K.", "GB" }, { "Great Britain", "GB" },
        { "England", "GB" }, { "Scotland", "GB" }, { "United Kingdom of Great Britain and Northern Ireland", "GB" }, { "United Kingdom", "GB" },
        { "Vietnam", "VN" }, { "VIET-NAM", "VN" }, { "Socialist Republic of Viet Nam", "VN" }, { "Republic of Korea", "KR" }, { "South Korea", "KR" },
        { "Korea (South)", "KR" }, { "Korea, South", "KR" }, { "North Korea", "KP" }, { "Korea, Democratic People's Republic of", "KP" },
        { "Turkey", "TR" }, { "Turkiye", "TR" }, { "TURKIYE", "TR" }, { "Republic of Türkiye", "TR" }, { "Burma", "MM" }, { "Myanmar (Burma)", "MM" },
        { "Czech Republic", "CZ" }, { "Czechia", "CZ" }, { "Slovakia", "SK" }, { "U.A.E.", "AE" }, { "United Arab Emirates", "AE" },
        { "Russian Federation", "RU" }, { "Russia", "RU" }, { "Iran (Islamic Republic of)", "IR" }, { "Iran", "IR" }, { "Islamic Republic of Iran", "IR" },
        { "Lao PDR", "LA" }, { "Laos", "LA" }, { "Lao People's Democratic Republic", "LA" }, { "Tanzania", "TZ" }, { "United Republic of Tanzania", "TZ" },
        { "Tanzania, United Republic of", "TZ" }, { "Bolivia (Plurinational State of)", "BO" }, { "Bolivia", "BO" }, { "Moldova", "MD" },
        { "Republic of Moldova", "MD" }, { "Moldova, Republic of", "MD" }, { "North Macedonia", "MK" }, { "Macedonia", "MK" }, { "Côte d'Ivoire", "CI" },
        { "Côte d’Ivoire", "CI" }, { "Ivory Coast", "CI" }, { "Cote d'Ivoire", "CI" }, { "COTE D IVOIRE", "CI" }, { "Eswatini", "SZ" }, { "Swaziland", "SZ" },
        { "Cabo Verde", "CV" }, { "Cape Verde", "CV" }, { "Hong Kong", "HK" }, { "Hong Kong SAR", "HK" }, { "Hong Kong SAR China", "HK" },
        { "Hong Kong, China", "HK" }, { "Macau", "MO" }, { "Macao", "MO" }, { "Taiwan", "TW" }, { "Taiwan, Province of China", "TW" }, { "Syria", "SY" },
        { "Syrian Arab Republic", "SY" }, { "Palestine", "PS" }, { "State of Palestine", "PS" }, { "Palestine, State of", "PS" }, { "Holland", "NL" },
        { "The Netherlands", "NL" }, { "Netherlands", "NL" }, { "Netherlands, The", "NL" }, { "Kampuchea", "KH" }, { "Cambodia", "KH" },
        { "Kingdom of Cambodia", "KH" }, { "Bharat", "IN" }, { "Hindustan", "IN" }, { "India", "IN" }, { "Republic of India", "IN" }, { "PRC", "CN" },
        { "China, People's Republic of", "CN" }, { "People's Republic of China", "CN" }, { "Mainland China", "CN" }, { "P.R. China", "CN" },
        { "China", "CN" }, { "Sri Lanka", "LK" }, { "Ceylon", "LK" }, { "Bangladesh", "BD" }, { "People's Republic of Bangladesh", "BD" },
        { "bangladesh", "BD" }, { "  Bangladesh  ", "BD" }, { "Indonesia", "ID" }, { "Republic of Indonesia", "ID" }, { "Pakistan", "PK" },
        { "Islamic Republic of Pakistan", "PK" }, { "Ethiopia", "ET" }, { "Egypt", "EG" }, { "Arab Republic of Egypt", "EG" }, { "Morocco", "MA" },
        { "Maroc", "MA" }, { "Mexico", "MX" }, { "México", "MX" }, { "Estados Unidos Mexicanos", "MX" }, { "Honduras", "HN" }, { "Guatemala", "GT" },
        { "El Salvador", "SV" }, { "Nicaragua", "NI" }, { "Thailand", "TH" }, { "Philippines", "PH" }, { "Jordan", "JO" }, { "Tunisia", "TN" },
        { "Madagascar", "MG" }, { "Lesotho", "LS" }, { "Kenya", "KE" }, { "Haiti", "HT" }, { "Portugal", "PT" }, { "Romania", "RO" },
        { "Bulgaria", "BG" }, { "Ukraine", "UA" }, { "Georgia", "GE" }, { "Democratic Republic of the Congo", "CD" }, { "DR Congo", "CD" },
        { "Congo, the Democratic Republic of the", "CD" }, { "Congo (Kinshasa)", "CD" }, { "Republic of the Congo", "CG" }, { "Congo-Brazzaville", "CG" },
        { "Gambia, The", "GM" }, { "The Gambia", "GM" }, { "Bahamas, The", "BS" }, { "St. Lucia", "LC" }, { "Saint Lucia", "LC" }, { "St Kitts & Nevis", "KN" },
        { "Trinidad & Tobago", "TT" }, { "Bosnia and Herzegovina", "BA" }, { "Bosnia & Herzegovina", "BA" }, { "Micronesia, Federated States of", "FM" },
        { "Venezuela (Bolivarian Republic of)", "VE" }, { "Virgin Islands, British", "VG" }, { "Virgin Islands, U.S.", "VI" }, { "Holy See", "VA" },
        { "Vatican City", "VA" }, { "Timor-Leste", "TL" }, { "East Timor", "TL" }, { "Brunei Darussalam", "BN" }, { "Kyrgyz Republic", "KG" },
        { "Réunion", "RE" }, { "Curacao", "CW" }, { "Åland Islands", "AX" }, { "Western Sahara", "EH" }, { "Kosovo", "XK" }, { "Germany", "DE" },
        { "Deutschland", "DE" }, { "Italia", "IT" }, { "España", "ES" }, { "Polska", "PL" }, { "Brasil", "BR" },
        // Local names in the producing countries
        { "বাংলাদেশ", "BD" }, { "កម្ពុជា", "KH" }, { "ព្រះរាជាណាចក្រកម្ពុជា", "KH" }, { "中国", "CN" }, { "中國", "CN" },
        { "中华人民共和国", "CN" }, { "भारत", "IN" }, { "ভারত", "IN" }, { "இந்தியா", "IN" }, { "မြန်မာ", "MM" }, { "پاکستان", "PK" },
        { "ශ්‍රී ලංකාව", "LK" }, { "இலங்கை", "LK" }, { "Việt Nam", "VN" }, { "VIỆT NAM", "VN" }, { "ኢትዮጵያ", "ET" }, { "مصر", "EG" },
        { "المغرب", "MA" }, { "ไทย", "TH" }, { "ประเทศไทย", "TH" }, { "नेपाल", "NP" }, { "대한민국", "KR" }, { "台灣", "TW" }, { "香港", "HK" },
        { "Россия", "RU" }, { "Україна", "UA" }, { "საქართველო", "GE" }, { "Oʻzbekiston", "UZ" }, { "România", "RO" }, { "България", "BG" },
        { "Ελλάδα", "GR" }, { "Türkiye Cumhuriyeti", "TR" }, { "Pilipinas", "PH" }, { "Madagasikara", "MG" }, { "St. Martin", "MF" }, { "Sint Maarten", "SX" },
    };

    [Theory]
    [MemberData(nameof(Spellings))]
    public void A_country_written_as_people_write_it_is_read_as_its_ISO_code(string written, string code)
    {
        Assert.Equal(code, Countries.FromCodeOrName(written));
    }

    [Fact]
    public void The_table_of_spellings_is_large_enough_to_mean_something()
    {
        Assert.True(Spellings.Count >= 150, $"{Spellings.Count} spellings");
    }

    [Theory]
    [InlineData("Congo")]
    [InlineData("CONGO")]
    [InlineData("The Congo")]
    [InlineData("Korea")]
    [InlineData("Virgin Islands")]
    public void A_name_that_could_mean_two_countries_is_refused_and_the_refusal_names_both(string written)
    {
        Assert.Null(Countries.FromCodeOrName(written));
        var refusal = Countries.Refusal(written);
        Assert.Contains("could be", refusal, StringComparison.Ordinal);
        Assert.Contains("give the ISO code", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Congo_refusal_names_both_Congos_by_code()
    {
        var refusal = Countries.Refusal("Congo");

        Assert.Contains("(CG)", refusal, StringComparison.Ordinal);
        Assert.Contains("(CD)", refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("ZZ")]
    [InlineData("EU")]
    [InlineData("CS")]
    [InlineData("Atlantis")]
    [InlineData("Dhaka")]
    [InlineData("Dhaka, Bangladesh")]
    [InlineData("America")]
    [InlineData("Europe")]
    [InlineData("Ban gla")]
    [InlineData("-")]
    [InlineData("n/a")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Anything_else_is_refused_rather_than_guessed(string? written)
    {
        Assert.Null(Countries.FromCodeOrName(written));
    }

    [Fact]
    public void An_unknown_name_is_refused_with_the_spellings_that_are_accepted()
    {
        var refusal = Countries.Refusal("Atlantis");

        Assert.Equal("'Atlantis' is not a country we know: give an ISO code such as BD or BGD, or the country's name such as Bangladesh.", refusal);
    }

    [Fact]
    public void Only_the_documented_names_are_ambiguous()
    {
        var ambiguous = CountryNames.AmbiguousKeys().ToList();

        Assert.Equal(["congo", "kongo", "korea", "virginislands"], ambiguous.Select(a => a.Key).Order(StringComparer.Ordinal));
        Assert.All(ambiguous, a => Assert.Equal(2, a.Codes.Length));
    }

    [Fact]
    public void Every_ISO_country_is_known_by_code_and_by_its_English_name()
    {
        var codes = CountryNames.Codes;

        Assert.Equal(250, codes.Count); // the 249 of ISO 3166-1 and Kosovo
        Assert.All(codes, code => Assert.True(Countries.IsKnown(code), code));
        Assert.All(codes.Where(c => c != "EH"), code => Assert.Equal(code, Countries.FromCodeOrName(Countries.NameOf(code))));
    }

    [Theory]
    [InlineData("bd", "BD")]
    [InlineData(" vn ", "VN")]
    [InlineData("XK", "XK")]
    public void A_country_code_field_still_takes_a_code(string written, string code)
    {
        Assert.Equal(code, Countries.Valid(written));
    }

    [Theory]
    [InlineData("Bangladesh")]
    [InlineData("BGD")]
    [InlineData("CS")]
    public void A_country_code_field_refuses_what_is_not_an_alpha_2_code(string written)
    {
        var refusal = Assert.Throws<CommonThread.Web.Platform.Errors.RuleViolation>(() => Countries.Valid(written));
        Assert.Equal("countryCode", refusal.Field);
    }

    [Fact]
    public void The_index_is_built_once_and_a_lookup_is_fast()
    {
        Countries.FromCodeOrName("Viet Nam");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 10_000; i++)
        {
            Assert.Equal("KR", Countries.FromCodeOrName("Korea, Republic of"));
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"10,000 lookups took {clock.Elapsed}");
    }
}
