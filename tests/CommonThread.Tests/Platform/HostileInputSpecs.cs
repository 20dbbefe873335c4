using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Platform.Audit;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.Platform;

/// <summary>
/// A hostile request made from an endpoint's valid one: the same endpoint, the same caller, a body
/// changed the way attackers and careless programs change it. Null when the change does not apply to
/// this body (no date in it to push to the year 9999).
/// </summary>
public sealed record HostileBody(string Name, Func<HttpContent, HttpContent?> From)
{
    /// <summary>Changes to a JSON body: every one must be refused.</summary>
    public static readonly IReadOnlyList<HostileBody> Json =
    [
        new("malformed JSON", sample => JsonOf(Text(sample)[..(Text(sample).Length / 2)])),
        new("an array instead of an object", _ => JsonOf("[1,2,3]")),
        new("null", _ => JsonOf("null")),
        new("nesting 1,000 deep", sample => JsonOf(Text(sample).TrimEnd('}') + (Text(sample).Trim() == "{}" ? "" : ",") + "\"deep\":" + new string('[', 1_000) + new string(']', 1_000) + "}")),
        new("an object for every value", sample => EveryLeaf(sample, _ => true, _ => new JsonObject { ["x"] = 1 })),
        new("NUL in every string", sample => EveryLeaf(sample, IsString, v => v.GetValue<string>() + "\0")),
        new("a megabyte in every string", sample => EveryLeaf(sample, IsString, _ => new string('a', 1024 * 1024))),
        new("year 9999 for every date", sample => EveryLeaf(sample, IsDate, _ => "9999-12-31")),
        new("year 1 for every date", sample => EveryLeaf(sample, IsDate, _ => "0001-01-01")),
        new("10^30 for every number", sample => EveryLeaf(sample, IsNumber, _ => JsonNode.Parse("1000000000000000000000000000000"))),
        new("2^63 for every number", sample => EveryLeaf(sample, IsNumber, _ => JsonNode.Parse("9223372036854775808"))),
        new("minus one for every number", sample => EveryLeaf(sample, IsNumber, _ => -1)),
    ];

    /// <summary>Changes to an upload: every one must be refused.</summary>
    public static readonly IReadOnlyList<HostileBody> Upload =
    [
        new("an empty file", sample => FileOf(sample, [])),
        new("random bytes", sample => FileOf(sample, Random(64 * 1024))),
        // Imports open workbooks; documents (evidence, reports) are kept as they come and never expanded.
        new("a decompression bomb", sample => IsTable(sample) ? FileOf(sample, Bombs.GigabyteCell.File.Value, "bomb.xlsx") : null),
        new("no file at all", _ => new MultipartFormDataContent { { new StringContent("nothing"), "note" } }),
        new("JSON instead of a form", _ => JsonOf("{}")),
    ];

    public override string ToString() => Name;

    private static string Text(HttpContent content) => content.ReadAsStringAsync().GetAwaiter().GetResult();

    private static StringContent JsonOf(string json) => new(json, Encoding.UTF8, "application/json");

    private static bool IsString(JsonValue value) => value.TryGetValue<string>(out _);

    private static bool IsDate(JsonValue value) => value.TryGetValue<string>(out var s) && DateOnly.TryParseExact(s, "yyyy-MM-dd", out _);

    private static bool IsNumber(JsonValue value) => value.TryGetValue<decimal>(out _);

    /// <summary>The body with each value <paramref name="pick"/> chooses replaced; null when it chooses none.</summary>
    private static StringContent? EveryLeaf(HttpContent sample, Func<JsonValue, bool> pick, Func<JsonValue, JsonNode?> replace)
    {
        var root = JsonNode.Parse(Text(sample));
        var changed = 0;
        void Visit(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var key in o.Select(p => p.Key).ToList())
                    {
                        if (o[key] is JsonValue v && pick(v))
                        {
                            o[key] = replace(v);
                            changed++;
                        }
                        else
                        {
                            Visit(o[key]);
                        }
                    }

                    break;
                case JsonArray a:
                    for (var i = 0; i < a.Count; i++)
                    {
                        if (a[i] is JsonValue v && pick(v))
                        {
                            a[i] = replace(v);
                            changed++;
                        }
                        else
                        {
                            Visit(a[i]);
                        }
                    }

                    break;
            }
        }

        Visit(root);
        return changed == 0 ? null : JsonOf(root!.ToJsonString());
    }

    private static bool IsTable(HttpContent sample) =>
        sample is MultipartFormDataContent form && FilePart(form).Headers.ContentDisposition!.FileName!.Trim('"').EndsWith(".csv", StringComparison.Ordinal);

    /// <summary>The file of a multipart sample; other parts (a title) are text fields.</summary>
    private static HttpContent FilePart(MultipartFormDataContent form) => form.Single(p => p.Headers.ContentDisposition?.FileName is not null);

    private static MultipartFormDataContent? FileOf(HttpContent sample, byte[] bytes, string? fileName = null)
    {
        if (sample is not MultipartFormDataContent form)
        {
            return null;
        }

        var original = FilePart(form).Headers.ContentDisposition!.FileName!.Trim('"');
        return new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", fileName ?? original } };
    }

    private static byte[] Random(int length)
    {
        var bytes = new byte[length];
        new Random(16).NextBytes(bytes);
        return bytes;
    }
}

