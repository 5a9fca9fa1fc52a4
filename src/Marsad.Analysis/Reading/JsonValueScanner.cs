namespace Marsad.Analysis.Reading;

/// <summary>
/// Cuts a UTF-8 JSON stream into top-level values (array elements, or concatenated objects) by tracking
/// strings and bracket depth only. Each value is then parsed on its own, so one malformed record costs one
/// error instead of the rest of a million-record file, and memory holds one record at a time.
/// </summary>
internal sealed class JsonValueScanner(Stream utf8, int maxRecordBytes) : IDisposable
{
    private readonly RefillBuffer _buffer = new(utf8, maxRecordBytes);

    /// <summary>The next byte that is not whitespace, not consumed; -1 at end of stream.</summary>
    public int Peek()
    {
        while (true)
        {
            var data = _buffer.Data;
            var i = _buffer.Start;
            while (i < _buffer.End && IsWhiteSpace(data[i])) i++;
            _buffer.Start = i;
            if (i < _buffer.End) return data[i];
            if (!_buffer.Fill(out _)) return -1;
        }
    }

    public void Skip() => _buffer.Start++;

    /// <summary>Cuts the value starting at the current byte; the segment is valid until the next call.</summary>
    public ScanStatus ReadValue(out ArraySegment<byte> value)
    {
        value = default;
        var scanned = 0;
        var depth = 0;
        var inString = false;
        var escaped = false;
        while (true)
        {
            var data = _buffer.Data;
            var start = _buffer.Start;
            var i = start + scanned;
            var end = -1;
            while (i < _buffer.End)
            {
                if (inString)
                {
                    if (escaped)
                    {
                        escaped = false;
                        i++;
                        continue;
                    }
                    var k = data.AsSpan(i, _buffer.End - i).IndexOfAny((byte)'"', (byte)'\\');
                    if (k < 0)
                    {
                        i = _buffer.End;
                        break;
                    }
                    i += k;
                    if (data[i] == '\\')
                    {
                        escaped = true;
                        i++;
                        continue;
                    }
                    inString = false;
                    i++;
                    if (depth == 0)
                    {
                        end = i;
                        break;
                    }
                    continue;
                }

                var b = data[i];
                if (b == '"')
                {
                    inString = true;
                    i++;
                }
                else if (b is (byte)'{' or (byte)'[')
                {
                    depth++;
                    i++;
                }
                else if (b is (byte)'}' or (byte)']')
                {
                    if (depth == 0)
                    {
                        end = i;
                        break;
                    }
                    depth--;
                    i++;
                    if (depth == 0)
                    {
                        end = i;
                        break;
                    }
                }
                else if (depth == 0 && (b == ',' || IsWhiteSpace(b)))
                {
                    end = i;
                    break;
                }
                else
                {
                    i++;
                }
            }

            if (end >= 0)
            {
                if (end == start) return ScanStatus.Truncated;
                value = new ArraySegment<byte>(data, start, end - start);
                _buffer.Start = end;
                return ScanStatus.Record;
            }

            scanned = i - start;
            if (!_buffer.Fill(out var tooLarge))
            {
                if (tooLarge) return ScanStatus.TooLarge;
                // A bare scalar may end exactly at the end of the stream; anything open is cut short.
                if (depth == 0 && !inString && scanned > 0)
                {
                    value = new ArraySegment<byte>(_buffer.Data, _buffer.Start, scanned);
                    _buffer.Start += scanned;
                    return ScanStatus.Record;
                }
                return ScanStatus.Truncated;
            }
        }
    }

    private static bool IsWhiteSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r';

    public void Dispose() => _buffer.Dispose();
}
