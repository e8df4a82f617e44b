using Ent.Sdk.Diagnostics;

namespace Ent.Sdk.Composition;

/// <summary>
/// Checks plugins' dependencies (missing, wrong version, cycles, failed) and orders the healthy
/// plugins so that each comes after everything it depends on, optional dependencies included.
/// Ties are broken by id, so the order is the same on every machine.
/// </summary>
internal sealed class DependencyGraph
{
    private readonly Dictionary<string, PluginCandidate> _byId;
    private readonly List<PluginDiagnostic> _diagnostics;
    private readonly HashSet<string> _failed = new(StringComparer.Ordinal);

    public DependencyGraph(IEnumerable<PluginCandidate> candidates, List<PluginDiagnostic> diagnostics)
    {
        _byId = candidates.ToDictionary(c => c.Manifest.Id, StringComparer.Ordinal);
        _diagnostics = diagnostics;
    }

    public IReadOnlyList<PluginCandidate> Order()
    {
        CheckReferences();
        CheckCycles();
        PropagateFailures();
        return TopologicalOrder();
    }

    private void CheckReferences()
    {
        foreach (var candidate in _byId.Values.OrderBy(c => c.Manifest.Id, StringComparer.Ordinal))
        {
            foreach (var dependency in candidate.Manifest.Dependencies)
            {
                if (!_byId.TryGetValue(dependency.Id, out var target))
                {
                    if (!dependency.Optional)
                    {
                        Fail(candidate, PluginDiagnosticCodes.DependencyMissing, $"It requires plugin '{dependency.Id}' ({dependency.Versions}), which is not there.");
                    }
                }
                else if (!dependency.Versions.Includes(target.Manifest.Version))
                {
                    var message = $"It requires '{dependency.Id}' {dependency.Versions}, and version {target.Manifest.Version} is there.";
                    if (dependency.Optional)
                    {
                        _diagnostics.Add(new PluginDiagnostic(PluginDiagnosticCodes.DependencyVersionMismatch, DiagnosticSeverity.Warning, candidate.Manifest.Id, candidate.Folder, message + " The optional dependency is ignored."));
                    }
                    else
                    {
                        Fail(candidate, PluginDiagnosticCodes.DependencyVersionMismatch, message);
                    }
                }
            }
        }
    }

    private void CheckCycles()
    {
        // Tarjan's strongly connected components: every plugin in a component of two or more (or with a self-edge) is in a cycle.
        var index = 0;
        var indices = new Dictionary<string, int>(StringComparer.Ordinal);
        var lowLinks = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);

        void Connect(string id)
        {
            indices[id] = lowLinks[id] = index++;
            stack.Push(id);
            onStack.Add(id);
            foreach (var next in Edges(id))
            {
                if (!indices.ContainsKey(next))
                {
                    Connect(next);
                    lowLinks[id] = Math.Min(lowLinks[id], lowLinks[next]);
                }
                else if (onStack.Contains(next))
                {
                    lowLinks[id] = Math.Min(lowLinks[id], indices[next]);
                }
            }

            if (lowLinks[id] != indices[id])
            {
                return;
            }

            var component = new List<string>();
            string member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                component.Add(member);
            }
            while (member != id);

            if (component.Count > 1 || Edges(id).Contains(id))
            {
                var cycle = string.Join(" -> ", component.Order(StringComparer.Ordinal));
                foreach (var plugin in component)
                {
                    Fail(_byId[plugin], PluginDiagnosticCodes.DependencyCycle, $"It is part of a dependency cycle ({cycle}); none of these plugins is loaded.");
                }
            }
        }

        foreach (var id in _byId.Keys.Order(StringComparer.Ordinal))
        {
            if (!indices.ContainsKey(id))
            {
                Connect(id);
            }
        }
    }

    private void PropagateFailures()
    {
        bool changed;
        do
        {
            changed = false;
            foreach (var candidate in _byId.Values.Where(c => !_failed.Contains(c.Manifest.Id)).OrderBy(c => c.Manifest.Id, StringComparer.Ordinal))
            {
                var failed = candidate.Manifest.Dependencies.FirstOrDefault(d => !d.Optional && _failed.Contains(d.Id));
                if (failed is not null)
                {
                    Fail(candidate, PluginDiagnosticCodes.DependencyFailed, $"It requires '{failed.Id}', which cannot be loaded; see that plugin's diagnostic.");
                    changed = true;
                }
            }
        }
        while (changed);
    }

    private List<PluginCandidate> TopologicalOrder()
    {
        var healthy = _byId.Values.Where(c => !_failed.Contains(c.Manifest.Id)).ToDictionary(c => c.Manifest.Id, StringComparer.Ordinal);
        var remaining = healthy.Values.ToDictionary(c => c.Manifest.Id, c => Edges(c.Manifest.Id).Count(healthy.ContainsKey), StringComparer.Ordinal);
        var ready = new SortedSet<string>(remaining.Where(r => r.Value == 0).Select(r => r.Key), StringComparer.Ordinal);
        var order = new List<PluginCandidate>();
        while (ready.Count > 0)
        {
            var id = ready.Min!;
            ready.Remove(id);
            order.Add(healthy[id]);
            foreach (var dependent in healthy.Values.Where(c => Edges(c.Manifest.Id).Contains(id)))
            {
                if (--remaining[dependent.Manifest.Id] == 0)
                {
                    ready.Add(dependent.Manifest.Id);
                }
            }
        }

        return order;
    }

    /// <summary>The plugins a plugin must come after: its dependencies that are there at an accepted version.</summary>
    private IEnumerable<string> Edges(string id) =>
        _byId[id].Manifest.Dependencies
            .Where(d => _byId.TryGetValue(d.Id, out var target) && d.Versions.Includes(target.Manifest.Version))
            .Select(d => d.Id)
            .Distinct(StringComparer.Ordinal);

    private void Fail(PluginCandidate candidate, string code, string message)
    {
        if (_failed.Add(candidate.Manifest.Id))
        {
            _diagnostics.Add(new PluginDiagnostic(code, DiagnosticSeverity.Error, candidate.Manifest.Id, candidate.Folder, message));
        }
    }
}
