namespace Marsad.Analysis.Reading;

/// <summary>Reads a string already taken from a reader, then the rest of that reader.</summary>
internal sealed class ConcatReader(string first, TextReader rest) : TextReader
{
    private int _pos;

    public override int Peek() => _pos < first.Length ? first[_pos] : rest.Peek();

    public override int Read() => _pos < first.Length ? first[_pos++] : rest.Read();

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (_pos >= first.Length) return rest.Read(buffer);
        var n = Math.Min(buffer.Length, first.Length - _pos);
        first.AsSpan(_pos, n).CopyTo(buffer);
        _pos += n;
        return n;
    }
}
