using CommonThread.Web.Assessments;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Api;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Files;

namespace CommonThread.Web.Knowledge.Training;

public static class TrainingEndpoints
{
    private static readonly ListOrder<ProgrammeSummary> ListOrder = new ListOrder<ProgrammeSummary>(p => p.Id).By(p => p.Title);

    public static void MapTrainingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/organisations/{orgId:guid}/training").RequireOrganisationMember().WithTags("Capacity building")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("", async ([AsParameters] ListWindow window, HttpContext http, TrainingService training, CancellationToken ct) =>
            TypedResults.Ok(window.Answer(http, ListOrder, await training.ListAsync(http.OrganisationAccess(), ct)))).WithName("ListTrainingProgrammes").Paged("By title");
        group.MapPost("", async (ProgrammeInput input, HttpContext http, TrainingService training, CancellationToken ct) =>
            {
                var programme = await training.CreateAsync(http.OrganisationAccess(), input, ct);
                return TypedResults.Created($"/api/organisations/{http.OrganisationAccess().Organisation.Id}/training/{programme.Id}", programme);
            }).RequireRole(MemberRole.Editor).WithName("CreateTrainingProgramme");
        group.MapGet("/{programmeId:guid}", async (Guid programmeId, HttpContext http, TrainingService training, CancellationToken ct) =>
            TypedResults.Ok(await training.FindAsync(http.OrganisationAccess(), programmeId, ct))).WithName("GetTrainingProgramme")
            .WithDescription("Sessions with who attended, participants with their before and after scores, and the people trained by gender and constituent group.");
        group.MapPost("/{programmeId:guid}/sessions", async (Guid programmeId, SessionInput input, HttpContext http, TrainingService training, CancellationToken ct) =>
            TypedResults.Ok(await training.AddSessionAsync(http.OrganisationAccess(), programmeId, input, ct))).RequireRole(MemberRole.Editor).WithName("AddTrainingSession");
        group.MapPost("/{programmeId:guid}/participants", async (Guid programmeId, ParticipantInput input, HttpContext http, TrainingService training, CancellationToken ct) =>
            TypedResults.Ok(await training.AddParticipantAsync(http.OrganisationAccess(), programmeId, input, ct))).RequireRole(MemberRole.Editor).WithName("AddTrainingParticipant");
        group.MapPut("/{programmeId:guid}/sessions/{sessionId:guid}/attendance", async (Guid programmeId, Guid sessionId, AttendanceInput input, HttpContext http,
                TrainingService training, CancellationToken ct) => TypedResults.Ok(await training.RecordAttendanceAsync(http.OrganisationAccess(), programmeId, sessionId, input, ct)))
            .RequireRole(MemberRole.Editor).WithName("RecordTrainingAttendance").WithDescription("The whole list of participants who attended, replacing the one before.");
        group.MapPut("/{programmeId:guid}/participants/{participantId:guid}/tests/{stage}", async (Guid programmeId, Guid participantId, string stage, ResponseInput input,
                HttpContext http, TrainingService training, CancellationToken ct) =>
                TypedResults.Ok(await training.RecordTestAsync(http.OrganisationAccess(), programmeId, participantId, Stage(stage), input, ct)))
            .RequireRole(MemberRole.Editor).WithName("RecordTrainingTest")
            .WithDescription("stage is before or after; the answers to the programme's XLSForm as in a questionnaire response. Checked and scored by the form.");
        group.MapGet("/{programmeId:guid}/participants/{participantId:guid}/certificate", async (Guid programmeId, Guid participantId, HttpContext http, TrainingService training,
                CertificatePdf pdf, CancellationToken ct) =>
            {
                var certificate = await training.CertificateAsync(http.OrganisationAccess(), programmeId, participantId, ct);
                return TypedResults.File(pdf.Write(certificate), FileSignature.Pdf, "certificate.pdf");
            }).WithName("GetTrainingCertificate").WithDescription("A PDF in the participant's language, once they attended a session.");
    }

    private static AssessmentStage Stage(string stage) => Enum.TryParse<AssessmentStage>(stage, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
        ? parsed : throw new RuleViolation("stage", "The stage is before or after.");
}
