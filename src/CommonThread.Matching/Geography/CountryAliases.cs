namespace CommonThread.Matching.Geography;

/// <summary>
/// The countries of ISO 3166-1 (and Kosovo, XK, which Open Supply Hub and the EU use) with the names people write
/// for them in facility lists: UN formal names, ISO short names, former and short forms, and local names in the
/// producing countries that ICU's region names do not already give. ICU adds its English name, the native name of
/// every culture of the country and the alpha-3 code, so they need not be repeated here.
/// </summary>
/// <remarks>
/// One line a country: the alpha-2 code, a colon, the aliases separated by semicolons. Case, accents, punctuation,
/// spaces, a leading "the" and the "Korea, Republic of" inversion are ignored when comparing, so "Viet Nam" covers
/// "VIET-NAM" and "Cote d'Ivoire" covers "Côte d’Ivoire". A name that could mean two countries stays out of this
/// table and is listed in <see cref="Ambiguous"/>, so it is refused rather than guessed.
/// </remarks>
public static class CountryAliases
{
    /// <summary>
    /// Names refused because they mean more than one country. "Congo" is the ISO short name of CG, but in facility
    /// lists it as often means the Democratic Republic (CD): we ask for the code rather than guess. "Korea" alone
    /// could be either Korea; "Virgin Islands" either group. "Guinea" is Guinea (GN), "Saint Martin" the French part (MF,
    /// as ISO and ICU name it; the Dutch part is Sint Maarten) and "Georgia" the country (GE: a country column holds no US
    /// states), so they stay accepted.
    /// </summary>
    public const string Ambiguous = """
        Congo: CG CD
        Kongo: CG CD
        Korea: KR KP
        Virgin Islands: VG VI
        """;

