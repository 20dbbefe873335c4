using System.Security.Cryptography;
using NSec.Cryptography;

namespace CommonThread.Web.Grievances;

/// <summary>
/// The 16-digit code a reporter keeps to come back to their case. It is random, not derived from
/// anything the form carries: whoever sees a form (its submission id) cannot compute its code, and
/// only the form that filed a case gets the code back after a lost response (see <see cref="ReceiptReplays"/>).
/// Stored only as Argon2id (libsodium, at OWASP's minimum: 19 MiB, 2 passes, 1 lane) with the
/// deployment's salt, so the case is found by its hash.
/// </summary>
public sealed class ReceiptCodes(CaseCrypto crypto)
{
    public const int Digits = 16;

    private static readonly PasswordBasedKeyDerivationAlgorithm Argon2id = PasswordBasedKeyDerivationAlgorithm.Argon2id(
        new Argon2Parameters { DegreeOfParallelism = 1, MemorySize = 19 * 1024, NumberOfPasses = 2 });

    /// <summary>16 digits from the system's random generator.</summary>
    public static string NewCode() =>
        string.Concat(Enumerable.Range(0, Digits).Select(_ => (char)('0' + RandomNumberGenerator.GetInt32(10))));

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
