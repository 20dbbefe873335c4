namespace CommonThread.Web.Components;

/// <summary>Maps the pages of every feature through the shell's root component; Platform cannot, as it names no UI.</summary>
public static class PagesRegistration
{
    /// <summary>Called last so API routes are matched first.</summary>
    public static void MapPages(this WebApplication app) => app.MapRazorComponents<App>();
}