/// <summary>
/// The hostile-input table: every API endpoint that takes a body (read from the app's endpoint data
/// source, set up as the authorization matrix sets it up) × every hostile change of its valid body, sent
/// by an owner of the organisation that owns the data. Each is refused with a 4xx ProblemDetails, never a
/// 500, and nothing is written: the audit trail, where every change is recorded with who made it, gains
/// nothing from the caller. Every read is tried with hostile query values too: answered or refused, never a 500.
/// </summary>
public abstract class HostileInputSpecs(TestApp app)
{
    [Fact]
    public async Task Every_hostile_body_is_refused_writing_nothing_and_every_hostile_query_is_answered_without_a_500()
    {
        var cases = new ApiEndpointCases(app);
        var failures = new List<string>();
        var tried = 0;
        foreach (var (method, endpoint) in cases.All())
        {
            if (method == "GET")
            {
                await TryQueriesAsync(await cases.PrepareAsync(method, endpoint));
                continue;
            }

            // An endpoint that reads no body ignores whatever is sent; only those that read one are tried.
            if (method is not ("POST" or "PUT" or "PATCH") || (endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is null && !IsUpload(endpoint)))
            {
                continue;
            }

            var endpointCase = await cases.PrepareAsync(method, endpoint);
            if (endpointCase.SampleBody() is not { } sample)
            {
                continue;
            }

            var client = await app.SignedInAsync(endpointCase.Owner.Email, TestMember.Password);
            var variants = sample is MultipartFormDataContent ? HostileBody.Upload : HostileBody.Json;
            foreach (var variant in variants)
            {
                if (variant.From(endpointCase.SampleBody()!) is not { } body)
                {
                    continue;
                }

                tried++;
                var before = await AuditCountAsync(endpointCase);
                var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), endpointCase.Url) { Content = body });
                var status = (int)response.StatusCode;
                var type = response.Content.Headers.ContentType?.MediaType;
                if (status is < 400 or >= 500 || type != "application/problem+json")
                {
                    var text = await response.Content.ReadAsStringAsync();
                    failures.Add($"{endpointCase} with {variant}: {status} {type} {text[..Math.Min(text.Length, 200)]}");
                }
                else if (await AuditCountAsync(endpointCase) != before)
                {
                    failures.Add($"{endpointCase} with {variant}: refused with {status} but something was recorded");
                }
            }
        }

        // Reads with hostile query values (paging, months, filters): answered or refused, never a 500.
        async Task TryQueriesAsync(ApiEndpointCase endpointCase)
        {
            var client = await app.SignedInAsync(endpointCase.Owner.Email, TestMember.Password);
            foreach (var query in HostileQueries)
            {
                tried++;
                // Beside the query a read needs (the map's box), not in place of it: the hostile values are tried on their own.
                var response = await client.GetAsync(endpointCase.Url.Contains('?', StringComparison.Ordinal) ? $"{endpointCase.Url}&{query[1..]}" : endpointCase.Url + query);
                var status = (int)response.StatusCode;
                if (status >= 500 || (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json"))
                {
                    failures.Add($"{endpointCase} with {query}: {status}");
                }
            }
        }

        Assert.True(tried >= 300, $"only {tried} hostile requests made");
        Assert.True(failures.Count == 0, $"{failures.Count} of {tried} hostile requests got through:\n" + string.Join("\n", failures));
    }

    /// <summary>Every query value a read could take, at its edges and beyond: negative, past int, month 13, year 1 and 99,999, NUL.</summary>
    private static readonly string[] HostileQueries =
    [
        "?take=-1&skip=-1&year=-1&month=13&direction=%00",
        "?take=2147483648&skip=99999999999&year=99999&month=0&direction=" + new string('x', 5000),
        "?take=0&skip=2147483647&year=1&month=-2147483648&direction=%E2%80%AE",
    ];

    /// <summary>Uploads read the form themselves (<c>UploadedFile.ReadAsync</c>), so their endpoints declare no body.</summary>
    private static bool IsUpload(RouteEndpoint endpoint) =>
        ApiEndpointCases.SampleBody("POST", endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? "", ApiEndpointCases.AnyValues) is MultipartFormDataContent;

    /// <summary>
    /// What the owner making the hostile requests has recorded, anywhere: every change is audited with
    /// its actor, and other specs acting in the same demo organisation at the same time are not counted.
    /// </summary>
    private Task<int> AuditCountAsync(ApiEndpointCase endpointCase) =>
        app.WithDbAsync(db => db.Set<AuditEntry>().CountAsync(a => a.ActorUserId == endpointCase.Owner.UserId));
}

public sealed class HostileInputSpecsOnSqlite(SqliteApp app) : HostileInputSpecs(app);

public sealed class HostileInputSpecsOnPostgres(PostgresApp app) : HostileInputSpecs(app);
