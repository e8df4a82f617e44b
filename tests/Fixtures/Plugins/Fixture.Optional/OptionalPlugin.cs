using Ent.Core.Courses;
using Ent.Core.Text;
using Ent.Sdk.Plugins;

namespace Fixture.Optional;

public sealed class OptionalPlugin : EntPlugin
{
    public override void ConfigureServices(PluginServiceContext context)
    {
        // The activity kind it contributes says whether its optional dependency was there.
        var mode = context.IsPluginPresent("fixture.healthy") ? "with-healthy" : "alone";
        context.AddActivityKind(new ActivityKind($"fixture.optional.{mode}", new LocalizedText("Facultatif", "Optional")));
    }
}
