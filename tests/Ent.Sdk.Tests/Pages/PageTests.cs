using System.ComponentModel.DataAnnotations;
using Ent.Core.Access;
using Ent.Core.Courses;
using Ent.Core.Organisation;
using Ent.Sdk.Diagnostics;
using Ent.Sdk.Hosting;
using Ent.Sdk.Pages;
using Ent.Sdk.Tests.TestPlugins;
using Ent.Storage.Engines;
using Ent.Storage.Events;
using Ent.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ent.Sdk.Tests.Pages;

/// <summary>
/// A plugin's pages, dispatched as any host would: found where the plugin is on, opened by those who hold the capability in
/// their school, route values and forms bound and validated, the services' refusals and bad input answered, a failure contained.
/// </summary>
public sealed class PageTests
{
    private static readonly Capability Read = new("acme.notes.read");
    private static readonly Capability Write = new("acme.notes.write");
    private static readonly Capability Overview = new("acme.notes.dashboard");
    private readonly TestWorld _world = new();

    [Fact]
    public async Task A_page_is_served_in_the_viewers_school_where_its_plugin_is_on_and_does_not_exist_where_it_is_off()
    {
        await using var host = await StartAsync(enableIn: _world.School.Id);

        var here = await DispatchAsync(host, Notes(host), Viewer(_world.Teacher, _world.School));
        var elsewhere = await DispatchAsync(host, Notes(host), Viewer(_world.HeadOfOtherSchool, _world.OtherSchool));

        Assert.Equal(PageStatus.Page, here.Status);
        Assert.Contains("Notes de la classe", here.Html, StringComparison.Ordinal);
        Assert.Equal(PageStatus.NotFound, elsewhere.Status);
    }

