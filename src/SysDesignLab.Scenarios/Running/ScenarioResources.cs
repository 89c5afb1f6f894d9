using SysDesignLab.Orchestration.Postgres;
using SysDesignLab.Orchestration.Projects;

namespace SysDesignLab.Scenarios.Running;

public sealed record ScenarioResources(PostgresDatabase? Database, DotnetAppResource App);
