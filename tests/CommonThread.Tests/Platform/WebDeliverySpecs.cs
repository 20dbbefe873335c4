using System.Net;
using System.Text.RegularExpressions;
using CommonThread.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CommonThread.Tests.Platform;

/// <summary>
/// What travels to the browser: text compressed with Brotli or gzip (over HTTPS too, except pages that
/// show a lasting secret: BREACH), static files cached (a year when the address carries the file's
/// fingerprint), a favicon, and links written with one level of escaping.
/// </summary>
public abstract partial class WebDeliverySpecs(TestApp app)
{
    private HttpClient Over(string scheme) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri($"{scheme}://localhost") });

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string? encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (encoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
        }

        return await client.SendAsync(request);
    }

    [Theory]
    [InlineData("http", "/account/login", "br")]
    [InlineData("https", "/account/login", "br")]
    [InlineData("http", "/account/login", "gzip")]
    [InlineData("http", "/app.css", "br")]
    [InlineData("https", "/maps/world.svg", "gzip")]
    public async Task A_text_response_comes_compressed_when_the_browser_accepts_it_and_is_smaller(string scheme, string path, string encoding)
    {
        var client = Over(scheme);

        var plain = await GetAsync(client, path, null);
        var compressed = await GetAsync(client, path, encoding);

        Assert.Equal(HttpStatusCode.OK, compressed.StatusCode);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal(encoding, compressed.Content.Headers.ContentEncoding.Single());
        var plainLength = (await plain.Content.ReadAsByteArrayAsync()).Length;
        var compressedLength = (await compressed.Content.ReadAsByteArrayAsync()).Length;
        Assert.True(compressedLength < plainLength * 0.7, $"{compressedLength} compressed of {plainLength}");
    }

    [Theory]
    [InlineData("/follow-up")]
    [InlineData("/passbook")]
    public async Task A_page_for_a_workers_secret_code_is_never_compressed_over_https(string path)
    {
        var response = await GetAsync(Over("https"), path, "br, gzip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_static_file_is_cached_for_an_hour_and_for_a_year_at_its_fingerprinted_address()
    {
        var client = app.Anonymous();
        var page = await (await client.GetAsync("/account/login")).Content.ReadAsStringAsync();
        var styles = StylesheetLink().Match(page);

        var plain = await client.GetAsync("/app.css");
        var fingerprinted = await client.GetAsync(styles.Groups[1].Value);

        Assert.True(styles.Success, "the page links its styles with a fingerprint");
        Assert.Equal(HttpStatusCode.OK, fingerprinted.StatusCode);
        Assert.Equal(TimeSpan.FromHours(1), plain.Headers.CacheControl?.MaxAge);
        Assert.True(plain.Headers.CacheControl?.Public);
        Assert.Equal(TimeSpan.FromDays(365), fingerprinted.Headers.CacheControl?.MaxAge);
        Assert.Contains("immutable", fingerprinted.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_page_links_a_favicon_and_favicon_ico_is_answered_with_it()
    {
        var client = app.Anonymous();
        var page = await (await client.GetAsync("/account/login")).Content.ReadAsStringAsync();

        var ico = await client.GetAsync("/favicon.ico");

        var link = Regex.Match(page, "<link rel=\"icon\"[^>]*>").Value;
        Assert.Matches("href=\"/favicon.svg\\?v=[0-9a-f]{16}\" type=\"image/svg", link);
        Assert.Equal(HttpStatusCode.OK, ico.StatusCode);
        Assert.Equal("image/svg+xml", ico.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<svg", await ico.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/r/dhaka1", "/follow-up?culture=")]
    [InlineData("/r/dhaka1/procedure", "/r/dhaka1?culture=")]
    public async Task A_worker_link_with_two_query_values_is_escaped_once(string path, string link)
    {
        var page = await (await app.Anonymous().GetAsync(path)).Content.ReadAsStringAsync();

        var href = Regex.Match(page, "href=\"(" + Regex.Escape(link) + "[^\"]*)\"").Groups[1].Value;
        Assert.Matches("^[^&]*\\?culture=[a-zA-Z-]+&amp;ui-culture=[a-zA-Z-]+$", href);
        Assert.DoesNotContain("&amp;amp;", page, StringComparison.Ordinal);
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"(/app\\.css\\?v=[0-9a-f]{16})\"")]
    private static partial Regex StylesheetLink();
}

public sealed class WebDeliverySpecsOnSqlite(SqliteApp app) : WebDeliverySpecs(app);
