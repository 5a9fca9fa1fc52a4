namespace Marsad.Analysis.Reading;

/// <summary>Splits a UTF-8 stream into lines without decoding it, holding at most one line in memory.</summary>
internal sealed class Utf8LineReader(Stream utf8, int maxLineBytes) : IDisposable
{
    private readonly RefillBuffer _buffer = new(utf8, maxLineBytes);

    /// <summary>
    /// The next line without its terminator. A line over the cap is skipped whole and reported as
    /// <see cref="ScanStatus.TooLarge"/>, after which reading can continue with the following line.
    /// </summary>
    public ScanStatus ReadLine(out ArraySegment<byte> line)
    {
        line = default;
        var scanned = 0;
        while (true)
        {
            var pending = _buffer.Pending;
            var nl = pending[scanned..].IndexOf((byte)'\n');
            if (nl >= 0)
            {
                var length = scanned + nl;
                var contentLength = length > 0 && pending[length - 1] == '\r' ? length - 1 : length;
                line = new ArraySegment<byte>(_buffer.Data, _buffer.Start, contentLength);
                _buffer.Start += length + 1;
                return ScanStatus.Record;
            }
            scanned = pending.Length;
            if (_buffer.Fill(out var tooLarge)) continue;
            if (tooLarge)
            {
                SkipPastNewline();
                return ScanStatus.TooLarge;
            }
            if (scanned == 0) return ScanStatus.End;
            line = new ArraySegment<byte>(_buffer.Data, _buffer.Start, scanned);
            _buffer.Start += scanned;
            return ScanStatus.Record;
        }
    }

    private void SkipPastNewline()
    {
        while (true)
        {
            var nl = _buffer.Pending.IndexOf((byte)'\n');
            if (nl >= 0)
            {
                _buffer.Start += nl + 1;
                return;
            }
            _buffer.Start = _buffer.End;
            if (!_buffer.Fill(out _)) return;
        }
    }

    public void Dispose() => _buffer.Dispose();
}
