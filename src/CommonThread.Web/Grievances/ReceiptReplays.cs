using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace CommonThread.Web.Grievances;

/// <summary>
/// Gives a new case's receipt code back once, within an hour, to the form that filed it: the worker whose
/// phone lost the connection after sending presses send again and still gets their code.
/// </summary>
/// <remarks>
/// Only the same form can ask: a case is found again by SHA-256 of its submission id, the form's secret
/// nonce and where it came from (channel and form or gateway), so a submission id replayed without the
/// nonce, from the API or on another channel, finds nothing and is filed as a new report of its own,
/// with a code of its own; nothing tells the sender that another case exists. The nonce is made when the
/// form is shown and never stored; the code is kept here sealed under a key derived from it, in memory
/// only, and removed on the first replay or after <see cref="Window"/>.
/// The trade-off: whoever holds the very page the worker filled in (the same phone, within the hour, before
/// the worker retried) can still get the code by sending it again: that is indistinguishable from the
/// worker's own retry, and it is the case this exists for. After a restart, on another app node, after an
/// hour or after one replay, the same form gets "already received" without a code; the case itself is safe
/// in the database, and the worker can report again.
/// </remarks>
public sealed class ReceiptReplays(TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, (byte[] Sealed, DateTimeOffset Until)> kept = new();

    /// <summary>Keeps the code for the form's replay; the first kept for a submission stays (two sends racing file one case).</summary>
    public void Keep(byte[] submissionHash, string nonce, string code)
    {
        Sweep();
        kept.TryAdd(Convert.ToHexString(submissionHash), (Seal(KeyFor(submissionHash, nonce), Encoding.ASCII.GetBytes(code)), clock.GetUtcNow() + Window));
    }

    /// <summary>The code, once; null if it expired, was given back already, or was never kept on this node.</summary>
    public string? TakeBack(byte[] submissionHash, string nonce)
    {
        Sweep();
        if (!kept.TryRemove(Convert.ToHexString(submissionHash), out var entry) || entry.Until < clock.GetUtcNow())
        {
            return null;
        }

        try
        {
            return Encoding.ASCII.GetString(Open(KeyFor(submissionHash, nonce), entry.Sealed));
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    /// <summary>The filing failed: nothing to give back.</summary>
    public void Forget(byte[] submissionHash) => kept.TryRemove(Convert.ToHexString(submissionHash), out _);

    private void Sweep()
    {
        var now = clock.GetUtcNow();
        foreach (var (key, entry) in kept)
        {
            if (entry.Until < now)
            {
                kept.TryRemove(key, out _);
            }
        }
    }

    private static byte[] KeyFor(byte[] submissionHash, string nonce) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes("nonce:" + nonce), 32, submissionHash, "commonthread receipt replay"u8.ToArray());

    private static byte[] Seal(byte[] key, byte[] plain)
    {
        using var aes = new AesGcm(key, 16);
        var nonce = RandomNumberGenerator.GetBytes(12);
        var cipher = new byte[plain.Length];
        var tag = new byte[16];
        aes.Encrypt(nonce, plain, cipher, tag);
        return [.. nonce, .. tag, .. cipher];
    }

    private static byte[] Open(byte[] key, byte[] sealedBytes)
    {
        using var aes = new AesGcm(key, 16);
        var plain = new byte[sealedBytes.Length - 28];
        aes.Decrypt(sealedBytes.AsSpan(0, 12), sealedBytes.AsSpan(28), sealedBytes.AsSpan(12, 16), plain);
        return plain;
    }
}
