using CommonThread.Web.Platform.Errors;

namespace CommonThread.Web.Platform.Files;

/// <summary>The one file of an upload, API or page, within the size an import accepts.</summary>
public static class UploadedFile
{
    public static async Task<(string FileName, byte[] Bytes)> ReadAsync(HttpContext http, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
        {
            throw new RuleViolation("file", "Send the file as multipart/form-data in a part named \"file\".", StatusCodes.Status415UnsupportedMediaType);
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TableFile.TooLarge();
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            throw TableFile.TooLarge();
        }
        catch (InvalidDataException)
        {
            throw new RuleViolation("file", "The upload could not be read: send multipart/form-data with the file in a part named \"file\".");
        }

        var file = form.Files.GetFile("file") ?? throw new RuleViolation("file", "Choose a .csv or .xlsx file to upload.");
        if (file.Length > TableFile.MaxBytes)
        {
            throw TableFile.TooLarge();
        }

        // One copy of the file, straight into an array of its size.
        var bytes = new byte[file.Length];
        await using var stream = file.OpenReadStream();
        await stream.ReadExactlyAsync(bytes, ct);
        return (file.FileName, bytes);
    }

    /// <summary>
    /// A file that may come with a form (a document's PDF): none when no part or an empty one was sent; refused with
    /// <paramref name="tooLarge"/> above <paramref name="maxBytes"/>, read into one array of its size otherwise.
    /// </summary>
    public static async Task<(string FileName, byte[] Bytes)?> OptionalAsync(IFormFile? file, long maxBytes, Func<RuleViolation> tooLarge, CancellationToken ct)
    {
        if (file is not { Length: > 0 })
        {
            return null;
        }

        if (file.Length > maxBytes)
        {
            throw tooLarge();
        }

        var bytes = new byte[file.Length];
        await using var stream = file.OpenReadStream();
        await stream.ReadExactlyAsync(bytes, ct);
        return (file.FileName, bytes);
    }

    /// <summary>The import upload routes: the API and the Imports page.</summary>
    public static readonly UploadRoute[] UploadRoutes =
    [
        // Facility lists (…/imports) and homework registers and payment records (…/homeworkers/import, …/homework-payments/import).
        new(p => p.StartsWith("/api/organisations/", StringComparison.OrdinalIgnoreCase)
                 && (p.EndsWith("/imports", StringComparison.OrdinalIgnoreCase) || p.EndsWith("/import", StringComparison.OrdinalIgnoreCase)),
            TableFile.MaxBytes, IsPage: false, TableFile.TooLarge),
        new(p => p.StartsWith("/o/", StringComparison.OrdinalIgnoreCase) && p.EndsWith("/imports", StringComparison.OrdinalIgnoreCase),
            TableFile.MaxBytes, IsPage: true, TableFile.TooLarge),
    ];
}
