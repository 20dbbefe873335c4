using System.Globalization;
using System.Net;
using System.Net.Mail;
using CommonThread.Data;
using CommonThread.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CommonThread.Web.Notifications;

/// <summary>
/// Sends the e-mail for each notification not yet sent. An e-mail repeats the notification's text and
/// link and nothing more: mailboxes are not where a grievance's content belongs. Each e-mail is written in
/// the recipient's preferred language (English when they chose none), its fixed wording included.
/// </summary>
public sealed class NotificationMailer(AppDbContext db, IOptions<EmailOptions> options, IStringLocalizer<Shell> text, TimeProvider clock, ILogger<NotificationMailer> log)
{
    public const int MaxAttempts = 5;
    private const int Batch = 50;

    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return 0;
        }

        var due = await (from n in db.Set<Notification>()
                         join u in db.Set<AppUser>() on n.UserId equals u.Id
                         where n.EmailedAt == null && n.EmailAttempts < MaxAttempts && u.Email != null
                         orderby n.CreatedAt
                         select new { n.Id, n.Text, n.Template, n.Arguments, n.Link, n.Urgent, n.EmailAttempts, u.Email, u.PreferredCulture }).Take(Batch).AsNoTracking().ToListAsync(ct);
        var sent = 0;
        using var smtp = Client(settings);
        foreach (var item in due)
        {
            // Claimed with one conditional update, so two app nodes never send the same e-mail.
            var claimed = await db.Set<Notification>().Where(n => n.Id == item.Id && n.EmailAttempts == item.EmailAttempts && n.EmailedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailAttempts, item.EmailAttempts + 1), ct);
            if (claimed == 0)
            {
                continue;
            }

            try
            {
                var (subject, body) = Words(item.PreferredCulture, item.Template, item.Arguments, item.Text, item.Urgent);
                using var message = new MailMessage(settings.From, item.Email!)
                {
                    Subject = subject,
                    Body = $"{body.Text}\n\n{settings.SiteUrl.TrimEnd('/')}{item.Link}\n\n{body.Footer}\n",
                    BodyEncoding = System.Text.Encoding.UTF8,
                    // Readable as it is in any mail client's source view, links included.
                    BodyTransferEncoding = System.Net.Mime.TransferEncoding.QuotedPrintable,
                    SubjectEncoding = System.Text.Encoding.UTF8,
                };
                await smtp.SendMailAsync(message, ct);
                var now = clock.GetUtcNow();
                await db.Set<Notification>().Where(n => n.Id == item.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailedAt, now), ct);
                sent++;
            }
            catch (SmtpException e)
            {
                log.LogWarning(e, "A notification e-mail could not be sent (attempt {Attempt} of {Max}).", item.EmailAttempts + 1, MaxAttempts);
            }
        }

        return sent;
    }

    /// <summary>The subject and body in the recipient's language; the resources are read in the culture set here, and it is put back after.</summary>
    private (string Subject, (string Text, string Footer) Body) Words(string? preferredCulture, string? template, string? arguments, string stored, bool urgent)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureOf(preferredCulture);
        try
        {
            var said = Phrase.Say(text, template, arguments, stored);
            var subject = text[urgent ? "[urgent] CommonThread: {0}" : "CommonThread: {0}", Headline(said)].Value;
            return (subject, (said, text["Sign in to read and act on it. You receive this because you are a member of an organisation on CommonThread."].Value));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>A language the staff UI speaks, or English: a preference the platform cannot write in is not one it can honour.</summary>
    private static CultureInfo CultureOf(string? preferred) =>
        LocalizationRegistration.ShellLanguages.FirstOrDefault(l => string.Equals(l.Culture, preferred, StringComparison.OrdinalIgnoreCase)).Culture is { } culture
            ? CultureInfo.GetCultureInfo(culture)
            : CultureInfo.GetCultureInfo("en");

    private static string Headline(string text) => text.Length <= 80 ? text : text[..79] + "…";

    private static SmtpClient Client(EmailOptions settings)
    {
        if (!string.IsNullOrWhiteSpace(settings.PickupDirectory))
        {
            Directory.CreateDirectory(settings.PickupDirectory);
            return new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = Path.GetFullPath(settings.PickupDirectory) };
        }

        var client = new SmtpClient(settings.SmtpHost, settings.SmtpPort) { EnableSsl = settings.SmtpStartTls };
        if (!string.IsNullOrEmpty(settings.SmtpUserName))
        {
            client.Credentials = new NetworkCredential(settings.SmtpUserName, settings.SmtpPassword);
        }

        return client;
    }
}
