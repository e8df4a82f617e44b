using Ent.Core.Courses;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;

namespace Ent.Core.Tests.Organisation;

public sealed class DirectoryNamesTests
{
    private readonly TestWorld _world = new();

    [Fact]
    public void A_person_is_named_family_name_first_in_lists_and_given_name_first_in_sentences()
    {
        Assert.Equal("Benali Lina", _world.Directory.ListNameOf(_world.Learner.Id));
        Assert.Equal("Lina Benali", _world.Directory.FullNameOf(_world.Learner.Id));
    }

    [Fact]
    public void A_person_not_in_the_directory_is_named_by_their_id()
    {
        var stranger = PersonId.New();

        Assert.Equal(stranger.Value.ToString(), _world.Directory.ListNameOf(stranger));
        Assert.Equal(stranger.Value.ToString(), _world.Directory.FullNameOf(stranger));
    }

    [Fact]
    public void A_class_or_a_group_is_named_and_an_unknown_one_is_not()
    {
        Assert.Equal("5e B", _world.Directory.NameOf(CourseAudience.ForClass(_world.Class5B.Id)));
        Assert.Equal("4e Latin", _world.Directory.NameOf(CourseAudience.ForGroup(_world.LatinGroup.Id)));
        Assert.Null(_world.Directory.NameOf(CourseAudience.ForClass(ClassId.New())));
    }
}
