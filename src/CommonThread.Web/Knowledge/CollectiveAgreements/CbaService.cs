using System.Globalization;
using CommonThread.Data;
using CommonThread.Web.Notifications;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Geography;
using CommonThread.Web.Platform.Localization;
using CommonThread.Web.Platform.Text;
using CommonThread.Web.Platform.Values;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Knowledge.CollectiveAgreements;

/// <summary>
/// The register of collective agreements: recorded by their parties and by the bodies that keep registers, read as
/// <see cref="CbaAccess"/> decides, linked to the facility's freedom-of-association profile.
/// </summary>
public sealed class CbaService(AppDbContext db, CbaAccess rights, FoaProfileService foa, Notifier notifier, AuditLog audit, TimeProvider clock)
{
    public const int MaxParties = 50;
    public const int MaxClauses = 200;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The agreements the organisation reads (anyone without one: the public register), newest first.</summary>
    public async Task<CbaResults> SearchAsync(Guid? organisationId, CbaQuery query, CancellationToken ct)
    {
        var size = Math.Clamp(query.Size, 1, CbaQuery.MaxSize);
        var page = Math.Max(1, query.Page);
        var agreements = Filtered(await rights.ReadableAsync(organisationId, ct), query);
        var total = await agreements.CountAsync(ct);
        var ids = await agreements.OrderByDescending(a => a.StartsOn).ThenByDescending(a => a.Id).Skip((page - 1) * size).Take(size).Select(a => a.Id).ToListAsync(ct);
        var entries = await EntriesAsync(ids, ct);
        return new([.. ids.Where(entries.ContainsKey).Select(id => entries[id])], total, page, size);
    }

    /// <summary>An agreement whole; one the reader may not read is not found, so its existence is not told either.</summary>
    public async Task<CbaDocument> FindAsync(Guid? organisationId, Guid agreementId, CancellationToken ct)
    {
        var agreement = await (await rights.ReadableAsync(organisationId, ct)).Where(a => a.Id == agreementId).Select(a => new { a.Text }).SingleOrDefaultAsync(ct)
            ?? throw RuleViolation.NotFound("agreement");
        var clauses = await db.Set<CbaClause>().AsNoTracking().Where(c => c.AgreementId == agreementId).OrderBy(c => c.Topic).ThenBy(c => c.Reference)
            .Select(c => new CbaClauseEntry(c.Topic, c.Reference, c.Text)).ToListAsync(ct);
        return new((await EntriesAsync([agreementId], ct))[agreementId], agreement.Text, clauses);
    }

    /// <summary>
    /// Records an agreement. The recorder, when it names itself, is a confirmed party; every other organisation it names
    /// is asked to confirm. A facility's agreement also becomes a fact of the facility's FoA profile, said with the
    /// recorder's voice (the employer's declaration, or the union's report).
    /// </summary>
    public async Task<CbaDocument> RecordAsync(OrganisationAccess access, CbaInput input, CancellationToken ct)
    {
        access.Require(MemberRole.Editor).RequireKind(Phrase.Of("Collective agreements are recorded by their parties and by the bodies that keep registers."),
            CbaAccess.CompanyRecorders);
        // Who may record comes before what is wrong with the fields: a refused recorder learns nothing from them.
        (Facility Facility, FactSource Source)? workplace = null;
        if (input.Level is { } level && (level != AgreementLevel.Facility || input.FacilityId is not null))
        {
            workplace = await rights.RequireMayRecordAsync(access, level, level == AgreementLevel.Facility ? input.FacilityId : null, input.Public, ct);
        }

        var (agreement, errors) = await CheckedAsync(access, input, ct);
        return agreement is null ? throw Refusal(errors) : await SaveAsync(access, agreement, workplace, ct);
    }

    /// <summary>Whether the organisation recorded the agreement, and so may withdraw it.</summary>
    public Task<bool> RecordedByAsync(Guid organisationId, Guid agreementId, CancellationToken ct) =>
        db.Set<CollectiveAgreement>().AnyAsync(a => a.Id == agreementId && a.RecordedByOrganisationId == organisationId, ct);

