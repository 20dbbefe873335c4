using System.Globalization;
using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text.Json;
using CommonThread.Data;
using CommonThread.Web.Platform.Errors;
using CommonThread.Web.Platform.Localization;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Web.Grievances;

public sealed record IntakeInput
{
    /// <summary>A random id the intake form carries from the moment it is shown: sending it twice files one case.</summary>
    [Required]
    public Guid? SubmissionId { get; init; }

    /// <summary>
    /// A random secret the form carries beside the submission id, never stored: only a send with both gets the
    /// receipt code back after a lost response (see <see cref="ReceiptReplays"/>). A gateway may leave it out.
    /// </summary>
    [StringLength(IntakeService.NonceMaxLength)]
    public string? Nonce { get; init; }

    [Required]
    public GrievanceCategory? Category { get; init; }

    [Required, StringLength(IntakeService.TextMaxLength)]
    public string Text { get; init; } = "";

    public bool Anonymous { get; init; } = true;

    [StringLength(200)]
    public string? Name { get; init; }

    [StringLength(200)]
    public string? Contact { get; init; }

    /// <summary>Which kinds of party may see the name and contact of a named reporter.</summary>
    public PartyKinds IdentityVisibleTo { get; init; }

    public ReporterGender Gender { get; init; }

    [StringLength(8)]
    public string? Language { get; init; }
}

/// <param name="Code">Null when the same form was sent again and its code is not given back (see <see cref="ReceiptReplays"/>).</param>
public sealed record Receipt(string Reference, string? Code, DateOnly ReceivedOn, string MechanismName);

/// <summary>What the reporter reads when they come back with their code.</summary>
public sealed record ReporterView(string Reference, GrievanceCategory Category, CaseStatus Status, DateOnly ReceivedOn, DateOnly AcknowledgeBy,
    DateOnly FeedbackBy, string Report, IReadOnlyList<ReporterMessage> Messages, bool? Satisfied)
{
    /// <summary>The case has an outcome the reporter can say they are satisfied with or not: a remedy carried out, or the case closed or rejected.</summary>
    public bool AsksSatisfaction => IntakeService.HasOutcome(Status);
}

/// <param name="Text">The words in the reporter's language when the party gave a translation, else as written.</param>
/// <param name="Original">The words as the party wrote them, when <paramref name="Text"/> is their translation.</param>
public sealed record ReporterMessage(MessageKind Kind, DateOnly On, string? From, CaseStatus? NewStatus, string Text, string? Original);

/// <summary>
/// The worker's side of a grievance: filing a report without an account, and coming back with the
/// receipt code to read replies and write more. Nothing here reads or stores the sender's address,
/// browser or time of day.
/// </summary>
public sealed class IntakeService(AppDbContext db, CaseCrypto crypto, ReceiptCodes receipts, ReceiptReplays replays, IntakeLimits limits, CaseParties partyFinder, Platform.Observability.Telemetry telemetry, TimeProvider clock)
{
    public const int TextMaxLength = 10_000;

    public const int NonceMaxLength = 64;

    /// <summary>
    /// What finds a filed case again: SHA-256 of the submission id, the form's nonce and where it came from
    /// (the channel and the form, a gateway's member, or the case retaliation is reported for). Without the
    /// nonce, or from elsewhere, the same submission id finds nothing.
    /// </summary>
    public static byte[] SubmissionHash(Guid submissionId, string? nonce, string origin) =>
        SHA256.HashData([.. submissionId.ToByteArray(), .. System.Text.Encoding.UTF8.GetBytes($"\n{nonce}\n{origin}")]);

    /// <summary>An active channel, its mechanism and the name of the facility it is for, in one query.</summary>
    public async Task<(GrievanceChannel Channel, GrievanceMechanism Mechanism, string? FacilityName)> ChannelAsync(string code, CancellationToken ct)
    {
        var found = await (from c in db.Set<GrievanceChannel>()
                           join m in db.Set<GrievanceMechanism>() on c.MechanismId equals m.Id
                           join f in db.Set<Facility>() on c.FacilityId equals f.Id into facilities
                           from f in facilities.DefaultIfEmpty()
                           where c.Code == code && c.Active
                           select new { Channel = c, Mechanism = m, Facility = f == null ? null : f.Name }).AsNoTracking().FirstOrDefaultAsync(ct)
            ?? throw RuleViolation.NotFound("channel");
        return (found.Channel, found.Mechanism, found.Facility);
    }

