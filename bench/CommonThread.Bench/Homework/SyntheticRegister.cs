using CommonThread.Data;
using CommonThread.Web.Homework;
using CommonThread.Web.Platform.Crypto;
using CommonThread.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Bench.Homework;

/// <summary>A payment row as the import file and the raw COPY both carry it.</summary>
public sealed record SyntheticPayment(Guid HomeworkerId, Guid WorkOrderId, decimal Amount, DateOnly PaidOn, string Method, string PaidBy, string Reference);

/// <summary>
/// A supplier's homework register with a fixed seed: homeworkers in 40 villages, one work order after
/// another given to each in turn over the past year, every order's pieces back and checked ten days
/// after it was given, a tenth of orders below the minimum wage and a few overloaded.
/// </summary>
public sealed class SyntheticRegister
{
    private const decimal PieceRate = 2.5m;
    private const int Pieces = 100;
    private readonly Guid organisationId;
    private readonly Guid facilityId;
    private readonly DateOnly today;
    private readonly List<Homeworker> homeworkers;

    public SyntheticRegister(Guid organisationId, Guid facilityId, int homeworkerCount, int orderCount, DateOnly today)
    {
        (this.organisationId, this.facilityId, this.today) = (organisationId, facilityId, today);
        homeworkers = Enumerable.Range(0, homeworkerCount).Select(NewHomeworker).ToList();
        HomeworkerIds = homeworkers.Select(h => h.Id).ToList();
        var random = new Random(3);
        Orders = Enumerable.Range(0, orderCount).Select(i => NewOrder(i, random)).ToList();
    }

    public IReadOnlyList<Guid> HomeworkerIds { get; }

    public List<WorkOrder> Orders { get; }

    /// <summary>The personal code the homeworker types on the passbook page: 10 letters and digits.</summary>
    public static string Code(int i) => $"HW{i:D8}";

    public static string Name(int i) => $"Homeworker {i:D6}";

    /// <summary>Written with the app's own bulk insert (binary COPY through the EF model).</summary>
    public async Task WriteAsync(string connection)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(connection).Options;
        await using var db = new AppDbContext(options, new ModelAssemblies(typeof(Homeworker).Assembly));
        await using var tx = await db.Database.BeginTransactionAsync();
        await BulkInsert.AddAsync(db, homeworkers, CancellationToken.None);
        await BulkInsert.AddAsync(db, Orders, CancellationToken.None);
        await BulkInsert.AddAsync(db, Orders.Select(o => new PieceReturn
        {
            WorkOrderId = o.Id, ReturnedOn = o.IssuedOn.AddDays(9), CheckedOn = o.IssuedOn.AddDays(10), Accepted = Pieces - (o.Quantity - Pieces), Rejected = o.Quantity - Pieces,
            RejectionReason = o.Quantity > Pieces ? "stitching" : null,
        }).ToList(), CancellationToken.None);
        foreach (var chunk in Orders.Chunk(100_000))
        {
            await WorkOrderTotals.ReturnedAsync(db, chunk.Select(o => o.Id).ToList(), CancellationToken.None);
        }

        await tx.CommitAsync();
    }

    /// <summary>
    /// Each order paid in equal parts adding up to what its accepted pieces earn, the first within the
    /// week the order allows and the last sometimes after it (late), by cash, mobile money or bank.
    /// </summary>
    public List<SyntheticPayment> Payments(int perOrder)
    {
        var payments = new List<SyntheticPayment>(Orders.Count * perOrder);
        string[] methods = ["Cash", "MobileMoney", "Bank"];
        foreach (var (order, i) in Orders.Select((o, i) => (o, i)))
        {
            var owed = (Pieces - (order.Quantity - Pieces)) * PieceRate;
            var part = decimal.Round(owed / perOrder, 2);
            for (var p = 0; p < perOrder; p++)
            {
                var amount = p == perOrder - 1 ? owed - part * (perOrder - 1) : part;
                var paidOn = order.IssuedOn.AddDays(11 + p * (i % 10 == 0 ? 4 : 2));
                payments.Add(new(order.HomeworkerId, order.Id, amount, paidOn < today ? paidOn : today, methods[(i + p) % 3], "Savar Homework Agency", $"R{i:D7}-{p}"));
            }
        }

        return payments;
    }

    private Homeworker NewHomeworker(int i) => new()
    {
        OrganisationId = organisationId, FacilityId = facilityId, Name = Name(i), Gender = i % 10 == 0 ? HomeworkerGender.Man : HomeworkerGender.Woman,
        BirthDate = new DateOnly(1970, 1, 1).AddDays(i % 12_000), ProofOfAge = ProofOfAge.NationalIdentityCard, ProofOfAgeCheckedOn = today.AddDays(-400),
        Address = $"House {i % 500}, Ward {i % 9}", Area = $"Village {i % 40:D2}", CountryCode = "BD", RegisteredOn = today.AddDays(-400),
        SocialSecurity = i % 3 == 0 ? SocialSecurityStatus.Enrolled : SocialSecurityStatus.NotEnrolled, MonthlyQuotaMinutes = 2_400, Language = "bn",
        PassbookCodeHash = Secrets.Hash(Code(i)), IdentityKey = $"bench|{i}",
    };

    /// <summary>Orders go round the homeworkers, so each has a passbook with the same few dozen lines.</summary>
    private WorkOrder NewOrder(int i, Random random)
    {
        var below = i % 10 == 0;
        var issued = today.AddDays(-30 - random.Next(360));
        return new WorkOrder
        {
            OrganisationId = organisationId, HomeworkerId = HomeworkerIds[i % HomeworkerIds.Count], Style = $"Style {i % 200}", Operation = "Hand embroidery",
            PieceRate = PieceRate, Currency = "BDT", StandardMinutesPerPiece = below ? 10m : 2m, Quantity = Pieces + (i % 7 == 0 ? 4 : 0), IssuedOn = issued, DueOn = issued.AddDays(8),
            PayWithinDays = 7, EffectiveHourlyRate = below ? 15m : 75m, MinimumHourlyWage = 28.85m, BelowMinimumWage = below, Overload = i % 97 == 0,
        };
    }
}