    /// <summary>
    /// The organisation that recorded an agreement withdraws it (recorded by mistake, twice, or by the wrong party): it
    /// leaves the register with its parties and clauses, and the confirmed parties are told. The facility's FoA profile
    /// keeps what was said, dated, as it keeps every fact.
    /// </summary>
    public async Task WithdrawAsync(OrganisationAccess access, Guid agreementId, CancellationToken ct)
    {
        access.Require(MemberRole.Editor);
        var me = access.Organisation.Id;
        if (!await (await rights.ReadableAsync(me, ct)).AnyAsync(a => a.Id == agreementId, ct))
        {
            throw RuleViolation.NotFound("agreement");
        }

        var agreement = await db.Set<CollectiveAgreement>().Include(a => a.Parties).SingleAsync(a => a.Id == agreementId, ct);
        if (agreement.RecordedByOrganisationId != me)
        {
            throw new RuleViolation("agreement", Phrase.Of("Only the organisation that recorded an agreement withdraws it."), StatusCodes.Status403Forbidden);
        }

        var parties = agreement.Parties.Where(p => p.OrganisationId is { } o && o != me && p.ConfirmedOn != null).Select(p => p.OrganisationId!.Value).Distinct().ToList();
        await notifier.TellAsync(parties, Phrase.Of("{0} withdrew the collective agreement '{1}' from the register.", access.Organisation.Name, agreement.Title),
            o => $"/o/{o}/collective-agreements", ct);
        db.Remove(agreement);
        audit.Record(me, "agreement.withdrawn", $"'{agreement.Title}'");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A party named on the platform says whether it is party: confirming makes the register say so; declining removes its name's link.</summary>
    public async Task<CbaDocument?> ConfirmAsync(OrganisationAccess access, Guid agreementId, bool confirm, CancellationToken ct)
    {
        access.Require(MemberRole.Editor);
        var me = access.Organisation.Id;
        var party = await db.Set<CbaParty>().FirstOrDefaultAsync(p => p.AgreementId == agreementId && p.OrganisationId == me, ct)
            ?? throw RuleViolation.NotFound("agreement");
        var agreement = await db.Set<CollectiveAgreement>().SingleAsync(a => a.Id == agreementId, ct);
        if (confirm && party.ConfirmedOn is null)
        {
            party.ConfirmedOn = Today;
            audit.Record(me, "agreement.confirmed", $"Party to '{agreement.Title}'");
            if (agreement.FacilityId is { } facilityId && access.Organisation.Kind == OrganisationKind.Union && await rights.SpeaksAtAsync(me, facilityId, ct))
            {
                foa.AddFrom(FactSource.Union, facilityId, me, [FactOf(agreement, me)], clock.GetUtcNow());
            }

            await notifier.TellAsync([agreement.RecordedByOrganisationId], Phrase.Of("{0} confirmed that it is party to '{1}'.", access.Organisation.Name, agreement.Title),
                o => $"/o/{o}/collective-agreements/{agreementId}", ct);
        }
        else if (!confirm)
        {
            party.OrganisationId = null;
            party.ConfirmedOn = null;
            audit.Record(me, "agreement.declined", $"Not party to '{agreement.Title}'");
            await notifier.TellAsync([agreement.RecordedByOrganisationId], Phrase.Of("{0} said it is not party to '{1}'.", access.Organisation.Name, agreement.Title),
                o => $"/o/{o}/collective-agreements/{agreementId}", ct);
        }

        await db.SaveChangesAsync(ct);
        // Having said it is not party, the organisation may no longer read a private agreement: it is told nothing more.
        return await (await rights.ReadableAsync(me, ct)).AnyAsync(a => a.Id == agreementId, ct) ? await FindAsync(me, agreementId, ct) : null;
    }

    /// <summary>The agreement as checked, or null with every field's problem.</summary>
    internal async Task<(CollectiveAgreement? Agreement, IReadOnlyDictionary<string, string[]> Errors)> CheckedAsync(OrganisationAccess access, CbaInput input, CancellationToken ct,
        string? importedAs = null)
    {
        var checks = new FieldChecks();
        var today = Today;
        var title = TextInput.OrNull(input.Title);
        if (title is not { Length: <= CollectiveAgreement.TitleMaxLength })
        {
            checks.Add("title", "Give the agreement's title, of up to 300 characters.");
        }

        if (input.Level is null)
        {
            checks.Add("level", "Say at which level it was bargained: facility, company, sector or national.");
        }
        else if (input.Level == AgreementLevel.Facility && input.FacilityId is null)
        {
            checks.Add("facilityId", "Choose the facility the agreement covers.");
        }
        else if (input.Level != AgreementLevel.Facility && input.FacilityId is not null)
        {
            checks.Add("facilityId", "Only a facility's agreement names a facility.");
        }

        var country = Countries.FromCodeOrName(input.Country);
        if (country is null)
        {
            checks.Add("country", Countries.Refusal(input.Country));
        }

        var language = TextInput.OrNull(input.Language) is { } given ? LanguageTag(given) : null;
        if (language is null && TextInput.OrNull(input.Language) is not null)
        {
            checks.Add("language", "Give the language as a tag such as en, bn, km or zh-Hans.");
        }

        foreach (var (field, day) in new[] { ("signedOn", input.SignedOn), ("startsOn", input.StartsOn), ("expiresOn", input.ExpiresOn) })
        {
            if (day is { } d && !Plausible.Day.Contains(d))
            {
                checks.Add(field, Plausible.Day.RefusalWords(d).English);
            }
        }

        if (input.StartsOn is null)
        {
            checks.Add("startsOn", "Give the day the agreement takes effect.");
        }
        else if (input.ExpiresOn is { } expires && expires < input.StartsOn)
        {
            checks.Add("expiresOn", "An agreement cannot expire before it starts.");
        }

        if (input.SignedOn > today)
        {
            checks.Add("signedOn", "It cannot have been signed in the future.");
        }

        foreach (var (field, count) in new[] { ("workersCovered", input.WorkersCovered), ("womenCovered", input.WomenCovered) })
        {
            if (count is { } c && !Plausible.Count.Contains(c))
            {
                checks.Add(field, Plausible.Count.RefusalWords(c).English);
            }
        }

        if (input is { WomenCovered: { } women, WorkersCovered: { } workers } && women > workers)
        {
            checks.Add("womenCovered", "More women than workers covered.");
        }

        if (input.Text is { Length: > CollectiveAgreement.TextMaxLength })
        {
            checks.Add("text", "The text is longer than 200,000 characters.");
        }

        var parties = await PartiesAsync(access, input, checks.Add, ct);
        var clauses = Clauses(input.Clauses ?? [], checks.Add);
        if (checks.Count > 0)
        {
            return (null, checks.Errors);
        }

        var agreement = new CollectiveAgreement
        {
            RecordedByOrganisationId = access.Organisation.Id, Title = title!, Level = input.Level!.Value, CountryCode = country!, FacilityId = input.FacilityId,
            Sector = TextInput.OrNull(input.Sector), Language = language, SignedOn = input.SignedOn, StartsOn = input.StartsOn!.Value, ExpiresOn = input.ExpiresOn,
            WorkersCovered = input.WorkersCovered, WomenCovered = input.WomenCovered, Text = TextInput.OrNull(input.Text), Public = input.Public,
            Source = importedAs is null ? AgreementSource.Recorded : AgreementSource.Imported, SourceReference = TextInput.OrNull(importedAs),
            RecordedAt = clock.GetUtcNow(), Parties = parties, Clauses = clauses,
        };
        return (agreement, checks.Errors);
    }

    /// <summary>The parties named; organisations on the platform are checked to be of a kind that can sign on that side.</summary>
    private async Task<List<CbaParty>> PartiesAsync(OrganisationAccess access, CbaInput input, Action<string, string> error, CancellationToken ct)
    {
        var named = input.Parties ?? [];
        if (named.Count > MaxParties)
        {
            error("parties", "At most 50 parties.");
            return [];
        }

        var ids = named.Select(p => p.OrganisationId).OfType<Guid>().Distinct().ToList();
        var organisations = ids.Count == 0 ? [] : await db.Set<Organisation>().AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var parties = new List<CbaParty>();
        for (var i = 0; i < named.Count; i++)
        {
            var p = named[i];
            var field = $"parties[{i}]";
            if (p.Side is not { } side)
            {
                error(field, "Say on which side the party signed: workers or employers.");
                continue;
            }

            var organisation = p.OrganisationId is { } id ? organisations.GetValueOrDefault(id) : null;
            if (p.OrganisationId is not null && organisation is null)
            {
                error(field, "No organisation has this id.");
                continue;
            }

            if (organisation is not null && (side == AgreementSide.Workers ? organisation.Kind != OrganisationKind.Union : !CbaAccess.EmployerSides.Contains(organisation.Kind)))
            {
                error(field, side == AgreementSide.Workers ? "Only a union signs on the workers' side." : "Only an employer or an employers' organisation signs on the employers' side.");
                continue;
            }

            var name = TextInput.OrNull(p.Name) ?? organisation?.Name;
            if (name is not { Length: <= CollectiveAgreement.NameMaxLength })
            {
                error(field, "Give the party's name, of up to 200 characters.");
                continue;
            }

            if (parties.Any(q => q.OrganisationId is not null && q.OrganisationId == organisation?.Id))
            {
                continue;
            }

            parties.Add(new CbaParty
            {
                Side = side, Name = name, OrganisationId = organisation?.Id,
                ConfirmedOn = organisation?.Id == access.Organisation.Id ? Today : null,
            });
        }

        // A union recording its workplace's agreement is party to it, whether or not it named itself.
        if (input.Level == AgreementLevel.Facility && access.Organisation.Kind == OrganisationKind.Union && parties.All(p => p.OrganisationId != access.Organisation.Id))
        {
            parties.Add(new CbaParty { Side = AgreementSide.Workers, Name = access.Organisation.Name, OrganisationId = access.Organisation.Id, ConfirmedOn = Today });
        }

        if (!parties.Any(p => p.Side == AgreementSide.Workers))
        {
            error("parties", "Name the union (or unions) that signed it.");
        }

        return parties;
    }

    private static List<CbaClause> Clauses(List<CbaClauseInput> clauses, Action<string, string> error)
    {
        if (clauses.Count > MaxClauses)
        {
            error("clauses", "At most 200 clauses.");
            return [];
        }

        var kept = new List<CbaClause>();
        for (var i = 0; i < clauses.Count; i++)
        {
            var c = clauses[i];
            if (c.Topic is not { } topic)
            {
                error($"clauses[{i}]", "Say what the clause is about.");
            }
            else if (c.Text is { Length: > CbaClause.TextMaxLength })
            {
                error($"clauses[{i}]", "A clause of up to 8,000 characters: code a long chapter as several clauses.");
            }
            else if (c.Reference is { Length: > CollectiveAgreement.ReferenceMaxLength })
            {
                error($"clauses[{i}]", "A reference of up to 64 characters (\"Art. 12\").");
            }
            else
            {
                kept.Add(new CbaClause { Topic = topic, Reference = TextInput.OrNull(c.Reference), Text = TextInput.OrNull(c.Text) });
            }
        }

        return kept;
    }

    /// <summary>A language tag the runtime knows, in its own spelling ("ZH-hans" is zh-Hans); null for one it does not.</summary>
    internal static string? LanguageTag(string text)
    {
        try
        {
            var culture = CultureInfo.GetCultureInfo(text.Trim(), predefinedOnly: true);
            return culture.Name.Length == 0 ? null : culture.Name;
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }

    private async Task<CbaDocument> SaveAsync(OrganisationAccess access, CollectiveAgreement agreement, (Facility Facility, FactSource Source)? workplace, CancellationToken ct)
    {
        var me = access.Organisation.Id;
        db.Add(agreement);
        if (workplace is { } w)
        {
            foa.AddFrom(w.Source, w.Facility.Id, me, [FactOf(agreement, w.Source == FactSource.Union ? me : null)], clock.GetUtcNow());
        }

        var asked = agreement.Parties.Where(p => p.OrganisationId is { } id && id != me).Select(p => p.OrganisationId!.Value).ToList();
        if (asked.Count > 0)
        {
            await notifier.TellAsync(asked, Phrase.Of("{0} named you as party to the collective agreement '{1}': confirm it, or say you are not.", access.Organisation.Name, agreement.Title),
                o => $"/o/{o}/collective-agreements/{agreement.Id}", ct, key: $"agreement-party:{agreement.Id}");
        }

        audit.Record(me, "agreement.recorded", $"{agreement.Level} agreement '{agreement.Title}' ({agreement.CountryCode}, from {agreement.StartsOn:yyyy-MM-dd})"
            + (workplace is { } f ? $" at '{f.Facility.Name}'" : ""));
        await db.SaveChangesAsync(ct);
        return await FindAsync(me, agreement.Id, ct);
    }

    /// <summary>The agreement as a fact of the facility's FoA profile: its title, dates and coverage, never its text.</summary>
    private FoaFactInput FactOf(CollectiveAgreement agreement, Guid? union) => new()
    {
        Kind = FoaFactKind.CollectiveAgreement, ObservedOn = Today, Present = true, Name = agreement.Title.Length <= FoaFact.TextMaxLength ? agreement.Title : agreement.Title[..FoaFact.TextMaxLength],
        Since = agreement.StartsOn, Expires = agreement.ExpiresOn, CoveredWorkers = agreement.WorkersCovered is <= Plausible.MaxHeadcount ? agreement.WorkersCovered : null,
        UnionOrganisationId = union,
    };

    internal static RuleViolation Refusal(IReadOnlyDictionary<string, string[]> errors) => new(errors, "The agreement cannot be recorded as it is: see each field.");

    private IQueryable<CollectiveAgreement> Filtered(IQueryable<CollectiveAgreement> agreements, CbaQuery query)
    {
        if (query.Country is { } country)
        {
            agreements = agreements.Where(a => a.CountryCode == country);
        }

        if (query.Level is { } level)
        {
            agreements = agreements.Where(a => a.Level == level);
        }

        if (query.FacilityId is { } facility)
        {
            agreements = agreements.Where(a => a.FacilityId == facility);
        }

        if (query.Topic is { } topic)
        {
            agreements = agreements.Where(a => a.Clauses.Any(c => c.Topic == topic));
        }

        if (query.InForce is { } inForce)
        {
            var today = Today;
            agreements = inForce
                ? agreements.Where(a => a.StartsOn <= today && (a.ExpiresOn == null || a.ExpiresOn >= today))
                : agreements.Where(a => a.StartsOn > today || a.ExpiresOn < today);
        }

        // Each word must be found in the title, the sector or a party's name, whatever the case.
        foreach (var word in Platform.Web.ListFilter.Words(query.Q).Take(10).Select(w => w.ToLower()))
        {
            agreements = agreements.Where(a => a.Title.ToLower().Contains(word) || (a.Sector != null && a.Sector.ToLower().Contains(word))
                || a.Parties.Any(p => p.Name.ToLower().Contains(word)));
        }

        return agreements;
    }

    internal async Task<Dictionary<Guid, CbaEntry>> EntriesAsync(IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var list = ids.ToList();
        var rows = await (from a in db.Set<CollectiveAgreement>().AsNoTracking()
                          join o in db.Set<Organisation>() on a.RecordedByOrganisationId equals o.Id
                          join f in db.Set<Facility>() on a.FacilityId equals f.Id into facilities
                          from f in facilities.DefaultIfEmpty()
                          where list.Contains(a.Id)
                          select new { a, RecordedBy = o.Name, FacilityName = f == null ? null : f.Name }).ToListAsync(ct);
        var parties = (await db.Set<CbaParty>().AsNoTracking().Where(p => list.Contains(p.AgreementId)).ToListAsync(ct)).ToLookup(p => p.AgreementId);
        var topics = (await db.Set<CbaClause>().AsNoTracking().Where(c => list.Contains(c.AgreementId)).Select(c => new { c.AgreementId, c.Topic }).Distinct().ToListAsync(ct))
            .ToLookup(c => c.AgreementId, c => c.Topic);
        var today = Today;
        return rows.ToDictionary(r => r.a.Id, r => new CbaEntry(r.a.Id, r.a.Title, r.a.Level, r.a.CountryCode, r.a.FacilityId, r.FacilityName, r.a.Sector,
            r.a.Language, r.a.SignedOn, r.a.StartsOn, r.a.ExpiresOn, r.a.InForceOn(today), r.a.WorkersCovered, r.a.WomenCovered, r.a.Public, r.a.Source, r.RecordedBy,
            [.. parties[r.a.Id].OrderBy(p => p.Side).ThenBy(p => p.Name, StringComparer.Ordinal).Select(p => new CbaPartyEntry(p.Id, p.Side, p.Name, p.OrganisationId, p.ConfirmedOn is not null))],
            [.. topics[r.a.Id].Order()]));
    }
}