    /// <summary>
    /// Files the report and returns its receipt only once the case is committed. The same form sent
    /// again (same submission id) returns the same receipt and files nothing new.
    /// </summary>
    /// <param name="onlyForOrganisation">For a gateway posting with an organisation's token: the channel must be that organisation's.</param>
    /// <param name="gatewayUser">The member whose token a gateway posts with; null for the worker's own form.</param>
    public async Task<Receipt> SubmitAsync(string channelCode, IntakeInput input, CancellationToken ct, IReadOnlyList<AttachmentUpload>? attachments = null,
        Guid? onlyForOrganisation = null, string? gatewayUser = null)
    {
        var (channel, mechanism, _) = await ChannelAsync(channelCode, ct);
        if (onlyForOrganisation is { } organisationId && mechanism.OrganisationId != organisationId)
        {
            throw RuleViolation.NotFound("channel");
        }

        var origin = $"channel:{channel.Code}:" + (gatewayUser is null ? "form" : "gateway:" + gatewayUser);
        return await FileAsync(mechanism, channel.FacilityId, Intake.LanguageOr(input.Language, channel.Language), input, null, attachments ?? [], origin, ct,
            limitOnChannel: channel.Code);
    }

    /// <summary>
    /// The reporter of a case reports retaliation for it: a new case, linked to the first, urgent from
    /// the start, with the same parties. It gets a receipt code of its own.
    /// </summary>
    public async Task<Receipt?> ReportRetaliationAsync(string typedCode, IntakeInput input, CancellationToken ct)
    {
        if (await FindByCodeAsync(typedCode, ct) is not { } earlier)
        {
            return null;
        }

        var mechanism = await db.Set<GrievanceMechanism>().AsNoTracking().FirstAsync(m => m.Id == earlier.MechanismId, ct);
        return await FileAsync(mechanism, earlier.FacilityId, earlier.Language, input with { Category = GrievanceCategory.Retaliation }, earlier, [],
            $"retaliation:{earlier.Id}", ct);
    }

