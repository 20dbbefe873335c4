using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Tests.SupplyChain.Imports;
using CommonThread.Web.Knowledge.CollectiveAgreements;
using CommonThread.Web.Notifications;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommonThread.Tests.Knowledge.CollectiveAgreements;

/// <summary>
/// The register of collective agreements: a facility's agreement is recorded by its employer or its verified union and
/// read through confirmed relationships only; naming a party makes it party only once it confirms; public agreements
/// are read by anyone; a bad agreement or a bad file writes nothing.
/// </summary>
public abstract class CbaRegisterSpecs(TestApp app)
{
    /// <summary>
    /// A supplier's facility; a brand buying from it (confirmed), a brand whose link awaits confirmation, a competing
    /// brand with no link; a union verified there and a union only claiming to be.
    /// </summary>
    private sealed record World(Guid FacilityId, Party Supplier, Party Brand, Party PendingBrand, Party Stranger, Party Union, Party ClaimingUnion);

    private sealed record Party(HttpClient Client, Guid Id)
    {
        public string Api => $"/api/organisations/{Id}/collective-agreements";
    }

    private async Task<Party> PartyAsync(OrganisationKind kind)
    {
        var (client, organisation) = await app.NewOrganisationClientAsync(kind);
        return new(client, organisation.Id);
    }

    private async Task<World> NewWorldAsync()
    {
        var world = new World(Guid.Empty, await PartyAsync(OrganisationKind.Supplier), await PartyAsync(OrganisationKind.Brand), await PartyAsync(OrganisationKind.Brand),
            await PartyAsync(OrganisationKind.Brand), await PartyAsync(OrganisationKind.Union), await PartyAsync(OrganisationKind.Union));
        var facility = new Facility { OperatorOrganisationId = world.Supplier.Id, Name = $"CBA unit {Guid.NewGuid():N}"[..20], Address = "9 Test Road", CountryCode = "BD", CreatedAt = DateTimeOffset.UnixEpoch };
        await app.WithDbAsync(async db =>
        {
            db.AddRange(facility,
                new SupplyLink { BuyerOrganisationId = world.Brand.Id, FacilityId = facility.Id, Tier = 1, StartDate = new DateOnly(2025, 1, 1), CreatedAt = DateTimeOffset.UnixEpoch, Status = LinkStatus.Confirmed },
                new SupplyLink { BuyerOrganisationId = world.PendingBrand.Id, FacilityId = facility.Id, Tier = 1, StartDate = new DateOnly(2025, 1, 1), CreatedAt = DateTimeOffset.UnixEpoch, Status = LinkStatus.Pending },
                new UnionPresence { UnionOrganisationId = world.Union.Id, FacilityId = facility.Id, Claim = "Registration no. C1", ClaimedOn = new DateOnly(2026, 1, 1), Status = PresenceStatus.Verified },
                new UnionPresence { UnionOrganisationId = world.ClaimingUnion.Id, FacilityId = facility.Id, Claim = "Says so", ClaimedOn = new DateOnly(2026, 1, 1), Status = PresenceStatus.Pending });
            return await db.SaveChangesAsync();
        });
        return world with { FacilityId = facility.Id };
    }

    private static object FacilityAgreement(Guid facilityId, string title, object[]? parties = null, bool isPublic = false) => new
    {
        title, level = "Facility", country = "BD", facilityId, startsOn = "2025-01-01", expiresOn = "2027-12-31", workersCovered = 900, womenCovered = 600,
        language = "bn", @public = isPublic, text = "The full text.",
        parties = parties ?? [new { side = "Workers", name = "Unit union" }],
        clauses = new object[]
        {
            new { topic = "Wages", reference = "Art. 4", text = "Sector minimum plus 8%." },
            new { topic = "GenderEqualityAndMaternity", reference = "Art. 9", text = "16 weeks' paid maternity leave." },
        },
    };

