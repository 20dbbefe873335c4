using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;

namespace CommonThread.Tests.Infrastructure;

public static partial class Http
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    /// <summary>Asserts a ProblemDetails answer with this status and returns its parsed body.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    /// <summary>The messages ProblemDetails gives for one field (field names compared case-insensitively).</summary>
    public static string[] FieldErrors(this JsonElement problem, string field) =>
        problem.TryGetProperty("errors", out var errors)
            ? errors.EnumerateObject().Where(p => string.Equals(p.Name, field, StringComparison.OrdinalIgnoreCase))
                .SelectMany(p => p.Value.EnumerateArray().Select(v => v.GetString() ?? "")).ToArray()
            : [];

    /// <summary>Posts a server-rendered form the way a browser does: with the page's anti-forgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, string formName, Dictionary<string, string> fields, string? postTo = null)
    {
        var page = await client.GetStringAsync(path);
        var token = AntiforgeryField().Match(page);
        Assert.True(token.Success, $"no anti-forgery token on {path}");
        var form = new Dictionary<string, string>(fields)
        {
            ["_handler"] = formName,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        };
        return await client.PostAsync(postTo ?? path, new FormUrlEncodedContent(form));
    }

    /// <summary>Posts a server-rendered form whose fields may repeat (ticked checkboxes of one name), with the page's anti-forgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormFieldsAsync(this HttpClient client, string path, string formName, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetStringAsync(path);
        var token = AntiforgeryField().Match(page);
        Assert.True(token.Success, $"no anti-forgery token on {path}");
        var form = fields.Append(new("_handler", formName)).Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    /// <summary>Posts a server-rendered form with files (multipart) the way a browser does: the given parts, the handler's name and the page's anti-forgery token.</summary>
    public static async Task<HttpResponseMessage> PostMultipartFormAsync(this HttpClient client, string path, string formName, MultipartFormDataContent parts)
    {
        var page = await client.GetStringAsync(path);
        var token = AntiforgeryField().Match(page);
        Assert.True(token.Success, $"no anti-forgery token on {path}");
        parts.Add(new StringContent(formName), "_handler");
        parts.Add(new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken");
        return await client.PostAsync(path, parts);
    }

    /// <summary>
    /// Signs in through the real sign-in form, and through the two-factor step with the code the
    /// person's authenticator app would show when they use two-factor sign-in; the client keeps the cookie.
    /// </summary>
    public static async Task<HttpClient> SignedInAsync(this TestApp app, string email, string password)
    {
        var client = app.Anonymous();
        var response = await client.PostFormAsync("/account/login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in failed: {(int)response.StatusCode}");
        if (response.Headers.Location is { } location
            && (location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString) is var next
            && next.StartsWith("/account/login/two-factor", StringComparison.Ordinal))
        {
            var code = await app.CurrentTwoFactorCodeAsync(email) ?? throw new InvalidOperationException($"{email} has no authenticator key");
            response = await client.PostFormAsync(next, "login-2fa", new() { ["Input.Code"] = code });
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"two-factor sign-in failed: {(int)response.StatusCode}");
        }

        return client;
    }

    /// <summary>Sends a request marked with a fresh probe and returns the database writes made while serving it (see <see cref="RequestWrites"/>).</summary>
    public static async Task<(HttpResponseMessage Response, IReadOnlyList<string> Writes)> ProbedAsync(this TestApp app, HttpClient client, HttpRequestMessage request)
    {
        var probe = Guid.NewGuid().ToString("N");
        request.Headers.Add(RequestWrites.Header, probe);
        var response = await client.SendAsync(request);
        return (response, app.Services.GetRequiredService<RequestWrites>().Of(probe));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
