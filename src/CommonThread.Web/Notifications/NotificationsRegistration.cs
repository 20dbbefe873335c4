namespace CommonThread.Web.Notifications;

public static class NotificationsRegistration
{
    public static void AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section);
        services.AddScoped<Notifier>();
        services.AddScoped<NotificationInbox>();
        services.AddScoped<NotificationMailer>();
        services.AddHostedService<NotificationMailerWorker>();
    }
}
