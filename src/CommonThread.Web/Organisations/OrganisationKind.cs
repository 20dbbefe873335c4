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
}
