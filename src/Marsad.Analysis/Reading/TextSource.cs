using System.Text;

namespace Marsad.Analysis.Reading;

/// <summary>
/// The decoded content of one file or archive entry, handed to the chosen <see cref="IArticleFormat"/>.
/// Small files are already whole in memory; larger ones continue from the underlying stream, so a source can
/// be consumed once, either whole (<see cref="ReadAllText"/>) or streamed (<see cref="OpenText"/>,
/// <see cref="OpenUtf8"/>).
/// </summary>
public sealed class TextSource
{
    private readonly byte[]? _head;
    private readonly int _headOffset;
    private readonly int _headCount;
    private readonly Stream? _rest;
    private string? _text;
    private bool _consumed;

    /// <summary>A source over text already in memory, e.g. for tests or text received from elsewhere.</summary>
    public TextSource(string origin, string text, ReaderOptions? options = null)
    {
        Origin = origin;
        Name = System.IO.Path.GetFileName(origin);
        Encoding = Encoding.UTF8;
        Options = options ?? ReaderOptions.Default;
        _text = text;
    }

    internal TextSource(string origin, string name, Encoding encoding, byte[] head, int offset, int count,
        Stream? rest, ReaderOptions options)
    {
        Origin = origin;
        Name = name;
        Encoding = encoding;
        Options = options;
        _head = head;
        _headOffset = offset;
        _headCount = count;
        _rest = rest;
    }

    public string Origin { get; }
    public string Name { get; }
    public Encoding Encoding { get; }
    public ReaderOptions Options { get; }

    public string ReadAllText()
    {
        if (_text is not null) return _text;
        Consume();
        if (_rest is null) return _text = Encoding.GetString(_head!, _headOffset, _headCount);
        using var reader = new StreamReader(
            new BoundedReadStream(Bytes(), Options.MaxEntryBytes), Encoding, false, 64 * 1024);
        return _text = reader.ReadToEnd();
    }

    /// <summary>
    /// The whole text when it has at most <paramref name="maxChars"/> characters, else null after reading only a little
    /// past the limit: a source that holds one article need not be read whole to be refused.
    /// </summary>
    public string? ReadAllText(int maxChars)
    {
        if (_text is not null) return _text.Length <= maxChars ? _text : null;
        Consume();
        if (_rest is null)
        {
            var text = Encoding.GetString(_head!, _headOffset, _headCount);
            return text.Length <= maxChars ? _text = text : null;
        }
        using var reader = new StreamReader(
            new BoundedReadStream(Bytes(), Options.MaxEntryBytes), Encoding, false, 64 * 1024);
        var builder = new StringBuilder();
        var buffer = new char[64 * 1024];
        int n;
        while ((n = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            builder.Append(buffer, 0, n);
            if (builder.Length > maxChars) return null;
        }
        return _text = builder.ToString();
    }

    public TextReader OpenText()
    {
        if (_text is not null) return new StringReader(_text);
        Consume();
        return new StreamReader(Bytes(), Encoding, false, 64 * 1024);
    }

    /// <summary>The content as UTF-8 bytes without a byte-order mark, transcoded if stored otherwise.</summary>
    public Stream OpenUtf8()
    {
        if (_text is not null) return new MemoryStream(Encoding.UTF8.GetBytes(_text), false);
        Consume();
        var bytes = Bytes();
        return TextDecoder.IsPlainUtf8(Encoding)
            ? bytes
            : Encoding.CreateTranscodingStream(bytes, Encoding, Encoding.UTF8, leaveOpen: false);
    }

    private Stream Bytes() => new PrefixedStream(_head!, _headOffset, _headCount, _rest);

    private void Consume()
    {
        if (_consumed) throw new InvalidOperationException($"{Origin}: the source was already read.");
        _consumed = true;
    }
}
