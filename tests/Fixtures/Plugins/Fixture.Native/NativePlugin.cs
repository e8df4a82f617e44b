using Ent.Core.Courses;
using Ent.Core.Text;
using Ent.Sdk.Plugins;
using Microsoft.Data.Sqlite;

namespace Fixture.Native;

public sealed class NativePlugin : EntPlugin
{
    public override void ConfigureServices(PluginServiceContext context)
    {
        // Opening SQLite loads the native e_sqlite3 library from the folder's runtimes/<rid>/native.
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "select 6 * 7";
        var answer = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        context.AddActivityKind(new ActivityKind($"fixture.native.sqlite-{answer}", new LocalizedText("Natif", "Native")));
    }
}
