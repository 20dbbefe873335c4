namespace CommonThread.Matching;

/// <summary>
/// The legal forms of the producing countries, as they read once folded and once letters written
/// with dots or spaces are joined (S.A. de C.V. → "sa de cv", d.o.o. → "doo", A.Ş. → "as"). They say
/// what kind of legal person a facility is, never which one, so the normaliser drops them. Kept per
/// country or language so a missing one is easy to spot; matching uses them all, because a factory's
/// name is often written with a foreign or parent company's form.
/// </summary>
internal static class LegalForms
{
    private static readonly string[] LatinAmerica =
    [
        "sa", "sa de cv", "s de rl", "s de rl de cv", "sapi", "sapi de cv", "sab de cv", "s en c", "s en cs", "sc", "sas", "sac", "saa",
        "srl", "eirl", "ltda", "eireli", "me", "epp", "cia", "y cia", "cia ltda", "sociedad anonima", "sociedad anonima de capital variable",
        "sociedad de responsabilidad limitada", "sociedade limitada", "sociedade anonima",
    ];

    private static readonly string[] Europe =
    [
        "srl", "sarl", "sarlau", "sarl au", "sas", "sasu", "eurl", "snc", "sa", "spa", "sl", "slu", "sro", "spol sro", "as", "doo", "dd", "ood",
        "eood", "ad", "ead", "sp zoo", "zoo", "sp", "spj", "zrt", "nyrt", "kft", "bt", "oy", "oyj", "ab", "aps", "gmbh", "gmbh co kg", "ug",
        "kg", "ohg", "ag", "bv", "nv", "vof", "bvba", "sprl", "lda", "unipessoal", "unipessoal lda", "ae", "epe", "ike", "ooo", "oao", "zao",
        "pao", "tov", "plc", "ltd", "limited",
    ];

    private static readonly string[] Turkiye =
    [
        "as", "ltd sti", "sti", "anonim sirketi", "limited sirketi", "san ve tic", "san tic", "san", "tic", "sanayi ve ticaret",
        "ve", "ticaret ltd sti", "tic ltd sti", "tic as", "san ve tic as", "san ve tic ltd sti",
    ];

    private static readonly string[] AfricaAndMiddleEast =
    [
        "sae", "llc", "fze", "fzco", "fzc", "fz llc", "wll", "psc", "plc", "share company", "sc", "pty", "pty ltd",
    ];

    private static readonly string[] SouthAndSouthEastAsia =
    [
        "pvt", "pvt ltd", "private", "private limited", "p ltd", "llp", "opc", "opc pvt ltd", "pt", "tbk", "pt tbk", "persero", "cv", "ud",
        "sdn", "bhd", "sdn bhd", "sendirian berhad", "berhad", "pte", "pte ltd", "co", "co ltd", "company", "company limited",
        "public company limited", "public co ltd", "public company", "pcl", "inc", "incorporated", "corp", "corporation", "llc", "jsc", "ojsc", "cjsc",
        "cong ty", "tnhh", "cong ty tnhh", "cp", "co phan", "cong ty co phan", "ctcp", "tong cong ty", "tong cong ty co phan", "mtv", "tnhh mtv", "mot thanh vien",
        "hkd", "dntn", "doanh nghiep tu nhan",
    ];

    private static readonly string[] EnglishAndJoiningWords =
    [
        "the", "and", "of", "joint", "stock", "joint stock", "joint stock company", "holding", "holdings", "group",
    ];

    // Written in their own scripts: compared after the same folding as names, so marks and Hangul jamo line up.
    private static readonly string[] LocalScripts =
    [
        "有限公司", "股份有限公司", "有限责任公司", "有限責任公司", "公司", "厂", "廠", "集团", "集團", // Chinese
        "株式会社", "有限会社", "주식회사", "유한회사", // Japanese, Korean
        "লিমিটেড", "প্রাইভেট", "প্রাইভেট লিমিটেড", // Bengali
        "प्राइवेट", "लिमिटेड", "प्राइवेट लिमिटेड", "پرائیویٹ", "لمیٹڈ", "پرائیویٹ لمیٹڈ", // Hindi, Urdu
        "ក្រុមហ៊ុន", "ឯកជន", "ទទួលខុសត្រូវមានកម្រិត", // Khmer
        "บริษัท", "จำกัด", "มหาชน", // Thai
        "ကုမ္ပဏီ", "လီမိတက်", // Burmese
        "شركة", "ذمم", "شمم", "المحدودة", // Arabic
        "ኃላፊነቱ የተወሰነ የግል ማህበር", "ኃ የተ የግ ማ", "ኃላ የተ የግ ማ", "አክሲዮን ማህበር", "አ ማ", "ኃ የተ", // Amharic: PLC and share company, in full and abbreviated
        "ооо", "ооод", "еоод", "ад", // Cyrillic, transliterated by folding
    ];

    /// <summary>
    /// Forms that scripts without spaces (Chinese, Japanese, Thai, Khmer) glue to the name: 广州华美服装有限公司.
    /// Stripped from the start or end of a word, longest first.
    /// </summary>
    private static readonly string[] GluedForms =
    [
        "股份有限公司", "有限责任公司", "有限責任公司", "有限公司", "公司", "集团", "集團", "厂", "廠", "株式会社", "有限会社",
        "ក្រុមហ៊ុន", "ឯកជន", "บริษัท", "จำกัด",
    ];

    /// <summary>Every form as its folded words joined by one space.</summary>
    internal static readonly HashSet<string> Phrases = LatinAmerica.Concat(Europe).Concat(Turkiye).Concat(AfricaAndMiddleEast)
        .Concat(SouthAndSouthEastAsia).Concat(EnglishAndJoiningWords).Concat(LocalScripts)
        .Select(TextFolding.Fold).Where(p => p.Length > 0).ToHashSet(StringComparer.Ordinal);

    internal static readonly int LongestPhrase = Phrases.Max(p => p.Count(c => c == ' ') + 1);

    /// <summary>First words of the forms of more than one word: only at these is a longer phrase looked for.</summary>
    internal static readonly HashSet<string> PhraseStarts = Phrases.Where(p => p.Contains(' ', StringComparison.Ordinal))
        .Select(p => p[..p.IndexOf(' ', StringComparison.Ordinal)]).ToHashSet(StringComparer.Ordinal);

    internal static readonly string[] Glued = [.. GluedForms.Select(TextFolding.Fold).OrderByDescending(f => f.Length)];
}
