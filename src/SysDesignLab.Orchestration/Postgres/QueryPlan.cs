using System.Text.Json;
using Npgsql;

namespace SysDesignLab.Orchestration.Postgres;

/// <summary>
/// What PostgreSQL's planner would do for a query: the scan node of every table it reads, from
/// EXPLAIN (FORMAT JSON). Used to require index use without trusting the app's word. With ANALYZE
/// it also runs the query and knows how many 8 kB pages it touched (PagesRead, else 0).
/// </summary>
public sealed record QueryPlan(IReadOnlyList<PlanScan> Scans, long PagesRead = 0)
{
    public static async Task<QueryPlan> ExplainAsync(NpgsqlConnection connection, string sql, IReadOnlyDictionary<string, object> parameters, CancellationToken cancellationToken, bool analyze = false)
    {
        await using var command = new NpgsqlCommand((analyze ? "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " : "EXPLAIN (FORMAT JSON) ") + sql, connection);
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
        long pages = 0;
        foreach (var root in document.RootElement.EnumerateArray())
        {
            var plan = root.GetProperty("Plan");
            Walk(plan, scans);
            // A node's buffer counts include its children's: the top node's are the query's.
            pages += (long)(Number(plan, "Shared Hit Blocks") + Number(plan, "Shared Read Blocks"));
        }
        return new QueryPlan(scans, pages);
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

    private static double Number(JsonElement node, string property) =>
        node.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : 0;
}

public sealed record PlanScan(string NodeType, string Relation, string? IndexName);
