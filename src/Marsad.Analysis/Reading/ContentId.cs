using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Marsad.Analysis.Reading;

/// <summary>
/// A stable article identity derived from what the article says, not where it was stored: the same story read
/// from a UTF-8 text file, a Windows-1256 export and a JSON feed gets the same id, so duplicates can be found
/// across sources. Title and body are folded (Unicode NFKC, Arabic diacritics and tatweel removed, invisible
/// format characters removed, whitespace runs collapsed to one space, ends trimmed) before hashing with SHA-256;
/// the id is the first 16 lowercase hex digits. NFKC comes from <see cref="CompatibilityFolding"/>, not
/// <c>string.Normalize</c>, so ids do not change with the runtime's globalization mode.
/// </summary>
public static class ContentId
{
    public const int Length = 16;

    public static string Compute(string title, string body)
    {
        var chars = ArrayPool<char>.Shared.Rent(title.Length + body.Length + 64);
        try
        {
            var n = Fold(title, ref chars, 0);
            chars[n++] = '\n';
            n = Fold(body, ref chars, n);

            var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(n));
            try
            {
                var byteCount = Encoding.UTF8.GetBytes(chars.AsSpan(0, n), bytes);
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
        var buffer = ArrayPool<char>.Shared.Rent(text.Length + 64);
        try
        {
            var n = Fold(text, ref buffer, 0);
            return new string(buffer, 0, n);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Appends the folded form of <paramref name="s"/> at <paramref name="n"/>, growing the pooled buffer if needed.</summary>
    private static int Fold(ReadOnlySpan<char> s, ref char[] dest, int n)
    {
        var start = n;
        var pendingSpace = false;
        foreach (ref readonly var c in s)
        {
            if (c is >= '\u0653' and <= '\u0655' && !pendingSpace && n > start &&
                CompatibilityFolding.TryCompose(dest[n - 1], c, out var composed))
            {
                dest[n - 1] = composed;
                continue;
            }
            foreach (var m in CompatibilityFolding.Map(in c))
            {
                if (IsDropped(m)) continue;
                if (char.IsWhiteSpace(m))
                {
                    pendingSpace = n > start;
                    continue;
                }
                if (n + 2 > dest.Length) Grow(ref dest, n);
                if (pendingSpace)
                {
                    dest[n++] = ' ';
                    pendingSpace = false;
                }
                dest[n++] = m;
            }
        }
        if (n + 1 > dest.Length) Grow(ref dest, n);
        return n;
    }

    private static void Grow(ref char[] buffer, int used)
    {
        var bigger = ArrayPool<char>.Shared.Rent(buffer.Length * 2);
        buffer.AsSpan(0, used).CopyTo(bigger);
        ArrayPool<char>.Shared.Return(buffer);
        buffer = bigger;
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
