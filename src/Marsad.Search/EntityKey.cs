using Marsad.Text;

namespace Marsad.Search;

/// <summary>
/// The key under which a person or place is indexed and filtered (<see cref="NameKey.Of"/>): the name normalised for
/// search, with a conjunction or preposition clitic taken off its first word. The same function runs on the user's
/// filter value.
/// </summary>
public static class EntityKey
{
    public static string Of(string name) => NameKey.Of(name);
}
