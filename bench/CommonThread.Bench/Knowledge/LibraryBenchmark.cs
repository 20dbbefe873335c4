using System.Diagnostics;
using System.Text;
using CommonThread.Data;
using CommonThread.Web.Knowledge.Library;
using CommonThread.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommonThread.Bench.Knowledge;

/// <summary>
/// The public library at the scale of a regional programme's archive on PostgreSQL: many documents in English,
/// Bengali, Hindi, Vietnamese, Khmer and Chinese. Times ranked searches through the API one at a time (common words,
/// rare words, two words, a word's beginning, with and without filters) and the anonymous library page under
/// concurrent clients. The documents are synthetic: words drawn from a small vocabulary per language with a
/// skewed frequency, so some words are in half the documents and some in a handful; real prose has a longer tail.
/// </summary>
public static class LibraryBenchmark
{
    private static readonly Dictionary<string, string[]> Vocabulary = new()
    {
        ["en"] = ["union", "workers", "wages", "bargaining", "agreement", "factory", "women", "leadership", "overtime", "safety", "energy", "water", "productivity",
            "training", "dialogue", "grievance", "maternity", "homework", "supplier", "brand", "inspection", "ministry", "federation", "cohort", "just", "transition",
            "dyeing", "emissions", "wastewater", "sexual", "harassment", "committee", "election", "minimum", "living", "piece", "rate", "audit", "remedy", "childcare"],
        ["bn"] = ["শ্রমিক", "ইউনিয়ন", "মজুরি", "কারখানা", "নারী", "নেতৃত্ব", "দর-কষাকষি", "চুক্তি", "নিরাপত্তা", "প্রশিক্ষণ", "অভিযোগ", "সুপারভাইজার", "ওভারটাইম", "মাতৃত্বকালীন"],
        ["hi"] = ["श्रमिक", "संघ", "मजदूरी", "कारखाना", "महिला", "नेतृत्व", "समझौता", "सुरक्षा", "प्रशिक्षण", "शिकायत", "गृह-आधारित", "तिरुप्पुर", "ठेकेदार"],
        ["vi"] = ["công", "đoàn", "lương", "nhà", "máy", "phụ", "nữ", "thương", "lượng", "an", "toàn", "đào", "tạo", "xưởng", "nhuộm", "chăm", "sóc", "trẻ"],
        ["km"] = ["សហជីព", "កម្មករ", "ប្រាក់ឈ្នួល", "រោងចក្រ", "ស្ត្រី", "អ្នកដឹកនាំ", "ការចរចា", "សុវត្ថិភាព", "បណ្តុះបណ្តាល"],
        ["zh-Hans"] = ["工会", "工人", "工资", "工厂", "女性", "领导", "集体", "协商", "合同", "安全", "培训", "投诉", "工时", "公正", "转型", "节能"],
    };

