namespace CommonThread.Web.Organisations;

/// <summary>
/// The ILO's tripartite constituents and the "plus" beside them: how a meeting, a training or a network is said to be
/// tripartite (governments, employers, workers) or tripartite-plus (brands, initiatives and others with them).
/// </summary>
public enum ConstituentGroup
{
    Government,
    Employers,
    Workers,
    Other,
}

public static class ConstituentGroups
{
    /// <summary>An organisation's group by its kind: employers are the companies that employ and the organisations that represent them.</summary>
    public static ConstituentGroup Of(OrganisationKind kind) => kind switch
    {
        OrganisationKind.Government => ConstituentGroup.Government,
        OrganisationKind.EmployerOrganisation or OrganisationKind.Supplier or OrganisationKind.Intermediary => ConstituentGroup.Employers,
        OrganisationKind.Union => ConstituentGroup.Workers,
        _ => ConstituentGroup.Other,
    };
}
