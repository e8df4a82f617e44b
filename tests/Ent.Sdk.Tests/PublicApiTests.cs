using Ent.Sdk.Hosting;
using Ent.Sdk.Plugins;
using Ent.TestSupport;

namespace Ent.Sdk.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void The_public_api_of_Ent_Sdk_matches_the_approved_snapshot() => PublicApiApproval.Verify(typeof(EntHost).Assembly, typeof(PublicApiTests).Assembly);

    [Fact]
    public void The_public_api_of_Ent_Sdk_Abstractions_matches_the_approved_snapshot() => PublicApiApproval.Verify(typeof(EntPlugin).Assembly, typeof(PublicApiTests).Assembly);
}
