using System.Buffers.Text;
using System.Text.Json;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Localization;
using Microsoft.AspNetCore.Http.Extensions;

namespace CommonThread.Web.Platform.Api;

/// <summary>
/// How every API list pages: <c>?limit=</c> (at most <see cref="MaxLimit"/>, <see cref="DefaultLimit"/> when
/// not given) and <c>?cursor=</c>, the opaque value the previous page named. The body stays the list itself;
/// the total of the filtered set is in <c>X-Total-Count</c> and the next page's address in
/// <c>Link: &lt;…&gt;; rel="next"</c> (RFC 8288), so a client that reads only the body still gets a bounded answer.
/// </summary>
public static class ListPaging
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
    public const string TotalHeader = "X-Total-Count";

    public static int Limit(string? limit)
    {
        if (string.IsNullOrWhiteSpace(limit))
        {
            return DefaultLimit;
        }

        return int.TryParse(limit, out var value) && value is >= 1 and <= MaxLimit
            ? value
            : throw new RuleViolation("limit", Phrase.Of("The limit is a whole number from 1 to {0}.", MaxLimit));
    }

    /// <summary>A cursor holding the sort values of the last item a page gave, so the next page starts after it even when items came or went since.</summary>
    public static string Cursor(params string?[] values) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(values));

    /// <summary>The values a cursor holds; a cursor the API did not give (or gave for another list) is a field-level problem, not a 500.</summary>
    public static string?[] Read(string cursor, int count)
    {
        try
        {
            var values = JsonSerializer.Deserialize<string?[]>(Base64Url.DecodeFromChars(cursor));
            if (values is not null && values.Length == count)
            {
                return values;
            }
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
        }

        throw new RuleViolation("cursor", "This cursor is not one this list gave; start again without it.");
    }

    /// <summary>Says the total and, when more follows, the next page's address: this request's own with the cursor replaced.</summary>
    public static void Describe(HttpContext http, int total, string? nextCursor)
    {
        http.Response.Headers[TotalHeader] = total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (nextCursor is null)
        {
            return;
        }

        var request = http.Request;
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(q => !q.Key.Equals("cursor", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new("cursor", nextCursor));
        var next = UriHelper.BuildRelative(request.PathBase, request.Path, QueryString.Create(query));
        http.Response.Headers.Append("Link", $"<{next}>; rel=\"next\"");
    }
}
