using Ent.Core.Access;
using Ent.Core.Attendance;
using Ent.Plugins.Attendance.Declarations;
using Ent.Plugins.Attendance.RollCalls;
using Ent.TestSupport;

namespace Ent.Plugins.Attendance.Tests.Declarations;

/// <summary>
/// A family declares an absence (with a reason and a proof); it pre-fills the roll calls it covers and the absences await the CPE,
/// who accepts (justified when the reason is legitimate), refuses, or asks for more. The staff's own declarations are accepted at once.
/// </summary>
public sealed class DeclarationTests : IAsyncLifetime
{
    private AttendanceHost _host = null!;
    private IAbsenceDeclarations _declarations = null!;

    public async Task InitializeAsync()
    {
        _host = await AttendanceHost.StartAsync();
        _declarations = _host.Get<IAbsenceDeclarations>();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private TestWorld World => _host.World;

    private DeclarationDraft MorningOfIllness(string reason = "maladie", Proof? proof = null) =>
        new(World.Learner.Id, AttendanceHost.Thursday, new(0, 0), AttendanceHost.Thursday, new(12, 0), reason, "Fièvre depuis hier soir", proof);

    private Task<RollCallSheet> SheetAsync(Ent.Core.Timetable.TimetableSlot slot) =>
        _host.Get<IRollCalls>().SheetAsync(TestWorld.As(World.Teacher), World.School.Id, AttendanceHost.Thursday, _host.SessionOf(slot).Id);

    private async Task TakeAsync(Ent.Core.Timetable.TimetableSlot slot)
    {
        var sheet = await SheetAsync(slot);
        await _host.Get<IRollCalls>().SaveAsync(TestWorld.As(World.Teacher), new RollCallSubmission(World.School.Id, sheet.Session.Date, sheet.Session.Id,
            [.. sheet.Lines.Where(l => l.Mark.Status != "present").Select(l => l.Mark)]));
    }

    private async Task<AbsenceHalfDays> LinasTermAsync() =>
        (await _host.Get<IAbsenceSummary>().HalfDaysAsync(TestWorld.As(World.Staff), World.Class5B.Id, World.Year.Periods[0].Id))[World.Learner.Id];

    [Fact]
    public async Task A_parents_declaration_pre_fills_the_roll_calls_it_covers_and_no_other()
    {
        await _declarations.DeclareAsync(TestWorld.As(World.Parent), MorningOfIllness());

        var morning = await SheetAsync(_host.MathsAt8);
        var afternoon = await SheetAsync(_host.FrenchAt14);

        var lina = morning.Lines.Single(l => l.Pupil == World.Learner.Id);
        Assert.Equal(("absent", "maladie"), (lina.Mark.Status, lina.KnownAbsence));
        Assert.Equal("present", afternoon.Lines.Single(l => l.Pupil == World.Learner.Id).Mark.Status);
    }

    [Fact]
    public async Task The_absences_a_pending_declaration_covers_await_justification_and_still_count()
    {
        await _declarations.DeclareAsync(TestWorld.As(World.Parent), MorningOfIllness());
        await TakeAsync(_host.MathsAt8);

        Assert.Equal(new AbsenceHalfDays(0, 1), await LinasTermAsync());
    }

    [Fact]
    public async Task Once_the_CPE_accepts_a_legitimate_reason_the_absences_are_justified()
    {
        var declared = await _declarations.DeclareAsync(TestWorld.As(World.Parent), MorningOfIllness());
        await TakeAsync(_host.MathsAt8);

        var reviewed = await _declarations.ReviewAsync(TestWorld.As(World.Staff), World.Learner.Id, declared.Id, DeclarationState.Accepted, note: null);

        Assert.Equal((DeclarationState.Accepted, World.Staff.Id), (reviewed.State, reviewed.ReviewedBy));
        Assert.Equal(new AbsenceHalfDays(1, 0), await LinasTermAsync());
    }

    [Fact]
    public async Task A_declaration_made_after_the_roll_call_gives_its_reason_to_the_absences_already_recorded()
    {
        await _host.Get<IRollCalls>().SaveAsync(TestWorld.As(World.Teacher), new RollCallSubmission(World.School.Id, AttendanceHost.Thursday, _host.SessionOf(_host.MathsAt8).Id,
            [new PupilAttendance(World.Learner.Id, "absent")]));

        await _declarations.DeclareAsync(TestWorld.As(World.Staff), MorningOfIllness()); // a phone call to the vie scolaire: accepted at once

        Assert.Equal(new AbsenceHalfDays(1, 0), await LinasTermAsync());
    }

    [Fact]
    public async Task A_refused_declaration_leaves_the_absences_unjustified_and_tells_why()
    {
        var declared = await _declarations.DeclareAsync(TestWorld.As(World.Parent), MorningOfIllness("convenance-personnelle"));
        await TakeAsync(_host.MathsAt8);

        await Assert.ThrowsAsync<ArgumentException>(() => _declarations.ReviewAsync(TestWorld.As(World.Staff), World.Learner.Id, declared.Id, DeclarationState.Refused, note: null));
        var refused = await _declarations.ReviewAsync(TestWorld.As(World.Staff), World.Learner.Id, declared.Id, DeclarationState.Refused, "Motif non recevable au regard de l'article L131-8");

        Assert.Equal("Motif non recevable au regard de l'article L131-8", refused.ReviewNote);
        Assert.Equal(new AbsenceHalfDays(0, 1), await LinasTermAsync());
    }

    [Fact]
    public async Task A_proof_is_kept_with_its_declaration_and_read_by_the_CPE()
    {
        var pdf = new Proof("certificat.pdf", "application/pdf", [0x25, 0x50, 0x44, 0x46]);

        var declared = await _declarations.DeclareAsync(TestWorld.As(World.Parent), MorningOfIllness("maladie-certificat", pdf));

        var read = await _declarations.ProofAsync(TestWorld.As(World.Staff), World.Learner.Id, declared.Id);
        Assert.Equal(("certificat.pdf", "application/pdf"), (read!.FileName, read.ContentType));
        Assert.Equal(pdf.Content, read.Content);
    }

    [Fact]
    public async Task A_teacher_sees_a_declarations_reason_but_neither_the_familys_comment_nor_its_proof()
    {
        var declared = await _declarations.DeclareAsync(TestWorld.As(World.Parent), MorningOfIllness("maladie-certificat", new Proof("certificat.pdf", "application/pdf", [1, 2, 3])));

        var seen = Assert.Single(await _declarations.OfPupilAsync(TestWorld.As(World.Teacher), World.Learner.Id));

        Assert.Equal(("maladie-certificat", null, null), (seen.Reason, seen.Comment, seen.ProofName));
        Assert.Equal("Fièvre depuis hier soir", Assert.Single(await _declarations.OfPupilAsync(TestWorld.As(World.Parent), World.Learner.Id)).Comment);
        await Assert.ThrowsAsync<AccessDeniedException>(() => _declarations.ProofAsync(TestWorld.As(World.Teacher), World.Learner.Id, declared.Id));
        Assert.NotNull(await _declarations.ProofAsync(TestWorld.As(World.Parent), World.Learner.Id, declared.Id));
    }

    [Fact]
    public async Task A_parent_declares_only_for_their_children_and_does_not_review()
    {
        var forClassmate = MorningOfIllness() with { Pupil = World.Classmate.Id };

        await Assert.ThrowsAsync<AccessDeniedException>(() => _declarations.DeclareAsync(TestWorld.As(World.Parent), forClassmate));
        var declared = await _declarations.DeclareAsync(TestWorld.As(World.Parent), MorningOfIllness());
        await Assert.ThrowsAsync<AccessDeniedException>(() => _declarations.ReviewAsync(TestWorld.As(World.Parent), World.Learner.Id, declared.Id, DeclarationState.Accepted, null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _declarations.ReviewAsync(TestWorld.As(World.Teacher), World.Learner.Id, declared.Id, DeclarationState.Accepted, null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _declarations.OfPupilAsync(TestWorld.As(World.Parent), World.Classmate.Id));
    }

    [Fact]
    public async Task A_family_may_not_give_a_reason_kept_for_the_school()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _declarations.DeclareAsync(TestWorld.As(World.Parent), MorningOfIllness("sortie-scolaire")));

        Assert.Contains("'sortie-scolaire'", error.Message);
    }

    [Theory]
    [InlineData("image/gif", 10)]
    [InlineData("application/pdf", Proof.MaxBytes + 1)]
    public async Task A_proof_of_another_type_or_too_large_is_refused_naming_it(string type, int size)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _declarations.DeclareAsync(TestWorld.As(World.Parent), MorningOfIllness("maladie-certificat", new Proof("scan.bin", type, new byte[size]))));

        Assert.Contains("scan.bin", error.Message);
        Assert.Empty(await _declarations.OfPupilAsync(TestWorld.As(World.Staff), World.Learner.Id));
    }

    [Fact]
    public async Task Reversed_dates_are_refused_naming_them()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _declarations.DeclareAsync(TestWorld.As(World.Parent),
            MorningOfIllness() with { From = new(2026, 11, 27), To = new(2026, 11, 26) }));

        Assert.Contains("2026-11-27", error.Message);
    }
}
