namespace Marsad.Analysis.Reading;

/// <summary>
/// Replays the bytes already read to sniff a stream's format, then continues with the rest of the stream,
/// so that sniffing never needs a seekable source.
/// </summary>
internal sealed class PrefixedStream(byte[] prefix, int offset, int count, Stream? rest) : Stream
{
    private int _offset = offset;
    private int _remaining = count;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty) return 0;
        if (_remaining > 0)
        {
            var n = Math.Min(_remaining, buffer.Length);
            prefix.AsSpan(_offset, n).CopyTo(buffer);
            _offset += n;
            _remaining -= n;
            return n;
        }
        return rest?.Read(buffer) ?? 0;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
