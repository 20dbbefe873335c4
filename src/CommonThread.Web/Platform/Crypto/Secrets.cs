using System.Security.Cryptography;
using System.Text;

namespace CommonThread.Web.Platform.Crypto;

/// <summary>High-entropy secrets handed out once (API tokens, invitation links) and their stored hashes.</summary>
public static class Secrets
{
    /// <summary>256 random bits, URL-safe, with a prefix saying what the secret is for.</summary>
    public static string New(string prefix) => prefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    /// <summary>Short random text people read and type (references, link codes), drawn from an alphabet without look-alikes.</summary>
    public static string Readable(int length, string alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ") =>
        new(Enumerable.Range(0, length).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray());

    /// <summary>SHA-256 in hex. Enough for 256-bit random secrets; never use it for passwords or codes a person types.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
