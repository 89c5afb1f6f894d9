using System.Text.Json;
using Npgsql;

namespace SysDesignLab.Orchestration.Postgres;

/// <summary>
/// What PostgreSQL's planner would do for a query: the scan node of every table it reads, from
/// EXPLAIN (FORMAT JSON). Used to require index use without trusting the app's word.
/// </summary>
public sealed record QueryPlan(IReadOnlyList<PlanScan> Scans)
{
    public static async Task<QueryPlan> ExplainAsync(NpgsqlConnection connection, string sql, IReadOnlyDictionary<string, object> parameters, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("EXPLAIN (FORMAT JSON) " + sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        var json = (string)(await command.ExecuteScalarAsync(cancellationToken))!;
        return Parse(json);
    }

    public static QueryPlan Parse(string explainJson)
    {
        using var document = JsonDocument.Parse(explainJson);
        var scans = new List<PlanScan>();
        foreach (var root in document.RootElement.EnumerateArray())
        {
            Walk(root.GetProperty("Plan"), scans);
        }
        return new QueryPlan(scans);
    }

    /// <summary>True when no table in <paramref name="tables"/> is read with a sequential scan.</summary>
    public bool AvoidsSequentialScansOn(IEnumerable<string> tables) =>
        !Scans.Any(s => s.NodeType == "Seq Scan" && tables.Contains(s.Relation, StringComparer.Ordinal));

    public override string ToString() => string.Join(", ", Scans.Select(s => s.IndexName is null ? $"{s.NodeType} on {s.Relation}" : $"{s.NodeType} on {s.Relation} using {s.IndexName}"));

    /// <summary>
    /// A Bitmap Index Scan names its index but not its table: that is on the Bitmap Heap Scan above
    /// it, so the nearest table name is passed down.
    /// </summary>
    private static void Walk(JsonElement node, List<PlanScan> scans, string? parentRelation = null)
    {
        var relation = node.TryGetProperty("Relation Name", out var name) ? name.GetString() : null;
        var index = node.TryGetProperty("Index Name", out var indexName) ? indexName.GetString() : null;
        if (relation is not null || index is not null)
        {
            scans.Add(new PlanScan(node.GetProperty("Node Type").GetString()!, relation ?? parentRelation ?? "", index));
        }
        if (node.TryGetProperty("Plans", out var children))
        {
            foreach (var child in children.EnumerateArray())
            {
                Walk(child, scans, relation ?? parentRelation);
            }
        }
    }
}

public sealed record PlanScan(string NodeType, string Relation, string? IndexName);
