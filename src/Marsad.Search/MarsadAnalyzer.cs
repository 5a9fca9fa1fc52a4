using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Marsad.Text;
using LuceneTokenizer = Lucene.Net.Analysis.Tokenizer;

namespace Marsad.Search;

/// <summary>
/// A Lucene analyzer that indexes what Marsad's own text chain makes of the text (normalised, clitic-segmented,
/// light-stemmed, stop words dropped), with offsets into the original text for highlighting.
/// Queries go through the same analyzer, so الحكومة، حكومة and وللحكومة meet on one term.
/// </summary>
public sealed class MarsadAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        new(new ChainTokenizer(reader));

    private sealed class ChainTokenizer : LuceneTokenizer
    {
        private readonly ICharTermAttribute _term;
        private readonly IOffsetAttribute _offset;
        private readonly IPositionIncrementAttribute _increment;
        private char[] _text = new char[8192];
        private int _length;
        private int _position;

        public ChainTokenizer(TextReader reader)
            : base(reader)
        {
            _term = AddAttribute<ICharTermAttribute>();
            _offset = AddAttribute<IOffsetAttribute>();
            _increment = AddAttribute<IPositionIncrementAttribute>();
        }

        public override bool IncrementToken()
        {
            ClearAttributes();
            var skipped = 0;
            while (_position < _length)
            {
                // The chain's enumerator is a ref struct, so it cannot live across calls: resume from a char position.
                var tokens = ArabicAnalyzerChain.ForCurrentThread.Analyze(_text.AsSpan(_position, _length - _position));
                if (!tokens.MoveNext())
                {
                    _position = _length;
                    break;
                }
                var token = tokens.Current;
                var start = _position + token.Token.Start;
                var end = _position + token.Token.End;
                _position = end;
                if (!token.Token.IsContent) continue;
                if (token.IsStopWord)
                {
                    skipped++;
                    continue;
                }
                var stem = token.Stem;
                // A word of marks alone (a presentation-form haraka) normalises to nothing: no term to index.
                if (stem.IsEmpty) continue;
                token.Stem.CopyTo(_term.ResizeBuffer(stem.Length));
                _term.Length = stem.Length;
                _offset.SetOffset(CorrectOffset(start), CorrectOffset(end));
                _increment.PositionIncrement = 1 + skipped;
                return true;
            }
            return false;
        }

        public override void End()
        {
            base.End();
            var final = CorrectOffset(_length);
            _offset.SetOffset(final, final);
        }

        public override void Reset()
        {
            base.Reset();
            _length = 0;
            _position = 0;
            int read;
            while ((read = m_input.Read(_text, _length, _text.Length - _length)) > 0)
            {
                _length += read;
                if (_length == _text.Length) Array.Resize(ref _text, _text.Length * 2);
            }
        }
    }
}
