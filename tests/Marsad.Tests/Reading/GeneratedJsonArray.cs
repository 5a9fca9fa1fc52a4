using System.Text;

namespace Marsad.Tests.Reading;

/// <summary>A read-only stream that produces a JSON array of one repeated record on the fly.</summary>
public sealed class GeneratedJsonArray(int count, string record) : Stream
{
    private readonly byte[] _record = Encoding.UTF8.GetBytes(record);
    private int _emitted = -1; // -1: opening bracket not yet written
    private int _offset;
    private byte[] _current = "["u8.ToArray();

    public int MaxRequested { get; private set; }

    public override int Read(byte[] buffer, int offset, int count1)
    {
        MaxRequested = Math.Max(MaxRequested, count1);
        var written = 0;
        while (written < count1)
        {
            if (_offset == _current.Length)
            {
                _emitted++;
                if (_emitted > count) break;
                _current = _emitted == count ? "]"u8.ToArray() : _emitted == 0 ? _record : [.. ","u8, .. _record];
                _offset = 0;
            }
            var n = Math.Min(count1 - written, _current.Length - _offset);
            Array.Copy(_current, _offset, buffer, offset + written, n);
            _offset += n;
            written += n;
        }
        return written;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count1) => throw new NotSupportedException();
}
