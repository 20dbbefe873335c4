using System.Net;
using System.Text;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Audits;
using CommonThread.Web.Homework;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Text;
using CommonThread.Web.SupplyChain;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.Platform;

/// <summary>Text as JSON writes it on the wire (escapes, so the body is exactly this), and whether it holds a character no text may hold.</summary>
public sealed record HostileText(string Name, string Json, bool Forbidden)
{
    public static readonly IReadOnlyList<HostileText> All =
    [
        new("NUL", "a\\u0000b", true),
        new("start of heading", "a\\u0001b", true),
        new("escape", "a\\u001Bb", true),
        new("non-character U+FFFE", "a\\uFFFEb", true),
        new("lone surrogate", "a\\uD800b", true),
        new("right-to-left override", "a\\u202Eb", false),
        new("10,000 combining marks", "a" + string.Concat(Enumerable.Repeat("\\u0301", 10_000)), false),
        new("zero-width joiners", "a\\u200D\\u200Db", false),
    ];

    public override string ToString() => Name;
}

/// <summary>A JSON endpoint that takes text: the body with {text} where the hostile text goes, and the field the refusal must name.</summary>
public sealed record TextEndpoint(string Name, string Method, string Path, string Body, string Field)
{
    public static readonly IReadOnlyList<TextEndpoint> All =
    [
        new("organisation rename", "PATCH", "", """{"name":"{text}","countryCode":"BD"}""", "name"),
        new("facility create", "POST", "/facilities", """{"name":"{text}","address":"Road 1","countryCode":"BD"}""", "name"),
        new("intermediary register", "POST", "/intermediaries", """{"name":"{text}"}""", "name"),
        new("homeworker register", "POST", "/homeworkers",
            """{"name":"{text}","gender":"Woman","birthDate":"1990-01-01","proofOfAge":"NationalIdentityCard","proofOfAgeCheckedOn":"2025-01-01","address":"House 1","area":"Savar","country":"BD"}""", "name"),
        new("audit record", "POST", "/audits", """{"facilityId":"{facility}","standard":"{text}","auditor":"Auditor","startedOn":"2025-01-01","endedOn":"2025-01-02"}""", "standard"),
        new("audit finding", "POST", "/audits",
            """{"facilityId":"{facility}","standard":"SA8000","auditor":"Auditor","startedOn":"2025-01-01","endedOn":"2025-01-02","nonConformities":[{"finding":"{text}","severity":"Minor","category":"Other"}]}""",
            "nonConformities[0].finding"),
    ];

    public override string ToString() => Name;
}

/// <summary>
/// Control and invalid characters never get in through the API (refused, the field named; never a 500),
/// and what is already stored with them still exports as XLSX and CSV.
/// </summary>
public abstract class HostileTextSpecs(TestApp app)
{
    public static TheoryData<HostileText, TextEndpoint> Cases()
    {
        var cases = new TheoryData<HostileText, TextEndpoint>();
        foreach (var text in HostileText.All)
        {
            foreach (var endpoint in TextEndpoint.All)
            {
                cases.Add(text, endpoint);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Hostile_text_is_refused_naming_the_field_or_taken_as_text_never_a_500_and_nothing_stored_holds_a_control_character(HostileText text, TextEndpoint endpoint)
    {
        var (client, organisation) = await app.NewOrganisationClientAsync(OrganisationKind.Supplier, MemberRole.Owner);
        var facilityId = await app.WithDbAsync(async db =>
        {
            var facility = new Facility { OperatorOrganisationId = organisation.Id, Name = $"Hostile unit {Guid.NewGuid():N}", Address = "Gazipur", CountryCode = "BD", CreatedAt = DateTimeOffset.UnixEpoch };
            db.Add(facility);
            await db.SaveChangesAsync();
            return facility.Id;
        });
        var marker = $"M{Guid.NewGuid():N}"[..12];
        var body = endpoint.Body.Replace("{text}", marker + text.Json, StringComparison.Ordinal).Replace("{facility}", facilityId.ToString(), StringComparison.Ordinal);

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(endpoint.Method), $"/api/organisations/{organisation.Id}{endpoint.Path}")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        });

        Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        if (text.Forbidden)
        {
            var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
            // A lone surrogate is already invalid JSON text to the parser, refused as malformed before any field is read.
            if (text.Name != "lone surrogate")
            {
                Assert.NotEmpty(problem.FieldErrors(endpoint.Field));
            }
        }

        var stored = await StoredAsync(marker);
        Assert.All(stored, s => Assert.True(TextInput.IndexOfForbidden(s) < 0, $"stored with a forbidden character: {s[..Math.Min(s.Length, 40)]}"));
        Assert.True(!text.Forbidden || stored.Count == 0, $"stored: {stored.Count}");
    }

