using System.Text;
using System.Text.Unicode;

namespace Marsad.Analysis.Reading;

/// <summary>
/// Works out how the bytes at the head of a file encode text. A byte-order mark decides when present.
/// Without one, UTF-16 is recognised by where its zero (or Arabic 0x06) high bytes fall, UTF-8 when the bytes
/// are valid UTF-8, and Windows-1256, the legacy Arabic code page, only when they are not: it is never assumed
/// for text that is valid UTF-8. Data with stray NULs or many control characters is not text at all.
/// </summary>
public static class TextDecoder
{
    private static readonly Encoding Utf8NoBom = new UTF8Encoding(false, false);

    public static Encoding Windows1256 { get; } = GetWindows1256();

    /// <summary>
    /// Detects the encoding of <paramref name="head"/>. When <paramref name="isComplete"/> is false the head is a
    /// prefix of a longer stream and a multi-byte sequence cut at its end is not held against UTF-8.
    /// Returns null when the bytes are not text.
    /// </summary>
    public static Encoding? Detect(ReadOnlySpan<byte> head, bool isComplete, out int preambleLength)
    {
        preambleLength = 0;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            preambleLength = 3;
            return Utf8NoBom;
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            preambleLength = 4;
            return new UTF32Encoding(false, false);
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            preambleLength = 4;
            return new UTF32Encoding(true, false);
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            preambleLength = 2;
            return new UnicodeEncoding(false, false);
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            preambleLength = 2;
            return new UnicodeEncoding(true, false);
        }

        var utf16 = DetectUtf16WithoutBom(head);
        if (utf16 is not null) return utf16;
        if (head.Contains((byte)0)) return null;

        var checkedPart = isComplete ? head : WithoutCutSequence(head);
        if (Utf8.IsValid(checkedPart)) return Utf8NoBom;
        return Windows1256;
    }

    /// <summary>Decodes a complete byte buffer with the detected encoding; null when it is not text.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes)
    {
        var encoding = Detect(bytes, true, out var preamble);
        if (encoding is null) return null;
        var text = encoding.GetString(bytes[preamble..]);
        return LooksLikeText(text) ? text : null;
    }

    /// <summary>
    /// False for decoded text that is mostly control characters or replacement characters — what binary data
    /// looks like after a lenient single-byte decoding.
    /// </summary>
    public static bool LooksLikeText(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return true;
        var bad = 0;
        foreach (var c in text)
        {
            if (c < ' ' ? c is not ('\t' or '\n' or '\r' or '\f') : c is '\u007F' or '\uFFFD' or '\u0000')
                bad++;
        }
        // A few stray control bytes occur in real exports; binary data has them throughout.
        return bad * 50 <= text.Length && (bad == 0 || text.Length >= 16);
    }

    private static Encoding? DetectUtf16WithoutBom(ReadOnlySpan<byte> head)
    {
        var pairs = head.Length / 2;
        if (pairs < 2) return null;
        int zeroEven = 0, zeroOdd = 0, arabicEven = 0, arabicOdd = 0;
        for (var i = 0; i + 1 < head.Length; i += 2)
        {
            if (head[i] == 0) zeroEven++;
            if (head[i + 1] == 0) zeroOdd++;
            if (head[i] == 0x06) arabicEven++;
            if (head[i + 1] == 0x06) arabicOdd++;
        }
        // Little-endian puts the high byte (0x00 for ASCII, 0x06 for Arabic) at odd offsets.
        var highOdd = zeroOdd + arabicOdd;
        var highEven = zeroEven + arabicEven;
        if (zeroOdd + zeroEven == 0 && Utf8.IsValid(head)) return null;
        if (highOdd * 10 >= pairs * 6 && zeroEven * 10 <= pairs) return new UnicodeEncoding(false, false);
        if (highEven * 10 >= pairs * 6 && zeroOdd * 10 <= pairs) return new UnicodeEncoding(true, false);
        return null;
    }

    private static ReadOnlySpan<byte> WithoutCutSequence(ReadOnlySpan<byte> head)
    {
        // Walk back over continuation bytes to the last lead byte; drop it if its sequence is cut short.
        var i = head.Length - 1;
        var back = 0;
        while (i >= 0 && back < 3 && (head[i] & 0xC0) == 0x80)
        {
            i--;
            back++;
        }
        if (i < 0) return head;
        var lead = head[i];
        var needed = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        return head.Length - i < needed ? head[..i] : head;
    }

    private static Encoding GetWindows1256()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1256);
    }
}
