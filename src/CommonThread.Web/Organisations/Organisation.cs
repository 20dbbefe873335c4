using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonThread.Web.Organisations;

public sealed class Organisation
{
    public const int NameMaxLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    public OrganisationKind Kind { get; init; }

    /// <summary>ISO 3166-1 alpha-2 code of the country where the organisation is based.</summary>
    public string? CountryCode { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Set by the organisation's owners: members without two-factor sign-in cannot act in it, by page, API or token.</summary>
    public bool RequireTwoFactor { get; set; }

    /// <summary>Whether members must use two-factor sign-in: platform administrators always must, whatever the setting says.</summary>
    public bool RequiresTwoFactor => RequireTwoFactor || Kind == OrganisationKind.PlatformAdmin;
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.ToTable("Organisations");
        b.Property(o => o.Name).HasMaxLength(Organisation.NameMaxLength);
        b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.CountryCode).HasMaxLength(2);
        b.HasIndex(o => o.Name);
        b.Ignore(o => o.RequiresTwoFactor);
    }
}
