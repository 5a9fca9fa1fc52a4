using System.Text;
using System.Text.Unicode;

namespace Marsad.Analysis.Reading;

/// <summary>
/// Works out how the bytes at the head of a file encode text. A byte-order mark decides when present.
/// Without one, UTF-16 is recognised by where its zero (or Arabic 0x06) high bytes fall, UTF-8 when the bytes
/// are valid UTF-8, and Windows-1256, the legacy Arabic code page, only when they are not: it is never assumed
/// for text that is valid UTF-8. Text that is mostly UTF-8 with some invalid bytes (files pasted together from
/// both encodings, or UTF-8 cut in the middle of a character) is read as UTF-8 with each invalid byte taken as
/// Windows-1256 (<see cref="MixedUtf8"/>). Data with stray NULs or many control characters is not text at all.
/// </summary>
public static class TextDecoder
{
    private static readonly Encoding Utf8NoBom = new UTF8Encoding(false, false);

    public static Encoding Windows1256 { get; } = GetWindows1256();

    /// <summary>UTF-8 whose invalid bytes decode as Windows-1256 characters instead of U+FFFD.</summary>
    public static Encoding MixedUtf8 { get; } = CreateMixedUtf8();

    /// <summary>True when bytes in <paramref name="encoding"/> are UTF-8 that can be handed on without decoding.</summary>
    public static bool IsPlainUtf8(Encoding encoding) => ReferenceEquals(encoding, Utf8NoBom);

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
        // UTF-8 cut inside its last character: the decoder marks the cut character with U+FFFD.
        if (isComplete && Utf8.IsValid(WithoutCutSequence(head))) return Utf8NoBom;
        return LooksMostlyUtf8(checkedPart) ? MixedUtf8 : Windows1256;
    }

    /// <summary>
    /// Windows-1256 Arabic is almost never valid UTF-8 (its letters are lead bytes followed by more lead bytes), so
    /// many well-formed multi-byte sequences among a few invalid bytes mean UTF-8 with some legacy text mixed in.
    /// Only the letters before an Arabic comma (0xA1) form accidental pairs in pure Windows-1256, a few per hundred bytes.
    /// </summary>
    private static bool LooksMostlyUtf8(ReadOnlySpan<byte> bytes)
    {
        int valid = 0, invalid = 0;
        var i = 0;
        while (i < bytes.Length)
        {
            var b = bytes[i];
            if (b < 0x80)
            {
                i++;
                continue;
            }
            var needed = b is >= 0xC2 and <= 0xDF ? 2 : b is >= 0xE0 and <= 0xEF ? 3 : b is >= 0xF0 and <= 0xF4 ? 4 : 0;
            if (needed > 0 && i + needed <= bytes.Length && Utf8.IsValid(bytes.Slice(i, needed)))
            {
                valid++;
                i += needed;
            }
            else
            {
                invalid++;
                i++;
            }
        }
        return valid >= 8 && valid >= invalid * 4;
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

    private static Encoding CreateMixedUtf8()
    {
        var encoding = (Encoding)new UTF8Encoding(false, false).Clone();
        encoding.DecoderFallback = new LegacyByteFallback(GetWindows1256());
        return encoding;
    }

    /// <summary>Decodes each byte that is not valid UTF-8 as the Windows-1256 character it would be there.</summary>
    private sealed class LegacyByteFallback(Encoding legacy) : DecoderFallback
    {
        public override int MaxCharCount => 4;

        public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(legacy);

        private sealed class Buffer(Encoding legacy) : DecoderFallbackBuffer
        {
            private readonly char[] _chars = new char[8];
            private int _count;
            private int _next;

            public override bool Fallback(byte[] bytesUnknown, int index)
            {
                _count = legacy.GetChars(bytesUnknown, 0, Math.Min(bytesUnknown.Length, _chars.Length), _chars, 0);
                _next = 0;
                return _count > 0;
            }

            public override char GetNextChar() => _next < _count ? _chars[_next++] : '\0';

            public override bool MovePrevious()
            {
                if (_next == 0) return false;
                _next--;
                return true;
            }

            public override int Remaining => _count - _next;

            public override void Reset()
            {
                _count = 0;
                _next = 0;
            }
        }
    }

    private static Encoding GetWindows1256()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1256);
    }
}
