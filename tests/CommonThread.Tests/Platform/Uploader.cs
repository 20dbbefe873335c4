using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Accountability;
using CommonThread.Web.Assessments;
using CommonThread.Web.Audits;
using CommonThread.Web.Homework;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Audit;
using CommonThread.Web.Platform.Files;
using CommonThread.Web.SupplyChain;
using CommonThread.Web.SupplyChain.Imports;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.Platform;

/// <summary>Every endpoint that reads an uploaded table, by name; the path is relative to the organisation's API. A file over <paramref name="MaxBytes"/> is refused for its size before it is opened.</summary>
public sealed record UploadEndpoint(string Name, string Path, long MaxBytes = TableFile.MaxBytes)
{
    public static readonly IReadOnlyList<UploadEndpoint> All =
    [
        new("facility import", "imports"),
        new("homeworker import", "homeworkers/import"),
        new("homework payment import", "homework-payments/import"),
        new("invoice import", "payments/import"),
        new("audit finding import", "audits/{audit}/non-conformities/import"),
        new("XLSForm import", "questionnaires/import", Questionnaire.MaxFileBytes),
    ];

    public override string ToString() => Name;
}

/// <summary>A supplier of its own (it may use every import) with an audit it recorded, and the rows an upload could write.</summary>
public sealed record Uploader(HttpClient Client, Guid OrganisationId, Guid AuditId)
{
    public static async Task<Uploader> CreateAsync(TestApp app)
    {
        var (client, organisation) = await app.NewOrganisationClientAsync(OrganisationKind.Supplier);
        var auditId = await app.WithDbAsync(async db =>
        {
            var facility = new Facility { OperatorOrganisationId = organisation.Id, Name = $"Upload unit {Guid.NewGuid():N}", Address = "Gazipur", CountryCode = "BD", CreatedAt = DateTimeOffset.UnixEpoch };
            var audit = new Audit { FacilityId = facility.Id, RecordedByOrganisationId = organisation.Id, Standard = "SA8000", Auditor = "Auditor", StartedOn = new(2025, 1, 1), EndedOn = new(2025, 1, 2) };
            db.AddRange(facility, audit);
            await db.SaveChangesAsync();
            return audit.Id;
        });
        return new(client, organisation.Id, auditId);
    }

    public Task<HttpResponseMessage> PostAsync(UploadEndpoint endpoint, string fileName, byte[] bytes) =>
        Client.PostAsync($"/api/organisations/{OrganisationId}/{endpoint.Path.Replace("{audit}", AuditId.ToString(), StringComparison.Ordinal)}",
            new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", fileName } });

    /// <summary>Rows of the organisation that any import writes: its imports and their problems, homeworkers, payments, invoices, findings, questionnaires, audit log.</summary>
    public Task<int> CountRowsAsync(TestApp app) => app.WithDbAsync(async db =>
        await db.Set<FacilityImport>().CountAsync(i => i.OrganisationId == OrganisationId)
        + await db.Set<FacilityImportProblem>().CountAsync(p => db.Set<FacilityImport>().Any(i => i.Id == p.ImportId && i.OrganisationId == OrganisationId))
        + await db.Set<Homeworker>().CountAsync(h => h.OrganisationId == OrganisationId)
        + await db.Set<HomeworkPayment>().CountAsync(p => p.OrganisationId == OrganisationId)
        + await db.Set<PaymentRecord>().CountAsync(p => p.RecordedByOrganisationId == OrganisationId)
        + await db.Set<NonConformity>().CountAsync(n => n.AuditId == AuditId)
        + await db.Set<Questionnaire>().CountAsync(q => q.OwnerOrganisationId == OrganisationId)
        + await db.Set<AuditEntry>().CountAsync(a => a.OrganisationId == OrganisationId));
}
