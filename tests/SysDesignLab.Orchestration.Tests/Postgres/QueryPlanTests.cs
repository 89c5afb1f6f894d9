using SysDesignLab.Orchestration.Postgres;

namespace SysDesignLab.Orchestration.Tests.Postgres;

public sealed class QueryPlanTests
{
    private const string NestedPlan = """
        [{ "Plan": { "Node Type": "Limit", "Plans": [
            { "Node Type": "Nested Loop", "Plans": [
                { "Node Type": "Index Scan", "Relation Name": "posts", "Index Name": "posts_author_idx" },
                { "Node Type": "Seq Scan", "Relation Name": "users" } ] } ] } }]
        """;

    [Fact]
    public void Finds_the_scan_of_every_table_in_a_nested_plan()
    {
        var plan = QueryPlan.Parse(NestedPlan);
        Assert.Equal([new PlanScan("Index Scan", "posts", "posts_author_idx"), new PlanScan("Seq Scan", "users", null)], plan.Scans);
        Assert.Equal("Index Scan on posts using posts_author_idx, Seq Scan on users", plan.ToString());
    }

    [Fact]
    public void A_sequential_scan_counts_only_on_the_listed_tables()
    {
        var plan = QueryPlan.Parse(NestedPlan);
        Assert.True(plan.AvoidsSequentialScansOn(["posts"]));
        Assert.False(plan.AvoidsSequentialScansOn(["posts", "users"]));
    }

    [Fact]
    public void Pages_read_are_the_top_nodes_shared_hits_plus_reads()
    {
        // As EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) prints it: a node's counts include its children's,
        // and planning's own buffers are not the query's.
        const string analyzed = """
            [{ "Plan": { "Node Type": "Limit", "Shared Hit Blocks": 700, "Shared Read Blocks": 42, "Shared Dirtied Blocks": 9,
                         "Local Hit Blocks": 5, "Temp Read Blocks": 3, "Plans": [
                { "Node Type": "Index Scan", "Relation Name": "posts", "Index Name": "posts_created_author_idx",
                  "Shared Hit Blocks": 700, "Shared Read Blocks": 42 } ] },
               "Planning": { "Shared Hit Blocks": 1000, "Shared Read Blocks": 100 },
               "Planning Time": 0.2, "Triggers": [], "Execution Time": 12.5 }]
            """;
        Assert.Equal(742, QueryPlan.Parse(analyzed).PagesRead);
    }

    [Fact]
    public void Pages_read_add_up_over_every_root()
    {
        const string twoRoots = """
            [{ "Plan": { "Node Type": "Index Scan", "Relation Name": "posts", "Shared Hit Blocks": 4, "Shared Read Blocks": 1 } },
             { "Plan": { "Node Type": "Index Scan", "Relation Name": "users", "Shared Hit Blocks": 3, "Shared Read Blocks": 0 } }]
            """;
        Assert.Equal(8, QueryPlan.Parse(twoRoots).PagesRead);
    }

    [Fact]
    public void A_plan_without_buffers_read_no_pages() =>
        Assert.Equal(0, QueryPlan.Parse(NestedPlan).PagesRead);
}
