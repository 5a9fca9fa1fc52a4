namespace Marsad.Text;

/// <summary>Allocation-free token stream over a span; obtain it from <see cref="Tokenizer.Enumerate"/>.</summary>
public ref struct TokenEnumerator
{
    private readonly ReadOnlySpan<char> _text;
    private int _position;
    private Token _current;

    internal TokenEnumerator(ReadOnlySpan<char> text)
    {
        _text = text;
        _position = 0;
        _current = default;
    }

    public readonly Token Current => _current;

    public readonly TokenEnumerator GetEnumerator() => this;

    public bool MoveNext() => Tokenizer.TryRead(_text, ref _position, out _current);
}
