using System.Diagnostics;
using System.Text;
using Marsad.Analysis;
using Marsad.Analysis.Reading;
using Xunit.Abstractions;

namespace Marsad.Tests.Reliability;

/// <summary>
/// Streaming and size limits: a million-article JSON Lines stream (generated on the fly, never on disk) is read with
/// bounded memory and a bounded read-ahead, and the largest article the reader accepts is analysed in bounded time.
/// </summary>
[Collection(MemoryHeavyCollection.Name)]
public sealed class StreamingLimitsTests(ITestOutputHelper output)
{
    [Fact]
    public void A_million_article_json_lines_stream_reads_in_bounded_memory()
    {
        const int Count = 1_000_000;
        using var stream = new GeneratedJsonLines(Count);
        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0, maxReadAhead = 0, articles = 0, errors = 0;
        var clock = Stopwatch.StartNew();

        foreach (var result in ArticleReader.ReadStream(stream, "million.jsonl"))
        {
            if (result.Article is null)
            {
                errors++;
                continue;
            }
            articles++;
            // The reader may hold its buffer and one record, not the stream: bytes pulled stay just ahead of records yielded.
            maxReadAhead = Math.Max(maxReadAhead, stream.BytesProduced - stream.OffsetOfLine(articles));
            if (articles % 100_000 == 0) peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
        }

        output.WriteLine($"{articles:N0} articles from {stream.BytesProduced / 1e6:N0} MB in {clock.Elapsed.TotalSeconds:F1} s; " +
                         $"managed heap grew by at most {peak / 1e6:F1} MB; read-ahead at most {maxReadAhead / 1024:N0} KiB");
        Assert.Equal(Count, articles);
        Assert.Equal(0, errors);
        Assert.True(peak < 32_000_000, $"managed heap grew by {peak:N0} bytes while streaming");
        Assert.True(maxReadAhead < 1024 * 1024, $"the reader ran {maxReadAhead:N0} bytes ahead of the records it yielded");
    }

    [Fact]
    public void The_largest_accepted_article_is_analysed_in_bounded_time()
    {
        // Many short sentences full of names: the shape that made summary (TextRank over every sentence pair) and linking slow.
        var sentence = "التقى الرئيس محمد علي بالوزير أحمد سالم في طرابلس وبنغازي لبحث الكهرباء. ";
        var body = new StringBuilder();
        for (var i = 0; body.Length + sentence.Length + 12 < ReaderOptions.Default.MaxArticleChars - 100; i++)
            body.Append(sentence.Replace("لبحث", $"لبحث {i}", StringComparison.Ordinal));
        var text = Encoding.UTF8.GetBytes("عنوان طويل جدا\n\n" + body);
        var article = Assert.Single(ArticleReader.ReadStream(new MemoryStream(text), "longest.txt")).Article!;

        var clock = Stopwatch.StartNew();
        var document = DefaultPipeline.Create().Run(article);
        var json = DocumentJsonWriter.ToJson(document, compact: true);
        output.WriteLine($"{article.Body.Length:N0} characters, {document.Sentences.Count:N0} sentences analysed in {clock.Elapsed.TotalSeconds:F1} s ({json.Length / 1e6:F1} MB of JSON)");

        Assert.True(document.Sentences.Count > 5000);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"analysis took {clock.Elapsed.TotalSeconds:F0} s");
    }

    /// <summary>JSON Lines produced on demand; remembers where each line starts so read-ahead can be measured.</summary>
    private sealed class GeneratedJsonLines(int count) : Stream
    {
        private readonly long[] _lineStarts = new long[count + 2];
        private byte[] _line = [];
        private int _lineOffset;
        private int _next;

        public long BytesProduced { get; private set; }

        /// <summary>Where line <paramref name="n"/> (1-based) ends, i.e. where line n+1 starts.</summary>
        public long OffsetOfLine(long n) => _lineStarts[Math.Min(n, _next)];

        public override int Read(byte[] buffer, int offset, int length)
        {
            var written = 0;
            while (written < length)
            {
                if (_lineOffset == _line.Length)
                {
                    if (_next == count) break;
                    _next++;
                    _line = Encoding.UTF8.GetBytes(
                        $"{{\"title\":\"خبر رقم {_next}\",\"date\":\"2018-02-13\",\"body\":\"نص الخبر رقم {_next} عن الأحداث في المدينة.\"}}\n");
                    _lineOffset = 0;
                    _lineStarts[_next] = BytesProduced + _line.Length;
                }
                var n = Math.Min(length - written, _line.Length - _lineOffset);
                Array.Copy(_line, _lineOffset, buffer, offset + written, n);
                _lineOffset += n;
                written += n;
                BytesProduced += n;
            }
            return written;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesProduced; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int length) => throw new NotSupportedException();
    }
}
