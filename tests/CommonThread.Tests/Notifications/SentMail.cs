using System.Text;
using System.Text.RegularExpressions;

namespace CommonThread.Tests.Notifications;

/// <summary>An e-mail the mailer wrote into its pickup folder, its UTF-8 subject and quoted-printable body decoded.</summary>
public sealed partial record SentMail(string To, string Subject, string Body)
{
    public static SentMail Read(string eml)
    {
        var split = eml.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = eml[..split].Replace("\r\n ", " ", StringComparison.Ordinal).Replace("\r\n\t", " ", StringComparison.Ordinal);
        var to = Regex.Match(headers, "^To: (.*)$", RegexOptions.Multiline).Groups[1].Value.Trim().Trim('<', '>');
        var subject = Regex.Match(headers, "^Subject: (.*)$", RegexOptions.Multiline).Groups[1].Value.Trim();
        return new SentMail(to, DecodeWords(subject), DecodeQuotedPrintable(eml[(split + 4)..]));
    }

    /// <summary>RFC 2047 encoded words; their bytes are joined first, since a character may be split between two words.</summary>
    private static string DecodeWords(string header)
    {
        var words = EncodedWord().Matches(header);
        if (words.Count == 0)
        {
            return header;
        }

        var bytes = words.SelectMany(w => w.Groups[1].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
            ? Convert.FromBase64String(w.Groups[2].Value)
            : QuotedBytes(w.Groups[2].Value.Replace('_', ' '))).ToArray();
        return Encoding.UTF8.GetString(bytes);
    }

    private static string DecodeQuotedPrintable(string body) => Encoding.UTF8.GetString(QuotedBytes(body.Replace("=\r\n", "", StringComparison.Ordinal)));

    private static byte[] QuotedBytes(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }

        return [.. bytes];
    }

    [GeneratedRegex(@"=\?utf-8\?([BQ])\?([^?]*)\?=", RegexOptions.IgnoreCase)]
    private static partial Regex EncodedWord();
}
