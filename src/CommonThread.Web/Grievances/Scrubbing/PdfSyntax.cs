using System.Text;

namespace CommonThread.Web.Grievances.Scrubbing;

/// <summary>One entry of a PDF dictionary: where its key starts and where its value lies.</summary>
internal sealed record PdfEntry(string Key, int KeyStart, int ValueStart, int ValueEnd);

/// <summary>A PDF dictionary: the offsets of its "&lt;&lt;" and "&gt;&gt;" and its top-level entries.</summary>
internal sealed record PdfDictionary(int Open, int Close, IReadOnlyList<PdfEntry> Entries)
{
    public PdfEntry? this[string key] => Entries.LastOrDefault(e => e.Key == key);
}

/// <summary>
/// Just enough of PDF's syntax to walk over values without misreading them: strings may hold "&gt;&gt;",
/// names and comments end at delimiters, dictionaries nest. Anything that runs off the end of the
/// file is <see cref="Unreadable"/>.
/// </summary>
internal sealed class PdfSyntax(byte[] bytes)
{
    public byte[] Bytes { get; } = bytes;

    public static bool IsWhite(byte b) => b is 0 or 9 or 10 or 12 or 13 or 32;

    public static bool IsDelimiter(byte b) => b is (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';

    public byte At(int i) => i < Bytes.Length ? Bytes[i] : throw Unreadable.File();

    public bool StartsWith(int i, string text) =>
        i + text.Length <= Bytes.Length && Encoding.Latin1.GetString(Bytes, i, text.Length) == text;

    public string Text(int start, int end) => Encoding.Latin1.GetString(Bytes, start, end - start).Trim();

    public int SkipWhite(int i)
    {
        while (i < Bytes.Length)
        {
            if (IsWhite(Bytes[i]))
            {
                i++;
            }
            else if (Bytes[i] == '%')
            {
                while (i < Bytes.Length && Bytes[i] is not (10 or 13))
                {
                    i++;
                }
            }
            else
            {
                break;
            }
        }

        return i;
    }

    public PdfDictionary Dictionary(ref int i)
    {
        var open = i;
        i += 2;
        var entries = new List<PdfEntry>();
        while (true)
        {
            i = SkipWhite(i);
            if (At(i) == '>' && At(i + 1) == '>')
            {
                var close = i;
                i += 2;
                return new(open, close, entries);
            }

            if (At(i) != '/')
            {
                throw Unreadable.File();
            }

            var keyStart = i;
            SkipValue(ref i);
            var key = Encoding.Latin1.GetString(Bytes, keyStart + 1, i - keyStart - 1);
            var valueStart = i = SkipWhite(i);
            SkipValue(ref i);
            // An indirect reference is three tokens: "12 0 R".
            if (char.IsAsciiDigit((char)At(valueStart)))
            {
                for (var more = 0; more < 2; more++)
                {
                    var next = SkipWhite(i);
                    if (next < Bytes.Length && (char.IsAsciiDigit((char)Bytes[next]) || Bytes[next] == 'R'))
                    {
                        i = next;
                        SkipValue(ref i);
                    }
                }
            }

            entries.Add(new(key, keyStart, valueStart, i));
        }
    }

    public void SkipValue(ref int i)
    {
        switch (At(i))
        {
            case (byte)'<' when At(i + 1) == '<':
                Dictionary(ref i);
                break;
            case (byte)'<':
                while (At(i) != '>')
                {
                    i++;
                }

                i++;
                break;
            case (byte)'(':
                var depth = 0;
                do
                {
                    var c = At(i);
                    i += c == '\\' ? 2 : 1;
                    depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                }
                while (depth > 0);
                break;
            case (byte)'[':
                i++;
                for (i = SkipWhite(i); At(i) != ']'; i = SkipWhite(i))
                {
                    SkipValue(ref i);
                }

                i++;
                break;
            default:
                var start = i;
                i++; // a name's slash, or the token's first character
                while (i < Bytes.Length && !IsWhite(Bytes[i]) && !IsDelimiter(Bytes[i]))
                {
                    i++;
                }

                if (i == start + 1 && IsDelimiter(Bytes[start]) && Bytes[start] != '/')
                {
                    throw Unreadable.File();
                }

                break;
        }
    }
}
