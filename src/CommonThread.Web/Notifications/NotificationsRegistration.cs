using CommonThread.Web.Platform.Jobs;
using Microsoft.Extensions.Options;

namespace CommonThread.Web.Notifications;

public static class NotificationsRegistration
{
    public static void AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section);
        services.AddScoped<Notifier>();
        services.AddScoped<NotificationInbox>();
        services.AddScoped<NotificationMailer>();
        // Sends only when a mail server or pickup folder is set (Email:SmtpHost, Email:PickupDirectory); otherwise notifications are on the site only.
        services.AddPeriodicJob("notification-mailer", TimeSpan.FromSeconds(30), (s, ct) => s.GetRequiredService<IOptions<EmailOptions>>().Value.Enabled
                ? s.GetRequiredService<NotificationMailer>().SendDueAsync(ct)
                : Task.CompletedTask,
            "Notification e-mails could not be sent; trying again shortly.", "Email:Interval");
    }
}
