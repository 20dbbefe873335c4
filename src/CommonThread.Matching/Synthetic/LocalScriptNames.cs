using System.Globalization;
using System.Text;

namespace CommonThread.Matching.Synthetic;

/// <summary>
/// Facilities registered under their local-script names — Chinese, Bengali, Thai, Khmer, Vietnamese, Arabic, Amharic —
/// as national registries and local suppliers' lists keep them. Rows spell them as other lists do: the legal form glued
/// to the name or spaced off (华美服装有限公司 / 华美服装 有限公司, บริษัท…จำกัด), abbreviated (লিঃ, ش م م), dropped or in
/// English; Vietnamese typed without its diacritics; Chinese brackets and digits full-width or half-width. Half the
/// rows are such copies; the other half other local-script names at other addresses, with the same trade and form.
/// </summary>
public static class LocalScriptNames
{
    private sealed record Script(
        string Country,
        Func<Random, string> Name,
        Func<string, Random, string> Registered,
        Func<string, Random, string> Written,
        Func<SyntheticFacilities, Random, string> Address,
        Func<string, Random, string> AddressWritten);

    private static readonly string[] HanNameChars = ["华", "美", "兴", "达", "盛", "丰", "利", "源", "嘉", "宏", "鑫", "恒", "泰", "昌", "隆", "福", "祥", "瑞", "新", "金", "永", "顺", "发", "荣", "通", "和", "佳", "德", "信", "安"];
    private static readonly string[] HanTrades = ["服装", "针织", "制衣", "纺织", "服饰", "时装", "织造", "印染"];
    private static readonly string[] HanPlaces = ["广东省东莞市", "浙江省宁波市", "江苏省苏州市", "福建省泉州市", "山东省青岛市", "广东省广州市"];
    private static readonly string[] BengaliSyllables = ["র", "হি", "ম", "কা", "মা", "লা", "সু", "দে", "বী", "নূ", "জা", "তা", "রু", "পা", "শা", "হা", "খা", "না", "বা", "কো"];
    private static readonly string[] BengaliTrades = ["গার্মেন্টস", "নিটওয়্যার", "অ্যাপারেলস", "টেক্সটাইল", "ফ্যাশন"];
    private static readonly string[] ThaiSyllables = ["สุ", "ขุม", "วิท", "ชัย", "ศรี", "ทอง", "มงคล", "เจริญ", "พัฒนา", "รุ่ง", "เรือง", "กิจ", "สิน", "ไทย", "ราช", "นคร", "ประ", "เสริฐ", "บุญ", "ยิ่ง"];
    private static readonly string[] ThaiTrades = ["การ์เมนท์", "สิ่งทอ", "แฟชั่น", "เท็กซ์ไทล์", "นิตติ้ง"];
    private static readonly string[] KhmerSyllables = ["សុខ", "សែន", "ចាន់", "ពេជ្រ", "រស្មី", "មាស", "ស្រី", "ពៅ", "វណ្ណ", "ធារ៉ា", "គឹម", "ហេង", "លី", "ម៉េង", "សុភ", "ភ័ក្ត្រ", "ដារ៉ា", "បុប្ផា"];
    private static readonly string[] KhmerTrades = ["កាត់ដេរ", "វាយនភណ្ឌ", "សម្លៀកបំពាក់"];
    private static readonly string[] VietSyllables = ["Phú", "Thành", "Hưng", "Việt", "Đức", "Minh", "Long", "Hòa", "Thịnh", "Phát", "Tiến", "Bình", "Khang", "Quang", "Nguyên", "Hải", "Sơn", "Tân", "Phước", "Lộc", "Trường", "Gia", "Hoàng", "Kim"];
    private static readonly string[] VietTrades = ["May Mặc", "Dệt May", "Thời Trang", "May", "Dệt Kim", "Sợi"];
    private static readonly string[] VietForms = ["Công ty TNHH", "Công ty Cổ phần", "Công ty TNHH MTV"];
    private static readonly string[] ArabicSyllables = ["را", "مي", "سو", "لا", "نو", "كا", "بي", "تو", "دا", "في", "حا", "زي", "عو", "جا", "شي"];
    private static readonly string[] ArabicFamilies = ["المصري", "الحسيني", "العطار", "الشامي", "النجار", "الحداد", "السيد", "الخطيب", "البنا", "الزيات", "النور", "الأمل", "الفجر", "السلام", "النيل"];
    private static readonly string[] ArabicTrades = ["للملابس الجاهزة", "للغزل والنسيج", "للملابس", "للتريكو"];
    private static readonly string[] EthiopicSyllables = ["አ", "በ", "ገ", "ደ", "ለ", "መ", "ሰ", "ተ", "ከ", "ወ", "ዘ", "የ", "ጀ", "ጠ", "ፈ", "ቡ", "ሙ", "ሩ", "ሳ", "ሻ", "ቴ", "ኔ", "ዳ", "ማ", "ካ", "ላ"];
    private static readonly string[] EthiopicTrades = ["ጨርቃጨርቅ", "ልብስ ስፌት", "ጋርመንት"];

