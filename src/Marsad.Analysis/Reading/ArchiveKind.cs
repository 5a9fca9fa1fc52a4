namespace Marsad.Analysis.Reading;

internal enum ArchiveKind
{
    None,
    Zip,
    Tar,
    Gzip,
}