    private async Task<Receipt> FileAsync(GrievanceMechanism mechanism, Guid? facilityId, string language, IntakeInput input, GrievanceCase? retaliationFor,
        IReadOnlyList<AttachmentUpload> attachments, string origin, CancellationToken ct, string? limitOnChannel = null)
    {
        Validate(input);
        Attachments.Check(attachments);
        var nonce = input.Nonce ?? "";
        var submissionHash = SubmissionHash(input.SubmissionId!.Value, nonce, origin);
        if (await ExistingAsync(submissionHash, ct) is { } existing)
        {
            return new(existing.Reference, replays.TakeBack(submissionHash, nonce), existing.ReceivedOn, mechanism.Name);
        }

        // Only a new report counts against the channel's limit; the same form sent again does not.
        if (limitOnChannel is not null && await limits.TryFileAsync(limitOnChannel, ct) is { } retryAfter)
        {
            throw new RuleViolation("busy", "Many reports arrived through this link just now. Nothing was sent: try again in a few minutes.",
                StatusCodes.Status429TooManyRequests) { RetryAfter = retryAfter };
        }

        var code = ReceiptCodes.NewCode();

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var id = Guid.NewGuid();
        var (key, wrapped) = crypto.NewCaseKey(id);
        var named = !input.Anonymous;
        var grievance = new GrievanceCase
        {
            Id = id, MechanismId = mechanism.Id, FacilityId = facilityId, Reference = NewReference(), ReceiptHash = await receipts.HashAsync(code, ct),
            SubmissionHash = submissionHash, Category = input.Category!.Value, Status = CaseStatus.Received, Anonymous = !named,
            Urgent = input.Category == GrievanceCategory.Retaliation, RelatedCaseId = retaliationFor?.Id, ReporterGender = input.Gender, Language = language,
            ReceivedOn = today, AcknowledgeBy = today.AddDays(mechanism.AcknowledgeWithinDays), FeedbackBy = today.AddDays(mechanism.FeedbackWithinDays),
            WrappedKey = wrapped, Report = crypto.Encrypt(key, input.Text.Trim(), id),
            ReporterIdentity = named ? crypto.Encrypt(key, JsonSerializer.Serialize(new ReporterIdentity(input.Name?.Trim(), input.Contact?.Trim())), id) : null,
            IdentityVisibleTo = named ? input.IdentityVisibleTo : PartyKinds.None,
        };
        db.Add(grievance);
        foreach (var file in attachments)
        {
            var type = Attachments.TypeOf(file.Bytes);
            var clean = Attachments.WithoutMetadata(file.Bytes);
            db.Add(new CaseAttachment
            {
                CaseId = id, ContentType = type, Size = clean.Length, Name = crypto.Encrypt(key, Path.GetFileName(file.FileName), id),
                Content = crypto.Seal(key, clean, id),
            });
        }

        var parties = retaliationFor is null
            ? await partyFinder.ResolveAsync(mechanism, facilityId, ct)
            : (await db.Set<CaseParty>().AsNoTracking().Where(p => p.CaseId == retaliationFor.Id).Select(p => new { p.OrganisationId, p.Role }).ToListAsync(ct))
                .Select(p => (p.OrganisationId, p.Role)).ToList();
        foreach (var (organisationId, role) in parties)
        {
            db.Add(new CaseParty { CaseId = id, OrganisationId = organisationId, Role = role });
        }

        // The parties hear of it in the next batch (AnonymousActNotices), never at the minute it was filed.
        // Kept before saving: a second send racing this one finds the case and this code, not a code of its own.
        replays.Keep(submissionHash, nonce, code);
        try
        {
            await db.SaveChangesAsync(ct);
            telemetry.Reports.Add(1, new KeyValuePair<string, object?>("channel", limitOnChannel is null ? "other" : "link"));
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // The same form arrived twice at once: the other request filed it.
            db.ChangeTracker.Clear();
            if (await ExistingAsync(submissionHash, ct) is { } raced)
            {
                return new(raced.Reference, replays.TakeBack(submissionHash, nonce), raced.ReceivedOn, mechanism.Name);
            }

            replays.Forget(submissionHash);
            throw new InvalidOperationException("The report could not be stored.");
        }
        catch (Exception e) when (e is OperationCanceledException || DatabaseUnavailable.Is(e))
        {
            // Not stored: the same form sent again files it afresh, with a new code.
            replays.Forget(submissionHash);
            throw;
        }

        return new(grievance.Reference, code, today, mechanism.Name);
    }

    private async Task<GrievanceCase?> ExistingAsync(byte[] submissionHash, CancellationToken ct) =>
        await db.Set<GrievanceCase>().AsNoTracking().FirstOrDefaultAsync(c => c.SubmissionHash == submissionHash, ct);

