using Ent.TestSupport;

namespace Ent.Hosting.AspNetCore.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void The_public_api_of_Ent_Hosting_AspNetCore_matches_the_approved_snapshot() => PublicApiApproval.Verify(typeof(EntWebOptions).Assembly, typeof(PublicApiTests).Assembly);
}
