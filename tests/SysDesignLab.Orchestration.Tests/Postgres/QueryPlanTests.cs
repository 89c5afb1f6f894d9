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
}
