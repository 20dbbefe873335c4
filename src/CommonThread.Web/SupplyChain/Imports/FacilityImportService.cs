using CommonThread.Data;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.Platform.Crypto;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Files;
using CommonThread.Web.Platform.Identity;
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
        db.AddRange(parsed.Problems.Select(p => new FacilityImportProblem
        {
            ImportId = import.Id, Row = p.Row, Column = p.Column.Length > 64 ? p.Column[..64] : p.Column, Message = p.Message.Length > 500 ? p.Message[..500] : p.Message,
        }));
        audit.Record(access.Organisation.Id, "import.uploaded", $"'{import.FileName}': {import.TotalRows} rows, {import.ValidRows} without problems");
        await db.SaveChangesAsync(ct);
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

    public async Task<ImportDto> GetAsync(Guid organisationId, Guid importId, CancellationToken ct) =>
        await DtoAsync(await FindAsync(organisationId, importId, ct), ct);

    public async Task<IReadOnlyList<ImportProblem>> ProblemsAsync(Guid organisationId, Guid importId, int skip, int take, CancellationToken ct)
    {
        await FindAsync(organisationId, importId, ct);
        return await db.Set<FacilityImportProblem>().AsNoTracking().Where(p => p.ImportId == importId)
            .OrderBy(p => p.Row).ThenBy(p => p.Id).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 1000))
            .Select(p => new ImportProblem(p.Row, p.Column, p.Message)).ToListAsync(ct);
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
            throw RuleViolation.Conflict("status", $"This import is {import.Status.ToString().ToLowerInvariant()}; only a previewed or failed import can be started.");
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
