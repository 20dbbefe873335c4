using CommonThread.Web.Organisations;

namespace CommonThread.Web.SupplyChain.Imports;

/// <summary>Rows of the organisation's own imports still waiting for a person to decide the match, by import.</summary>
public sealed class ImportReviewsDashboardPanel(ReviewQueue queue) : IDashboardPanel
{
    private const int Shown = 5;

    public async Task<DashboardPanel?> ReadAsync(OrganisationAccess access, CancellationToken ct)
    {
        if (!OrganisationTabs.Offers(access.Organisation.Kind, "imports"))
        {
            return null;
        }

        var pending = (await queue.PageAsync(access.Organisation.Id, new(), 1, 1, ct)).Total;
        var imports = pending == 0 ? [] : await queue.ImportsWithPendingAsync(access.Organisation.Id, ct);
        var items = imports.Take(Shown).Select(i => new DashboardItem(i.FileName, $"imports/reviews?import={i.Id}", "uploaded on",
            DateOnly.FromDateTime(i.UploadedAt.UtcDateTime), false)).ToList();
        return new DashboardPanel("import-reviews", 60, "Imports", "imports/reviews",
            [new("import-reviews-pending", "Import rows waiting for your review", pending, true)], items);
    }
}
