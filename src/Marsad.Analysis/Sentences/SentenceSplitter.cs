using System.Runtime.InteropServices;

namespace Marsad.Analysis.Sentences;

/// <summary>
/// Splits a news body into sentences. Punctuation and line breaks decide where the writer punctuated; long stretches
/// on unpunctuated lines (transcripts, scraped text) and any sentence over <see cref="SentenceSplitterOptions.MaxWords"/>
/// are segmented by the <see cref="SentenceBoundaryModel"/>. Thread-safe.
/// </summary>
public sealed class SentenceSplitter
{
    private static readonly Lazy<SentenceSplitter> Shipped = new(() => new SentenceSplitter(SentenceBoundaryModel.LoadDefault()));

    private readonly float _bias;

    public SentenceSplitter(SentenceBoundaryModel model, SentenceSplitterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= SentenceSplitterOptions.Default;
        options.Validate();
        Model = model;
        Options = options;
        _bias = options.BoundaryBias ?? model.BoundaryBias;
    }

    /// <summary>The splitter with the shipped model and default options.</summary>
    public static SentenceSplitter Default => Shipped.Value;

    public SentenceBoundaryModel Model { get; }

    public SentenceSplitterOptions Options { get; }

    public IReadOnlyList<SentenceSpan> Split(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var scratch = t_scratch ??= new Scratch();
        var words = scratch.Words;
        words.Clear();
        SentenceTokenizer.Tokenize(body, words);
        var segments = scratch.Segments;
        segments.Clear();
        SentenceRules.Segment(words, Options.MinWords, segments);
        var sentences = new List<SentenceSpan>(segments.Count);
        var all = CollectionsMarshal.AsSpan(words);
        foreach (var segment in segments)
        {
            var needsModel = segment.Words > Options.MaxWords
                || (!segment.LinePunctuated && segment.Words > Options.LongStretchWords);
            if (!needsModel)
            {
                sentences.Add(new SentenceSpan(all[segment.First].Start, all[segment.Last].End));
                continue;
            }
            var stretch = all.Slice(segment.First, segment.Words);
            if (scratch.Keys.Length < stretch.Length) scratch.Keys = new WordKey[Math.Max(stretch.Length, scratch.Keys.Length * 2)];
            var keySpan = scratch.Keys.AsSpan(0, stretch.Length);
            BoundaryFeatures.ComputeKeys(body, stretch, Model.Clusters, keySpan);
            var cuts = scratch.Cuts;
            cuts.Clear();
            Model.Segment(keySpan, Options.MinWords, Options.MaxWords, Options.SoftMaxWords, Options.OverLengthCost, _bias, cuts);
            var first = 0;
            foreach (var cut in cuts)
            {
                sentences.Add(new SentenceSpan(stretch[first].Start, stretch[cut].End));
                first = cut + 1;
            }
            sentences.Add(new SentenceSpan(stretch[first].Start, stretch[^1].End));
        }
        // An outsized body (a dump, a book) should not pin its word list for the thread's lifetime.
        if (words.Capacity > MaxKeptWords) t_scratch = null;
        return sentences;
    }

    private const int MaxKeptWords = 1 << 16;

    /// <summary>
    /// Working lists kept by each thread from body to body: the words of an article are about half of what
    /// splitting it allocated when they were new lists each time.
    /// </summary>
    [ThreadStatic]
    private static Scratch? t_scratch;

    private sealed class Scratch
    {
        public List<SentenceWord> Words { get; } = new(1024);
        public List<RuleSegment> Segments { get; } = new(128);
        public List<int> Cuts { get; } = [];
        public WordKey[] Keys { get; set; } = new WordKey[256];
    }
}
