using Ent.Core.Calendar;
using Ent.Core.Events;
using Ent.Core.Organisation;
using Ent.Sdk.Composition;
using Ent.Sdk.Hosting;

namespace Ent.Sdk.Enablement;

/// <summary>
/// Delivers a plugin's event handlers only the events of schools where the plugin is on, on the day the event occurred
/// (in the department's time zone); an event of no school (the department's) reaches a plugin on in at least one of the
/// department's schools. The host's own handlers (the event log, say) receive every event.
/// </summary>
internal sealed class PluginEventDelivery(IEntRuntime runtime, IPluginEnablement enablement, IOrganisationDirectory directory, TimeZoneInfo zone) : IDomainEventDeliveryFilter
{
    /// <summary>Which plugin owns each handler type, found once: the plugins are fixed when the host is composed.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Type, LoadedPlugin?> _owners = new();

    public bool ShouldDeliver(object handler, DomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(domainEvent);
        if (_owners.GetOrAdd(handler.GetType(), OwnerOf) is not { } plugin)
        {
            return true;
        }

        var day = SchoolTime.DayOf(domainEvent.OccurredAt, zone);
        return domainEvent.School is { } school
            ? enablement.IsEnabled(plugin.Id, school, day)
            : directory.SchoolsOf(domainEvent.Department).Any(s => enablement.IsEnabled(plugin.Id, s.Id, day));
    }

    private LoadedPlugin? OwnerOf(Type handlerType)
    {
        foreach (var plugin in runtime.Plugins)
        {
            if (plugin.HandlerTypes.Contains(handlerType)
                || (plugin.LoadContext is { } context && System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(handlerType.Assembly) == context))
            {
                return plugin;
            }
        }

        return null;
    }
}
