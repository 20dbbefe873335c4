using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace CommonThread.Web.Platform.Crypto;

/// <summary>Settings under "DataProtection": the key that wraps the sign-in key ring, kept outside the database.</summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    /// <summary>Base64 of 32 bytes. When unset, one is generated into <see cref="KeyFile"/> on first start (development).</summary>
    public string? WrappingKey { get; set; }

    public string KeyFile { get; set; } = "keyring-wrapping.key";

    /// <summary>Keys wrapped before a rotation, kept until every key they wrap has expired (see README).</summary>
    public List<string> PreviousWrappingKeys { get; set; } = [];
}

/// <summary>
/// The keys that sign cookies and anti-forgery tokens live in the database so every node shares them;
/// stored as they are, a database dump would let anyone forge a sign-in. Each is stored sealed
/// (AES-256-GCM) under a wrapping key kept outside the database, named by a fingerprint so that keys
/// sealed before a rotation still open with the previous key.
/// </summary>
public sealed class KeyRingProtection
{
    private static readonly XName Sealed = "sealedKey";

    private readonly byte[] current;
    private readonly Dictionary<string, byte[]> byFingerprint;

    public KeyRingProtection(IOptions<KeyRingOptions> options, ILogger<KeyRingProtection> log)
    {
        var o = options.Value;
        current = ExternalKey.Load(o.WrappingKey, o.KeyFile, "DataProtection:WrappingKey", log);
        byFingerprint = o.PreviousWrappingKeys.Select(k => ExternalKey.Decode(k, "DataProtection:PreviousWrappingKeys")).Append(current)
            .ToDictionary(Fingerprint, k => k);
    }

    /// <summary>
    /// A secret for one purpose, derived from the wrapping key: the same on every node, absent from the
    /// database, so what it keys there (the rate limits' counters) says nothing to whoever has only a dump.
    /// </summary>
    public byte[] Derive(string purpose) => HMACSHA256.HashData(current, System.Text.Encoding.UTF8.GetBytes(purpose));

    /// <summary>Eight bytes of a hash of the key: names it without revealing it.</summary>
    public static string Fingerprint(byte[] key) => Convert.ToHexStringLower(SHA256.HashData(key)[..8]);

    public XElement Seal(XElement plain)
    {
        var output = AesGcmEnvelope.Seal(current, System.Text.Encoding.UTF8.GetBytes(plain.ToString(SaveOptions.DisableFormatting)));
        return new XElement(Sealed, new XAttribute("wrappingKey", Fingerprint(current)), Convert.ToBase64String(output));
    }

    public XElement Open(XElement sealedKey)
    {
        var fingerprint = (string?)sealedKey.Attribute("wrappingKey") ?? "";
        if (!byFingerprint.TryGetValue(fingerprint, out var key))
        {
            throw new CryptographicException(
                $"A sign-in key was sealed with wrapping key {fingerprint}, which is not configured: add it to DataProtection:PreviousWrappingKeys.");
        }

        var plain = AesGcmEnvelope.Open(key, Convert.FromBase64String(sealedKey.Value));
        return XElement.Parse(System.Text.Encoding.UTF8.GetString(plain));
    }
}

/// <summary>What Data Protection calls to store a new key: sealed by <see cref="KeyRingProtection"/>.</summary>
public sealed class KeyRingEncryptor(KeyRingProtection protection) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement) => new(protection.Seal(plaintextElement), typeof(KeyRingDecryptor));
}

/// <summary>Made by Data Protection itself (by type, with the service provider) to read a stored key back.</summary>
public sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) => services.GetRequiredService<KeyRingProtection>().Open(encryptedElement);
}

public static class KeyRingRegistration
{
    /// <summary>Seals every key Data Protection writes from now on; keys written before stay readable until they expire.</summary>
    public static void AddKeyRingProtection(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<KeyRingOptions>(configuration.GetSection(KeyRingOptions.Section));
        services.AddSingleton<KeyRingProtection>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlEncryptor = new KeyRingEncryptor(sp.GetRequiredService<KeyRingProtection>())));
    }
}