    private static void Validate(IntakeInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Text) || input.Text.Length > TextMaxLength)
        {
            throw new RuleViolation("text", Phrase.Of("Write what happened, in at most {0} characters.", TextMaxLength.ToString("N0", CultureInfo.InvariantCulture)));
        }

        if (input.Name?.Length > 200 || input.Contact?.Length > 200)
        {
            throw new RuleViolation("name", "A name or a contact is at most 200 characters.");
        }

        if (!input.Anonymous && string.IsNullOrWhiteSpace(input.Name) && string.IsNullOrWhiteSpace(input.Contact))
        {
            throw new RuleViolation("name", "To report with your name, give your name or a way to reach you; or report anonymously.");
        }

        if (input.Category is not { } category || !Enum.IsDefined(category))
        {
            throw new RuleViolation("category", "Choose what the report is about.");
        }
    }

    /// <summary>GR- and 8 letters and digits without look-alikes (no 0/O, 1/I/L).</summary>
    private static string NewReference() => "GR-" + Platform.Crypto.Secrets.Readable(8);

    /// <summary>The case a receipt code opens, or null: the caller says only "not found", whatever the reason.</summary>
    private async Task<GrievanceCase?> FindByCodeAsync(string typedCode, CancellationToken ct)
    {
        if (ReceiptCodes.Normalise(typedCode) is not { } code)
        {
            return null;
        }

        var hash = await receipts.HashAsync(code, ct);
        return await db.Set<GrievanceCase>().FirstOrDefaultAsync(c => c.ReceiptHash == hash, ct);
    }

    public async Task<ReporterView?> OpenAsync(string typedCode, CancellationToken ct)
    {
        if (await FindByCodeAsync(typedCode, ct) is not { } grievance)
        {
            return null;
        }

        var key = crypto.Unwrap(grievance.WrappedKey, grievance.Id);
        var messages = await db.Set<CaseMessage>().AsNoTracking()
            .Where(m => m.CaseId == grievance.Id && m.Kind != MessageKind.InternalNote && m.Kind != MessageKind.Finding)
            .OrderBy(m => m.Sequence).ToListAsync(ct);
        return new(grievance.Reference, grievance.Category, grievance.Status, grievance.ReceivedOn, grievance.AcknowledgeBy, grievance.FeedbackBy,
            crypto.Decrypt(key, grievance.Report, grievance.Id),
            messages.Select(m => new ReporterMessage(m.Kind, m.On, m.AuthorRole?.ToString(), m.NewStatus,
                crypto.Decrypt(key, m.Translation ?? m.Body, grievance.Id), m.Translation is null ? null : crypto.Decrypt(key, m.Body, grievance.Id))).ToList(),
            grievance.ReporterSatisfied);
    }

    public static bool HasOutcome(CaseStatus status) => status is CaseStatus.RemedyImplemented or CaseStatus.Closed or CaseStatus.Rejected;

    /// <summary>
    /// The reporter says whether they are satisfied with the outcome; the parties read the answer on the case.
    /// Stored without a date or anything about the sender; asked only once there is an outcome.
    /// </summary>
    /// <returns>False when no case has the code.</returns>
    public async Task<bool> AnswerSatisfactionAsync(string typedCode, bool? satisfied, CancellationToken ct)
    {
        if (satisfied is null)
        {
            throw new RuleViolation("satisfied", "Answer yes or no.");
        }

        if (await FindByCodeAsync(typedCode, ct) is not { } grievance)
        {
            return false;
        }

        if (!HasOutcome(grievance.Status))
        {
            throw RuleViolation.Conflict("satisfied", "The case has no outcome yet.");
        }

        grievance.ReporterSatisfied = satisfied;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The reporter adds information or answers a question. Dated by the day only.</summary>
    public async Task<bool> ReplyAsync(string typedCode, string text, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > TextMaxLength)
        {
            throw new RuleViolation("text", Phrase.Of("Write your message (at most {0} characters).", TextMaxLength));
        }

        if (await FindByCodeAsync(typedCode, ct) is not { } grievance)
        {
            return false;
        }

        if (grievance.Status is CaseStatus.Closed or CaseStatus.Rejected)
        {
            throw RuleViolation.Conflict("text", "This case is closed; file a new report if something new happened.");
        }

        var key = crypto.Unwrap(grievance.WrappedKey, grievance.Id);
        db.Add(new CaseMessage
        {
            CaseId = grievance.Id, Kind = MessageKind.FromReporter, On = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
            Sequence = await CaseMessages.NextSequenceAsync(db, grievance.Id, ct), Body = crypto.Encrypt(key, text.Trim(), grievance.Id),
        });
        // Told to the parties in the next batch (AnonymousActNotices), not now: the notice would time the message.
        await db.SaveChangesAsync(ct);
        return true;
    }
}

public sealed record ReporterIdentity(string? Name, string? Contact);
