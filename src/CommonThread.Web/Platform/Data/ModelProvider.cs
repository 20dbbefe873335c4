using CommonThread.Data;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.Platform.Data;

/// <summary>Which provider an entity's configuration builds the model for (see <see cref="ModelAssemblies.ProviderAnnotation"/>).</summary>
public static class ModelProvider
{
    public static bool IsNpgsql(this EntityTypeBuilder entity) =>
        entity.Metadata.Model.FindAnnotation(ModelAssemblies.ProviderAnnotation)?.Value as string == "Npgsql.EntityFrameworkCore.PostgreSQL";
}