    public const string Table = """
        AD: Principality of Andorra
        AE: UAE; U.A.E.; Emirates; The Emirates; Arab Emirates; دولة الإمارات العربية المتحدة; الإمارات
        AF: Islamic Republic of Afghanistan; Islamic Emirate of Afghanistan; افغانستان
        AG: Antigua and Barbuda
        AI: Anguilla
        AL: Republic of Albania; Shqipëria; Shqiperia
        AM: Republic of Armenia; Հայաստան; Hayastan
        AO: Republic of Angola
        AQ: Antarctica
        AR: Argentine Republic; Republica Argentina; Argentine
        AS: American Samoa
        AT: Republic of Austria; Österreich
        AU: Commonwealth of Australia
        AW: Aruba
        AX: Aland Islands; Aland; Åland
        AZ: Republic of Azerbaijan; Azərbaycan
        BA: Bosnia and Herzegovina; Bosnia; Bosnia-Herzegovina; Bosna i Hercegovina; Босна и Херцеговина; BiH
        BB: Barbados
        BD: People's Republic of Bangladesh; Bangla Desh; গণপ্রজাতন্ত্রী বাংলাদেশ; বাংলাদেশ
        BE: Kingdom of Belgium; Belgique; België; Belgien
        BF: Burkina; Upper Volta
        BG: Republic of Bulgaria; България; Balgariya
        BH: Kingdom of Bahrain; البحرين
        BI: Republic of Burundi
        BJ: Republic of Benin; Dahomey
        BL: Saint Barthélemy; Saint Barthelemy; St Barts
        BM: Bermuda
        BN: Brunei Darussalam; Negara Brunei Darussalam
        BO: Plurinational State of Bolivia; Estado Plurinacional de Bolivia
        BQ: Bonaire, Sint Eustatius and Saba; Bonaire; Caribbean Netherlands; BES Islands
        BR: Federative Republic of Brazil; Brasil; República Federativa do Brasil
        BS: Commonwealth of the Bahamas; Bahamas
        BT: Kingdom of Bhutan; འབྲུག
        BV: Bouvet Island
        BW: Republic of Botswana
        BY: Republic of Belarus; Belarus; Беларусь; Byelorussia; Belorussia
        BZ: Belize
        CA: Canada
        CC: Cocos (Keeling) Islands; Cocos Islands; Keeling Islands
        CD: Democratic Republic of the Congo; DR Congo; D.R. Congo; DRC; Congo DR; Congo (Democratic Republic); Congo (Kinshasa); Congo-Kinshasa; Zaire; République démocratique du Congo; RDC
        CF: Central African Republic; République centrafricaine; Centrafrique
        CG: Republic of the Congo; Congo Republic; Congo (Brazzaville); Congo-Brazzaville; République du Congo
        CH: Swiss Confederation; Schweiz; Suisse; Svizzera; Confoederatio Helvetica
        CI: Côte d'Ivoire; Cote d'Ivoire; Ivory Coast; Republic of Côte d'Ivoire; Cote dIvoire
        CK: Cook Islands
        CL: Republic of Chile
        CM: Republic of Cameroon; Cameroun
        CN: People's Republic of China; China, People's Republic of; PRC; P.R. China; PR China; China PR; Mainland China; China (Mainland); Chinese Mainland; 中国; 中國; 中华人民共和国; 中華人民共和國; Zhongguo; Zhonghua Renmin Gongheguo
        CO: Republic of Colombia
        CR: Republic of Costa Rica
        CU: Republic of Cuba
        CV: Cabo Verde; Cape Verde; Republic of Cabo Verde
        CW: Curaçao; Curacao
        CX: Christmas Island
        CY: Republic of Cyprus; Κύπρος; Kıbrıs
        CZ: Czech Republic; Czechia; Česká republika; Česko; Czech
        DE: Federal Republic of Germany; Deutschland; Bundesrepublik Deutschland; West Germany
        DJ: Republic of Djibouti
        DK: Kingdom of Denmark; Danmark
        DM: Commonwealth of Dominica
        DO: Dominican Republic; República Dominicana; Dominican Rep.
        DZ: People's Democratic Republic of Algeria; Algérie; الجزائر
        EC: Republic of Ecuador
        EE: Republic of Estonia; Eesti
        EG: Arab Republic of Egypt; Egypt; Misr; Masr; جمهورية مصر العربية; مصر
        EH: ESH; Western Sahara; Sahrawi Arab Democratic Republic; الصحراء الغربية
        ER: State of Eritrea; ኤርትራ
        ES: Kingdom of Spain; España; Espana
        ET: Federal Democratic Republic of Ethiopia; ኢትዮጵያ; የኢትዮጵያ ፌዴራላዊ ዴሞክራሲያዊ ሪፐብሊክ; Ityopya
        FI: Republic of Finland; Suomi
        FJ: Republic of Fiji
        FK: Falkland Islands (Malvinas); Falkland Islands; Falklands; Malvinas
        FM: Micronesia; Federated States of Micronesia
        FO: Faroe Islands; Faroes; Føroyar
        FR: French Republic; République française
        GA: Gabonese Republic; Gabon
        GB: United Kingdom of Great Britain and Northern Ireland; UK; U.K.; Great Britain; Britain; GB; England; Scotland; Wales; Northern Ireland; United Kingdom (UK)
        GD: Grenada
        GE: Georgia; საქართველო; Sakartvelo
        GF: French Guiana; Guyane
        GG: Guernsey
        GH: Republic of Ghana
        GI: Gibraltar
        GL: Greenland; Kalaallit Nunaat
        GM: Republic of the Gambia; Gambia
        GN: Republic of Guinea; Guinée; Guinea-Conakry
        GP: Guadeloupe
        GQ: Republic of Equatorial Guinea; Guinea Ecuatorial
        GR: Hellenic Republic; Hellas; Ελλάδα; Ellada
        GS: South Georgia and the South Sandwich Islands; South Georgia
        GT: Republic of Guatemala; República de Guatemala
        GU: Guam
        GW: Republic of Guinea-Bissau; Guinea Bissau
        GY: Co-operative Republic of Guyana
        HK: Hong Kong; Hong Kong SAR; Hong Kong, China; Hong Kong SAR, China; Hongkong; HKSAR; 香港; 中國香港
        HM: Heard Island and McDonald Islands
        HN: Republic of Honduras; República de Honduras
        HR: Republic of Croatia; Hrvatska
        HT: Republic of Haiti; Haïti; Ayiti
        HU: Hungary; Magyarország; Magyarorszag
        ID: Republic of Indonesia; Republik Indonesia; Indonesia
        IE: Ireland; Republic of Ireland; Éire; Eire
        IL: State of Israel; ישראל; Israel
        IM: Isle of Man
        IN: Republic of India; Bharat; Hindustan; भारत; भारत गणराज्य; Bhārat
        IO: British Indian Ocean Territory; Chagos Islands
        IQ: Republic of Iraq; العراق
        IR: Islamic Republic of Iran; Iran (Islamic Republic of); Persia; ایران
        IS: Iceland; Ísland
        IT: Italian Republic; Italia
        JE: Jersey
        JM: Jamaica
        JO: Hashemite Kingdom of Jordan; الأردن
        JP: Japan; Nippon; Nihon; 日本
        KE: Republic of Kenya
        KG: Kyrgyz Republic; Kyrgyzstan; Kirghizia; Kyrgyzia
        KH: Kingdom of Cambodia; Kampuchea; Cambodge; កម្ពុជា; ព្រះរាជាណាចក្រកម្ពុជា; Preah Reach Anachak Kampuchea
        KI: Republic of Kiribati
        KM: Union of the Comoros; Comoros
        KN: Saint Kitts and Nevis; St Kitts and Nevis; St. Kitts
        KP: Democratic People's Republic of Korea; Korea, Democratic People's Republic of; North Korea; DPRK; Korea (North); Korea, North; 조선
        KR: Republic of Korea; Korea, Republic of; South Korea; Korea (South); Korea, South; Korea Republic; ROK; 대한민국; 한국; Hanguk
        KW: State of Kuwait; الكويت
        KY: Cayman Islands
        KZ: Republic of Kazakhstan; Қазақстан; Казахстан
        LA: Lao People's Democratic Republic; Lao PDR; Laos; Lao; ລາວ; ສປປ ລາວ
        LB: Lebanese Republic; Lebanon; لبنان
        LC: Saint Lucia
        LI: Principality of Liechtenstein
        LK: Democratic Socialist Republic of Sri Lanka; Sri Lanka; Ceylon; ශ්‍රී ලංකාව; இலங்கை; Sri Lanka Prajatantrika Samajavadi Janarajaya
        LR: Republic of Liberia
        LS: Kingdom of Lesotho
        LT: Republic of Lithuania; Lietuva
        LU: Grand Duchy of Luxembourg
        LV: Republic of Latvia; Latvija
        LY: State of Libya; Libya; Libyan Arab Jamahiriya; ليبيا
        MA: Kingdom of Morocco; Maroc; المغرب; المملكة المغربية; ⵍⵎⵖⵔⵉⴱ; Al-Maghrib
        MC: Principality of Monaco
        MD: Republic of Moldova; Moldova, Republic of; Moldova; Moldavia
        ME: Montenegro; Crna Gora; Црна Гора
        MF: Saint Martin (French part); Saint Martin; Collectivity of Saint Martin
        MG: Republic of Madagascar; Madagasikara
        MH: Republic of the Marshall Islands
        MK: North Macedonia; Republic of North Macedonia; Macedonia; Former Yugoslav Republic of Macedonia; FYROM; Северна Македонија; Македонија
        ML: Republic of Mali
        MM: Myanmar; Burma; Republic of the Union of Myanmar; Union of Myanmar; Myanma; မြန်မာ; မြန်မာနိုင်ငံ; ပြည်ထောင်စု သမ္မတ မြန်မာနိုင်ငံတော်
        MN: Mongolia; Монгол Улс
        MO: Macao; Macau; Macao SAR; Macau SAR; Macao, China; Macao SAR, China; 澳門; 澳门
        MP: Northern Mariana Islands; Commonwealth of the Northern Mariana Islands
        MQ: Martinique
        MR: Islamic Republic of Mauritania; Mauritanie; موريتانيا
        MS: Montserrat
        MT: Republic of Malta
        MU: Republic of Mauritius; Maurice
        MV: Republic of Maldives; Maldives; ދިވެހިރާއްޖެ
        MW: Republic of Malawi
        MX: United Mexican States; Estados Unidos Mexicanos; México; Mejico
        MY: Malaysia; مليسيا
        MZ: Republic of Mozambique; Moçambique
        NA: Republic of Namibia
        NC: New Caledonia; Nouvelle-Calédonie
        NE: Republic of the Niger; Niger
        NF: Norfolk Island
        NG: Federal Republic of Nigeria
        NI: Republic of Nicaragua; República de Nicaragua
        NL: Kingdom of the Netherlands; Netherlands; The Netherlands; Holland; Nederland
        NO: Kingdom of Norway; Norge; Noreg
        NP: Federal Democratic Republic of Nepal; नेपाल
        NR: Republic of Nauru
        NU: Niue
        NZ: New Zealand; Aotearoa
        OM: Sultanate of Oman; عمان
        PA: Republic of Panama; Panamá
        PE: Republic of Peru; Perú
        PF: French Polynesia; Polynésie française
        PG: Independent State of Papua New Guinea; PNG
        PH: Republic of the Philippines; Philippines; Pilipinas; Filipinas; Phillipines
        PK: Islamic Republic of Pakistan; پاکستان; اسلامی جمہوریہ پاکستان
        PL: Republic of Poland; Polska
        PM: Saint Pierre and Miquelon
        PN: Pitcairn; Pitcairn Islands
        PR: Puerto Rico
        PS: State of Palestine; Palestine; Palestine, State of; Occupied Palestinian Territory; Palestinian Territories; فلسطين; West Bank; Gaza; Gaza Strip
        PT: Portuguese Republic; República Portuguesa
        PW: Republic of Palau
        PY: Republic of Paraguay
        QA: State of Qatar; قطر
        RE: Réunion; Reunion; La Réunion
        RO: Romania; România; Rumania; Roumania
        RS: Republic of Serbia; Srbija; Србија
        RU: Russian Federation; Russia; Россия; Российская Федерация; Rossiya
        RW: Republic of Rwanda
        SA: Kingdom of Saudi Arabia; KSA; Saudi; المملكة العربية السعودية; السعودية
        SB: Solomon Islands
        SC: Republic of Seychelles
        SD: Republic of the Sudan; Sudan; السودان
        SE: Kingdom of Sweden; Sverige
        SG: Republic of Singapore; 新加坡; Singapura; சிங்கப்பூர்
        SH: Saint Helena, Ascension and Tristan da Cunha; Saint Helena
        SI: Republic of Slovenia; Slovenija
        SJ: Svalbard and Jan Mayen; Svalbard
        SK: Slovak Republic; Slovakia; Slovensko; Slovenská republika
        SL: Republic of Sierra Leone
        SM: Republic of San Marino
        SN: Republic of Senegal; Sénégal
        SO: Federal Republic of Somalia; Soomaaliya; الصومال
        SR: Republic of Suriname; Surinam
        SS: Republic of South Sudan
        ST: Sao Tome and Principe; São Tomé and Príncipe; Democratic Republic of Sao Tome and Principe
        SV: Republic of El Salvador; El Salvador
        SX: Sint Maarten (Dutch part); Sint Maarten
        SY: Syrian Arab Republic; Syria; سوريا; الجمهورية العربية السورية
        SZ: Kingdom of Eswatini; Eswatini; Swaziland; Kingdom of Swaziland
        TC: Turks and Caicos Islands
        TD: Republic of Chad; Tchad
        TF: French Southern Territories; French Southern and Antarctic Lands
        TG: Togolese Republic; Togo
        TH: Kingdom of Thailand; Thailand; Siam; ประเทศไทย; ราชอาณาจักรไทย; Prathet Thai
        TJ: Republic of Tajikistan; Tadzhikistan
        TK: Tokelau
        TL: Democratic Republic of Timor-Leste; Timor-Leste; East Timor; Timor Leste
        TM: Turkmenistan; Türkmenistan
        TN: Republic of Tunisia; Tunisie; تونس; الجمهورية التونسية
        TO: Kingdom of Tonga
        TR: Türkiye; Turkiye; Turkey; Republic of Türkiye; Republic of Turkey; Türkiye Cumhuriyeti; Turkiye Cumhuriyeti
        TT: Republic of Trinidad and Tobago; Trinidad and Tobago; Trinidad
        TV: Tuvalu
        TW: Taiwan; Taiwan, Province of China; Republic of China; Chinese Taipei; Taiwan (Republic of China); 台灣; 臺灣; 台湾; 中華民國
        TZ: United Republic of Tanzania; Tanzania, United Republic of; Tanzania; Jamhuri ya Muungano wa Tanzania
        UA: Ukraine; Україна; Ukraina
        UG: Republic of Uganda
        UM: United States Minor Outlying Islands; U.S. Minor Outlying Islands
        US: United States of America; USA; U.S.A.; US; U.S.; United States; United States (USA); Estados Unidos de América
        UY: Oriental Republic of Uruguay; República Oriental del Uruguay
        UZ: Republic of Uzbekistan; Oʻzbekiston; O'zbekiston; Ўзбекистон
        VA: Holy See; Holy See (Vatican City State); Vatican City State; Vatican
        VC: Saint Vincent and the Grenadines; St Vincent
        VE: Bolivarian Republic of Venezuela; Venezuela (Bolivarian Republic of); Venezuela
        VG: British Virgin Islands; Virgin Islands, British; BVI
        VI: United States Virgin Islands; Virgin Islands, U.S.; US Virgin Islands; USVI
        VN: Viet Nam; Vietnam; Socialist Republic of Viet Nam; Socialist Republic of Vietnam; Việt Nam; Cộng hòa Xã hội chủ nghĩa Việt Nam; Vietnam SR; 越南
        VU: Republic of Vanuatu
        WF: Wallis and Futuna; Wallis and Futuna Islands
        WS: Independent State of Samoa; Samoa; Western Samoa
        XK: Kosovo; Republic of Kosovo; Kosova; Kosovë; Косово; XKX
        YE: Republic of Yemen; Yemen; اليمن
        YT: Mayotte
        ZA: Republic of South Africa; RSA; Suid-Afrika; Mzansi
        ZM: Republic of Zambia
        ZW: Republic of Zimbabwe
        """;
}
