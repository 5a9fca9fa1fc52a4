namespace Marsad.Analysis.Topics;

/// <summary>Everything the featuriser needs; persisted with the model so train and predict agree.</summary>
internal sealed record TopicFeatureSettings(
    int HashBits,
    float WordWeight,
    float StemWeight,
    float BigramWeight,
    float CharWeight,
    float TitleWeight,
    float GeoWeight,
    float StyleWeight,
    float LeadWeight,
    int LeadTokens,
    int MinCharGram,
    int MaxCharGram)
{
    public const int GroupCount = 8;
    public const int Word = 0, Stem = 1, Bigram = 2, Char = 3, Title = 4, Geo = 5, Style = 6, Lead = 7;

    public int Buckets => 1 << HashBits;

    public float Weight(int group) => group switch
    {
        Word => WordWeight,
        Stem => StemWeight,
        Bigram => BigramWeight,
        Char => CharWeight,
        Title => TitleWeight,
        Geo => GeoWeight,
        Style => StyleWeight,
        _ => LeadWeight,
    };

    public static TopicFeatureSettings From(TopicTrainingOptions o) => new(
        o.HashBits, o.WordWeight, o.StemWeight, o.BigramWeight, o.CharWeight, o.TitleWeight, o.GeoWeight, o.StyleWeight, o.LeadWeight, o.LeadTokens,
        o.MinCharGram, o.MaxCharGram);
}
