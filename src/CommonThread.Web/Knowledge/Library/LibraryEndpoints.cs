using System.Text.Json;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Files;
using CommonThread.Web.Platform.Web;
using CommonThread.Web.Platform.Localization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace CommonThread.Web.Knowledge.Library;

public static class LibraryEndpoints
{
    /// <summary>How long a public library answer may be kept by browsers and shared caches: what is published shows within it.</summary>
    public const string PublicCacheControl = "public, max-age=60";

    /// <summary>
    /// Lets browsers and shared caches keep a public library page for a minute, apart for each language the reader's
    /// browser or cookie asks for (the page's words follow it).
    /// </summary>
    public static void CachePublicly(HttpResponse response)
    {
        response.Headers.CacheControl = PublicCacheControl;
        response.Headers.Vary = "Accept-Language, Cookie";
    }

    public static void MapLibraryEndpoints(this IEndpointRouteBuilder app)
    {
        // The public library: read without an account, so these are outside /api (whose every endpoint needs one).
        app.MapGet("/library/feed.atom", async ([AsParameters] LibraryFilter filter, HttpContext http, LibraryService library, IStringLocalizer<Shell> text, CancellationToken ct) =>
        {
            var query = filter.Parse(LibraryFeed.Entries) with { Page = 1, Size = LibraryFeed.Entries };
            var results = await library.SearchAsync(query, ct);
            http.Response.Headers.CacheControl = PublicCacheControl;
            var self = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.Path}{http.Request.QueryString}";
            return Results.Text(LibraryFeed.Write(results.Items, $"{http.Request.Scheme}://{http.Request.Host}", self, query, text), LibraryFeed.ContentType);
        }).WithTags("Knowledge library").WithName("LibraryFeed").ExcludeFromDescription()
            .WithMetadata(new OutputCacheAttribute { PolicyName = PublicCaching.Policy, Tags = [LibraryService.CacheTag] });
        app.MapGet("/library/{documentId:guid}/file", async (Guid documentId, HttpContext http, LibraryService library, CancellationToken ct) =>
        {
            var (fileName, bytes) = await library.FileAsync(documentId, ct);
            http.Response.Headers.CacheControl = PublicCacheControl;
            return TypedResults.File(bytes, FileSignature.Pdf, fileName);
        }).WithTags("Knowledge library").WithName("LibraryFile").ExcludeFromDescription();

        var api = app.MapGroup("/api/library").RequireAuthorization().WithTags("Knowledge library");
        api.MapGet("", async ([AsParameters] LibraryFilter filter, LibraryService library, CancellationToken ct) =>
                TypedResults.Ok(await library.SearchAsync(filter.Parse(), ct)))
            .WithName("SearchLibrary").WithSummary("Search the library")
            .WithDescription("Ranked by how well the words match (the title weighs most) when q is given, newest first otherwise; page by page, with the total.");
        api.MapGet("/{documentId:guid}", async (Guid documentId, LibraryService library, CancellationToken ct) =>
        {
            var (entry, text) = await library.FindAsync(documentId, ct);
            return TypedResults.Ok(new LibraryDocumentDto(entry, text));
        }).WithName("GetLibraryDocument");

        var organisation = app.MapGroup("/api/organisations/{orgId:guid}").RequireOrganisationMember().WithTags("Knowledge library")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);
        organisation.MapPost("/library", async (HttpContext http, LibraryService library, IOptions<JsonOptions> json, CancellationToken ct) =>
        {
            var (input, file) = await ReadAsync(http, json.Value.SerializerOptions, ct);
            var entry = await library.PublishAsync(http.OrganisationAccess(), input, file, ct);
            return TypedResults.Created($"/api/library/{entry.Id}", entry);
        }).RequireRole(MemberRole.Editor).WithName("PublishLibraryDocument").Accepts<LibraryInput>("application/json", "multipart/form-data")
            .WithDescription("JSON, or multipart/form-data with the same JSON in a part named \"document\" and the PDF in a part named \"file\".");
        organisation.MapDelete("/library/{documentId:guid}", async (Guid documentId, HttpContext http, LibraryService library, CancellationToken ct) =>
            {
                await library.WithdrawAsync(http.OrganisationAccess(), documentId, ct);
                return TypedResults.NoContent();
            }).RequireRole(MemberRole.Editor).WithName("WithdrawLibraryDocument")
            .WithDescription("The organisation that published a document withdraws it from the public library, its feeds and its search.");
    }

    /// <summary>The document's fields, and the PDF when it comes as multipart/form-data.</summary>
    private static async Task<(LibraryInput Input, (string, byte[])? File)> ReadAsync(HttpContext http, JsonSerializerOptions json, CancellationToken ct)
    {
        try
        {
            if (!http.Request.HasFormContentType)
            {
                return (await http.Request.ReadFromJsonAsync<LibraryInput>(json, ct) ?? throw Unreadable(), null);
            }

            var form = await http.Request.ReadFormAsync(ct);
            var input = JsonSerializer.Deserialize<LibraryInput>(form["document"].ToString() is { Length: > 0 } d ? d : throw Unreadable(), json) ?? throw Unreadable();
            return (input, await UploadedFile.OptionalAsync(form.Files.GetFile("file"), AttachedDocument.MaxBytes, LibraryService.PdfTooLarge, ct));
        }
        catch (JsonException)
        {
            throw Unreadable();
        }
        catch (InvalidDataException)
        {
            throw Unreadable();
        }
    }

    private static RuleViolation Unreadable() =>
        new("document", "Send the document as JSON, or as multipart/form-data with the JSON in a part named \"document\" and the PDF in a part named \"file\".");
}

/// <summary>A document with its whole text.</summary>
public sealed record LibraryDocumentDto(LibraryEntry Document, string Text);
