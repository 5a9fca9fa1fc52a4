namespace Marsad.Tests.Store;

/// <summary>Test classes in this collection share one PostgreSQL server, started once per run.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServerFixture>
{
    public const string Name = "PostgreSQL server";
}
