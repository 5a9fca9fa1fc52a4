namespace Marsad.Store;

/// <summary>
/// Outcome of one <see cref="IArticleStore.AddBatch"/> call. A batch's new articles get the contiguous
/// sequence range <see cref="FirstSequence"/>..<see cref="LastSequence"/>; both are 0 when nothing was added.
/// </summary>
public readonly record struct StoreWriteResult(int Added, int Skipped, long FirstSequence, long LastSequence);