    private static readonly Script[] Scripts =
    [
        // Chinese: no spaces, the legal form glued on, brackets and digits full-width in one list and not the other.
        new("CN", r => Pick(r, HanNameChars) + Pick(r, HanNameChars) + (r.Next(3) == 0 ? Pick(r, HanNameChars) : "") + Pick(r, HanTrades),
            (n, r) => $"{n}{Pick(r, ["有限公司", "有限责任公司", "股份有限公司"])}",
            (n, r) => r.Next(5) switch
            {
                0 => $"{n} 有限公司",
                1 => n,
                2 => $"{n} Co., Ltd.",
                3 => FullWidth($"{n}有限公司"),
                _ => $"{n}（{Pick(r, ["东莞", "宁波", "苏州"])}）有限公司",
            },
            (d, r) => $"{Pick(r, HanPlaces)}{Pick(r, HanNameChars)}{Pick(r, HanNameChars)}路{r.Next(1, 400)}号",
            (a, r) => r.Next(2) == 0 ? FullWidth(a) : a),
        // Bengali: spaced words; লিমিটেড is abbreviated লিঃ, dropped or written in English.
        new("BD", r => $"{Word(r, BengaliSyllables, 2, 3)} {Word(r, BengaliSyllables, 2, 3)} {Pick(r, BengaliTrades)}",
            (n, r) => $"{n} {Pick(r, ["লিমিটেড", "প্রাইভেট লিমিটেড"])}",
            (n, r) => r.Next(4) switch { 0 => $"{n} লিঃ", 1 => n, 2 => $"{n} Ltd.", _ => $"{n} লিমিটেড" },
            (d, _) => d.NewAddress(), (a, _) => a),
        // Thai: no spaces inside the name; บริษัท … จำกัด around it, glued or spaced or dropped.
        new("TH", r => Word(r, ThaiSyllables, 2, 3) + Pick(r, ThaiTrades),
            (n, r) => r.Next(4) == 0 ? $"บริษัท {n} จำกัด (มหาชน)" : $"บริษัท {n} จำกัด",
            (n, r) => r.Next(4) switch { 0 => $"บริษัท{n}จำกัด", 1 => n, 2 => $"{n} จำกัด", _ => $"บริษัท {n} จำกัด" },
            (d, _) => d.NewAddress(), (a, _) => a),
        // Khmer: ក្រុមហ៊ុន (company) first, glued or not; ឯ.ក (single-member) or the English form after.
        new("KH", r => Word(r, KhmerSyllables, 2, 3) + " " + Pick(r, KhmerTrades),
            (n, r) => $"ក្រុមហ៊ុន {n} {Pick(r, ["ឯ.ក", "ខូអិលធីឌី"])}",
            (n, r) => r.Next(4) switch { 0 => $"ក្រុមហ៊ុន{n}", 1 => n, 2 => $"{n} Co., Ltd.", _ => $"ក្រុមហ៊ុន {n} ឯ.ក" },
            (d, _) => d.NewAddress(), (a, _) => a),
        // Vietnamese: the form first; lists type it without diacritics, in capitals, or as "Co., Ltd" after the name.
        new("VN", r => $"{Pick(r, VietTrades)} {Pick(r, VietSyllables)} {Pick(r, VietSyllables)}{(r.Next(3) == 0 ? " " + Pick(r, VietSyllables) : "")}",
            (n, r) => $"{Pick(r, VietForms)} {n}",
            (n, r) => r.Next(4) switch
            {
                0 => WithoutDiacritics($"Công ty TNHH {n}"),
                1 => $"CÔNG TY TNHH {n}".ToUpper(CultureInfo.GetCultureInfo("vi-VN")),
                2 => $"{WithoutDiacritics(n)} Co., Ltd",
                _ => $"Cty TNHH {n}",
            },
            (d, r) => $"Số {r.Next(1, 400)}, Đường {Pick(r, VietSyllables)} {Pick(r, VietSyllables)}, Phường {r.Next(1, 20)}, Quận {Pick(r, ["Tân Bình", "Bình Tân", "Gò Vấp", "Thủ Đức", "Tân Phú"])}, TP. Hồ Chí Minh",
            (a, r) => r.Next(2) == 0 ? WithoutDiacritics(a) : a),
        // Arabic (Egypt, Jordan): شركة first, the LLC abbreviation last with dots, spaces or not at all.
        new("EG", r => $"{Word(r, ArabicSyllables, 2, 3)} {Pick(r, ArabicFamilies)} {Pick(r, ArabicTrades)}",
            (n, r) => $"شركة {n} ش.م.م",
            (n, r) => r.Next(4) switch { 0 => $"{n} ش م م", 1 => n, 2 => $"شركة {n}", _ => $"{n} ش.م.م." },
            (d, _) => d.NewAddress(), (a, _) => a),
        new("JO", r => $"{Word(r, ArabicSyllables, 2, 3)} {Pick(r, ArabicFamilies)} {Pick(r, ArabicTrades)}",
            (n, r) => $"شركة {n} ذ.م.م",
            (n, r) => r.Next(4) switch { 0 => $"{n} ذ م م", 1 => n, 2 => $"شركة {n} LLC", _ => $"{n} ذ.م.م." },
            (d, _) => d.NewAddress(), (a, _) => a),
        // Amharic: the PLC abbreviation ኃ/የተ/የግ/ማ with slashes, dots, spelled out or in English.
        new("ET", r => $"{Word(r, EthiopicSyllables, 2, 4)} {Pick(r, EthiopicTrades)}",
            (n, r) => $"{n} {Pick(r, ["ኃ/የተ/የግ/ማ", "አ.ማ"])}",
            (n, r) => r.Next(4) switch { 0 => $"{n} ኃ.የተ.የግ.ማ", 1 => n, 2 => $"{n} PLC", _ => $"{n} ኃላፊነቱ የተወሰነ የግል ማህበር" },
            (d, _) => d.NewAddress(), (a, _) => a),
    ];

