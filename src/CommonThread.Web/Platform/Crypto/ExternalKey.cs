using System.Security.Cryptography;

namespace CommonThread.Web.Platform.Crypto;

/// <summary>
/// A 256-bit key kept outside the database: from configuration (an environment variable filled from a
/// secret store) or, for development, a file generated on first start. A database dump without it
/// reveals nothing the key protects.
/// </summary>
public static class ExternalKey
{
    /// <param name="configured">Base64 of 32 bytes, or empty to use <paramref name="keyFile"/>.</param>
    /// <param name="setting">The setting's name, for the messages ("Grievances:MasterKey").</param>
    public static byte[] Load(string? configured, string keyFile, string setting, ILogger log)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Decode(configured, setting);
        }

        var path = Path.GetFullPath(keyFile);
        if (File.Exists(path))
        {
            return Decode(File.ReadAllText(path).Trim(), path);
        }

        var key = RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(path, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        log.LogWarning("Generated a key into {KeyFile}. In production set {Setting} from a secret store, and back it up.", path, setting);
        return key;
    }

    public static byte[] Decode(string base64, string setting)
    {
        var bytes = new byte[64];
        return Convert.TryFromBase64String(base64, bytes, out var length) && length == 32
            ? bytes[..32]
            : throw new InvalidOperationException($"{setting} must be base64 of 32 bytes.");
    }
}
