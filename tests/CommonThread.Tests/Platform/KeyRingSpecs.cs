using System.Security.Cryptography;
using System.Xml.Linq;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Platform.Crypto;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CommonThread.Tests.Platform;

/// <summary>
/// The keys that sign cookies are kept in the database sealed under a key kept outside it: a dump of the
/// database alone does not hold a key that could forge a sign-in.
/// </summary>
public abstract class KeyRingSpecs(TestApp app)
{
    [Fact]
    public async Task Sign_in_keys_are_stored_sealed_and_none_in_the_clear()
    {
        await app.SignedInAsync("brand@northwind.example", TestApp.DemoPassword);

        var stored = await app.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml ?? "").ToListAsync());

        Assert.NotEmpty(stored);
        Assert.All(stored, xml =>
        {
            Assert.Contains("<sealedKey", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_sealed_key_does_not_open_without_its_wrapping_key()
    {
        var sealedKey = Protection(Key(1)).Seal(new XElement("masterKey", "secret material"));

        Assert.DoesNotContain("secret material", sealedKey.ToString(), StringComparison.Ordinal);
        Assert.ThrowsAny<CryptographicException>(() => Protection(Key(2)).Open(sealedKey));
    }

    [Fact]
    public void After_a_rotation_keys_sealed_before_it_open_with_the_previous_wrapping_key_and_new_ones_use_the_new()
    {
        var before = Protection(Key(1)).Seal(new XElement("masterKey", "old"));
        var rotated = Protection(Key(2), previous: Key(1));

        Assert.Equal("old", rotated.Open(before).Value);
        var after = rotated.Seal(new XElement("masterKey", "new"));
        Assert.Equal(KeyRingProtection.Fingerprint(Convert.FromBase64String(Key(2))), after.Attribute("wrappingKey")!.Value);
        Assert.Equal("new", Protection(Key(2)).Open(after).Value);
    }

    [Fact]
    public void A_wrapping_key_of_the_wrong_length_stops_the_start_with_the_setting_named()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Protection(Convert.ToBase64String(new byte[16])));

        Assert.Contains("DataProtection:WrappingKey", error.Message, StringComparison.Ordinal);
    }

    private static string Key(byte fill) => Convert.ToBase64String(Enumerable.Repeat(fill, 32).ToArray());

    private static KeyRingProtection Protection(string key, string? previous = null) =>
        new(Options.Create(new KeyRingOptions { WrappingKey = key, PreviousWrappingKeys = previous is null ? [] : [previous] }), NullLogger<KeyRingProtection>.Instance);
}

public sealed class KeyRingSpecsOnSqlite(SqliteApp app) : KeyRingSpecs(app);

public sealed class KeyRingSpecsOnPostgres(PostgresApp app) : KeyRingSpecs(app);
