using System.Security.Cryptography;
using System.Text;

namespace Marsad.Analysis.Linking;

/// <summary>
/// Entity ids: the first 16 hex chars of SHA-256 over type and canonical key, so the same entity gets the same id
/// in every article and every run, and the store can join on it without a registry of entities.
/// </summary>
public static class EntityIds
{
    /// <param name="type">PERS, LOC, ORG or MISC.</param>
    /// <param name="canonicalKey">
    /// The canonical name as a <see cref="Places.PlaceNames.Key"/>; for a resolved place, key, '|' and the ISO
    /// country (طرابلس|LY and طرابلس|LB are two entities).
    /// </param>
    public static string Create(string type, string canonicalKey)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(type + "\u001F" + canonicalKey), hash);
        return Convert.ToHexStringLower(hash[..8]);
    }
}
