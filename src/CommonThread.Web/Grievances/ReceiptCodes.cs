using System.Globalization;
using System.Security.Cryptography;
using NSec.Cryptography;

namespace CommonThread.Web.Grievances;

/// <summary>
/// The 16-digit code a reporter keeps to come back to their case. It is derived from the intake
/// form's one-time submission id and a secret, so a form sent twice (a retry after a dropped
/// connection) gets the same code and finds the same case. Stored only as Argon2id (libsodium, at
/// OWASP's minimum: 19 MiB, 2 passes, 1 lane) with the deployment's salt, so the case is found by its hash.
/// </summary>
public sealed class ReceiptCodes(CaseCrypto crypto)
{
    public const int Digits = 16;

    private static readonly PasswordBasedKeyDerivationAlgorithm Argon2id = PasswordBasedKeyDerivationAlgorithm.Argon2id(
        new Argon2Parameters { DegreeOfParallelism = 1, MemorySize = 19 * 1024, NumberOfPasses = 2 });

    public string CodeFor(Guid submissionId)
    {
        var mac = HMACSHA256.HashData(crypto.Pepper, submissionId.ToByteArray());
        var number = BitConverter.ToUInt64(mac, 0) % 10_000_000_000_000_000UL;
        return number.ToString("D16", CultureInfo.InvariantCulture);
    }

    /// <summary>The code as people write it back: spaces and dashes ignored; null unless 16 digits.</summary>
    public static string? Normalise(string? typed)
    {
        var digits = new string((typed ?? "").Where(char.IsAsciiDigit).ToArray());
        return digits.Length == Digits && (typed ?? "").All(c => char.IsAsciiDigit(c) || c is ' ' or '-') ? digits : null;
    }

    /// <summary>Four groups of four, for reading aloud and writing down.</summary>
    public static string Grouped(string code) => string.Join(' ', Enumerable.Range(0, 4).Select(i => code.Substring(i * 4, 4)));

    /// <summary>
    /// At most one Argon2id per core at a time; the other requests wait without holding a thread.
    /// Each hash walks 19 MiB: fifty of them time-sliced over two cores evict each other from the
    /// caches (measured: a quarter fewer hashes per second) and hold a gigabyte between them.
    /// </summary>
    private static readonly SemaphoreSlim OnePerCore = new(Environment.ProcessorCount);

    public async Task<byte[]> HashAsync(string code, CancellationToken ct)
    {
        await OnePerCore.WaitAsync(ct);
        try
        {
            return Hash(code);
        }
        finally
        {
            OnePerCore.Release();
        }
    }

    /// <summary>The hash itself, on the calling thread: for measuring it alone.</summary>
    public byte[] Hash(string code) => Argon2id.DeriveBytes(System.Text.Encoding.ASCII.GetBytes(code), crypto.ReceiptSalt, 32);
}