    [Fact]
    public async Task Names_stored_with_control_characters_still_export_as_xlsx_and_csv_without_them()
    {
        var (client, organisation) = await app.NewOrganisationClientAsync(OrganisationKind.Supplier, MemberRole.Owner);
        (await client.PostAsync($"/api/organisations/{organisation.Id}/facilities",
            new StringContent("""{"name":"Control unit","address":"Road 1","countryCode":"BD"}""", Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        // PostgreSQL cannot hold NUL in text at all; these it holds, and older rows may have them.
        const string stored = "Control\u0001 unit\u001B one\uFFFF";
        await app.WithDbAsync(db => db.Set<Facility>().Where(f => f.OperatorOrganisationId == organisation.Id && f.Name == "Control unit")
            .ExecuteUpdateAsync(u => u.SetProperty(f => f.Name, stored)));

        var xlsx = await client.GetAsync($"/api/organisations/{organisation.Id}/foa-summary.xlsx");
        var csv = await client.GetAsync($"/api/organisations/{organisation.Id}/foa-summary.csv");

        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var cells = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText).ToList();
        Assert.Contains("Control unit one", cells);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains("Control unit one", text);
        Assert.Equal(-1, TextInput.IndexOfForbidden(text));
    }

    [Fact]
    public async Task A_page_form_takes_pasted_text_without_its_control_characters()
    {
        var supplier = await app.NewOrganisationAsync(OrganisationKind.Supplier);
        var facilityId = await app.WithDbAsync(async db =>
        {
            var facility = new Facility { OperatorOrganisationId = supplier.Id, Name = $"Form unit {Guid.NewGuid():N}", Address = "Gazipur", CountryCode = "BD", CreatedAt = DateTimeOffset.UnixEpoch };
            db.Add(facility);
            await db.SaveChangesAsync();
            return facility.Id;
        });
        var client = await app.SignedInAsync((await app.NewMemberAsync(supplier.Name, MemberRole.Editor)).Email, TestMember.Password);
        var marker = $"M{Guid.NewGuid():N}"[..12];

        var response = await client.PostFormAsync($"/o/{supplier.Id}/corrective-plans", "audit", new()
        {
            ["Record.FacilityId"] = facilityId.ToString(), ["Record.Standard"] = marker + " SA\u001B8000\uFFFE",
            ["Record.Auditor"] = "Audit\u0001 House", ["Record.StartedOn"] = "2025-01-01", ["Record.EndedOn"] = "2025-01-02",
            ["Record.Findings[0].Finding"] = "Line one\r\nline two\u0007", ["Record.Findings[0].Severity"] = "Minor", ["Record.Findings[0].Category"] = "Other",
        });

        var page = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}");
        var audit = await app.WithDbAsync(db => db.Set<Audit>().SingleOrDefaultAsync(a => a.FacilityId == facilityId));
        Assert.True(audit is not null, $"{(int)response.StatusCode} {System.Text.RegularExpressions.Regex.Match(page, "id=\"audit-message\">[^<]*").Value}");
        var finding = await app.WithDbAsync(db => db.Set<NonConformity>().SingleAsync(n => n.AuditId == audit.Id));
        Assert.Equal(marker + " SA8000", audit.Standard);
        Assert.Equal("Audit House", audit.Auditor);
        Assert.Equal("Line one\r\nline two", finding.Finding);
    }

    /// <summary>Every text a test's request could have stored, found by the marker it starts with.</summary>
    private Task<List<string>> StoredAsync(string marker) => app.WithDbAsync(async db =>
    {
        var found = new List<string>();
        found.AddRange(await db.Set<Organisation>().Where(o => o.Name.StartsWith(marker)).Select(o => o.Name).ToListAsync());
        found.AddRange(await db.Set<Facility>().Where(f => f.Name.StartsWith(marker)).Select(f => f.Name).ToListAsync());
        found.AddRange(await db.Set<Intermediary>().Where(i => i.Name.StartsWith(marker)).Select(i => i.Name).ToListAsync());
        found.AddRange(await db.Set<Homeworker>().Where(h => h.Name.StartsWith(marker)).Select(h => h.Name).ToListAsync());
        found.AddRange(await db.Set<Audit>().Where(a => a.Standard.StartsWith(marker)).Select(a => a.Standard).ToListAsync());
        found.AddRange(await db.Set<NonConformity>().Where(n => n.Finding.StartsWith(marker)).Select(n => n.Finding).ToListAsync());
        return found;
    });
}

public sealed class HostileTextSpecsOnSqlite(SqliteApp app) : HostileTextSpecs(app);

public sealed class HostileTextSpecsOnPostgres(PostgresApp app) : HostileTextSpecs(app);
