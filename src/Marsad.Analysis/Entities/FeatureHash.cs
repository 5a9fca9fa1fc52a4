using System.Runtime.CompilerServices;

namespace Marsad.Analysis.Entities;

/// <summary>
/// Incremental 64-bit FNV-1a over UTF-16 code units, folded to 32 bits at the end. Features are identified by
/// these hashes instead of strings so the tagger allocates nothing per token and the model file stores no text.
/// Hashing two spans in sequence equals hashing their concatenation, which lets callers rebuild forms such as
/// ال + stem without copying.
/// </summary>
internal struct FeatureHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;
    private ulong _h;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FeatureHash Start(int template)
    {
        var f = new FeatureHash { _h = Offset };
        f.Add((char)template);
        f.Add('\u0001');
        return f;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(char c)
    {
        _h = (_h ^ c) * Prime;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(ReadOnlySpan<char> s)
    {
        var h = _h;
        foreach (var c in s) h = (h ^ c) * Prime;
        _h = h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Separator() => Add('\u0002');

    /// <summary>Final avalanche (murmur3 fmix64) then fold; zero is reserved as the empty-slot marker.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly uint Finish()
    {
        var h = _h;
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdUL;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53UL;
        h ^= h >> 33;
        var r = (uint)(h ^ (h >> 32));
        return r == 0 ? 1u : r;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Of(int template, ReadOnlySpan<char> s)
    {
        var f = Start(template);
        f.Add(s);
        return f.Finish();
    }
}
