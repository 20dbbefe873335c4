using System.Net;
using System.Text;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Knowledge.Networks;
using CommonThread.Web.Knowledge.PeerReview;
using CommonThread.Web.Organisations;
using CommonThread.Web.Platform.Crypto;
using CommonThread.Web.SupplyChain;
using CommonThread.Web.SupplyChain.Imports;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommonThread.Tests.Platform;

/// <summary>An endpoint ready to call: the organisation that owns its data, members of it and of a competitor, and the URL.</summary>
public sealed record ApiEndpointCase(string Method, RouteEndpoint Endpoint, string Pattern, string Name, string Url, bool IsAdmin, Organisation Organisation,
    TestMember Owner, TestMember Viewer, TestMember Competitor, Dictionary<string, string> Values)
{
    /// <summary>A valid body for the endpoint, made anew (unique names) for each call.</summary>
    public HttpContent? SampleBody() => ApiEndpointCases.SampleBody(Method, Name, Values);

    public override string ToString() => $"{Method} {Pattern}";
}

/// <summary>
/// Every API endpoint and, for each, fresh data to act on: the one set-up the authorization matrix and
/// the hostile-input table share, so an endpoint added to one is tried by both.
/// </summary>
public sealed class ApiEndpointCases(TestApp app)
{
    /// <summary>Every API endpoint with each of its methods, read from the app's own endpoint data source so a new one cannot escape.</summary>
    public IReadOnlyList<(string Method, RouteEndpoint Endpoint)> All() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.GetRequiredMetadata<IHttpMethodMetadata>().HttpMethods.Select(method => (method, e)))
            .ToList();

    /// <summary>Fresh data the endpoint acts on, the members who call it, and its URL with every route value filled in.</summary>
    public async Task<ApiEndpointCase> PrepareAsync(string method, RouteEndpoint endpoint)
    {
        var pattern = endpoint.RoutePattern.RawText!;
        var isAdmin = pattern.StartsWith("/api/admin", StringComparison.Ordinal);
        var endpointName = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? pattern;
        var accountability = IsAccountability(pattern) ? await NewAccountabilityAsync() : null;
        // The organisation that owns the data, and a competitor of the same kind.
        var (owning, competing) = pattern switch
        {
            // Imports change the chain of the organisation that runs them: a fresh brand keeps the demo chain as it is.
            _ when pattern.Contains("/imports", StringComparison.Ordinal) => ((await app.NewOrganisationAsync(OrganisationKind.Brand)).Name, "Meridian Outfitters"),
            // A supplier of its own with its own mechanism and a case in it, so state changes touch nothing else.
            _ when pattern.Contains("/grievance", StringComparison.Ordinal) => ((await app.NewOrganisationAsync(OrganisationKind.Supplier)).Name, "Mekong Garments Co."),
            // A plan's items are updated by the supplier; everything else about audits and plans by the buyer following them.
            _ when IsCorrectivePlan(pattern) => ((await app.NewOrganisationAsync(SupplierUpdates(endpoint) ? OrganisationKind.Supplier : OrganisationKind.Brand)).Name, "Meridian Outfitters"),
            // A round of a fresh initiative for a fresh brand reviewed by a fresh union, with a fresh supplier asked for feedback: each endpoint is called by the party that acts on it.
            _ when accountability is not null => accountability.PartyFor(endpointName),
            // A supplier of its own answers an assignment that no other spec touches.
            _ when pattern.Contains("/assignments/{assignmentId", StringComparison.Ordinal) => ((await app.NewOrganisationAsync(OrganisationKind.Supplier)).Name, "Mekong Garments Co."),
            // A supplier of its own keeps a homework register that no other spec touches.
            _ when IsHomework(pattern) => ((await app.NewOrganisationAsync(OrganisationKind.Supplier)).Name, "Mekong Garments Co."),
            _ when pattern.Contains("/minimum-wages", StringComparison.Ordinal) => ("Fair Threads Initiative", "Meridian Outfitters"),
            // A fresh initiative publishes to the public library, and withdraws what it published; another initiative competes with it.
            _ when pattern.EndsWith("/{orgId:guid}/library", StringComparison.Ordinal) || endpointName == "WithdrawLibraryDocument" => ((await app.NewOrganisationAsync(OrganisationKind.Initiative)).Name, "Fair Threads Initiative"),
            // A fresh union keeps agreements (it is named party to one another organisation recorded); another union competes with it.
            _ when IsCollectiveAgreements(pattern) => ((await app.NewOrganisationAsync(OrganisationKind.Union)).Name, "Cambodian Apparel Workers Union (demo)"),
            // Peer review: each endpoint is called by its party in a fresh research network (editor, authors or reviewers; see NewSubmissionAsync).
            _ when IsPeerReview(pattern) => PeerReviewParty(endpointName) switch
            {
                SubmissionRole.Editor => ((await app.NewOrganisationAsync(OrganisationKind.Initiative)).Name, "Fair Threads Initiative"),
                SubmissionRole.Reviewer => ((await app.NewOrganisationAsync(OrganisationKind.EmployerOrganisation)).Name, "Garment Employers' Association (demo)"),
                _ => ((await app.NewOrganisationAsync(OrganisationKind.Union)).Name, "Cambodian Apparel Workers Union (demo)"),
            },
            // A fresh initiative convenes a network with a meeting, an action item and a document; another initiative competes with it.
            _ when IsNetworks(pattern) => ((await app.NewOrganisationAsync(OrganisationKind.Initiative)).Name, "Fair Threads Initiative"),
            // A fresh initiative runs a programme with a session and a participant; another initiative competes with it.
            _ when IsTraining(pattern) => ((await app.NewOrganisationAsync(OrganisationKind.Initiative)).Name, "Fair Threads Initiative"),
            // A fresh supplier answers the links claimed to its own fresh facility, and names a buyer for it.
            _ when pattern.Contains("/link-claims", StringComparison.Ordinal) || pattern.EndsWith("/buyers", StringComparison.Ordinal) => ((await app.NewOrganisationAsync(OrganisationKind.Supplier)).Name, "Mekong Garments Co."),
            // Presence is decided by the platform's administrators (no tie needed); claimed, listed and ended by a fresh union.
            _ when endpointName == "DecideUnionPresence" => ("CommonThread Platform", "Fair Threads Initiative"),
            _ when pattern.Contains("/union-presence", StringComparison.Ordinal) => ((await app.NewOrganisationAsync(OrganisationKind.Union)).Name, "Cambodian Apparel Workers Union (demo)"),
            _ when isAdmin => ("CommonThread Platform", "Meridian Outfitters"),
            _ when pattern.Contains("/facilities", StringComparison.Ordinal) || pattern.Contains("/links", StringComparison.Ordinal) => ("Dhaka Knitwear Ltd", "Mekong Garments Co."),
            _ when pattern.Contains("/{orgId:guid}/country-context", StringComparison.Ordinal) => ("Fair Threads Initiative", "Meridian Outfitters"),
            // A fresh brand's register, with an impact and an audit finding to propose one, so taking a proposal in changes nothing else.
            // A fresh initiative publishes a country risk method; another initiative competes with it.
            _ when endpointName == "PublishRiskMethod" => ((await app.NewOrganisationAsync(OrganisationKind.Initiative)).Name, "Fair Threads Initiative"),
            _ when IsRiskRegister(pattern) => ((await app.NewOrganisationAsync(OrganisationKind.Brand)).Name, "Meridian Outfitters"),
            _ => ("Northwind Apparel", "Meridian Outfitters"),
        };
        var organisation = await app.OrganisationAsync(owning);
        var owner = await app.NewMemberAsync(owning, MemberRole.Owner);
        var viewer = await app.NewMemberAsync(owning, MemberRole.Viewer);
        var target = await app.NewMemberAsync(owning, MemberRole.Viewer);
        var competitor = await app.NewMemberAsync(competing, MemberRole.Owner);
        var values = new Dictionary<string, string>
        {
            ["orgId"] = organisation.Id.ToString(),
            ["userId"] = target.UserId,
            ["tokenId"] = (await NewTokenAsync(viewer)).ToString(),
            // An invitation is answered only by the person it is addressed to: here the owner, in another organisation.
            ["invitationId"] = (IsMyInvitation(pattern) ? await NewInvitationAsync(owner, addressedTo: owner.Email) : await NewInvitationAsync(owner)).ToString(),
        };
        (values["facilityId"], values["linkId"]) = await NewFacilityAndLinkAsync(organisation.Id);
        values["countryCode"] = "BG";
        (values["importId"], values["reviewId"]) = await NewImportAndReviewAsync(organisation.Id, values["facilityId"]);
        (values["channelCode"], values["caseId"], values["attachmentId"]) = pattern.Contains("/grievance", StringComparison.Ordinal)
            ? await NewMechanismAndCaseAsync(organisation.Id, Guid.Parse(values["facilityId"]))
            : ("none", Guid.Empty.ToString(), Guid.Empty.ToString());
        (values["homeworkerId"], values["intermediaryId"], values["workOrderId"]) = IsHomework(pattern)
            ? await NewHomeworkAsync(organisation.Id)
            : (Guid.Empty.ToString(), Guid.Empty.ToString(), Guid.Empty.ToString());
        (values["planId"], values["measureId"]) = IsHomework(pattern) ? await NewActionPlanAsync(organisation.Id) : (Guid.Empty.ToString(), Guid.Empty.ToString());
        values["assignmentId"] = pattern.Contains("{assignmentId", StringComparison.Ordinal)
            ? (await NewAssignmentAsync(organisation.Id, Guid.Parse(values["facilityId"]))).ToString() : Guid.Empty.ToString();
        (values["auditId"], values["planId"], values["actionId"], values["evidenceId"], values["unionId"]) = IsCorrectivePlan(pattern)
            ? await NewCorrectivePlanAsync(organisation.Id, SupplierUpdates(endpoint))
            : (Guid.Empty.ToString(), values["planId"], Guid.Empty.ToString(), Guid.Empty.ToString(), Guid.Empty.ToString());
        values["documentId"] = (await app.WithDbAsync(db => db.Set<CommonThread.Web.Knowledge.Library.LibraryDocument>().OrderBy(d => d.Id).Select(d => d.Id).FirstAsync())).ToString();
        values["agreementId"] = IsCollectiveAgreements(pattern) ? (await NewAgreementNamingAsync(organisation.Id, recordedByIt: endpointName == "WithdrawCollectiveAgreement")).ToString() : values.GetValueOrDefault("agreementId", Guid.Empty.ToString());
        (values["networkId"], values["meetingId"], values["actionId"], values["networkDocumentId"], values["inviteeId"]) = IsNetworks(pattern)
            ? await NewNetworkAsync(organisation.Id) : (Guid.Empty.ToString(), Guid.Empty.ToString(), values["actionId"], Guid.Empty.ToString(), Guid.Empty.ToString());
        if (IsNetworks(pattern))
        {
            values["documentId"] = values["networkDocumentId"];
        }

        if (IsPeerReview(pattern))
        {
            (values["networkId"], values["submissionId"], values["reviewerEmail"]) = await NewSubmissionAsync(endpointName, organisation.Id, owner, viewer);
        }

        if (endpointName == "WithdrawLibraryDocument")
        {
            values["documentId"] = (await NewLibraryDocumentAsync(organisation.Id)).ToString();
        }

        if (endpointName == "GetReviewRecord")
        {
            values["documentId"] = (await app.WithDbAsync(db => db.Set<Submission>().Where(s => s.Title == CommonThread.Web.Demo.DemoPeerReview.PublishedPaper)
                .Select(s => s.PublishedDocumentId!.Value).SingleAsync())).ToString();
        }

        (values["programmeId"], values["sessionId"], values["participantId"]) = IsTraining(pattern)
            ? await NewProgrammeAsync(organisation.Id) : (Guid.Empty.ToString(), Guid.Empty.ToString(), Guid.Empty.ToString());
        values["stage"] = "before";
        values["key"] = "photo";
        values["reportKey"] = "csddd-statement";
        values["questionnaireId"] = CommonThread.Web.Assessments.QuestionnaireLibrary.Starters[0].Id.ToString();
        values["presenceId"] = pattern.Contains("{presenceId", StringComparison.Ordinal) ? (await NewPresenceAsync(endpointName == "DecideUnionPresence" ? null : organisation.Id)).ToString() : Guid.Empty.ToString();
        values["buyerId"] = (await app.OrganisationAsync("Northwind Apparel")).Id.ToString();
        (values["impactId"], values["proposalKey"], values["riskPlanId"], values["goalId"], values["reviewerUnionId"], values["engagementId"]) = IsRiskRegister(pattern)
            ? await NewImpactAsync(organisation.Id)
            : (Guid.Empty.ToString(), "none", Guid.Empty.ToString(), Guid.Empty.ToString(), Guid.Empty.ToString(), Guid.Empty.ToString());
        (values["workId"], values["linkedWorkId"]) = IsRiskRegister(pattern) ? await NewLinkedWorkAsync(organisation.Id, Guid.Parse(values["riskPlanId"])) : (Guid.Empty.ToString(), Guid.Empty.ToString());
        values["unionToAdd"] = pattern.Contains("/grievance", StringComparison.Ordinal) ? (await app.NewOrganisationAsync(OrganisationKind.Union)).Id.ToString() : Guid.Empty.ToString();
        foreach (var (key, value) in accountability?.Values ?? [])
        {
            values[key] = value;
        }

        var url = pattern;
        foreach (var parameter in endpoint.RoutePattern.Parameters)
        {
            Assert.True(values.ContainsKey(parameter.Name), $"{method} {pattern}: give the matrix a value for {{{parameter.Name}}}");
            url = System.Text.RegularExpressions.Regex.Replace(url, $"\\{{{parameter.Name}(:[^}}]*)?\\}}", values[parameter.Name]);
        }

        url += SampleQuery(endpointName);
        return new ApiEndpointCase(method, endpoint, pattern, endpointName, url, isAdmin, organisation, owner, viewer, competitor, values);
    }

    /// <summary>What a read that cannot answer without a query is sent, as its own client would send it.</summary>
    private static string SampleQuery(string endpointName) => endpointName switch
    {
        "GetMapClusters" => "?west=-180&south=-90&east=180&north=90&zoom=2",
        _ => "",
    };

    /// <summary>A country risk method's weights: every issue weighs the ITUC rating alone.</summary>
    private static readonly string MatrixRiskWeights = System.Text.Json.JsonSerializer.Serialize(
        Enum.GetNames<CommonThread.Web.DueDiligence.HumanRightsIssue>().ToDictionary(i => i, _ => new Dictionary<string, double> { ["ituc"] = 1 }));

    /// <summary>The first bytes of a PNG: what an image answer must be.</summary>
    public static readonly byte[] SamplePng = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0];

    public static bool IsMyInvitation(string pattern) => pattern.StartsWith("/api/invitations/{invitationId", StringComparison.Ordinal);

    private static bool IsTraining(string pattern) => pattern.Contains("/training", StringComparison.Ordinal);

    /// <summary>A programme tested on the demo XLSForm, with a session the participant attended (so a certificate is due).</summary>
    private Task<(string, string, string)> NewProgrammeAsync(Guid organiserId) => app.WithDbAsync(async db =>
    {
        var test = await db.Set<CommonThread.Web.Assessments.Questionnaire>().Where(q => q.FormId == "ct_training_gender_test").Select(q => q.Id).FirstAsync();
        var programme = new CommonThread.Web.Knowledge.Training.TrainingProgramme
        {
            OrganiserOrganisationId = organiserId, Title = "Matrix programme", Description = "Matrix", CreatedAt = DateTimeOffset.UnixEpoch, QuestionnaireId = test,
        };
        var session = new CommonThread.Web.Knowledge.Training.TrainingSession
        {
            ProgrammeId = programme.Id, Title = "Matrix session", StartsOn = new DateOnly(2026, 1, 1), EndsOn = new DateOnly(2026, 1, 1), Language = "en", Trainers = "Matrix",
        };
        var participant = new CommonThread.Web.Knowledge.Training.Participant { ProgrammeId = programme.Id, Name = "Matrix participant", Organisation = "Matrix", Language = "en" };
        db.AddRange(programme, session, participant, new CommonThread.Web.Knowledge.Training.SessionAttendance { SessionId = session.Id, ParticipantId = participant.Id });
        await db.SaveChangesAsync();
        return (programme.Id.ToString(), session.Id.ToString(), participant.Id.ToString());
    });

    /// <summary>A document the organisation published, to withdraw.</summary>
    private Task<Guid> NewLibraryDocumentAsync(Guid publisherId) => app.WithDbAsync(async db =>
    {
        var document = new CommonThread.Web.Knowledge.Library.LibraryDocument
        {
            PublisherOrganisationId = publisherId, Title = "Matrix document", Summary = "Matrix", Text = "Matrix", Language = "en", TitleWords = "matrix", BodyWords = "matrix",
            PublishedOn = new DateOnly(2026, 1, 1), AddedAt = DateTimeOffset.UnixEpoch,
        };
        db.Add(document);
        await db.SaveChangesAsync();
        return document.Id;
    });

    private static bool IsPeerReview(string pattern) => pattern.Contains("/submissions", StringComparison.Ordinal);

    private static SubmissionRole PeerReviewParty(string endpointName) => endpointName switch
    {
        "AskReviewer" or "DecideSubmission" or "PublishSubmission" => SubmissionRole.Editor,
        "SendReview" or "DeclineReview" => SubmissionRole.Reviewer,
        _ => SubmissionRole.Author,
    };

    /// <summary>
    /// A research network of its own (a fresh convener unless the organisation is it), which the organisation and the other
    /// parties joined, and a submission at the stage the endpoint acts on: under review with the owner and the viewer both
    /// asked to review (so each may send or decline their own), reviewed and accepted, or sent back for revision. Also the
    /// e-mail of a person of a member organisation the editor may ask.
    /// </summary>
    private async Task<(string, string, string)> NewSubmissionAsync(string endpointName, Guid organisationId, TestMember owner, TestMember viewer)
    {
        var party = PeerReviewParty(endpointName);
        var editorId = party == SubmissionRole.Editor ? organisationId : (await app.NewOrganisationAsync(OrganisationKind.Initiative)).Id;
        var authorsId = party == SubmissionRole.Author ? organisationId : (await app.NewOrganisationAsync(OrganisationKind.Union)).Id;
        var reviewers = party == SubmissionRole.Reviewer ? await app.WithDbAsync(db => db.Set<Organisation>().AsNoTracking().SingleAsync(o => o.Id == organisationId))
            : await app.NewOrganisationAsync(OrganisationKind.EmployerOrganisation);
        var asked = await app.NewMemberAsync(reviewers.Name, MemberRole.Editor);
        return await app.WithDbAsync(async db =>
        {
            var network = new Network { Title = "Matrix research network", Purpose = "Matrix", Kind = NetworkKind.ResearchNetwork, ConvenerOrganisationId = editorId, CreatedAt = DateTimeOffset.UnixEpoch };
            db.Add(network);
            db.AddRange(new[] { editorId, authorsId, reviewers.Id }.Select(o => new NetworkMember { NetworkId = network.Id, OrganisationId = o, Status = MembershipStatus.Joined, InvitedOn = new DateOnly(2026, 1, 1) }));
            var status = endpointName switch
            {
                "PublishSubmission" => SubmissionStatus.Accepted,
                "ReviseSubmission" => SubmissionStatus.RevisionsRequested,
                _ => SubmissionStatus.UnderReview,
            };
            var submission = new Submission
            {
                NetworkId = network.Id, AuthorOrganisationId = authorsId, Title = "Matrix paper", Authors = "Matrix", Summary = "Matrix", Language = "en", Countries = "BD", Status = status,
                Round = 1, SubmittedAt = DateTimeOffset.UnixEpoch,
            };
            db.Add(submission);
            db.Add(new ReviewRound
            {
                SubmissionId = submission.Id, Number = 1, Text = "Matrix", OpenedAt = DateTimeOffset.UnixEpoch, Decision = status == SubmissionStatus.UnderReview ? null : ReviewVerdict.Accept,
            });
            var people = party == SubmissionRole.Reviewer ? new[] { viewer.UserId, owner.UserId } : [asked.UserId];
            db.AddRange(people.Select((userId, i) => new ReviewTask
            {
                SubmissionId = submission.Id, Round = 1, ReviewerUserId = userId, ReviewerOrganisationId = reviewers.Id, Number = i + 1, AskedOn = new DateOnly(2026, 1, 1), DueOn = new DateOnly(2099, 1, 1),
                Status = party == SubmissionRole.Reviewer ? ReviewTaskStatus.Asked : ReviewTaskStatus.Submitted, Verdict = party == SubmissionRole.Reviewer ? null : ReviewVerdict.Accept,
                ToAuthors = party == SubmissionRole.Reviewer ? null : "Matrix",
            }));
            await db.SaveChangesAsync();
            var another = party == SubmissionRole.Editor ? (await app.NewMemberAsync(reviewers.Name, MemberRole.Viewer)).Email : asked.Email;
            return (network.Id.ToString(), submission.Id.ToString(), another);
        });
    }

    private static bool IsNetworks(string pattern) => pattern.Contains("/networks", StringComparison.Ordinal);

    /// <summary>A network the initiative convenes, with a meeting, an action item it owns itself, a shared PDF, and an organisation to invite.</summary>
    private async Task<(string, string, string, string, string)> NewNetworkAsync(Guid convenerId)
    {
        var invitee = await app.NewOrganisationAsync(OrganisationKind.Union);
        return await app.WithDbAsync(async db =>
        {
            var network = new Network { Title = "Matrix network", Purpose = "Matrix", ConvenerOrganisationId = convenerId, CreatedAt = DateTimeOffset.UnixEpoch };
            var meeting = new Meeting { NetworkId = network.Id, Title = "Matrix meeting", Agenda = "1.", HeldOn = new DateOnly(2026, 1, 1), ScheduledAt = DateTimeOffset.UnixEpoch };
            var action = new ActionItem { NetworkId = network.Id, MeetingId = meeting.Id, Description = "Matrix action", OwnerOrganisationId = convenerId, DueOn = new DateOnly(2099, 1, 1) };
            var document = new NetworkDocument
            {
                NetworkId = network.Id, Title = "Matrix document", FileName = "matrix.pdf", Bytes = "%PDF-1.4 matrix"u8.ToArray(), AddedByOrganisationId = convenerId, AddedAt = DateTimeOffset.UnixEpoch,
            };
            db.AddRange(network, new NetworkMember { NetworkId = network.Id, OrganisationId = convenerId, Status = MembershipStatus.Joined, InvitedOn = new DateOnly(2026, 1, 1) },
                meeting, action, document);
            await db.SaveChangesAsync();
            return (network.Id.ToString(), meeting.Id.ToString(), action.Id.ToString(), document.Id.ToString(), invitee.Id.ToString());
        });
    }

    private static bool IsCollectiveAgreements(string pattern) => pattern.Contains("/collective-agreements", StringComparison.Ordinal);

    /// <summary>A private sector agreement the initiative recorded, naming the union as a party yet to confirm.</summary>
    private Task<Guid> NewAgreementNamingAsync(Guid unionId, bool recordedByIt = false) => app.WithDbAsync(async db =>
    {
        var initiative = await db.Set<Organisation>().SingleAsync(o => o.Name == "Fair Threads Initiative");
        var agreement = new CommonThread.Web.Knowledge.CollectiveAgreements.CollectiveAgreement
        {
            RecordedByOrganisationId = recordedByIt ? unionId : initiative.Id, Title = "Matrix agreement", Level = CommonThread.Web.Knowledge.CollectiveAgreements.AgreementLevel.Sector, CountryCode = "BD",
            StartsOn = new DateOnly(2026, 1, 1), RecordedAt = DateTimeOffset.UnixEpoch,
            Parties = [new() { Side = CommonThread.Web.Knowledge.CollectiveAgreements.AgreementSide.Workers, Name = "Matrix union", OrganisationId = unionId }],
        };
        db.Add(agreement);
        await db.SaveChangesAsync();
        return agreement.Id;
    });

    private static bool IsRiskRegister(string pattern) => pattern.Contains("/risk", StringComparison.Ordinal) || pattern.Contains("/engagements", StringComparison.Ordinal);

    /// <summary>
    /// An impact in the brand's register at a facility of its confirmed chain that a fresh supplier runs (so the plan
    /// can be shared with its operator), with a plan of one goal, an audit finding at the facility that proposes another
    /// impact, and a union verified at the facility to invite as the plan's reviewer.
    /// </summary>
    private async Task<(string, string, string, string, string, string)> NewImpactAsync(Guid brandId)
    {
        var union = await app.NewOrganisationAsync(OrganisationKind.Union);
        var supplier = await app.NewOrganisationAsync(OrganisationKind.Supplier);
        return await app.WithDbAsync(async db =>
    {
        var facility = new Facility { OperatorOrganisationId = supplier.Id, Name = "Matrix supplier unit", Address = "3 Test Road", CountryCode = "BD", CreatedAt = DateTimeOffset.UnixEpoch };
        db.AddRange(facility, new SupplyLink { BuyerOrganisationId = brandId, FacilityId = facility.Id, Tier = 1, StartDate = new DateOnly(2025, 1, 1), CreatedAt = DateTimeOffset.UnixEpoch, Status = LinkStatus.Confirmed });
        var facilityId = facility.Id;
        var audit = new CommonThread.Web.Audits.Audit
        {
            FacilityId = facilityId, RecordedByOrganisationId = brandId, Standard = "SA8000", Auditor = "Matrix", StartedOn = new DateOnly(2026, 1, 1), EndedOn = new DateOnly(2026, 1, 2), RecordedAt = DateTimeOffset.UnixEpoch,
        };
        var impact = new CommonThread.Web.DueDiligence.AdverseImpact
        {
            OwnerOrganisationId = brandId, FacilityId = facilityId, CountryCode = "BD", Issue = CommonThread.Web.DueDiligence.HumanRightsIssue.Wages,
            Nature = CommonThread.Web.DueDiligence.ImpactNature.Potential, Title = "Matrix impact", Scale = 3, Scope = 3, Irremediability = 2, Likelihood = 3,
            Source = CommonThread.Web.DueDiligence.ImpactSource.Manual, Status = CommonThread.Web.DueDiligence.ImpactStatus.Open, RaisedAt = DateTimeOffset.UnixEpoch, AssessedAt = DateTimeOffset.UnixEpoch,
        };
        var plan = new CommonThread.Web.DueDiligence.Plans.DueDiligencePlan { OwnerOrganisationId = brandId, ImpactId = impact.Id, Title = "Matrix plan", CreatedAt = DateTimeOffset.UnixEpoch };
        var goal = new CommonThread.Web.DueDiligence.Plans.PlanGoal { PlanId = plan.Id, Number = 1, Goal = "Matrix goal", Indicator = "Matrix indicator", Target = "1", Owner = "HR", DueOn = new DateOnly(2099, 1, 1) };
        var engagement = new CommonThread.Web.DueDiligence.Engagement.EngagementRecord
        {
            OwnerOrganisationId = brandId, HeldOn = new DateOnly(2026, 1, 5), Kind = CommonThread.Web.DueDiligence.Engagement.EngagementKind.Meeting, Subject = "Matrix meeting", Raised = "Matrix",
            RecordedAt = DateTimeOffset.UnixEpoch,
        };
        db.AddRange(engagement, new CommonThread.Web.DueDiligence.Engagement.EngagementParty { RecordId = engagement.Id, OrganisationId = union.Id });
        db.AddRange(audit, impact, plan, goal, new CommonThread.Web.Audits.NonConformity
        {
            AuditId = audit.Id, Finding = "Union notices removed", Severity = CommonThread.Web.Audits.Severity.Major, Category = CommonThread.Web.Audits.FindingCategory.FreedomOfAssociation,
        }, new UnionPresence { UnionOrganisationId = union.Id, FacilityId = facilityId, Claim = "Registration no. M3", ClaimedOn = new DateOnly(2026, 1, 1), Status = PresenceStatus.Verified });
        await db.SaveChangesAsync();
        return (impact.Id.ToString(), $"audit:{facilityId}:FreedomOfAssociation", plan.Id.ToString(), goal.Id.ToString(), union.Id.ToString(), engagement.Id.ToString());
    });
    }

    /// <summary>Two corrective plans the brand follows at the plan's facility: one to link, one linked already (to unlink).</summary>
    private Task<(string, string)> NewLinkedWorkAsync(Guid brandId, Guid planId) => app.WithDbAsync(async db =>
    {
        var facility = await (from p in db.Set<CommonThread.Web.DueDiligence.Plans.DueDiligencePlan>()
                              join i in db.Set<CommonThread.Web.DueDiligence.AdverseImpact>() on p.ImpactId equals i.Id
                              join f in db.Set<Facility>() on i.FacilityId equals f.Id
                              where p.Id == planId
                              select f).SingleAsync();
        CommonThread.Web.Audits.CorrectiveActionPlan Corrective(string title) => new()
        {
            FacilityId = facility.Id, SupplierOrganisationId = facility.OperatorOrganisationId!.Value, FollowedByOrganisationId = brandId, Title = title, CreatedAt = DateTimeOffset.UnixEpoch,
        };
        var toLink = Corrective("Matrix corrective plan to link");
        var linked = Corrective("Matrix corrective plan linked");
        var link = new CommonThread.Web.DueDiligence.Plans.PlanLink
        {
            PlanId = planId, Kind = CommonThread.Web.DueDiligence.Plans.LinkedWorkKind.CorrectiveActionPlan, RecordId = linked.Id, LinkedAt = DateTimeOffset.UnixEpoch,
        };
        db.AddRange(toLink, linked, link);
        await db.SaveChangesAsync();
        return (toLink.Id.ToString(), link.Id.ToString());
    });

    private static bool IsCorrectivePlan(string pattern) => pattern.Contains("/audits", StringComparison.Ordinal) || pattern.Contains("/corrective-plans", StringComparison.Ordinal);

    private static bool SupplierUpdates(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName is "UpdateCorrectiveAction" or "AddCorrectiveEvidence";

    /// <summary>
    /// An audit with one freedom-of-association finding at a facility, the plan drawn from it with its
    /// item and a piece of evidence, and a union to invite; the organisation is the supplier running the
    /// facility or the buyer that recorded the audit and follows the plan, the other side fresh.
    /// </summary>
    private Task<(string, string, string, string, string)> NewCorrectivePlanAsync(Guid organisationId, bool organisationIsSupplier) => app.WithDbAsync(async db =>
    {
        var other = await app.NewOrganisationAsync(organisationIsSupplier ? OrganisationKind.Brand : OrganisationKind.Supplier);
        var union = await app.NewOrganisationAsync(OrganisationKind.Union);
        var (supplierId, buyerId) = organisationIsSupplier ? (organisationId, other.Id) : (other.Id, organisationId);
        var facility = new Facility { OperatorOrganisationId = supplierId, Name = "Matrix audited unit", Address = "3 Test Road", CountryCode = "BD", CreatedAt = DateTimeOffset.UnixEpoch };
        var link = new SupplyLink { BuyerOrganisationId = buyerId, FacilityId = facility.Id, Tier = 1, StartDate = new DateOnly(2025, 1, 1), CreatedAt = DateTimeOffset.UnixEpoch, Status = LinkStatus.Confirmed };
        var audit = new CommonThread.Web.Audits.Audit
        {
            FacilityId = facility.Id, RecordedByOrganisationId = buyerId, Standard = "SA8000", Auditor = "Matrix", StartedOn = new DateOnly(2026, 1, 1), EndedOn = new DateOnly(2026, 1, 2),
            RecordedAt = DateTimeOffset.UnixEpoch, ReportFileName = "report.pdf", Report = "%PDF-1.4"u8.ToArray(),
        };
        var finding = new CommonThread.Web.Audits.NonConformity { AuditId = audit.Id, Finding = "Union notices removed", Severity = CommonThread.Web.Audits.Severity.Major, Category = CommonThread.Web.Audits.FindingCategory.FreedomOfAssociation };
        var plan = new CommonThread.Web.Audits.CorrectiveActionPlan
        {
            FacilityId = facility.Id, AuditId = audit.Id, SupplierOrganisationId = supplierId, FollowedByOrganisationId = buyerId, Title = "Matrix plan", CreatedAt = DateTimeOffset.UnixEpoch,
        };
        var action = new CommonThread.Web.Audits.CorrectiveAction { PlanId = plan.Id, NonConformityId = finding.Id, Category = finding.Category, Description = finding.Finding, Owner = "HR", DueOn = new DateOnly(2099, 1, 1) };
        var evidence = new CommonThread.Web.Audits.CorrectiveEvidence { ActionId = action.Id, FileName = "notice.png", ContentType = "image/png", Content = [1, 2, 3], UploadedAt = DateTimeOffset.UnixEpoch };
        db.AddRange(facility, link, audit, finding, plan, action, evidence);
        await db.SaveChangesAsync();
        return (audit.Id.ToString(), plan.Id.ToString(), action.Id.ToString(), evidence.Id.ToString(), union.Id.ToString());
    });

    private static bool IsAccountability(string pattern) =>
        new[] { "/agreements", "/indicator-frameworks", "/rounds", "/feedback-invitations", "/payments", "/payment-terms" }.Any(part => pattern.Contains(part, StringComparison.Ordinal));

    private sealed record AccountabilityParties(string Initiative, string Brand, string Union, string Supplier, Dictionary<string, string> Values)
    {
        /// <summary>The party whose member acts on the endpoint, and an organisation of the same kind to play its competitor.</summary>
        public (string, string) PartyFor(string endpointName) => endpointName switch
        {
            "ReviewIndicatorReport" => (Union, "Cambodian Apparel Workers Union (demo)"),
            "ListFeedbackInvitations" or "GetFeedbackForm" or "GiveSupplierFeedback" => (Supplier, "Mekong Garments Co."),
            _ when endpointName.Contains("Agreement", StringComparison.Ordinal) || endpointName.Contains("Commitment", StringComparison.Ordinal) || endpointName.Contains("Payment", StringComparison.Ordinal)
                || endpointName is "ReportIndicator" or "AttachIndicatorEvidence" or "GetIndicatorEvidence" or "DiscussIndicatorReport" or "SelfAssessPurchasingPractices" => (Brand, "Meridian Outfitters"),
            _ => (Initiative, "Fair Threads Initiative"),
        };
    }

    /// <summary>
    /// An initiative's framework (an evidence-required percentage and a text indicator) and a round on it
    /// in which a brand, reviewed by a union, reported the percentage with evidence; a supplier facility the
    /// brand buys from invited to give feedback; a flagged comment; an agreement between brand and union;
    /// an unpaid invoice the brand recorded. All fresh.
    /// </summary>
    private async Task<AccountabilityParties> NewAccountabilityAsync()
    {
        var initiative = await app.NewOrganisationAsync(OrganisationKind.Initiative);
        var brand = await app.NewOrganisationAsync(OrganisationKind.Brand);
        var union = await app.NewOrganisationAsync(OrganisationKind.Union);
        var supplier = await app.NewOrganisationAsync(OrganisationKind.Supplier);
        return await app.WithDbAsync(async db =>
        {
            var facility = new Facility { OperatorOrganisationId = supplier.Id, Name = "Matrix feedback unit", Address = "4 Test Road", CountryCode = "BD", CreatedAt = DateTimeOffset.UnixEpoch };
            var link = new SupplyLink { BuyerOrganisationId = brand.Id, FacilityId = facility.Id, Tier = 1, StartDate = new DateOnly(2025, 1, 1), CreatedAt = DateTimeOffset.UnixEpoch, Status = LinkStatus.Confirmed };
            var framework = new CommonThread.Web.Accountability.IndicatorFramework { OwnerOrganisationId = initiative.Id, Name = "Matrix framework", CreatedAt = DateTimeOffset.UnixEpoch };
            var percentage = new CommonThread.Web.Accountability.Indicator
            {
                FrameworkId = framework.Id, Commitment = "Payment terms", Code = "PT2", Name = "On time", Kind = CommonThread.Web.Accountability.IndicatorKind.Percentage, Target = 95, EvidenceRequired = true,
            };
            var text = new CommonThread.Web.Accountability.Indicator { FrameworkId = framework.Id, Commitment = "Exit", Code = "RE3", Name = "How", Kind = CommonThread.Web.Accountability.IndicatorKind.Text, Order = 1 };
            var round = new CommonThread.Web.Accountability.MonitoringRound
            {
                InitiativeOrganisationId = initiative.Id, FrameworkId = framework.Id, Name = "Matrix round", PeriodStart = new DateOnly(2026, 1, 1), PeriodEnd = new DateOnly(2026, 6, 30),
                ReportsDueOn = new DateOnly(2026, 7, 31), FeedbackClosesOn = new DateOnly(2099, 1, 1), MinimumResponses = 3, CreatedAt = DateTimeOffset.UnixEpoch,
            };
            var participant = new CommonThread.Web.Accountability.RoundParticipant { RoundId = round.Id, BrandOrganisationId = brand.Id, ReviewerOrganisationId = union.Id };
            var report = new CommonThread.Web.Accountability.IndicatorReport
            {
                RoundId = round.Id, BrandOrganisationId = brand.Id, IndicatorId = percentage.Id, Value = 96, SubmittedOn = new DateOnly(2026, 7, 1), EvidenceFileName = "ledger.csv", Evidence = [1, 2],
            };
            var invitation = new CommonThread.Web.Accountability.FeedbackInvitation { RoundId = round.Id, BrandOrganisationId = brand.Id, FacilityId = facility.Id, SupplierOrganisationId = supplier.Id };
            var comment = new CommonThread.Web.Accountability.FeedbackComment { RoundId = round.Id, BrandOrganisationId = brand.Id, Category = "payment", Text = "Call +880 1711 555 123", Flags = "a phone" };
            var agreement = new CommonThread.Web.Accountability.Agreement
            {
                Kind = CommonThread.Web.Accountability.AgreementKind.JointStatement, Title = "Matrix statement", StartsOn = new DateOnly(2026, 1, 1), CreatedByOrganisationId = brand.Id,
                CreatedAt = DateTimeOffset.UnixEpoch, DocumentFileName = "statement.pdf", Document = [1],
            };
            var commitment = new CommonThread.Web.Accountability.Commitment { AgreementId = agreement.Id, Number = 1, Text = "Stable payment terms" };
            var payment = new CommonThread.Web.Accountability.PaymentRecord
            {
                BrandOrganisationId = brand.Id, SupplierOrganisationId = supplier.Id, RecordedByOrganisationId = brand.Id, InvoiceReference = "INV-M", Amount = 10, Currency = "USD", AgreedTermsDays = 30,
                InvoiceDate = new DateOnly(2026, 1, 1),
            };
            db.AddRange(facility, link, framework, percentage, text, round, participant, report, invitation, comment, agreement, commitment, payment,
                new CommonThread.Web.Accountability.AgreementParty { AgreementId = agreement.Id, OrganisationId = brand.Id, Accountable = true },
                new CommonThread.Web.Accountability.AgreementParty { AgreementId = agreement.Id, OrganisationId = union.Id });
            await db.SaveChangesAsync();
            return new AccountabilityParties(initiative.Name, brand.Name, union.Name, supplier.Name, new()
            {
                ["agreementId"] = agreement.Id.ToString(), ["commitmentId"] = commitment.Id.ToString(), ["frameworkId"] = framework.Id.ToString(), ["roundId"] = round.Id.ToString(),
                ["brandId"] = brand.Id.ToString(), ["indicatorId"] = percentage.Id.ToString(), ["reportId"] = report.Id.ToString(), ["feedbackInvitationId"] = invitation.Id.ToString(),
                ["commentId"] = comment.Id.ToString(), ["paymentId"] = payment.Id.ToString(), ["supplierId"] = supplier.Id.ToString(), ["unionId"] = union.Id.ToString(),
                ["supplierName"] = supplier.Name,
            });
        });
    }

    private static bool IsHomework(string pattern) =>
        new[] { "/homework", "/intermediaries", "/work-orders" }.Any(part => pattern.Contains(part, StringComparison.Ordinal));

    /// <summary>A homeworker, an intermediary and a work order of 1,000 pieces issued at the start of the year, all fresh.</summary>
    private Task<(string, string, string)> NewHomeworkAsync(Guid organisationId) => app.WithDbAsync(async db =>
    {
        var homeworker = new CommonThread.Web.Homework.Homeworker
        {
            OrganisationId = organisationId, Name = "Matrix homeworker", BirthDate = new DateOnly(1990, 1, 1), ProofOfAgeCheckedOn = new DateOnly(2025, 1, 1),
            Address = "1 Lane", Area = "Matrix", CountryCode = "BD", RegisteredOn = new DateOnly(2025, 1, 1), IdentityKey = Guid.NewGuid().ToString("N"),
        };
        var intermediary = new CommonThread.Web.Homework.Intermediary { OrganisationId = organisationId, Name = "Matrix agent" };
        var order = new CommonThread.Web.Homework.WorkOrder
        {
            OrganisationId = organisationId, HomeworkerId = homeworker.Id, Style = "M", Operation = "m", PieceRate = 2m, Currency = "BDT", StandardMinutesPerPiece = 1m,
            Quantity = 1000, IssuedOn = new DateOnly(2026, 1, 1), DueOn = new DateOnly(2026, 2, 1), PayWithinDays = 7, EffectiveHourlyRate = 120m,
        };
        db.AddRange(homeworker, intermediary, order);
        await db.SaveChangesAsync();
        return (homeworker.Id.ToString(), intermediary.Id.ToString(), order.Id.ToString());
    });

    /// <summary>An action plan whose one measure is done, so it may be closed.</summary>
    private Task<(string, string)> NewActionPlanAsync(Guid organisationId) => app.WithDbAsync(async db =>
    {
        var plan = new CommonThread.Web.Homework.ActionPlan { OrganisationId = organisationId, Title = "Matrix plan", Findings = "F", HomeworkerInvolvement = "H", CreatedOn = new DateOnly(2026, 1, 1) };
        var measure = new CommonThread.Web.Homework.ActionMeasure { PlanId = plan.Id, Description = "D", Owner = "O", DueOn = new DateOnly(2026, 3, 1), DoneOn = new DateOnly(2026, 2, 1) };
        db.AddRange(plan, measure);
        await db.SaveChangesAsync();
        return (plan.Id.ToString(), measure.Id.ToString());
    });

    /// <summary>Route values that are all the empty id: enough to tell which kind of body an endpoint takes.</summary>
    public static readonly IReadOnlyDictionary<string, string> AnyValues = new AnyValue();

    private sealed class AnyValue : IReadOnlyDictionary<string, string>
    {
        public string this[string key] => Guid.Empty.ToString();

        public IEnumerable<string> Keys => [];

        public IEnumerable<string> Values => [];

        public int Count => 0;

        public bool ContainsKey(string key) => true;

        public bool TryGetValue(string key, out string value)
        {
            value = this[key];
            return true;
        }

        public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => Enumerable.Empty<KeyValuePair<string, string>>().GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>A valid body for the endpoints that take one, so an allowed caller is served, not refused for bad input.</summary>
    public static HttpContent? SampleBody(string method, string endpointName, IReadOnlyDictionary<string, string> values)
    {
        var unique = Guid.NewGuid().ToString("N");
        if (endpointName == "ImportHomeworkers")
        {
            return new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes($"name,gender,birth_date,proof_of_age,proof_checked_on,address,area,country\nMatrix {unique},Woman,1990-01-01,BirthCertificate,2025-01-01,1 Lane,Matrix,BD\n")), "file", "homeworkers.csv" } };
        }

        if (endpointName == "ImportHomeworkPayments")
        {
            return new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes($"work_order,amount,paid_on,method,paid_by,reason\n{values["workOrderId"]},1,2026-01-02,Cash,Matrix,advance\n")), "file", "payments.csv" } };
        }

        if (endpointName == "ImportQuestionnaire")
        {
            return new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("survey,type,name,label\n,text,anything,Anything to add?\nsettings,form_title,form_id\n,Matrix,matrix\n")), "file", "matrix.csv" } };
        }

        if (endpointName == "AddNetworkDocument")
        {
            return new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4 matrix"u8.ToArray()), "file", "matrix.pdf" }, { new StringContent("Matrix"), "title" } };
        }

        if (endpointName == "ImportCollectiveAgreements")
        {
            return new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes($"title,country,level,unions,start\nMatrix {unique},BD,Sector,Matrix union,2026-01-01\n")), "file", "agreements.csv" } };
        }

        if (endpointName == "ImportPayments")
        {
            return new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes($"counterpart,invoice,amount,currency,terms_days,invoice_date\n{values["supplierName"]},M{unique},10,USD,30,2026-01-01\n")), "file", "invoices.csv" } };
        }

        if (endpointName == "ImportNonConformities")
        {
            return new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("finding,severity,category,clause\nNo grievance box,Minor,GrievanceMechanism,4.1\n")), "file", "findings.csv" } };
        }

        if (endpointName == "AttachAnswerFile")
        {
            return new MultipartFormDataContent { { new ByteArrayContent(SamplePng), "file", "board.png" } };
        }

        if (endpointName is "AttachAuditReport" or "AddCorrectiveEvidence" or "AttachAgreementDocument" or "AttachIndicatorEvidence")
        {
            return new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4 matrix"u8.ToArray()), "file", "matrix.pdf" } };
        }

        if (endpointName == "UploadImport")
        {
            return new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes($"country,name,address\nBD,Matrix {unique},1 Test Road\n")), "file", "matrix.csv" } };
        }

        var json = endpointName switch
        {
            "RecordCollectiveAgreement" => $$"""{"title":"Matrix {{unique}}","level":"Sector","country":"BD","startsOn":"2026-01-01","parties":[{"side":"Workers","name":"Matrix union"}]}""",
            "CreateTrainingProgramme" => $$"""{"title":"Matrix {{unique}}","kind":"Course","theme":"Productivity","description":"Matrix"}""",
            "AddTrainingSession" => """{"title":"Matrix","startsOn":"2026-12-01","endsOn":"2026-12-01","language":"en","trainers":"Matrix"}""",
            "AddTrainingParticipant" => """{"name":"Matrix","organisation":"Matrix","group":"Workers","gender":"Woman","language":"en"}""",
            "RecordTrainingAttendance" => $$"""{"participants":["{{values["participantId"]}}"]}""",
            "RecordTrainingTest" => """{"values":{"c190_scope":"everyone","committee":"workers","bargaining":"negotiated","leadership":"reserved"}}""",
            "SubmitForReview" => """{"title":"Matrix","authors":"Matrix","summary":"Matrix","text":"Matrix","language":"en","licence":"CcBy","countries":["BD"]}""",
            "AskReviewer" => $$"""{"email":"{{values["reviewerEmail"]}}","dueOn":"2099-01-01"}""",
            "SendReview" => """{"verdict":"Accept","toAuthors":"Matrix"}""",
            "DecideSubmission" => """{"decision":"Accept","letter":"Matrix"}""",
            "ReviseSubmission" => """{"text":"Matrix","response":"Matrix"}""",
            "CreateNetwork" => $$"""{"title":"Matrix {{unique}}","kind":"WorkingGroup","theme":"Productivity","purpose":"Matrix"}""",
            "InviteToNetwork" => $$"""{"organisationId":"{{values["inviteeId"]}}"}""",
            "AnswerNetworkMembership" => """{"join":true}""",
            "ScheduleNetworkMeeting" => """{"title":"Matrix","heldOn":"2026-12-01","format":"Online","agenda":"1."}""",
            "RecordNetworkMinutes" => """{"minutes":"Matrix","decisions":["Matrix"]}""",
            "AddNetworkAction" => $$"""{"description":"Matrix","ownerOrganisationId":"{{values["orgId"]}}","dueOn":"2099-01-01"}""",
            "UpdateNetworkAction" => """{"status":"Done","note":"Matrix"}""",
            "AnswerCollectiveAgreementParty" => """{"party":true}""",
            "PublishLibraryDocument" => $$"""{"title":"Matrix {{unique}}","summary":"S","text":"T","language":"en","kind":"Tool","licence":"CcBy","themes":["Productivity"],"countries":["BD"]}""",
            "CreateOrganisation" => $$"""{"name":"Matrix {{unique}}","kind":"Brand","countryCode":"FR","ownerEmail":"o{{unique}}@test.example"}""",
            "UpdateOrganisation" => """{"name":"Northwind Apparel","countryCode":"DE"}""",
            "SetTwoFactorRequirement" => """{"required":false}""",
            "InviteMember" => $$"""{"email":"i{{unique}}@test.example","role":"Viewer"}""",
            "ChangeMemberRole" => """{"role":"Editor"}""",
            "CreateApiToken" => """{"name":"matrix","role":"Viewer","expiresInDays":1}""",
            "CreateFacility" => """{"name":"Matrix facility","address":"1 Test Road, Gazipur","countryCode":"BD"}""",
            "UpdateFacility" => """{"name":"Matrix facility renamed","address":"1 Test Road, Gazipur","countryCode":"BD"}""",
            "CreateSupplyLink" => $$"""{"facilityId":"{{values["facilityId"]}}","tier":2,"startDate":"2026-01-01"}""",
            "EndSupplyLink" => """{"endDate":"2026-12-31"}""",
            "DecideLinkClaims" => $$"""{"linkIds":["{{values["linkId"]}}"],"confirm":true}""",
            "DecideMatchReviews" => $$"""{"confirm":["{{values["reviewId"]}}"],"reject":[]}""",
            "NameBuyer" => $$"""{"buyerOrganisationId":"{{values["buyerId"]}}","facilityId":"{{values["facilityId"]}}","startDate":"2026-01-01"}""",
            "ClaimUnionPresence" => $$"""{"facilityId":"{{values["facilityId"]}}","claim":"Registration no. M2"}""",
            "DecideUnionPresence" => """{"verify":true,"evidenceSeen":"RegistrationNumber","note":"Certificate seen"}""",
            "AddCaseParty" => $$"""{"organisationId":"{{values["unionToAdd"]}}","role":"Union"}""",
            "SaveCountryContext" => """{"country":"Bulgaria","c98Ratified":"1959","c177Ratified":"2009"}""",
            "SaveGrievanceMechanism" => """{"name":"Matrix mechanism","acknowledgeWithinDays":7,"feedbackWithinDays":90,"retainClosedCasesDays":730}""",
            "CreateGrievanceChannel" => """{"language":"bn"}""",
            "IntakeGrievance" => $$"""{"submissionId":"{{Guid.NewGuid()}}","category":"Other","text":"Matrix report"}""",
            "PostGrievanceMessage" => """{"kind":"InternalNote","text":"Matrix note"}""",
            "TransitionGrievance" => """{"to":"UnderInvestigation"}""",
            "RecordFoaFact" => """{"kind":"WorkerCommittee","source":"Audit","observedOn":"2026-01-10","name":"Matrix committee"}""",
            "RegisterHomeworker" or "UpdateHomeworker" => $$"""{"name":"Matrix {{unique}}","gender":"Woman","birthDate":"1990-01-01","proofOfAge":"NationalIdentityCard","proofOfAgeCheckedOn":"2026-01-01","address":"1 Lane","area":"Matrix","country":"BD"}""",
            "CreateIntermediary" or "UpdateIntermediary" => $$"""{"name":"Matrix {{unique}}"}""",
            "IssueWorkOrder" => $$"""{"homeworkerId":"{{values["homeworkerId"]}}","style":"S","operation":"O","pieceRate":10,"currency":"BDT","standardMinutesPerPiece":5,"quantity":10,"dueOn":"2099-01-01"}""",
            "ReturnPieces" => """{"returnedOn":"2026-01-02","accepted":1}""",
            "PayHomeworker" => """{"amount":1,"paidOn":"2026-01-02","method":"Cash","paidBy":"Matrix","reason":"advance"}""",
            "CreateHomeworkActionPlan" => """{"title":"M","findings":"F","homeworkerInvolvement":"H","measures":[{"description":"D","owner":"O","dueOn":"2099-01-01"}]}""",
            "CompleteHomeworkActionMeasure" => """{"doneOn":"2026-01-02"}""",
            "RecordAudit" => $$"""{"facilityId":"{{values["facilityId"]}}","standard":"SA8000","auditor":"Matrix","startedOn":"2026-01-01","endedOn":"2026-01-02","nonConformities":[{"finding":"F","severity":"Minor","category":"Wages"}]}""",
            "CreateCorrectivePlan" => """{"title":"Matrix plan","owner":"HR"}""",
            "UpdateCorrectiveAction" => """{"status":"InProgress","progress":"Started"}""",
            "VerifyCorrectiveAction" => """{"verified":true,"verifiedBy":"Matrix auditor","verifiedOn":"2026-01-02"}""",
            "InviteUnionToPlan" => $$"""{"unionOrganisationId":"{{values["unionId"]}}"}""",
            "CommentOnCorrectiveAction" => """{"text":"Matrix comment"}""",
            "AssignQuestionnaire" => $$"""{"questionnaireId":"{{values["questionnaireId"]}}","facilityIds":["{{values["facilityId"]}}"],"dueOn":"{{TimeProvider.System.GetUtcNow().AddDays(30):yyyy-MM-dd}}"}""",
            "CreateAgreement" => $$"""{"kind":"JointStatement","title":"Matrix","startsOn":"2026-01-01","creatorAccountable":true,"parties":[{"organisationId":"{{values["unionId"]}}","accountable":false}],"commitments":["Matrix"]}""",
            "CommentOnCommitment" or "DiscussIndicatorReport" => """{"text":"Matrix progress"}""",
            "CreateIndicatorFramework" => """{"name":"Matrix","copyStarter":true}""",
            "AddIndicator" => $$"""{"commitment":"C","code":"M{{unique[..8]}}","name":"N","kind":"Number"}""",
            "OpenRound" => $$"""{"name":"Matrix","frameworkId":"{{values["frameworkId"]}}","periodStart":"2026-01-01","periodEnd":"2026-06-30","reportsDueOn":"2026-07-31","feedbackClosesOn":"2099-01-01","participants":[{"brandOrganisationId":"{{values["brandId"]}}"}]}""",
            "RaiseFeedbackThreshold" => """{"minimumResponses":6}""",
            "ReportIndicator" => """{"value":50}""",
            "ReviewIndicatorReport" => """{"verdict":"Accepted"}""",
            "RedactComment" => """{"text":"Matrix redacted"}""",
            "SelfAssessPurchasingPractices" or "GiveSupplierFeedback" => """{"answers":{"forecast":"agree"}}""",
            "RecordPayment" => $$"""{"counterpartOrganisationId":"{{values["supplierId"]}}","invoiceReference":"M{{unique}}","amount":1,"currency":"USD","agreedTermsDays":30,"invoiceDate":"2026-01-01"}""",
            "MarkPaymentPaid" => """{"paidDate":"2026-02-01"}""",
            "RaiseImpact" => $$"""{"country":"BD","issue":"Wages","nature":"Potential","title":"Matrix {{unique}}","scale":3,"scope":3,"irremediability":2,"likelihood":3}""",
            "AssessImpact" => """{"nature":"Actual","scale":4,"scope":3,"irremediability":3,"likelihood":5,"status":"Addressed"}""",
            "CommentOnImpact" => """{"text":"Matrix comment"}""",
            "AcceptImpactProposal" => $$"""{"key":"{{values["proposalKey"]}}"}""",
            "CreateRiskPlan" => $$"""{"impactId":"{{values["impactId"]}}","title":"Matrix {{unique}}","template":"foa-action-route"}""",
            "UpdateRiskPlanGoal" => """{"status":"InProgress","owner":"Sourcing","dueOn":"2099-01-01","progress":"Started"}""",
            "MeasureRiskPlanGoal" => """{"on":"2026-01-01","value":40,"note":"Matrix"}""",
            "InviteRiskPlanReviewer" => $$"""{"unionOrganisationId":"{{values["reviewerUnionId"]}}"}""",
            "PublishRiskMethod" => $$"""{"name":"Matrix method","version":"{{unique[..12]}}","effectiveFrom":"2026-01-01","about":"Matrix","weights":{{MatrixRiskWeights}} }""",
            "ChooseRiskMethod" => """{"methodId":null}""",
            "LinkWorkToRiskPlan" => $$"""{"kind":"CorrectiveActionPlan","recordId":"{{values["workId"]}}"}""",
            "CommentOnRiskPlan" or "CommentOnEngagement" => """{"text":"Matrix comment"}""",
            "RecordEngagement" => $$"""{"heldOn":"2026-01-05","kind":"Meeting","subject":"Matrix {{unique}}","raised":"Overtime","partyIds":["{{values["reviewerUnionId"]}}"]}""",
            "AddMinimumWage" => $$"""{"country":"BG","region":"Matrix {{unique}}","hourlyRate":5,"currency":"BGN","effectiveFrom":"2026-01-01","source":"matrix"}""",
            _ => method is "POST" or "PUT" or "PATCH" ? "{}" : null,
        };
        return json is null ? null : new StringContent(json, Encoding.UTF8, "application/json");
    }

    /// <summary>A one-question questionnaire sent by a brand to the organisation, about the facility it runs, open.</summary>
    private Task<Guid> NewAssignmentAsync(Guid respondentId, Guid facilityId) => app.WithDbAsync(async db =>
    {
        var sender = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Set<CommonThread.Web.Organisations.Organisation>(), o => o.Name == "Northwind Apparel");
        var questionnaire = new CommonThread.Web.Assessments.Questionnaire
        {
            OwnerOrganisationId = sender.Id, Title = "Matrix", FormId = "matrix", Languages = "", FileName = "matrix.csv", ImportedAt = DateTimeOffset.UnixEpoch,
            Content = Encoding.UTF8.GetBytes("survey,type,name,label\n,text,anything,Anything to add?\n,image,photo,A photo of the notice board\n"),
        };
        var assignment = new CommonThread.Web.Assessments.Assignment
        {
            QuestionnaireId = questionnaire.Id, AssignedByOrganisationId = sender.Id, FacilityId = facilityId, RespondentOrganisationId = respondentId,
            DueOn = new DateOnly(2099, 1, 1), AssignedAt = DateTimeOffset.UnixEpoch,
        };
        // A photo already given, so the file can be read back by both sides.
        var photo = new CommonThread.Web.Assessments.AssessmentFile
        {
            AssignmentId = assignment.Id, QuestionKey = "photo", FileName = "board.png", ContentType = "image/png", Content = SamplePng, UploadedAt = DateTimeOffset.UnixEpoch,
        };
        db.AddRange(questionnaire, assignment, photo);
        await db.SaveChangesAsync();
        return assignment.Id;
    });

    /// <summary>
    /// A union's presence at a fresh facility of a fresh supplier: pending, for a verifier to decide
    /// (<paramref name="unionId"/> null: a fresh union), or verified, for the union to end.
    /// </summary>
    private Task<Guid> NewPresenceAsync(Guid? unionId) => app.WithDbAsync(async db =>
    {
        var supplier = await app.NewOrganisationAsync(OrganisationKind.Supplier);
        var union = unionId ?? (await app.NewOrganisationAsync(OrganisationKind.Union)).Id;
        var facility = new Facility { OperatorOrganisationId = supplier.Id, Name = "Matrix union unit", Address = "5 Test Road", CountryCode = "BD", CreatedAt = DateTimeOffset.UnixEpoch };
        var presence = new UnionPresence
        {
            UnionOrganisationId = union, FacilityId = facility.Id, Claim = "Registration no. M1", ClaimedOn = new DateOnly(2026, 1, 1),
            Status = unionId is null ? PresenceStatus.Pending : PresenceStatus.Verified,
        };
        db.AddRange(facility, presence);
        await db.SaveChangesAsync();
        return presence.Id;
    });

    /// <summary>A facility run by the organisation and a link from it to the facility, both fresh.</summary>
    private Task<(string, string)> NewFacilityAndLinkAsync(Guid organisationId) => app.WithDbAsync(async db =>
    {
        var facility = new Facility { OperatorOrganisationId = organisationId, Name = "Matrix unit", Address = "2 Test Road", CountryCode = "BD", CreatedAt = DateTimeOffset.UnixEpoch };
        var link = new SupplyLink { BuyerOrganisationId = organisationId, FacilityId = facility.Id, Tier = 2, StartDate = new DateOnly(2025, 1, 1), CreatedAt = DateTimeOffset.UnixEpoch, Status = LinkStatus.Confirmed };
        db.AddRange(facility, link);
        await db.SaveChangesAsync();
        return (facility.Id.ToString(), link.Id.ToString());
    });

    /// <summary>A previewed import of one good row, and a row of it waiting for review against the facility.</summary>
    private Task<(string, string)> NewImportAndReviewAsync(Guid organisationId, string facilityId) => app.WithDbAsync(async db =>
    {
        var csv = $"country,name,address\nBD,Matrix {Guid.NewGuid():N},1 Test Road\n";
        var import = new FacilityImport
        {
            OrganisationId = organisationId, FileName = "matrix.csv", FileSha256 = Secrets.Hash(csv), Status = ImportStatus.Previewed, TotalRows = 1, ValidRows = 1,
            UploadedAt = DateTimeOffset.UnixEpoch,
        };
        var row = new ImportRow { RowNumber = 2, Name = "Matrix unit", Address = "2 Test Rd", CountryCode = "BD" };
        var review = new MatchReview
        {
            OrganisationId = organisationId, ImportId = import.Id, RowNumber = 2, RowKey = Guid.NewGuid().ToString("N"), RowJson = System.Text.Json.JsonSerializer.Serialize(row),
            CandidateFacilityId = Guid.Parse(facilityId), Confidence = 0.7, Status = ReviewStatus.Pending,
        };
        db.AddRange(import, new FacilityImportContent { ImportId = import.Id, Bytes = Encoding.UTF8.GetBytes(csv) }, review);
        await db.SaveChangesAsync();
        return (import.Id.ToString(), review.Id.ToString());
    });

    /// <summary>A mechanism of the organisation with a channel for its facility, and a case filed through it, with a photo, waiting for agreement to a remedy.</summary>
    private async Task<(string, string, string)> NewMechanismAndCaseAsync(Guid organisationId, Guid facilityId)
    {
        var code = "m" + Guid.NewGuid().ToString("N")[..12];
        await app.WithDbAsync(async db =>
        {
            var mechanism = new CommonThread.Web.Grievances.GrievanceMechanism { OrganisationId = organisationId, Name = "Matrix mechanism", CreatedAt = DateTimeOffset.UnixEpoch };
            db.AddRange(mechanism, new CommonThread.Web.Grievances.GrievanceChannel { MechanismId = mechanism.Id, Code = code, FacilityId = facilityId });
            return await db.SaveChangesAsync();
        });
        await using var scope = app.Services.CreateAsyncScope();
        var receipt = await scope.ServiceProvider.GetRequiredService<CommonThread.Web.Grievances.IntakeService>().SubmitAsync(code, new()
        {
            SubmissionId = Guid.NewGuid(), Category = CommonThread.Web.Grievances.GrievanceCategory.Other, Text = "Matrix report",
        }, CancellationToken.None, [new("matrix.png", CommonThread.Tests.Grievances.SampleFiles.Png())]);
        var caseId = await app.WithDbAsync(async db =>
        {
            var grievance = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Set<CommonThread.Web.Grievances.GrievanceCase>(), c => c.Reference == receipt.Reference);
            grievance.Status = CommonThread.Web.Grievances.CaseStatus.RemedyProposed;
            await db.SaveChangesAsync();
            return grievance.Id;
        });
        var attachmentId = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Set<CommonThread.Web.Grievances.CaseAttachment>().Where(a => a.CaseId == caseId).Select(a => a.Id)));
        return (code, caseId.ToString(), attachmentId.ToString());
    }

    private Task<Guid> NewTokenAsync(TestMember member) => app.WithDbAsync(async db =>
    {
        var token = new ApiToken
        {
            OrganisationId = member.OrganisationId, UserId = member.UserId, Name = "matrix", Role = MemberRole.Viewer,
            Prefix = "ct_matrix", SecretHash = Secrets.Hash(Secrets.New("ct_")), CreatedAt = DateTimeOffset.UnixEpoch, ExpiresAt = DateTimeOffset.MaxValue.AddDays(-1),
        };
        db.Add(token);
        await db.SaveChangesAsync();
        return token.Id;
    });

    private Task<Guid> NewInvitationAsync(TestMember owner, string? addressedTo = null) => app.WithDbAsync(async db =>
    {
        var organisationId = addressedTo is null ? owner.OrganisationId : (await app.NewOrganisationAsync(OrganisationKind.Brand)).Id;
        var invitation = new Invitation
        {
            OrganisationId = organisationId, Email = addressedTo ?? $"inv{Guid.NewGuid():N}@test.example", Role = MemberRole.Viewer,
            SecretHash = Secrets.Hash(Secrets.New("inv_")), InvitedByUserId = owner.UserId, CreatedAt = DateTimeOffset.UnixEpoch, ExpiresAt = DateTimeOffset.MaxValue.AddDays(-1),
        };
        db.Add(invitation);
        await db.SaveChangesAsync();
        return invitation.Id;
    });
}
