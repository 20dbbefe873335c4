using CommonThread.Data;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.Platform.Crypto;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Files;
using CommonThread.Web.Platform.Identity;
using CommonThread.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.SupplyChain.Imports;

/// <summary>Uploading a facility list, reading its preview and starting it (the rows the matcher was unsure of: <see cref="ReviewQueue"/>, <see cref="MatchReviewDecisions"/>).</summary>
public sealed class FacilityImportService(AppDbContext db, CurrentUser me, AuditLog audit, ImportQueue queue, ImportLeases leases, ImportProgress progress, TimeProvider clock)
{
    /// <summary>Checks the file and keeps it with its problems; nothing reaches the chain until the import is started.</summary>
    public async Task<ImportDto> UploadAsync(OrganisationAccess access, string fileName, byte[] bytes, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var parsed = FacilityListParser.Parse(TableFile.Read(fileName, bytes), access.Organisation.Kind, DateOnly.FromDateTime(now.UtcDateTime));
        var import = new FacilityImport
        {
            OrganisationId = access.Organisation.Id, FileName = SafeFileName(fileName), FileSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)),
            FileBytes = bytes.Length, Status = ImportStatus.Previewed, TotalRows = parsed.TotalRows, ValidRows = parsed.Rows.Count, ProblemCount = parsed.ProblemCount,
            UploadedByUserId = me.UserId, UploadedByName = me.ActorName, UploadedAt = now,
        };
        db.Add(import);
        db.Add(new FacilityImportContent { ImportId = import.Id, Bytes = bytes });
        // The first 1,000 problems are stored (the parser keeps no more); ProblemCount says how many there were.
        db.AddRange(parsed.Problems.Select(p => (Problem: p, Stored: StoredWords.Of(p.Words))).Select(p => new FacilityImportProblem
        {
            ImportId = import.Id, Row = p.Problem.Row, Column = p.Problem.Column.Length > 64 ? p.Problem.Column[..64] : p.Problem.Column,
            Message = p.Problem.Message.Length > 500 ? p.Problem.Message[..500] : p.Problem.Message, MessageTemplate = p.Stored.Template, MessageArguments = p.Stored.Arguments,
        }));
        audit.Record(access.Organisation.Id, "import.uploaded", $"'{import.FileName}': {import.TotalRows} rows, {import.ValidRows} without problems");
        await db.SaveChangesAsync(ct);
        // The worker works out each row's planned outcome now (see ImportPlanner).
        queue.Wake();
        return await DtoAsync(import, ct);
    }

    private static string SafeFileName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return name.Length == 0 ? "upload" : name.Length > FacilityImport.FileNameMaxLength ? name[..FacilityImport.FileNameMaxLength] : name;
    }

    public async Task<IReadOnlyList<ImportDto>> ListAsync(Guid organisationId, CancellationToken ct)
    {
        var imports = await db.Set<FacilityImport>().AsNoTracking().Where(i => i.OrganisationId == organisationId)
            .OrderByDescending(i => i.UploadedAt).ToListAsync(ct);
        var dtos = new List<ImportDto>();
        foreach (var import in imports)
        {
            dtos.Add(await DtoAsync(import, ct));
        }

        return dtos;
    }

    /// <summary>The import with its rows counted by outcome: planned (once the preview is worked out) or, once completed, what happened.</summary>
    public async Task<ImportDto> GetAsync(Guid organisationId, Guid importId, CancellationToken ct)
    {
        var import = await FindAsync(organisationId, importId, ct);
        return await DtoAsync(import, ct) with { Rows = await RowTotalsAsync(import, ct) };
    }

    private async Task<ImportRowTotalsDto?> RowTotalsAsync(FacilityImport import, CancellationToken ct)
    {
        var planReady = import.Status is ImportStatus.Previewed or ImportStatus.Failed && import.PlannedAt is not null;
        if (!planReady && import.Status != ImportStatus.Completed)
        {
            return null;
        }

        var counts = await db.Set<FacilityImportRowResult>().AsNoTracking().Where(r => r.ImportId == import.Id && r.Row > 0)
            .GroupBy(r => r.Outcome).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var fileProblem = await db.Set<FacilityImportRowResult>().AsNoTracking().Where(r => r.ImportId == import.Id && r.Row == 0).Select(r => r.Message).FirstOrDefaultAsync(ct);
        return new(import.Status == ImportStatus.Completed ? "done" : "planned", import.Status == ImportStatus.Completed ? import.FinishedAt : import.PlannedAt,
            counts.GetValueOrDefault(RowOutcome.Matched), counts.GetValueOrDefault(RowOutcome.New), counts.GetValueOrDefault(RowOutcome.Review),
            counts.GetValueOrDefault(RowOutcome.Known), counts.GetValueOrDefault(RowOutcome.Problem), fileProblem);
    }

    /// <summary>
    /// A page of rows with their outcome, by row number after <paramref name="afterRow"/>: the plan while the import
    /// waits to be started, what happened once it completed. The facility is shown by its registry fields only
    /// (name, address, country, OS ID): never what another organisation recorded about it.
    /// </summary>
    public async Task<(IReadOnlyList<ImportRowResultDto> Rows, int Total)> RowsAsync(Guid organisationId, Guid importId, RowOutcome? outcome, int afterRow, int skip, int take, CancellationToken ct)
    {
        await FindAsync(organisationId, importId, ct);
        var results = db.Set<FacilityImportRowResult>().AsNoTracking().Where(r => r.ImportId == importId && r.Row > 0 && (outcome == null || r.Outcome == outcome));
        var total = await results.CountAsync(ct);
        var page = await (from r in results.Where(r => r.Row > afterRow)
                          join f in db.Set<Facility>() on r.FacilityId equals f.Id into facilities
                          from f in facilities.DefaultIfEmpty()
                          orderby r.Row
                          select new
                          {
                              r.Row, r.Outcome, r.Message, r.MessageColumn, r.MessageTemplate, r.MessageArguments, r.SameAsRow, r.Confidence, r.EvidenceJson,
                              Facility = f == null ? null : new RegistryFacilityDto(f.Id, f.Name, f.Address, f.CountryCode, f.OsId),
                          })
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 1000)).ToListAsync(ct);
        return (page.Select(r => new ImportRowResultDto(r.Row, r.Outcome, r.Message, r.SameAsRow, r.Facility, r.Confidence, ReviewEvidence.Read(r.EvidenceJson))
        {
            MessageColumn = r.MessageColumn, Words = r.Message is null || r.MessageTemplate is null ? null : Phrase.Restore(r.MessageTemplate, r.MessageArguments, r.Message),
        }).ToList(), total);
    }

    /// <summary>Every row with its outcome as CSV, so the rows that failed can be fixed in the file and uploaded again.</summary>
    public async Task<byte[]> RowsCsvAsync(Guid organisationId, Guid importId, RowOutcome? outcome, CancellationToken ct)
    {
        var rows = new List<ImportRowResultDto>();
        for (var after = 0; ;)
        {
            var (page, _) = await RowsAsync(organisationId, importId, outcome, after, 0, 1000, ct);
            rows.AddRange(page);
            if (page.Count < 1000)
            {
                break;
            }

            after = page[^1].Row;
        }

        return Platform.Files.Csv.File(["row", "outcome", "message", "same_as_row", "facility_name", "facility_address", "facility_country", "facility_os_id", "confidence"],
            rows.Select(r => (IEnumerable<object?>)[r.Row, r.Outcome.ToString().ToLowerInvariant(), r.Message, r.SameAsRow, r.Facility?.Name, r.Facility?.Address, r.Facility?.CountryCode, r.Facility?.OsId, r.Confidence]));
    }

    /// <summary>Deletes an upload that was not started (or failed): its file, problems and preview go with it.</summary>
    public async Task DiscardAsync(OrganisationAccess access, Guid importId, CancellationToken ct)
    {
        var import = await FindAsync(access.Organisation.Id, importId, ct);
        if (import.Status is not (ImportStatus.Previewed or ImportStatus.Failed))
        {
            // One sentence per state, so the state is a word of the reader's language rather than a code.
            throw import.Status switch
            {
                ImportStatus.Queued => RuleViolation.Conflict("status", "This import is queued; only an import that was not started, or failed, can be discarded."),
                ImportStatus.Running => RuleViolation.Conflict("status", "This import is running; only an import that was not started, or failed, can be discarded."),
                _ => RuleViolation.Conflict("status", "This import is completed; only an import that was not started, or failed, can be discarded."),
            };
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Conditional, so an import started at the same moment is not deleted under its run.
        var deleted = await db.Set<FacilityImport>().Where(i => i.Id == importId && (i.Status == ImportStatus.Previewed || i.Status == ImportStatus.Failed))
            .ExecuteDeleteAsync(ct);
        if (deleted == 0)
        {
            throw RuleViolation.Conflict("status", "This import was started by another request at the same moment.");
        }

        audit.Record(access.Organisation.Id, "import.discarded", $"'{import.FileName}': {import.TotalRows} rows");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<ImportProblem>> ProblemsAsync(Guid organisationId, Guid importId, int skip, int take, CancellationToken ct)
    {
        await FindAsync(organisationId, importId, ct);
        return (await db.Set<FacilityImportProblem>().AsNoTracking().Where(p => p.ImportId == importId)
            .OrderBy(p => p.Row).ThenBy(p => p.Id).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 1000))
            .Select(p => new { p.Row, p.Column, p.Message, p.MessageTemplate, p.MessageArguments }).ToListAsync(ct))
            .Select(p => new ImportProblem(p.Row, p.Column, p.Message) { Words = Phrase.Restore(p.MessageTemplate, p.MessageArguments, p.Message) }).ToList();
    }

    /// <summary>Each row that created or changed a link, with where the link stands: confirmed by the facility's operator, awaiting it, or refused.</summary>
    public async Task<IReadOnlyList<ImportedLinkDto>> LinksAsync(Guid organisationId, Guid importId, int skip, int take, CancellationToken ct)
    {
        await FindAsync(organisationId, importId, ct);
        return await (from l in db.Set<SupplyLink>()
                      join f in db.Set<Facility>() on l.FacilityId equals f.Id
                      where l.SourceImportId == importId && l.BuyerOrganisationId == organisationId
                      orderby l.SourceRowNumber
                      select new ImportedLinkDto(l.SourceRowNumber ?? 0, f.Id, f.Name, l.Status, f.OperatorOrganisationId != null))
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 1000)).AsNoTracking().ToListAsync(ct);
    }

    /// <summary>
    /// Queues a previewed or failed import, or one left Running by a process that is gone (its lease
    /// ran out); the worker picks it up at once. Of two starts at the same moment one is refused.
    /// </summary>
    public async Task<ImportDto> StartAsync(OrganisationAccess access, Guid importId, CancellationToken ct)
    {
        var import = await db.Set<FacilityImport>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == importId && i.OrganisationId == access.Organisation.Id, ct)
            ?? throw RuleViolation.NotFound("import");
        if (import.Status is not (ImportStatus.Previewed or ImportStatus.Failed) && !leases.IsAbandoned(import))
        {
            throw import.Status switch
            {
                ImportStatus.Queued => RuleViolation.Conflict("status", "This import is queued; only a previewed or failed import can be started."),
                ImportStatus.Running => RuleViolation.Conflict("status", "This import is running; only a previewed or failed import can be started."),
                _ => RuleViolation.Conflict("status", "This import is completed; only a previewed or failed import can be started."),
            };
        }

        if (import.ValidRows == 0)
        {
            throw new RuleViolation("file", "No row of this file can be imported; fix the problems and upload it again.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (from, owner) = (import.Status, import.RunningOn);
        var queued = await db.Set<FacilityImport>().Where(i => i.Id == importId && i.Status == from && i.RunningOn == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, ImportStatus.Queued).SetProperty(i => i.Failure, (string?)null)
                .SetProperty(i => i.StartedByUserId, me.UserId).SetProperty(i => i.StartedByName, me.ActorName).SetProperty(i => i.Attempts, 0)
                .SetProperty(i => i.RunningOn, (string?)null).SetProperty(i => i.LeaseUntil, (DateTimeOffset?)null), ct);
        if (queued == 0)
        {
            throw RuleViolation.Conflict("status", "This import was started by another request at the same moment.");
        }

        audit.Record(access.Organisation.Id, "import.started", $"'{import.FileName}': {import.ValidRows} rows");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        queue.Wake();
        import.Status = ImportStatus.Queued;
        import.Failure = null;
        import.StartedByUserId = me.UserId;
        import.StartedByName = me.ActorName;
        return await DtoAsync(import, ct);
    }

    private async Task<FacilityImport> FindAsync(Guid organisationId, Guid importId, CancellationToken ct) =>
        await db.Set<FacilityImport>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == importId && i.OrganisationId == organisationId, ct)
        ?? throw RuleViolation.NotFound("import");

    private async Task<ImportDto> DtoAsync(FacilityImport i, CancellationToken ct)
    {
        var sameFileAs = await db.Set<FacilityImport>().AsNoTracking()
            .Where(o => o.OrganisationId == i.OrganisationId && o.FileSha256 == i.FileSha256 && o.Status == ImportStatus.Completed && o.Id != i.Id)
            .OrderBy(o => o.UploadedAt).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
        return new(i.Id, i.FileName, i.Status, i.TotalRows, i.ValidRows, i.ProblemCount, i.UploadedByName, i.UploadedAt, i.StartedAt, i.FinishedAt, i.Failure,
            i.Status is ImportStatus.Running or ImportStatus.Queued ? progress.Of(i.Id) : null,
            i.MatchedRows, i.NewFacilities, i.ReviewRows, i.LinksCreated, i.LinksUpdated, i.FoaFactsRecorded, sameFileAs, i.KnownRows);
    }
}