    [Fact]
    public async Task A_viewer_who_holds_the_capability_nowhere_in_their_school_is_forbidden()
    {
        await using var host = await StartAsync();

        var response = await DispatchAsync(host, Notes(host), Viewer(_world.Learner, _world.School));

        Assert.Equal(PageStatus.Forbidden, response.Status);
        Assert.Contains("acme.notes.read", response.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_navigation_lists_what_is_on_and_held_in_the_viewers_school_in_their_language()
    {
        await using var host = await StartAsync();
        var pages = host.Services.GetRequiredService<IEntPages>();

        Assert.Equal([new NavigationItem("Notes", "acme/notes", "acme.notes")], pages.NavigationFor(Viewer(_world.Teacher, _world.School)));
        Assert.Equal("Notes (en)", Assert.Single(pages.NavigationFor(Viewer(_world.Teacher, _world.School) with { Language = "en" })).Label);
        Assert.Empty(pages.NavigationFor(Viewer(_world.Learner, _world.School)));
        Assert.Empty(pages.NavigationFor(Viewer(_world.HeadOfOtherSchool, _world.OtherSchool)));
    }

    [Fact]
    public async Task Route_values_are_bound_to_the_route_type_and_a_value_that_is_not_one_is_not_found()
    {
        await using var host = await StartAsync();
        var note = Guid.CreateVersion7();

        var found = await DispatchAsync(host, Note(host), Viewer(_world.Teacher, _world.School), new() { ["note"] = note.ToString() });
        var malformed = await DispatchAsync(host, Note(host), Viewer(_world.Teacher, _world.School), new() { ["note"] = "not-a-guid" });

        Assert.Equal(PageStatus.Page, found.Status);
        Assert.Equal(note, host.Services.GetRequiredService<NoteBook>().LastRead);
        Assert.Equal(PageStatus.NotFound, malformed.Status);
    }

    [Fact]
    public async Task A_valid_post_reaches_the_page_with_its_typed_form_and_redirects()
    {
        await using var host = await StartAsync();

        var response = await PostAsync(host, new() { ["text"] = "Rendre le devoir lundi", ["stars"] = "4" });

        Assert.Equal(PageStatus.Redirect, response.Status);
        Assert.Equal("acme/notes", response.Location);
        Assert.Equal([new NoteForm("Rendre le devoir lundi", 4)], host.Services.GetRequiredService<NoteBook>().Saved);
    }

    [Fact]
    public async Task A_field_that_does_not_read_as_its_type_shows_the_form_again_naming_the_field_and_the_value_and_saves_nothing()
    {
        await using var host = await StartAsync();

        var response = await PostAsync(host, new() { ["text"] = "Bien", ["stars"] = "quatre" });

        Assert.Equal(PageStatus.InvalidForm, response.Status);
        Assert.Contains("stars : « quatre » n'est pas un nombre entier.", System.Net.WebUtility.HtmlDecode(response.Html), StringComparison.Ordinal);
        Assert.Contains("value=\"Bien\"", response.Html, StringComparison.Ordinal); // what was typed is kept
        Assert.Empty(host.Services.GetRequiredService<NoteBook>().Saved);
    }

    [Fact]
    public async Task The_forms_validation_attributes_are_checked_before_the_page_is_called()
    {
        await using var host = await StartAsync();

        var response = await PostAsync(host, new() { ["text"] = "", ["stars"] = "2" });

        Assert.Equal(PageStatus.InvalidForm, response.Status);
        Assert.Contains("text", response.Html, StringComparison.Ordinal);
        Assert.Empty(host.Services.GetRequiredService<NoteBook>().Saved);
    }

    [Fact]
    public async Task Bad_input_refused_by_the_pages_services_shows_the_form_again_with_their_message()
    {
        await using var host = await StartAsync();

        var response = await PostAsync(host, new() { ["text"] = "refuse", ["stars"] = "1" });

        Assert.Equal(PageStatus.InvalidForm, response.Status);
        Assert.Contains("'refuse' is not a note", System.Net.WebUtility.HtmlDecode(response.Html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_of_the_pages_services_is_forbidden_and_an_unknown_reference_not_found()
    {
        await using var host = await StartAsync();
        var viewer = Viewer(_world.Teacher, _world.School);

        var denied = await DispatchAsync(host, Note(host), viewer, new() { ["note"] = NotePage.Secret.ToString() });
        var unknown = await DispatchAsync(host, Note(host), viewer, new() { ["note"] = NotePage.Missing.ToString() });

        Assert.Equal(PageStatus.Forbidden, denied.Status);
        Assert.Equal(PageStatus.NotFound, unknown.Status);
    }

    [Fact]
    public async Task A_page_that_fails_is_answered_as_a_failure_and_the_next_request_is_served()
    {
        await using var host = await StartAsync();
        var viewer = Viewer(_world.Teacher, _world.School);

        var failed = await DispatchAsync(host, Note(host), viewer, new() { ["note"] = NotePage.Broken.ToString() });
        var next = await DispatchAsync(host, Notes(host), viewer);

        Assert.Equal(PageStatus.Failed, failed.Status);
        Assert.Contains("the page's own bug", failed.Reason, StringComparison.Ordinal);
        Assert.Equal(PageStatus.Page, next.Status);
    }

    [Fact]
    public async Task A_post_to_a_page_without_a_form_is_not_found()
    {
        await using var host = await StartAsync();

        var response = await host.Services.GetRequiredService<IEntPages>().DispatchAsync(new PageRequest(Notes(host), Viewer(_world.Teacher, _world.School), IsPost: true, new Dictionary<string, string?>()));

        Assert.Equal(PageStatus.NotFound, response.Status);
    }

    [Fact]
    public async Task A_file_field_is_bound_to_the_forms_posted_file_and_a_field_left_empty_to_null()
    {
        await using var host = await StartAsync();
        var scan = new PostedFile("C:\\Users\\famille\\certificat.pdf", "application/pdf", [0x25, 0x50, 0x44, 0x46]);

        await PostAsync(host, new() { ["text"] = "Avec pièce jointe", ["stars"] = "1" }, new Dictionary<string, PostedFile> { ["attachment"] = scan });
        await PostAsync(host, new() { ["text"] = "Sans", ["stars"] = "1" }, new Dictionary<string, PostedFile> { ["attachment"] = new PostedFile("", "application/octet-stream", []) });

        var saved = host.Services.GetRequiredService<NoteBook>().Saved;
        Assert.Equal(("certificat.pdf", 4), (saved[0].Attachment!.FileName, saved[0].Attachment!.Length));
        Assert.Null(saved[1].Attachment);
    }

    [Fact]
    public async Task A_binary_file_is_answered_with_its_bytes_and_a_checked_name()
    {
        await using var host = await StartAsync();

        var response = await DispatchAsync(host, Note(host), Viewer(_world.Teacher, _world.School), new() { ["note"] = NotePage.Scan.ToString() });

        Assert.Equal((PageStatus.File, "application/pdf", "scan.pdf"), (response.Status, response.ContentType, response.FileName));
        Assert.Equal([0x25, 0x50, 0x44, 0x46], response.Bytes);
    }

    [Fact]
    public async Task A_department_page_is_on_for_a_viewer_in_no_school_while_its_plugin_is_on_in_one_of_the_departments_schools()
    {
        await using var host = await StartAsync();
        var pages = host.Services.GetRequiredService<IEntPages>();
        var admin = new PageViewer(new Actor(_world.Admin.Id, _world.Admin.Department), null, "fr");
        var elsewhere = new PageViewer(new Actor(_world.OtherDepartmentAdmin.Id, _world.OtherDepartmentAdmin.Department), null, "fr");
        var dashboard = pages.Pages.Single(p => p.Route == "acme/dashboard");

        Assert.Equal(PageStatus.Page, (await pages.DispatchAsync(new PageRequest(dashboard, admin, IsPost: false, new Dictionary<string, string?>()))).Status);
        Assert.Equal(PageStatus.NotFound, (await pages.DispatchAsync(new PageRequest(Notes(host), admin, IsPost: false, new Dictionary<string, string?>()))).Status);
        Assert.Equal(PageStatus.NotFound, (await pages.DispatchAsync(new PageRequest(dashboard, elsewhere, IsPost: false, new Dictionary<string, string?>()))).Status);
        Assert.Contains(pages.NavigationFor(admin), n => n.Route == "acme/dashboard");
    }

    [Theory]
    [InlineData("acme/notes/{id}", "no placeholder for Note")]
    [InlineData("acme/notes/{note}/{extra}", "no parameter for {extra}")]
    [InlineData("/acme/notes/{note}", "without a leading slash")]
    [InlineData("acme/Notes/{note}", "segment 'Notes'")]
    public void A_route_that_does_not_match_its_route_type_is_refused_naming_what_is_wrong(string route, string expected)
    {
        var context = Context();

        var error = Assert.Throws<ArgumentException>(() => context.AddPage<NotePage>(route, Read));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_with_route_values_cannot_be_in_the_navigation()
    {
        var error = Assert.Throws<ArgumentException>(() => Context().AddPage<NotePage>("acme/notes/{note}", Read, new PageNavigation("acme", "notes.menu")));

        Assert.Contains("cannot be in the navigation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_form_of_a_type_a_page_cannot_bind_is_refused_naming_the_parameter()
    {
        var error = Assert.Throws<ArgumentException>(() => Context().AddPage<UnbindablePage>("acme/unbindable", Read));

        Assert.Contains("'When' (TimeSpan)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plugin_cannot_register_a_page_as_another_plugins()
    {
        var builder = Builder();
        builder.Ent.AddPlugin(new ConfiguringPlugin(c => c.Services.AddSingleton(new PageRegistration("acme.notes", typeof(NotesPage), typeof(NoRouteValues), null, "acme/forged", Read, null))),
            RecordingPlugin.Manifest("acme.forger"));
        await using var host = builder.Build();

        var diagnostic = Assert.Single(host.Runtime.Diagnostics, d => d.PluginId == "acme.forger");

        Assert.Equal(PluginDiagnosticCodes.ServiceReserved, diagnostic.Code);
        Assert.DoesNotContain(host.Services.GetRequiredService<IEntPages>().Pages, p => p.Route == "acme/forged");
    }

    private static Ent.Sdk.Plugins.PluginServiceContext Context() =>
        new(RecordingPlugin.Manifest("acme.notes"), null, new ServiceCollection(), new HashSet<string>(), typeof(PageTests).Assembly,
            new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), Ent.Sdk.Composition.ConfigurationOptionsBinder.Instance);

    private PageRegistration Notes(EntHost host) => host.Services.GetRequiredService<IEntPages>().Pages.Single(p => p.Route == "acme/notes");

    private PageRegistration Note(EntHost host) => host.Services.GetRequiredService<IEntPages>().Pages.Single(p => p.Route == "acme/notes/{note}");

    private PageViewer Viewer(Person person, School school) => new(new Actor(person.Id, person.Department), school, "fr");

    private static Task<PageResponse> DispatchAsync(EntHost host, PageRegistration page, PageViewer viewer, Dictionary<string, string?>? route = null) =>
        host.Services.GetRequiredService<IEntPages>().DispatchAsync(new PageRequest(page, viewer, IsPost: false, route ?? []));

    private Task<PageResponse> PostAsync(EntHost host, Dictionary<string, string> form, Dictionary<string, PostedFile>? files = null) =>
        host.Services.GetRequiredService<IEntPages>().DispatchAsync(
            new PageRequest(Note(host), Viewer(_world.Teacher, _world.School), IsPost: true, new Dictionary<string, string?> { ["note"] = Guid.CreateVersion7().ToString() }) { Form = form, Files = files ?? [] });

    private async Task<EntHost> StartAsync(Ent.Core.Identifiers.SchoolId? enableIn = null)
    {
        var builder = Builder(enableIn);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private EntHostBuilder Builder(Ent.Core.Identifiers.SchoolId? enableIn = null)
    {
        var builder = EntHost.CreateBuilder();
        builder.Services.AddSingleton<TimeProvider>(_world.Time);
        builder.Services.Replace(ServiceDescriptor.Singleton(_world.Directory));
        builder.Services.Replace(ServiceDescriptor.Singleton<ICourseCatalog>(_world.Courses));
        builder.Services.AddSingleton<IEventLog, InMemoryEventLog>();
        builder.Services.AddSingleton<IRecordStores>(sp => new InMemoryRecordStores(sp.GetServices<RecordSchema>()));
        builder.Ent.AddPlugin(new ConfiguringPlugin(c =>
        {
            c.Services.AddSingleton<NoteBook>();
            c.AddViews("acme");
            c.GrantCapability(Role.Teacher, GrantReach.Scope, Read).GrantCapability(Role.Teacher, GrantReach.Scope, Write)
                .GrantCapability(Role.DepartmentAdmin, GrantReach.Scope, Overview);
            c.AddPage<NotesPage>("acme/notes", Read, new PageNavigation("acme", "notes.menu"))
                .AddPage<NotePage>("acme/notes/{note}", Write)
                .AddDepartmentPage<NotesPage>("acme/dashboard", Overview, new PageNavigation("acme", "notes.menu", 200));
        }), RecordingPlugin.Manifest("acme.notes"));
        builder.Ent.EnablePlugin("acme.notes", enableIn ?? _world.School.Id, new DateOnly(2026, 9, 1));
        return builder;
    }

    /// <summary>What the test pages saw.</summary>
    public sealed class NoteBook
    {
        public Guid? LastRead { get; set; }

        public List<NoteForm> Saved { get; } = [];
    }

    public sealed record NoteRoute(Guid Note);

    public sealed record NoteForm([Required] string Text, int Stars, PostedFile? Attachment = null);

    public sealed record UnbindableForm(TimeSpan When);

    public sealed class NotesPage : EntPage<NoRouteValues>
    {
        public override Task<PageResult> GetAsync(PageContext context, NoRouteValues route, CancellationToken cancellationToken) =>
            Task.FromResult(PageResult.View("acme/note-page", new { Text = string.Empty, Errors = Array.Empty<string>() }, "Notes"));
    }

    public sealed class NotePage(NoteBook book) : EntPage<NoteRoute, NoteForm>
    {
        public static readonly Guid Secret = Guid.Parse("00000000-0000-0000-0000-00000000005e");
        public static readonly Guid Missing = Guid.Parse("00000000-0000-0000-0000-0000000000ff");
        public static readonly Guid Broken = Guid.Parse("00000000-0000-0000-0000-0000000000bb");
        public static readonly Guid Scan = Guid.Parse("00000000-0000-0000-0000-0000000000cc");

        public override Task<PageResult> GetAsync(PageContext context, NoteRoute route, CancellationToken cancellationToken)
        {
            book.LastRead = route.Note;
            if (route.Note == Secret)
            {
                throw new AccessDeniedException(context.Actor, Write, AccessScope.OfDepartment(context.Actor.Department), null, "not this one");
            }

            if (route.Note == Missing)
            {
                throw new UnknownReferenceException("note", route.Note);
            }

            if (route.Note == Broken)
            {
                throw new InvalidOperationException("the page's own bug");
            }

            if (route.Note == Scan)
            {
                return Task.FromResult(PageResult.File("application/pdf", [0x25, 0x50, 0x44, 0x46], "scan.pdf"));
            }

            return Task.FromResult(PageResult.View("acme/note-page", new { Text = context.Posted.GetValueOrDefault("text", string.Empty), Errors = context.Errors.Select(e => e.Message).ToArray() }, "Note"));
        }

        public override Task<PageResult> PostAsync(PageContext context, NoteRoute route, NoteForm form, CancellationToken cancellationToken)
        {
            if (form.Text == "refuse")
            {
                throw new ArgumentException("'refuse' is not a note.");
            }

            book.Saved.Add(form);
            return Task.FromResult(PageResult.Redirect("acme/notes"));
        }
    }

    public sealed class UnbindablePage : EntPage<NoRouteValues, UnbindableForm>
    {
        public override Task<PageResult> GetAsync(PageContext context, NoRouteValues route, CancellationToken cancellationToken) => Task.FromResult(PageResult.NotFound());

        public override Task<PageResult> PostAsync(PageContext context, NoRouteValues route, UnbindableForm form, CancellationToken cancellationToken) => Task.FromResult(PageResult.NotFound());
    }
}
