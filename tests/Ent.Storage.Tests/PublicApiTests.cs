using Ent.Storage.Engines;
using Ent.TestSupport;

namespace Ent.Storage.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void The_public_api_of_Ent_Storage_matches_the_approved_snapshot() => PublicApiApproval.Verify(typeof(RecordSchema).Assembly, typeof(PublicApiTests).Assembly);

    [Fact]
    public void The_public_api_of_Ent_Storage_Sqlite_matches_the_approved_snapshot() => PublicApiApproval.Verify(typeof(Ent.Storage.Sqlite.SqliteEventLog).Assembly, typeof(PublicApiTests).Assembly);

    [Fact]
    public void The_public_api_of_Ent_Storage_PostgreSql_matches_the_approved_snapshot() => PublicApiApproval.Verify(typeof(Ent.Storage.PostgreSql.PostgreSqlEventLog).Assembly, typeof(PublicApiTests).Assembly);
}
