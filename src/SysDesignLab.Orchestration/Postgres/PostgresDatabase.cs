namespace SysDesignLab.Orchestration.Postgres;

/// <summary>
/// A database on a <see cref="PostgresServer"/>, created fresh for each run from a template holding
/// the scenario's schema and seed data. Like Aspire's AddDatabase, it is a resource of its own, so an
/// app can wait for the data rather than just the server.
/// </summary>
public sealed class PostgresDatabase : LabResource
{
    private readonly IReadOnlyList<string> _scripts;
    private readonly DatabaseTemplates _templates;
    private readonly IProgress<string>? _progress;

    public PostgresDatabase(PostgresServer server, string databaseName, string templateName, IReadOnlyList<string> scripts, IProgress<string>? progress = null)
        : base(databaseName)
    {
        Server = server;
        DatabaseName = databaseName;
        TemplateName = templateName;
        _scripts = scripts;
        _templates = new DatabaseTemplates(server);
        _progress = progress;
        WaitsFor(server);
    }

    public PostgresServer Server { get; }
    public string DatabaseName { get; }
    public string TemplateName { get; }
    public override string Kind => "database";
    public override IReadOnlyList<Endpoint> Endpoints => Server.Endpoints;
    public override string? LogPath => Server.LogPath;
    public override int? ProcessId => null;
    public override TimeSpan StartupTimeout => TimeSpan.FromMinutes(5);
    public string ConnectionString => Server.ConnectionString(DatabaseName);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await _templates.EnsureTemplateAsync(TemplateName, _scripts, _progress, cancellationToken);
        await _templates.CreateFreshCopyAsync(DatabaseName, TemplateName, cancellationToken);
    }

    public override async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _templates.OpenAsync(DatabaseName, cancellationToken);
            return true;
        }
        catch (Npgsql.NpgsqlException)
        {
            return false;
        }
    }

    public override void ThrowIfFailed() => Server.ThrowIfFailed();

    /// <summary>The data is thrown away with the next run; nothing to stop.</summary>
    public override Task StopAsync() => Task.CompletedTask;

    public Task<Npgsql.NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) => _templates.OpenAsync(DatabaseName, cancellationToken);
}
