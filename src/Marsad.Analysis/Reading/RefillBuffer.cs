using System.Buffers;

namespace Marsad.Analysis.Reading;

/// <summary>
/// A byte window over a stream that keeps the bytes from <see cref="Start"/> onward and grows, up to a cap,
/// only when a single record does not fit, so records are scanned in place without reading the whole stream.
/// </summary>
internal sealed class RefillBuffer(Stream stream, int maxRecordBytes) : IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(64 * 1024, Math.Max(4096, maxRecordBytes)));

    public byte[] Data => _buffer;
    public int Start { get; set; }
    public int End { get; private set; }
    public bool AtEnd { get; private set; }
    public int MaxRecordBytes => maxRecordBytes;

    public ReadOnlySpan<byte> Pending => _buffer.AsSpan(Start, End - Start);

    /// <summary>
    /// Reads more bytes, keeping everything from <see cref="Start"/>. Returns false at end of stream, and sets
    /// <paramref name="tooLarge"/> when the kept bytes already fill the cap.
    /// </summary>
    public bool Fill(out bool tooLarge)
    {
        tooLarge = false;
        if (AtEnd) return false;
        if (Start > 0)
        {
            _buffer.AsSpan(Start, End - Start).CopyTo(_buffer);
            End -= Start;
            Start = 0;
        }
        if (End == _buffer.Length)
        {
            if (_buffer.Length >= maxRecordBytes)
            {
                tooLarge = true;
                return false;
            }
            var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)_buffer.Length * 2, maxRecordBytes));
            _buffer.AsSpan(0, End).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        var n = stream.Read(_buffer, End, _buffer.Length - End);
        if (n == 0)
        {
            AtEnd = true;
            return false;
        }
        End += n;
        return true;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
