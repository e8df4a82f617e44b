using Ent.Core.Courses;
using Ent.Core.Text;
using Ent.Sdk.Plugins;
using Newtonsoft.Json;

namespace Fixture.Json13;

public sealed class Json13Plugin : EntPlugin
{
    public override void ConfigureServices(PluginServiceContext context)
    {
        // Uses its own Json.NET while registering: the kind's id carries the version that actually ran.
        var version = typeof(JsonConvert).Assembly.GetName().Version!;
        var serialized = JsonConvert.SerializeObject(new { major = version.Major });
        var major = JsonConvert.DeserializeAnonymousType(serialized, new { major = 0 })!.major;
        context.AddActivityKind(new ActivityKind($"fixture.json13.runs-json{major}", new LocalizedText("Json", "Json")));
    }
}
