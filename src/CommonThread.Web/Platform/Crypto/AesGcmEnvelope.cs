using System.Security.Cryptography;

namespace CommonThread.Web.Platform.Crypto;

/// <summary>
/// AES-256-GCM as every sealed thing here is stored: nonce, tag, then ciphertext, in one array. The
/// associated data binds a ciphertext to where it belongs (a case id), so it does not open elsewhere.
/// </summary>
public static class AesGcmEnvelope
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public static byte[] Seal(byte[] key, ReadOnlySpan<byte> plain, ReadOnlySpan<byte> associatedData = default)
    {
        var output = new byte[NonceSize + TagSize + plain.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), associatedData);
        return output;
    }

    /// <exception cref="CryptographicException">The key or the associated data is not the one it was sealed with, or it was changed.</exception>
    public static byte[] Open(byte[] key, ReadOnlySpan<byte> sealedBytes, ReadOnlySpan<byte> associatedData = default)
    {
        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedBytes[..NonceSize], sealedBytes[(NonceSize + TagSize)..], sealedBytes.Slice(NonceSize, TagSize), plain, associatedData);
        return plain;
    }
}
