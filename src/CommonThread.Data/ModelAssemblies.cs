using System.Reflection;

namespace CommonThread.Data;

/// <summary>
/// The assemblies whose IEntityTypeConfiguration classes make up the model. Registered once by the
/// web app, so each feature folder owns its entities while one DbContext serves them all.
/// </summary>
public sealed class ModelAssemblies(params Assembly[] assemblies)
{
    /// <summary>
    /// The model annotation that tells a configuration which provider the model is built for, while configurations
    /// run (removed afterwards): what one provider indexes natively (PostgreSQL's text search) the other cannot map.
    /// </summary>
    public const string ProviderAnnotation = "CommonThread:Provider";

    public IReadOnlyList<Assembly> Assemblies { get; } = assemblies;
}
