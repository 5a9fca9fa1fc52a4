using System.Data.Common;

namespace Marsad.Store.Events;

/// <summary>Where the SQL of the two stores differs for events: text search, months, id lists and dates.</summary>
internal interface IStoreDialect
{
    /// <summary>A condition: <paramref name="column"/> contains the text of parameter <paramref name="parameter"/>.</summary>
    string Contains(string column, string parameter);

    /// <summary>The <c>yyyy-mm</c> of a date column.</summary>
    string Month(string column);

    /// <summary>A condition: <paramref name="column"/> is one of the ids in parameter <paramref name="parameter"/> (see <see cref="Ids"/>).</summary>
    string InIds(string column, string parameter);

    /// <summary>The parameter value for a list of ids.</summary>
    object Ids(IReadOnlyCollection<string> ids);

    /// <summary>The parameter value for a day.</summary>
    object Date(DateOnly day);

    DateOnly ReadDate(DbDataReader reader, int ordinal);
}
