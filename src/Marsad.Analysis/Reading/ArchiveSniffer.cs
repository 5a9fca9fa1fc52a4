namespace Marsad.Analysis.Reading;

/// <summary>Recognises archives by their magic bytes, so a misnamed archive is still opened as one.</summary>
internal static class ArchiveSniffer
{
    private const int TarBlock = 512;

    public static ArchiveKind Detect(ReadOnlySpan<byte> head, string name)
    {
        if (head.Length >= 4 && head[0] == 'P' && head[1] == 'K' &&
            ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6)))
            return ArchiveKind.Zip;
        if (head.Length >= 3 && head[0] == 0x1F && head[1] == 0x8B && head[2] == 8) return ArchiveKind.Gzip;
        if (IsTarHeader(head)) return ArchiveKind.Tar;
        return ArchiveKind.None;
    }

    /// <summary>
    /// True for a POSIX/GNU header ("ustar" magic) and for an old V7 header, recognised by its checksum:
    /// the octal sum of the header bytes with the checksum field counted as spaces.
    /// </summary>
    public static bool IsTarHeader(ReadOnlySpan<byte> head)
    {
        if (head.Length < TarBlock) return false;
        if (head.Slice(257, 5).SequenceEqual("ustar"u8)) return true;
        var field = head.Slice(148, 8);
        long stored = 0;
        var digits = 0;
        foreach (var b in field)
        {
            if (b is >= (byte)'0' and <= (byte)'7')
            {
                stored = stored * 8 + (b - '0');
                digits++;
            }
            else if (b is 0 or (byte)' ')
            {
                if (digits > 0) break;
            }
            else
            {
                return false;
            }
        }
        if (digits == 0 || head[0] == 0) return false;
        long sum = 0;
        for (var i = 0; i < TarBlock; i++) sum += i is >= 148 and < 156 ? ' ' : head[i];
        return sum == stored;
    }
}