    private static readonly string[] CountryCodes = ["BD", "IN", "VN", "KH", "CN", "ID", "LK", "PK", "MM"];

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var server = options.Text("postgres") ?? Environment.GetEnvironmentVariable("CT_BENCH_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            Console.WriteLine("library benchmark needs PostgreSQL: --postgres \"Host=…;Username=…\" or CT_BENCH_POSTGRES");
            return 2;
        }

        var count = options.Int("documents", 100_000);
        var clients = options.Int("clients", 50);
        var seconds = options.Int("seconds", 20);
        Console.WriteLine($"library benchmark: {count:N0} documents in 6 languages, PostgreSQL, {clients} clients for the page, {Environment.ProcessorCount} cores");
        await using var app = await AppUnderTest.StartAsync(server, options.Int("port", 5098), "Bench Library Initiative", "Initiative");
        var connection = new NpgsqlConnectionStringBuilder(app.ConnectionString) { CommandTimeout = 0 }.ConnectionString;
        var clock = Stopwatch.StartNew();
        await WriteAsync(connection, app.OrganisationId, count);
        await using (var db = new NpgsqlConnection(connection))
        {
            await db.OpenAsync();
            await new NpgsqlCommand("VACUUM ANALYZE", db).ExecuteNonQueryAsync();
        }

        Console.WriteLine($"  synthetic documents written (bulk insert)   {clock.Elapsed.TotalSeconds,8:F1} s");

        var random = new Random(5);
        var searches = new List<(string Label, Func<string> Query)>
        {
            ("one common English word", () => "q=" + Vocabulary["en"][random.Next(3)]),
            ("one rarer English word", () => "q=" + Vocabulary["en"][30 + random.Next(10)]),
            ("two English words", () => $"q={Vocabulary["en"][random.Next(40)]}+{Vocabulary["en"][random.Next(40)]}"),
            ("a word's beginning (prefix)", () => "q=" + Vocabulary["en"][random.Next(40)][..3]),
            ("Bengali word", () => "q=" + Uri.EscapeDataString(Vocabulary["bn"][random.Next(Vocabulary["bn"].Length)])),
            ("Chinese two-character word", () => "q=" + Uri.EscapeDataString(Vocabulary["zh-Hans"][random.Next(Vocabulary["zh-Hans"].Length)])),
            ("Khmer word", () => "q=" + Uri.EscapeDataString(Vocabulary["km"][random.Next(Vocabulary["km"].Length)])),
            ("word + theme + country filter", () => $"q={Vocabulary["en"][random.Next(40)]}&theme=GenderEquality&country={CountryCodes[random.Next(CountryCodes.Length)]}"),
            ("no words, newest first", () => ""),
        };
        var all = new List<double>();
        foreach (var (label, query) in searches)
        {
            var times = new List<double>();
            for (var i = 0; i < 30; i++)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await app.Http.GetAsync("/api/library?" + query());
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            all.AddRange(times.Skip(2));
            var sorted = times.Skip(2).Order().ToList();
            Console.WriteLine($"  search: {label,-32} p50 {sorted[sorted.Count / 2],7:F1} ms   p95 {sorted[(int)(sorted.Count * 0.95)],7:F1} ms");
        }

        var overall = all.Order().ToList();
        Console.WriteLine($"  search, all kinds together           p95 {overall[(int)(overall.Count * 0.95)],7:F1} ms   target ≤ 100 ms");

        using var anonymous = new HttpClient { BaseAddress = app.BaseAddress };
        for (var i = 0; i < 20; i++)
        {
            (await anonymous.GetAsync("/library")).EnsureSuccessStatusCode();
        }

        var page = await LoadRun.RunAsync(clients, TimeSpan.FromSeconds(seconds), async _ =>
        {
            using var response = await anonymous.GetAsync("/library");
            await response.Content.ReadAsByteArrayAsync();
            return response.IsSuccessStatusCode;
        });
        Console.WriteLine($"  public library page (newest, from the public cache after its first rendering), {clients} clients  {page}   target p95 ≤ 50 ms");
        var pageBytes = (await anonymous.GetByteArrayAsync("/library")).Length;
        Console.WriteLine($"  public library page size                 {pageBytes / 1024.0,7:F1} KB");
        var searched = await LoadRun.RunAsync(clients, TimeSpan.FromSeconds(seconds), async n =>
        {
            // Every address new (n), so no answer comes from the public cache: what a search costs when it renders.
            using var response = await anonymous.GetAsync($"/library?q={Vocabulary["en"][n % 40]}+{Vocabulary["en"][(n / 40) % 40]}&n={n}");
            await response.Content.ReadAsByteArrayAsync();
            return response.IsSuccessStatusCode;
        });
        Console.WriteLine($"  public library page searched, every address new (no cache), {clients} clients {searched}");
        return 0;
    }

    /// <summary>Documents with a fixed seed, their words drawn with a skew (the first words of a language far more often than the last).</summary>
    private static async Task WriteAsync(string connection, Guid publisherId, int count)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(connection).Options;
        await using var db = new AppDbContext(options, new ModelAssemblies(typeof(LibraryDocument).Assembly));
        var random = new Random(17);
        var languages = Vocabulary.Keys.ToArray();
        var themes = Enum.GetValues<KnowledgeTheme>();
        var documents = new List<LibraryDocument>(count);
        var tags = new List<LibraryTag>(count * 3);
        for (var i = 0; i < count; i++)
        {
            var language = i % 3 == 0 ? "en" : languages[random.Next(languages.Length)];
            var words = Vocabulary[language];
            string Words(int n)
            {
                var text = new StringBuilder();
                for (var w = 0; w < n; w++)
                {
                    // Skewed: the square of a uniform draw favours the first words.
                    var r = random.NextDouble();
                    text.Append(words[(int)(r * r * words.Length)]).Append(' ');
                }

                return text.ToString();
            }

            var title = Words(6);
            var summary = Words(25);
            var text = Words(250);
            var document = new LibraryDocument
            {
                PublisherOrganisationId = publisherId, Title = title, Summary = summary, Text = text, Language = language, Kind = (DocumentKind)(i % 4), Licence = Licence.CcBy,
                GenderData = i % 5 == 0, PublishedOn = new DateOnly(2015, 1, 1).AddDays(random.Next(4000)), AddedAt = DateTimeOffset.UnixEpoch,
                TitleWords = SearchWords.Joined(title), BodyWords = SearchWords.Joined(summary + "\n" + text),
            };
            documents.Add(document);
            tags.Add(new LibraryTag { DocumentId = document.Id, Tag = LibraryTag.Theme(themes[i % themes.Length]) });
            tags.Add(new LibraryTag { DocumentId = document.Id, Tag = LibraryTag.Country(CountryCodes[random.Next(CountryCodes.Length)]) });
            tags.Add(new LibraryTag { DocumentId = document.Id, Tag = LibraryTag.For((Audience)(i % 6)) });
        }

        await BulkInsert.AddAsync(db, documents, CancellationToken.None);
        await BulkInsert.AddAsync(db, tags, CancellationToken.None);
    }
}
