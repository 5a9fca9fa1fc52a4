using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Marsad.Analysis.Reading;

/// <summary>
/// A stable article identity derived from what the article says, not where it was stored: the same story read
/// from a UTF-8 text file, a Windows-1256 export and a JSON feed gets the same id, so duplicates can be found
/// across sources. Title and body are folded (Unicode NFKC, Arabic diacritics and tatweel removed, invisible
/// format characters removed, whitespace runs collapsed to one space, ends trimmed) before hashing with SHA-256;
/// the id is the first 16 lowercase hex digits.
/// </summary>
public static class ContentId
{
    public const int Length = 16;

    public static string Compute(string title, string body)
    {
        var t = Normalize(title);
        var b = Normalize(body);
        var charCapacity = t.Length + b.Length + 1;
        var chars = ArrayPool<char>.Shared.Rent(charCapacity);
        try
        {
            var n = Fold(t, chars);
            chars[n++] = '\n';
            n += Fold(b, chars.AsSpan(n));
            var folded = chars.AsSpan(0, n);

            var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(n));
            try
            {
                var byteCount = Encoding.UTF8.GetBytes(folded, bytes);
                Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
                SHA256.HashData(bytes.AsSpan(0, byteCount), hash);
                return Convert.ToHexStringLower(hash[..(Length / 2)]);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(bytes);
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>The text that is hashed, exposed so that callers can compare articles the same way.</summary>
    public static string NormalizedText(string text)
    {
        var s = Normalize(text);
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, s.Length));
        try
        {
            var n = Fold(s, buffer);
            return new string(buffer, 0, n);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static string Normalize(string s) =>
        s.IsNormalized(NormalizationForm.FormKC) ? s : s.Normalize(NormalizationForm.FormKC);

    private static int Fold(ReadOnlySpan<char> s, Span<char> dest)
    {
        var n = 0;
        var pendingSpace = false;
        foreach (var c in s)
        {
            if (IsDropped(c)) continue;
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = n > 0;
                continue;
            }
            if (pendingSpace)
            {
                dest[n++] = ' ';
                pendingSpace = false;
            }
            dest[n++] = c;
        }
        return n;
    }

    private static bool IsDropped(char c) => c switch
    {
        >= '\u064B' and <= '\u065F' => true, // harakat, tanween, shadda, sukun and their variants
        '\u0670' => true, // superscript alef
        >= '\u06D6' and <= '\u06ED' => true, // Quranic annotation marks
        '\u0640' => true, // tatweel
        >= '\u200B' and <= '\u200F' => true, // zero-width and direction marks
        >= '\u202A' and <= '\u202E' => true, // bidi embeddings
        >= '\u2066' and <= '\u2069' => true, // bidi isolates
        '\u061C' or '\uFEFF' or '\u00AD' => true,
        _ => false,
    };
}
