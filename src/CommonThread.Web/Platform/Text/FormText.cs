using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace CommonThread.Web.Platform.Text;

/// <summary>
/// Forms posted by pages (application/x-www-form-urlencoded) reach their page with forbidden characters
/// (see <see cref="TextInput"/>) dropped from every field: one place for every form, before anti-forgery
/// and form binding read the form. Uploads (multipart) are left to their readers. Browsers cannot put a
/// NUL in a text field; one in a hand-made post is refused by ASP.NET's form reader with a 400.
/// </summary>
public static class FormText
{
    public static void UseFormTextCleaning(this WebApplication app) => app.Use(async (http, next) =>
    {
        if (HttpMethods.IsPost(http.Request.Method)
            && http.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            IFormCollection? form = null;
            try
            {
                form = await http.Request.ReadFormAsync(http.RequestAborted);
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
            {
                // A form too large or malformed (ASP.NET's form reader itself refuses a NUL, %00, with a 400):
                // left for the page's own reading to refuse as it does.
            }

            if (form is not null && form.Any(f => f.Value.Any(v => v is not null && TextInput.IndexOfForbidden(v) >= 0)))
            {
                var cleaned = form.ToDictionary(f => f.Key, f => new StringValues([.. f.Value.Select(v => v is null ? null : TextInput.Clean(v))]), StringComparer.OrdinalIgnoreCase);
                http.Features.Set<IFormFeature>(new FormFeature(new FormCollection(cleaned)));
            }
        }

        await next(http);
    });
}
