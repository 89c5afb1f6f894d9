using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace SysDesignLab.ScenarioKit;

/// <summary>
/// The one line every scenario app calls, so Program.cs stays about the lesson and the lab can
/// still observe, probe and clean up every app the same way.
/// </summary>
public static class LabDefaultsExtensions
{
    /// <summary>
    /// Adds <c>/metrics</c> (Prometheus), <c>/health</c> (liveness), HTTP request metrics, quiet
    /// framework logging, and a watcher that stops the app when the lab process that started it
    /// (<c>SDLAB_PARENT_PID</c>) is gone.
    /// </summary>
    public static WebApplicationBuilder AddLabDefaults(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Lowest-priority source: appsettings.json or Logging__LogLevel__* env vars still win, so a
        // learner can turn framework logging back up without touching this library.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:Microsoft"] = "Warning",
                ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
            },
        });
        builder.Logging.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = "HH:mm:ss ";
        });

        LabMetrics.EnsureStarted();
        // TryAdd: calling AddLabDefaults twice must not map /metrics twice.
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, LabPipelineStartupFilter>());
        builder.Services.AddHostedService<ParentProcessWatcher>();
        return builder;
    }
}
