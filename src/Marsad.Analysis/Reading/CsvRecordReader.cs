using System.Text;

namespace Marsad.Analysis.Reading;

/// <summary>
/// RFC 4180 records from a text stream: quoted fields may hold delimiters, doubled quotes and line breaks.
/// Lenient where exports are sloppy (a stray quote inside an unquoted field is kept as text).
/// </summary>
internal sealed class CsvRecordReader(TextReader reader, char delimiter, int maxRecordChars)
{
    private readonly char[] _buffer = new char[64 * 1024];
    private readonly StringBuilder _field = new();
    private int _pos;
    private int _len;
    private bool _eof;

    /// <summary>Physical line where the last record began, for error messages.</summary>
    public long RecordLine { get; private set; }

    private long _line = 1;

    public ScanStatus Read(List<string> fields)
    {
        fields.Clear();
        _field.Clear();
        var recordChars = 0;
        var inQuotes = false;
        var fieldStarted = false;
        var quotedField = false;
        RecordLine = _line;
        while (true)
        {
            if (_pos >= _len && !Fill())
            {
                if (inQuotes) return ScanStatus.Truncated;
                if (!fieldStarted && fields.Count == 0) return ScanStatus.End;
                fields.Add(_field.ToString());
                return ScanStatus.Record;
            }
            var c = _buffer[_pos++];
            if (++recordChars > maxRecordChars)
            {
                SkipToLineEnd();
                return ScanStatus.TooLarge;
            }
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (Peek() == '"')
                    {
                        _pos++;
                        _field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (c == '\n') _line++;
                    _field.Append(c);
                }
                continue;
            }
            if (c == delimiter)
            {
                fields.Add(_field.ToString());
                _field.Clear();
                fieldStarted = true;
                quotedField = false;
                continue;
            }
            if (c is '\n' or '\r')
            {
                if (c == '\r' && Peek() == '\n') _pos++;
                _line++;
                if (!fieldStarted && fields.Count == 0 && _field.Length == 0)
                {
                    RecordLine = _line;
                    continue; // blank line between records
                }
                fields.Add(_field.ToString());
                return ScanStatus.Record;
            }
            if (c == '"' && _field.Length == 0 && !quotedField)
            {
                inQuotes = true;
                quotedField = true;
                fieldStarted = true;
                continue;
            }
            fieldStarted = true;
            _field.Append(c);
        }
    }

    private int Peek()
    {
        if (_pos >= _len && !Fill()) return -1;
        return _buffer[_pos];
    }

    private bool Fill()
    {
        if (_eof) return false;
        _len = reader.Read(_buffer, 0, _buffer.Length);
        _pos = 0;
        if (_len == 0) _eof = true;
        return _len > 0;
    }

    // An oversized record is dropped up to the end of the physical line; inside a runaway quoted field this
    // resynchronises only approximately, which is the best a cap can do.
    private void SkipToLineEnd()
    {
        while (true)
        {
            if (_pos >= _len && !Fill()) return;
            var c = _buffer[_pos++];
            if (c == '\n')
            {
                _line++;
                return;
            }
        }
    }
}