    private static async Task<Guid> IdOfAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("agreement").GetProperty("id").GetGuid();
    }

    private Task<int> CountAsync() => app.WithDbAsync(db => db.Set<CollectiveAgreement>().CountAsync());

    private static async Task<List<string>> TitlesAsync(HttpClient client, string address) =>
        [.. (await client.GetFromJsonAsync<JsonElement>(address)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!)];

    [Fact]
    public async Task A_union_verified_at_a_facility_records_its_agreement_and_the_facility_profile_shows_a_CBA_to_its_buyer()
    {
        var world = await NewWorldAsync();
        var title = $"{Unique.Word()} agreement";

        var id = await IdOfAsync(await world.Union.Client.PostAsJsonAsync(world.Union.Api, FacilityAgreement(world.FacilityId, title)));

        var read = await world.Brand.Client.GetFromJsonAsync<JsonElement>($"{world.Brand.Api}/{id}");
        Assert.Equal(["GenderEqualityAndMaternity", "Wages"], read.GetProperty("clauses").EnumerateArray().Select(c => c.GetProperty("topic").GetString()).Order());
        // The union that recorded it is party to it, confirmed; the union named by name only is a name.
        Assert.Contains(read.GetProperty("agreement").GetProperty("parties").EnumerateArray(), p => p.GetProperty("organisationId").ValueKind == JsonValueKind.String
            && p.GetProperty("organisationId").GetGuid() == world.Union.Id && p.GetProperty("confirmed").GetBoolean());
        var profile = await world.Brand.Client.GetFromJsonAsync<JsonElement>($"/api/organisations/{world.Brand.Id}/facilities/{world.FacilityId}/foa");
        Assert.True(profile.GetProperty("hasCollectiveAgreement").GetBoolean());
        Assert.Contains(profile.GetProperty("current").EnumerateArray(), f => f.GetProperty("name").GetString() == title && f.GetProperty("source").GetString() == "Union");
        Assert.Contains(title, await TitlesAsync(world.Brand.Client, $"{world.Brand.Api}?facility={world.FacilityId}"));
        Assert.Contains(title, await world.Brand.Client.GetStringAsync($"/o/{world.Brand.Id}/facilities/{world.FacilityId}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_brand_whose_link_awaits_confirmation_and_a_competitor_neither_read_nor_find_a_facility_agreement()
    {
        var world = await NewWorldAsync();
        var title = $"{Unique.Word()} agreement";
        var id = await IdOfAsync(await world.Union.Client.PostAsJsonAsync(world.Union.Api, FacilityAgreement(world.FacilityId, title)));

        foreach (var outsider in new[] { world.PendingBrand, world.Stranger, world.ClaimingUnion })
        {
            await (await outsider.Client.GetAsync($"{outsider.Api}/{id}")).ProblemAsync(HttpStatusCode.NotFound);
            Assert.DoesNotContain(title, await TitlesAsync(outsider.Client, $"{outsider.Api}?q={Uri.EscapeDataString(title)}"));
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync($"/o/{outsider.Id}/collective-agreements/{id}")).StatusCode);
        }

        // Not public: the register without an account does not have it either.
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"/collective-agreements/{id}")).StatusCode);
    }

    [Fact]
    public async Task Only_the_employer_or_a_verified_union_records_a_facility_agreement_and_a_refusal_writes_nothing()
    {
        var world = await NewWorldAsync();
        var before = await CountAsync();

        await (await world.ClaimingUnion.Client.PostAsJsonAsync(world.ClaimingUnion.Api, FacilityAgreement(world.FacilityId, "Claimed"))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await world.Brand.Client.PostAsJsonAsync(world.Brand.Api, FacilityAgreement(world.FacilityId, "Buyer's"))).ProblemAsync(HttpStatusCode.Forbidden);
        // A facility a stranger does not see is not found: its existence is not confirmed to it.
        var stranger = await PartyAsync(OrganisationKind.Supplier);
        await (await stranger.Client.PostAsJsonAsync(stranger.Api, FacilityAgreement(world.FacilityId, "Stranger's"))).ProblemAsync(HttpStatusCode.NotFound);
        // The employer records its workplace's agreement, but whether it is shown to the world is the union's decision.
        await (await world.Supplier.Client.PostAsJsonAsync(world.Supplier.Api, FacilityAgreement(world.FacilityId, "Published by the employer", isPublic: true)))
            .ProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task An_employer_naming_a_union_as_party_makes_it_party_only_once_the_union_confirms()
    {
        var world = await NewWorldAsync();
        var title = $"{Unique.Word()} agreement";
        var id = await IdOfAsync(await world.Supplier.Client.PostAsJsonAsync(world.Supplier.Api,
            FacilityAgreement(world.FacilityId, title, [new { side = "Workers", organisationId = world.Union.Id }, new { side = "Employers", organisationId = world.Supplier.Id }])));

        JsonElement UnionParty(JsonElement document) =>
            document.GetProperty("agreement").GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("side").GetString() == "Workers");
        var asRecorded = await world.Brand.Client.GetFromJsonAsync<JsonElement>($"{world.Brand.Api}/{id}");
        Assert.False(UnionParty(asRecorded).GetProperty("confirmed").GetBoolean());
        // The employer's record is the employer's declaration in the profile.
        var profile = await world.Brand.Client.GetFromJsonAsync<JsonElement>($"/api/organisations/{world.Brand.Id}/facilities/{world.FacilityId}/foa");
        Assert.Contains(profile.GetProperty("current").EnumerateArray(), f => f.GetProperty("name").GetString() == title && f.GetProperty("source").GetString() == "SelfDeclared");
        Assert.True(await app.WithDbAsync(db => db.Set<Notification>().AnyAsync(n => n.OrganisationId == world.Union.Id && n.Key == $"agreement-party:{id}")));

        var confirmed = await world.Union.Client.PutAsJsonAsync($"{world.Union.Api}/{id}/party", new { party = true });

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.True(UnionParty(await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("confirmed").GetBoolean());
        // The verified union's confirmation is also its report in the profile.
        profile = await world.Brand.Client.GetFromJsonAsync<JsonElement>($"/api/organisations/{world.Brand.Id}/facilities/{world.FacilityId}/foa");
        Assert.Contains(profile.GetProperty("history").EnumerateArray(), f => f.GetProperty("name").GetString() == title && f.GetProperty("source").GetString() == "Union");
        // Only an organisation named as party answers: a buyer cannot confirm for the union.
        await (await world.Brand.Client.PutAsJsonAsync($"{world.Brand.Api}/{id}/party", new { party = true })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_the_recorder_withdraws_an_agreement_and_its_confirmed_party_is_told()
    {
        var initiative = await PartyAsync(OrganisationKind.Initiative);
        var union = await PartyAsync(OrganisationKind.Union);
        var rival = await PartyAsync(OrganisationKind.Initiative);
        var title = $"{Unique.Word()} recorded twice";
        var id = await IdOfAsync(await initiative.Client.PostAsJsonAsync(initiative.Api, new
        {
            title, level = "Sector", country = "KH", startsOn = "2026-01-01", parties = new object[] { new { side = "Workers", organisationId = union.Id } },
        }));
        await union.Client.PutAsJsonAsync($"{union.Api}/{id}/party", new { party = true });

        // A party reads it but does not withdraw it; an organisation that does not read it does not find it.
        await (await union.Client.DeleteAsync($"{union.Api}/{id}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await rival.Client.DeleteAsync($"{rival.Api}/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains(title, await TitlesAsync(union.Client, union.Api));

        Assert.Equal(HttpStatusCode.NoContent, (await initiative.Client.DeleteAsync($"{initiative.Api}/{id}")).StatusCode);
        Assert.DoesNotContain(title, await TitlesAsync(union.Client, union.Api));
        Assert.False(await app.WithDbAsync(db => db.Set<CbaParty>().AnyAsync(p => p.AgreementId == id)));
        Assert.True(await app.WithDbAsync(db => db.Set<Notification>().AnyAsync(n => n.OrganisationId == union.Id && n.Text.Contains("withdrew"))));
    }

    [Fact]
    public async Task A_named_party_that_says_it_is_not_party_is_unlinked_and_no_longer_reads_a_private_agreement()
    {
        var initiative = await PartyAsync(OrganisationKind.Initiative);
        var union = await PartyAsync(OrganisationKind.Union);
        var title = $"{Unique.Word()} sector agreement";
        var id = await IdOfAsync(await initiative.Client.PostAsJsonAsync(initiative.Api, new
        {
            title, level = "Sector", country = "KH", startsOn = "2026-01-01", parties = new object[] { new { side = "Workers", organisationId = union.Id } },
        }));
        Assert.Contains(title, await TitlesAsync(union.Client, union.Api));

        var declined = await union.Client.PutAsJsonAsync($"{union.Api}/{id}/party", new { party = false });

        Assert.Equal(HttpStatusCode.NoContent, declined.StatusCode);
        Assert.DoesNotContain(title, await TitlesAsync(union.Client, union.Api));
        var party = await app.WithDbAsync(db => db.Set<CbaParty>().SingleAsync(p => p.AgreementId == id));
        Assert.Null(party.OrganisationId);
        Assert.Null(party.ConfirmedOn);
    }

    [Fact]
    public async Task A_government_reads_public_agreements_and_those_it_is_party_to_but_no_facility_agreement()
    {
        var world = await NewWorldAsync();
        var government = await PartyAsync(OrganisationKind.Government);
        var employers = await PartyAsync(OrganisationKind.EmployerOrganisation);
        var word = Unique.Word();
        var facility = await IdOfAsync(await world.Union.Client.PostAsJsonAsync(world.Union.Api, FacilityAgreement(world.FacilityId, $"{word} unit")));
        await IdOfAsync(await employers.Client.PostAsJsonAsync(employers.Api, new
        {
            title = $"{word} national", level = "National", country = "BD", startsOn = "2026-01-01", @public = true,
            parties = new object[] { new { side = "Workers", name = "National centre" }, new { side = "Employers", organisationId = employers.Id } },
        }));

        Assert.Equal([$"{word} national"], await TitlesAsync(government.Client, $"{government.Api}?q={word}"));
        await (await government.Client.GetAsync($"{government.Api}/{facility}")).ProblemAsync(HttpStatusCode.NotFound);
        // A government sees no facility, so it records no workplace's agreement: the facility is not found.
        await (await government.Client.PostAsJsonAsync(government.Api, FacilityAgreement(world.FacilityId, "Government's"))).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_public_agreement_is_read_whole_without_an_account_and_filtered_by_topic_and_country()
    {
        var employers = await PartyAsync(OrganisationKind.EmployerOrganisation);
        var word = Unique.Word();
        var id = await IdOfAsync(await employers.Client.PostAsJsonAsync(employers.Api, new
        {
            title = $"{word} sector wages", level = "Sector", country = "KH", startsOn = "2026-01-01", expiresOn = "2028-12-31", @public = true, language = "km",
            parties = new object[] { new { side = "Workers", name = "Cambodian union federation" } },
            clauses = new object[] { new { topic = "DisputeSettlement", reference = "§ 9", text = $"{word} arbitration council." } },
        }));

        var page = WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync($"/collective-agreements/{id}"));
        Assert.Contains($"{word} arbitration council.", page, StringComparison.Ordinal);
        Assert.Contains("lang=\"km\"", page, StringComparison.Ordinal);
        Assert.Contains($"{word} sector wages", await app.Anonymous().GetStringAsync($"/collective-agreements?q={word}&topic=DisputeSettlement&country=KH"), StringComparison.Ordinal);
        Assert.DoesNotContain($"{word} sector wages", await app.Anonymous().GetStringAsync($"/collective-agreements?q={word}&topic=Wages"), StringComparison.Ordinal);
        // A bad filter is said, not a failure.
        var bad = await app.Anonymous().GetAsync("/collective-agreements?level=Galactic");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("id=\"agreements-error\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await (await employers.Client.GetAsync($"{employers.Api}?level=Galactic")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_bad_agreement_is_refused_field_by_field_and_nothing_is_written()
    {
        var initiative = await PartyAsync(OrganisationKind.Initiative);
        var brand = await PartyAsync(OrganisationKind.Brand);
        var before = await CountAsync();

        var problem = await (await initiative.Client.PostAsJsonAsync(initiative.Api, new
        {
            title = "Atlantic accord", level = "Sector", country = "Atlantis", startsOn = "2026-06-01", expiresOn = "2026-01-01", language = "xx-notalanguage",
            workersCovered = 100, womenCovered = 150, parties = new object[] { new { side = "Workers", organisationId = brand.Id } },
            clauses = new object[] { new { reference = "Art. 1", text = "No topic." } },
        })).ProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "country", "expiresOn", "language", "womenCovered", "parties[0]", "clauses[0]" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }

        // A brand keeps no register and is party to no collective agreement.
        await (await brand.Client.PostAsJsonAsync(brand.Api, new { title = "Brand's", level = "Company", country = "BD", startsOn = "2026-01-01" }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(before, await CountAsync());
    }

    private static MultipartFormDataContent File(string name, byte[] bytes, bool makePublic = false)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", name } };
        if (makePublic)
        {
            form.Add(new StringContent("true"), "public");
        }

        return form;
    }

    [Fact]
    public async Task A_register_laid_out_as_WageIndicator_s_dataset_is_imported_whole_with_its_coded_clauses_and_a_second_time_adds_nothing()
    {
        var ministry = await PartyAsync(OrganisationKind.Government);
        var word = Unique.Word();
        // As a spreadsheet program saves it: a byte-order mark, headers in the dataset's words, columns the register does not keep, quoted cells with commas and line breaks.
        var csv = "\uFEFFCBA ID,CBA name,Country name,Level,ISIC code,Signatory union(s),Signatory employer(s),Start date,End date,Number of employees covered,Wages,Maternity leave,Working hours,Training\r\n"
            + $"WI-{word}-1,{word} garment sector agreement,Cambodia,Sector,1410,\"Union A; Union B, federation\",Garment Manufacturers Association,2024-01-01,2026-12-31,120000,\"Minimum wage of 208 USD, paid monthly\",yes,no,yes\r\n"
            + $"WI-{word}-2,{word} factory agreement,KH,company level,1410,Union C,\"Factory Co., Ltd\",2025-03-01,,850,yes,\"14 weeks,\nfully paid\",\"48 hours\",\r\n";

        var first = await ministry.Client.PostAsync($"{ministry.Api}/import", File("cba.csv", Encoding.UTF8.GetBytes(csv), makePublic: true));
        var report = await first.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(2, report.GetProperty("imported").GetInt32());
        Assert.Equal(["ISIC code", "Training"], report.GetProperty("ignoredColumns").EnumerateArray().Select(c => c.GetString()));
        var sector = await app.WithDbAsync(db => db.Set<CollectiveAgreement>().Include(a => a.Parties).Include(a => a.Clauses).SingleAsync(a => a.SourceReference == $"WI-{word}-1"));
        Assert.Equal((AgreementLevel.Sector, "KH", AgreementSource.Imported, 120_000, true), (sector.Level, sector.CountryCode, sector.Source, sector.WorkersCovered!.Value, sector.Public));
        Assert.Equal(["Union A", "Union B, federation"], sector.Parties.Where(p => p.Side == AgreementSide.Workers).Select(p => p.Name).Order());
        Assert.Equal([(ClauseTopic.Wages, "Minimum wage of 208 USD, paid monthly"), (ClauseTopic.GenderEqualityAndMaternity, null)],
            sector.Clauses.OrderBy(c => c.Topic).Select(c => (c.Topic, c.Text)));
        var company = await app.WithDbAsync(db => db.Set<CollectiveAgreement>().Include(a => a.Clauses).SingleAsync(a => a.SourceReference == $"WI-{word}-2"));
        Assert.Equal((AgreementLevel.Company, (DateOnly?)null), (company.Level, company.ExpiresOn));
        Assert.Contains(company.Clauses, c => c.Topic == ClauseTopic.GenderEqualityAndMaternity && c.Text == "14 weeks,\nfully paid");
        Assert.Contains($"{word} factory agreement", await app.Anonymous().GetStringAsync($"/collective-agreements?q={word}"), StringComparison.Ordinal);

        var again = await (await ministry.Client.PostAsync($"{ministry.Api}/import", File("cba.csv", Encoding.UTF8.GetBytes(csv)))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0, 2), (again.GetProperty("imported").GetInt32(), again.GetProperty("alreadyRecorded").GetInt32()));
    }

    [Fact]
    public async Task An_Excel_workbook_of_agreements_is_read_with_its_dates_as_Excel_stores_them()
    {
        var union = await PartyAsync(OrganisationKind.Union);
        var word = Unique.Word();
        // Excel keeps a date as the day's number: 45658 is 2025-01-01, 46387 is 2026-12-31.
        var workbook = Spreadsheets.WithFormula(["Title", "Country", "Level", "Unions", "Start", "End", "Workers covered", "Health and safety"],
            [[$"{word} national agreement", "Bangladesh", "National", "National federation", "45658", "46387", "3000000", "Safety committees in every factory"]]);

        var response = await union.Client.PostAsync($"{union.Api}/import", File("cba.xlsx", workbook));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var imported = await app.WithDbAsync(db => db.Set<CollectiveAgreement>().Include(a => a.Clauses).SingleAsync(a => a.Title == $"{word} national agreement"));
        Assert.Equal((new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31), AgreementLevel.National, false), (imported.StartsOn, imported.ExpiresOn!.Value, imported.Level, imported.Public));
        Assert.Equal(ClauseTopic.HealthAndSafety, imported.Clauses.Single().Topic);
    }

    [Fact]
    public async Task A_file_with_bad_rows_imports_nothing_and_names_each_row_and_column()
    {
        var initiative = await PartyAsync(OrganisationKind.Initiative);
        var supplier = await PartyAsync(OrganisationKind.Supplier);
        var word = Unique.Word();
        var csv = "title,country,level,unions,start,end\n"
            + $"{word} good,BD,Sector,Union,2025-01-01,2026-01-01\n"
            + $"{word} bad date,BD,Sector,Union,31.13.2025,\n"
            + $"{word} bad level,BD,Galactic,Union,2025-01-01,\n"
            + $",BD,Sector,Union,2025-01-01,\n"
            + $"{word} ends before it starts,Narnia,Sector,,2025-01-01,2024-01-01\n";
        var before = await CountAsync();

        var response = await initiative.Client.PostAsync($"{initiative.Api}/import", File("cba.csv", Encoding.UTF8.GetBytes(csv)));
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray()
            .Select(p => (p.GetProperty("row").GetInt32(), p.GetProperty("column").GetString())).ToList();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains((3, "start"), problems);
        Assert.Contains((4, "level"), problems);
        Assert.Contains((5, "title"), problems);
        Assert.Contains((6, "country"), problems);
        Assert.Contains((6, "end"), problems);
        Assert.Contains((6, "unions"), problems);
        Assert.DoesNotContain(problems, p => p.Item1 == 2);
        Assert.Equal(before, await CountAsync());
        // A file missing the columns an agreement needs is refused at its first row; a supplier keeps no register to import.
        var headless = await (await initiative.Client.PostAsync($"{initiative.Api}/import", File("cba.csv", "name,remarks\nx,y\n"u8.ToArray()))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, headless.GetProperty("problems")[0].GetProperty("row").GetInt32());
        await (await supplier.Client.PostAsync($"{supplier.Api}/import", File("cba.csv", Encoding.UTF8.GetBytes(csv)))).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_parties_hear_once_at_ninety_and_thirty_days_before_expiry_and_on_expiry_never_of_an_imported_agreement()
    {
        var union = await PartyAsync(OrganisationKind.Union);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        async Task<Guid> RecordAsync(int daysLeft) => await IdOfAsync(await union.Client.PostAsJsonAsync(union.Api, new
        {
            title = $"{Unique.Word()} ends in {daysLeft}", level = "Sector", country = "BD", startsOn = today.AddYears(-1).ToString("yyyy-MM-dd"),
            expiresOn = today.AddDays(daysLeft).ToString("yyyy-MM-dd"), parties = new object[] { new { side = "Workers", organisationId = union.Id } },
        }));
        var stages = new Dictionary<int, Guid> { [85] = await RecordAsync(85), [20] = await RecordAsync(20), [-3] = await RecordAsync(-3), [200] = await RecordAsync(200) };
        await union.Client.PostAsync($"{union.Api}/import",
            File("cba.csv", Encoding.UTF8.GetBytes($"title,country,level,unions,start,end\n{Unique.Word()} imported,BD,Sector,Union,2024-01-01,{today.AddDays(10):yyyy-MM-dd}\n")));

        for (var run = 0; run < 2; run++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<CbaReminders>().RemindAsync(CancellationToken.None);
        }

        var keys = await app.WithDbAsync(db => db.Set<Notification>().Where(n => n.OrganisationId == union.Id && n.Key!.StartsWith("agreement-expiry:")).Select(n => n.Key!).ToListAsync());
        Assert.Equal(new[] { $"agreement-expiry:{stages[-3]}:0", $"agreement-expiry:{stages[20]}:30", $"agreement-expiry:{stages[85]}:90" }.Order(StringComparer.Ordinal),
            keys.Order(StringComparer.Ordinal));
    }
}

public sealed class CbaRegisterSpecsOnSqlite(SqliteApp app) : CbaRegisterSpecs(app);

public sealed class CbaRegisterSpecsOnPostgres(PostgresApp app) : CbaRegisterSpecs(app);