    public static NoiseLine Make(SyntheticFacilities data, int count, int seed = 188)
    {
        var random = new Random(seed);
        var used = data.LocalNamesDrawn;
        var registry = new List<FacilityRecord>(count / 2 + 1);
        var rows = new List<LabelledRow>(count);
        for (var i = 0; i < count; i++)
        {
            var script = Scripts[i / 2 % Scripts.Length];
            var name = FreshName(script, used, random);
            var address = script.Address(data, random);
            if (i % 2 == 0)
            {
                var facility = new FacilityRecord($"LS{i}", script.Registered(name, random), address, script.Country);
                registry.Add(facility);
                rows.Add(new(new($"loc{i}", script.Written(name, random), script.AddressWritten(address, random), script.Country), facility.Id));
            }
            else
            {
                rows.Add(new(new($"loc{i}", script.Written(name, random), script.AddressWritten(address, random), script.Country), null));
            }
        }

        return new("local-script names", registry, rows);
    }

    /// <summary>
    /// A name not drawn before in its country in any spelling a list could turn it into (see <see cref="Keys"/>): a
    /// negative is then never a registry name reordered, typed without its accents or a typo away ("Sơn Thành" /
    /// "Thanh Son", "Thành Lộc" / "Thinh Loc"), which no one could call a different firm from the name alone.
    /// </summary>
    private static string FreshName(Script script, HashSet<string> used, Random random)
    {
        for (var attempt = 0; attempt < 1_000; attempt++)
        {
            var name = script.Name(random);
            var keys = Keys(script.Country, name).ToList();
            if (keys.All(k => !used.Contains(k)))
            {
                used.UnionWith(keys);
                return name;
            }
        }

        throw new InvalidOperationException($"No fresh {script.Country} name left: the syllable pools are too small for this many rows.");
    }

    /// <summary>
    /// The letters in any order; and for names of several words, the words in any order with one letter deleted from
    /// one of them — two names a one-letter typo apart (a letter changed, dropped, added or swapped) share such a key.
    /// Names without spaces (Chinese, Thai) are told apart by their letters alone: one character there is a different word.
    /// </summary>
    private static IEnumerable<string> Keys(string country, string name)
    {
        var folded = WithoutDiacritics(name).ToLowerInvariant();
        yield return $"{country}|{string.Concat(folded.Where(c => c != ' ').Order())}";
        var words = folded.Split(' ');
        if (words.Length < 2)
        {
            yield break;
        }

        yield return $"{country}|{string.Join(' ', words.Order(StringComparer.Ordinal))}";
        for (var i = 0; i < words.Length; i++)
        {
            for (var cut = 0; cut < words[i].Length; cut++)
            {
                var shortened = words.Select((w, j) => j == i ? w.Remove(cut, 1) : w).Order(StringComparer.Ordinal);
                yield return $"{country}|{string.Join(' ', shortened)}";
            }
        }
    }

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];

    private static string Word(Random random, string[] syllables, int min, int max) =>
        string.Concat(Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => Pick(random, syllables)));

    /// <summary>Vietnamese as typed on a keyboard without its input method: "Công ty Đức" → "Cong ty Duc".</summary>
    internal static string WithoutDiacritics(string text)
    {
        var decomposed = text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD);
        return new string([.. decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)]).Normalize(NormalizationForm.FormC);
    }

    /// <summary>ASCII letters, digits and brackets as Chinese input methods type them (１２３, （）).</summary>
    internal static string FullWidth(string text) =>
        new([.. text.Select(c => c is > ' ' and <= '~' ? (char)(c - '!' + '！') : c)]);
}
