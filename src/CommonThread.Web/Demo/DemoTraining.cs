using CommonThread.Web.Assessments;
using CommonThread.Web.Knowledge.Library;
using CommonThread.Web.Knowledge.Training;
using CommonThread.Web.Organisations;

namespace CommonThread.Web.Demo;

/// <summary>
/// The regional cohort of tripartite women leaders: run by the initiative, tested before and after on an XLSForm in
/// English and Bengali, two sessions held (Dhaka in Bengali, Phnom Penh in Khmer) and one to come; participants from
/// governments, employers and unions, most of them women, with their certificates.
/// </summary>
public static class DemoTraining
{
    public const string Cohort = "Regional cohort of tripartite women leaders (demo)";

    private static readonly (string Name, string Organisation, ConstituentGroup Group, ParticipantGender Gender, string Role, string Language, int Sessions, string[]? Before, string[]? After)[] People =
    [
        ("Nasrin Akter", "Bangladesh Garment Workers Federation (demo)", ConstituentGroup.Workers, ParticipantGender.Woman, "Women's committee secretary", "bn", 2,
            ["employees", "workers", "negotiated", "wait"], ["everyone", "workers", "negotiated", "reserved"]),
        ("Sreymom Chan", "Cambodian Apparel Workers Union (demo)", ConstituentGroup.Workers, ParticipantGender.Woman, "Shop steward", "km", 2,
            ["everyone", "management", "policy", "wait"], ["everyone", "workers", "negotiated", "reserved"]),
        ("Farzana Rahman", "Ministry of Labour and Employment (demo)", ConstituentGroup.Government, ParticipantGender.Woman, "Labour inspector", "bn", 2,
            ["everyone", "workers", "policy", "wait"], ["everyone", "workers", "negotiated", "reserved"]),
        ("Tahmina Chowdhury", "Garment Employers' Association (demo)", ConstituentGroup.Employers, ParticipantGender.Woman, "HR adviser", "en", 1,
            ["employees", "management", "negotiated", "wait"], null),
        ("Rashed Karim", "Garment Employers' Association (demo)", ConstituentGroup.Employers, ParticipantGender.Man, "Compliance manager", "en", 1, null, null),
        ("Ines Moreau", "Fair Threads Initiative", ConstituentGroup.Other, ParticipantGender.Woman, "Programme officer", "en", 2, null, null),
    ];

    private static readonly string[] Questions = ["c190_scope", "committee", "bargaining", "leadership"];

    public static async Task SeedAsync(IReadOnlyDictionary<string, Organisation> organisations, TrainingService training, QuestionnaireLibrary questionnaires, DateOnly today,
        CancellationToken ct)
    {
        var initiative = new OrganisationAccess(organisations["Fair Threads Initiative"], MemberRole.Owner);
        using var stream = typeof(DemoTraining).Assembly.GetManifestResourceStream("training-test.csv")!;
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, ct);
        var test = await questionnaires.ImportAsync(initiative, "training-test.csv", copy.ToArray(), ct);
        var cohort = await training.CreateAsync(initiative, new ProgrammeInput
        {
            Title = Cohort, Kind = ProgrammeKind.Cohort, Theme = KnowledgeTheme.GenderEquality, QuestionnaireId = test.Id,
            Description = "Women from labour ministries, employers' organisations and unions of the region, followed over two years: negotiation, C190 policies, and leading in tripartite bodies.",
        }, ct);
        var sessions = new List<SessionEntry>
        {
            await training.AddSessionAsync(initiative, cohort.Id, new SessionInput
            {
                Title = "Negotiating for women workers", StartsOn = today.AddDays(-120), EndsOn = today.AddDays(-118), Place = "Dhaka", Language = "bn", Trainers = "Fair Threads Initiative and BGWF trainers",
            }, ct),
            await training.AddSessionAsync(initiative, cohort.Id, new SessionInput
            {
                Title = "C190 in workplace policies", StartsOn = today.AddDays(-30), EndsOn = today.AddDays(-29), Place = "Phnom Penh", Language = "km", Trainers = "Fair Threads Initiative",
            }, ct),
        };
        await training.AddSessionAsync(initiative, cohort.Id, new SessionInput
        {
            Title = "Leading in tripartite bodies", StartsOn = today.AddDays(60), EndsOn = today.AddDays(61), Place = "Online", Language = "en", Trainers = "Fair Threads Initiative",
        }, ct);
        var attended = sessions.ToDictionary(s => s.Id, _ => new List<Guid>());
        foreach (var person in People)
        {
            var participant = await training.AddParticipantAsync(initiative, cohort.Id, new ParticipantInput
            {
                Name = person.Name, Organisation = person.Organisation, Group = person.Group, Gender = person.Gender, Role = person.Role, Language = person.Language,
            }, ct);
            foreach (var session in sessions.Take(person.Sessions))
            {
                attended[session.Id].Add(participant.Id);
            }

            foreach (var (stage, answers) in new[] { (AssessmentStage.Before, person.Before), (AssessmentStage.After, person.After) })
            {
                if (answers is not null)
                {
                    await training.RecordTestAsync(initiative, cohort.Id, participant.Id, stage,
                        new ResponseInput { Values = Questions.Zip(answers).ToDictionary(x => x.First, x => x.Second) }, ct);
                }
            }
        }

        foreach (var (session, people) in attended)
        {
            await training.RecordAttendanceAsync(initiative, cohort.Id, session, new AttendanceInput(people), ct);
        }
    }
}
