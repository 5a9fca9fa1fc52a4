namespace Marsad.Analysis.Places;

/// <summary>
/// The readings of <see cref="PlaceNames.ProcliticReadings"/> without allocating, for lookups made on every word of an
/// article: each <see cref="Form"/> is a slice of the key, or (for لل → ال) of the caller's scratch buffer, valid until
/// the next <see cref="MoveNext"/>.
/// </summary>
public ref struct ProcliticReadingEnumerator
{
    private readonly ReadOnlySpan<char> _key;
    private readonly Span<char> _scratch;
    private int _step;

    /// <param name="scratch">At least as long as <paramref name="key"/>.</param>
    public ProcliticReadingEnumerator(ReadOnlySpan<char> key, Span<char> scratch)
    {
        _key = key;
        _scratch = scratch;
    }

    public ReadOnlySpan<char> Form { get; private set; }

    /// <summary>Characters of the key the reading drops from its start.</summary>
    public int Cut { get; private set; }

    public bool MoveNext()
    {
        var conjunction = _key.Length >= 3 && _key[0] is PlaceNames.Waw or PlaceNames.Fa;
        while (_step < 5)
        {
            var step = _step++;
            switch (step)
            {
                case 0 when conjunction:
                    return Yield(_key[1..], 1);
                case 1 when conjunction && TryDefiniteLam(_key[1..], 1):
                case 2 when conjunction && TryPreposition(_key[1..], 1):
                case 3 when TryDefiniteLam(_key, 0):
                case 4 when TryPreposition(_key, 0):
                    return true;
            }
        }
        return false;
    }

    private bool Yield(ReadOnlySpan<char> form, int cut)
    {
        Form = form;
        Cut = cut;
        return true;
    }

    /// <summary>لل + word is ل + ال + word: the reading restores the article's alef.</summary>
    private bool TryDefiniteLam(ReadOnlySpan<char> form, int offset)
    {
        if (form.Length <= 3 || form[0] != PlaceNames.Lam || form[1] != PlaceNames.Lam) return false;
        _scratch[0] = PlaceNames.Alef;
        form[1..].CopyTo(_scratch[1..]);
        return Yield(_scratch[..form.Length], offset + 1);
    }

    private bool TryPreposition(ReadOnlySpan<char> form, int offset) =>
        form.Length >= 3 && form[0] is PlaceNames.Ba or PlaceNames.Lam or PlaceNames.Kaf && Yield(form[1..], offset + 1);
}
