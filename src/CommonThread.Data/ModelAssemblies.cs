using System.Reflection;

namespace CommonThread.Data;

/// <summary>
/// The assemblies whose IEntityTypeConfiguration classes make up the model. Registered once by the
/// web app, so each feature folder owns its entities while one DbContext serves them all.
/// </summary>
public sealed class ModelAssemblies(params Assembly[] assemblies)
{
    public IReadOnlyList<Assembly> Assemblies { get; } = assemblies;
}
