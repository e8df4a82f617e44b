using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Sdk.Rollout;

namespace Ent.Samples.DepartmentHost.Generation;

/// <summary>
/// The shape of a generated department: how many collèges, classes per level (6e to 3e) and pupils per class, and the
/// subjects every class is taught. <see cref="RealSize"/> is Seine-Saint-Denis's: 125 collèges, 75,000 pupils.
/// </summary>
/// <param name="Schools">Collèges in all, the configured ones first (at least as many as configured).</param>
/// <param name="ClassesPerLevel">Classes in each of the four levels of each school.</param>
/// <param name="PupilsPerClass">Pupils in each class.</param>
internal sealed record DepartmentShape(int Schools, int ClassesPerLevel, int PupilsPerClass)
{
    /// <summary>How many schools the first rollout wave has (27 in the seed scenario).</summary>
    public int FirstWave { get; init; } = 27;

    /// <summary>How many schools each later wave, a quarter apart, has (15 in the seed scenario).</summary>
    public int NextWaves { get; init; } = 15;

    /// <summary>125 collèges of 24 classes of 25: 75,000 pupils.</summary>
    public static readonly DepartmentShape RealSize = new(125, 6, 25);

    /// <summary>The levels of a collège.</summary>
    public static readonly string[] Levels = ["6e", "5e", "4e", "3e"];

    /// <summary>The subjects each class is taught, one course and one teacher each.</summary>
    public static readonly (string Code, string Name)[] Subjects =
    [
        ("FRANCAIS", "Français"), ("MATHS", "Mathématiques"), ("HIST-GEO", "Histoire-géographie"), ("ANGLAIS", "Anglais"),
        ("SVT", "Sciences de la vie et de la Terre"), ("PHYS-CHIM", "Physique-chimie"), ("TECHNO", "Technologie"), ("EPS", "Éducation physique et sportive"),
    ];

    /// <summary>How many classes a teacher takes in their subject.</summary>
    public const int ClassesPerTeacher = 6;

    /// <summary>How many pupils the department has.</summary>
    public int Pupils => Schools * Levels.Length * ClassesPerLevel * PupilsPerClass;

    /// <summary>
    /// The department's schools: the configured ones, then generated collèges up to <see cref="Schools"/>, with UAIs of the
    /// department's range that no configured school has, names and addresses in its communes (all fictitious).
    /// </summary>
    /// <param name="department">The department.</param>
    /// <param name="configured">The configured schools.</param>
    public School[] SchoolsOf(Department department, IReadOnlyList<School> configured)
    {
        var schools = new List<School>(configured);
        var used = configured.Select(s => s.Uai).ToHashSet();
        var prefix = int.Parse(department.Code, System.Globalization.CultureInfo.InvariantCulture) * 10_000; // 93 → 0930000
        for (var number = prefix + 1; schools.Count < Schools; number++)
        {
            var uai = Uai.Parse($"{number:D7}{Uai.CheckLetterFor(number)}");
            if (used.Contains(uai))
            {
                continue;
            }

            var n = schools.Count;
            var (commune, postcode) = FrenchNames.Communes[n % FrenchNames.Communes.Length];
            var namesake = FrenchNames.Namesakes[n % FrenchNames.Namesakes.Length];
            var street = FrenchNames.Streets[n % FrenchNames.Streets.Length];
            schools.Add(new School(new SchoolId(DemoSchool.DerivedId(department.Id, uai.ToString())), department.Id, uai, $"Collège {namesake}, {commune} (fictif)")
            {
                Address = $"{1 + (n * 7 % 120)} {street}, {postcode} {commune}",
            });
        }

        return [.. schools];
    }

    /// <summary>
    /// The seed scenario's rollout: a first wave of <see cref="FirstWave"/> schools from <paramref name="start"/>, then
    /// <see cref="NextWaves"/> more each quarter until every school has its wave, in the order of <paramref name="schools"/>.
    /// </summary>
    /// <param name="schools">The department's schools.</param>
    /// <param name="plugins">The plugins each wave receives.</param>
    /// <param name="start">The first wave's first day.</param>
    public IReadOnlyList<RolloutWave> Waves(IReadOnlyList<School> schools, IReadOnlyList<string> plugins, DateOnly start) =>
        RolloutWave.Staggered([.. schools.Select(s => s.Id)], plugins, start, FirstWave, NextWaves);
}
