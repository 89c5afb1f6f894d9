using System.Diagnostics;

namespace SysDesignLab.Orchestration;

/// <summary>Starts resources in dependency order, waits for each to be healthy, and tears them down in reverse.</summary>
public sealed class LabHost(TimeProvider? timeProvider = null) : IAsyncDisposable
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly List<LabResource> _resources = [];
    private readonly List<LabResource> _started = [];

    public IReadOnlyList<LabResource> Resources => _resources;

    public T Add<T>(T resource) where T : LabResource
    {
        if (_resources.Any(r => r.Name == resource.Name))
        {
            throw new ArgumentException($"A resource named '{resource.Name}' is already in the lab.", nameof(resource));
        }
        _resources.Add(resource);
        return resource;
    }

    public static IReadOnlyList<LabResource> StartOrder(IReadOnlyList<LabResource> resources)
    {
        var ordered = new List<LabResource>();
        var visiting = new HashSet<LabResource>();
        void Visit(LabResource resource)
        {
            if (ordered.Contains(resource))
            {
                return;
            }
            if (!visiting.Add(resource))
            {
                throw new LabException($"Resource '{resource.Name}' waits for itself through a cycle of dependencies.");
            }
            // A dependency outside this list is someone else's to start (a shared server, say).
            foreach (var dependency in resource.WaitFor.Where(resources.Contains))
            {
                Visit(dependency);
            }
            visiting.Remove(resource);
            ordered.Add(resource);
        }
        foreach (var resource in resources)
        {
            Visit(resource);
        }
        return ordered;
    }

    public async Task StartAsync(IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        foreach (var resource in StartOrder(_resources))
        {
            progress?.Report($"Starting {resource.Kind} '{resource.Name}'…");
            _started.Add(resource);
            await resource.StartAsync(cancellationToken);
            await WaitHealthyAsync(resource, cancellationToken);
            progress?.Report($"{resource.Kind} '{resource.Name}' is ready at {string.Join(", ", resource.Endpoints)}");
        }
    }

    public async Task WaitHealthyAsync(LabResource resource, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            resource.ThrowIfFailed();
            if (await resource.IsHealthyAsync(cancellationToken))
            {
                return;
            }
            if (_time.GetElapsedTime(started) > resource.StartupTimeout)
            {
                throw new LabException(
                    $"{resource.Kind} '{resource.Name}' did not become healthy within {resource.StartupTimeout.TotalSeconds:0} s." +
                    resource.NotHealthyHint());
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), _time, cancellationToken);
        }
    }

    public async Task StopAsync()
    {
        for (var i = _started.Count - 1; i >= 0; i--)
        {
            try
            {
                await _started[i].StopAsync();
            }
            catch (Exception e) when (e is LabException or IOException)
            {
                Trace.TraceWarning($"Stopping {_started[i].Name} failed: {e.Message}");
            }
        }
        _started.Clear();
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
