using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CommonThread.Web.Grievances;

/// <summary>
/// Envelope encryption for grievance content: each case has its own random AES-256 key, stored only
/// wrapped (AES-GCM) by the master key kept outside the database. Every ciphertext is bound to its
/// case id, so a row copied into another case does not decrypt.
/// </summary>
public sealed class CaseCrypto
{
    private readonly byte[] master;

    public CaseCrypto(IOptions<GrievanceOptions> options, ILogger<CaseCrypto> log)
    {
        master = LoadMasterKey(options.Value, log);
        Pepper = HMACSHA256.HashData(master, "receipt-code"u8);
        ReceiptSalt = HMACSHA256.HashData(master, "receipt-salt"u8)[..16];
    }

    /// <summary>A secret derived from the master key, for receipt codes.</summary>
    internal byte[] Pepper { get; }

    /// <summary>The deployment's Argon2 salt for receipt codes, derived from the master key.</summary>
    internal byte[] ReceiptSalt { get; }

    public (byte[] Key, byte[] Wrapped) NewCaseKey(Guid caseId)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        return (key, SealWith(master, key, caseId));
    }

    public byte[] Unwrap(byte[] wrapped, Guid caseId) => OpenWith(master, wrapped, caseId);

    public byte[] Encrypt(byte[] caseKey, string text, Guid caseId) => SealWith(caseKey, Encoding.UTF8.GetBytes(text), caseId);

    public string Decrypt(byte[] caseKey, byte[] sealedText, Guid caseId) => Encoding.UTF8.GetString(OpenWith(caseKey, sealedText, caseId));

    /// <summary>Bytes (an attachment) under the case's key.</summary>
    public byte[] Seal(byte[] caseKey, byte[] plain, Guid caseId) => SealWith(caseKey, plain, caseId);

    public byte[] Open(byte[] caseKey, byte[] sealedBytes, Guid caseId) => OpenWith(caseKey, sealedBytes, caseId);

    private static byte[] SealWith(byte[] key, byte[] plain, Guid caseId) => Platform.Crypto.AesGcmEnvelope.Seal(key, plain, caseId.ToByteArray());

    private static byte[] OpenWith(byte[] key, byte[] sealedBytes, Guid caseId) => Platform.Crypto.AesGcmEnvelope.Open(key, sealedBytes, caseId.ToByteArray());

    /// <summary>Without the master key no report can be read: back it up apart from the database.</summary>
    private static byte[] LoadMasterKey(GrievanceOptions options, ILogger log) =>
        Platform.Crypto.ExternalKey.Load(options.MasterKey, options.KeyFile, "Grievances:MasterKey", log);
}
