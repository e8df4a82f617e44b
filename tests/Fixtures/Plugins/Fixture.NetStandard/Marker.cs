namespace Fixture.NetStandard;

public sealed class Marker
{
}
