using System.Net;
using System.Net.Sockets;
using Ent.Storage.PostgreSql;
using Ent.Storage.Schema;

namespace Ent.Storage.Tests.PostgreSql;

public sealed class PostgreSqlFaultTests
{
    [Fact]
    public async Task A_server_that_is_down_is_reported_as_unavailable_naming_it()
    {
        var port = ClosedPort();
        await using var database = new PostgreSqlDatabase($"Host=127.0.0.1;Port={port};Username=ent;Database=ent;Timeout=3");

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() =>
            database.OpenAsync(new Dictionary<string, IReadOnlyCollection<SchemaMigration>> { [SchemaComponents.EventLog] = PostgreSqlEventLog.Migrations }));

        Assert.Contains($"postgresql://127.0.0.1:{port}/ent", error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be reached", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_connection_string_is_refused_naming_the_problem()
    {
        var error = Assert.Throws<ArgumentException>(() => new PostgreSqlDatabase("Host=127.0.0.1;Prot=5432"));

        Assert.Contains("connection string is invalid", error.Message, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
