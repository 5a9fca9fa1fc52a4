using Lucene.Net.Documents;

namespace Marsad.Search;

/// <summary>
/// Untokenised fields handed out again for each document a thread indexes. Lucene.NET builds a new token stream (and
/// its attributes, under a global lock) for every new <see cref="StringField"/> it inverts, but reuses the stream of a
/// field object it has seen; with half a dozen keyword fields per article that was a measurable share of ingest.
/// A field may be reused once <see cref="Lucene.Net.Index.IndexWriter"/> has returned from adding its document.
/// </summary>
internal sealed class ReusableStringFields
{
    [ThreadStatic]
    private static ReusableStringFields? _current;

    private readonly Dictionary<(string Name, bool Stored), Slot> _slots = [];

    /// <summary>This thread's pool, with every field free again: call once per document.</summary>
    public static ReusableStringFields ForNextDocument()
    {
        var pool = _current ??= new ReusableStringFields();
        foreach (var slot in pool._slots.Values) slot.Used = 0;
        return pool;
    }

    public StringField Get(string name, string value, Field.Store store)
    {
        if (!_slots.TryGetValue((name, store == Field.Store.YES), out var slot)) _slots[(name, store == Field.Store.YES)] = slot = new Slot();
        if (slot.Used == slot.Fields.Count)
        {
            slot.Fields.Add(new StringField(name, value, store));
            return slot.Fields[slot.Used++];
        }
        var field = slot.Fields[slot.Used++];
        field.SetStringValue(value);
        return field;
    }

    private sealed class Slot
    {
        public List<StringField> Fields { get; } = [];

        public int Used { get; set; }
    }
}
