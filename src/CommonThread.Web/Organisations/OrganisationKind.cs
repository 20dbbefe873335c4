namespace CommonThread.Web.Organisations;

public enum OrganisationKind
{
    Brand,
    Supplier,
    Intermediary,
    Union,
    Initiative,

    /// <summary>Runs the platform: creates organisations. Sees no organisation's data by being admin.</summary>
    PlatformAdmin,

    /// <summary>
    /// A tripartite constituent on the government side: a labour ministry or a labour inspectorate. It has no chain
    /// and is party to no case by its kind: it sees the public library and what organisations share with it.
    /// </summary>
    Government,

    /// <summary>A tripartite constituent on the employers' side: an employers' or business membership organisation; sees as a government does.</summary>
    EmployerOrganisation,
}
