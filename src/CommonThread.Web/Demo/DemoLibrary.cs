using System.Text.Json;
using System.Text.Json.Serialization;
using CommonThread.Web.Knowledge.Library;
using CommonThread.Web.Organisations;

namespace CommonThread.Web.Demo;

/// <summary>
/// The library's demo shelf: research, good practices, tools and guidance in English, Bengali, Hindi, Khmer, Vietnamese
/// and Chinese on the programme's four themes, published by the initiative and the Bangladeshi federation. Each
/// has a probe: a word of its own language found in it and in no other document of that language.
/// </summary>
public static class DemoLibrary
{
    public sealed record Document(string Title, string Summary, string Text, string Language, DocumentKind Kind, List<KnowledgeTheme> Themes, List<string> Countries,
        List<Audience> Audiences, Licence Licence, bool GenderData, DateOnly PublishedOn, string Probe);

    public static readonly Lazy<IReadOnlyList<Document>> Documents = new(() =>
    {
        using var stream = typeof(DemoLibrary).Assembly.GetManifestResourceStream("library-demo.json")!;
        return JsonSerializer.Deserialize<List<Document>>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } })!;
    });

    public static async Task SeedAsync(IReadOnlyDictionary<string, Organisation> organisations, LibraryService library, CancellationToken ct)
    {
        var initiative = new OrganisationAccess(organisations["Fair Threads Initiative"], MemberRole.Owner);
        var federation = new OrganisationAccess(organisations["Bangladesh Garment Workers Federation (demo)"], MemberRole.Owner);
        foreach (var d in Documents.Value)
        {
            await library.PublishAsync(d.Language is "bn" or "hi" ? federation : initiative, new LibraryInput
            {
                Title = d.Title, Summary = d.Summary, Text = d.Text, Language = d.Language, Kind = d.Kind, Licence = d.Licence, Themes = d.Themes, Countries = d.Countries,
                Audiences = d.Audiences, GenderData = d.GenderData, PublishedOn = d.PublishedOn,
            }, null, ct);
        }
    }
}
