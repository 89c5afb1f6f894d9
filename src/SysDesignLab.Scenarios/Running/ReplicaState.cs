namespace SysDesignLab.Scenarios.Running;

/// <summary>One app instance behind the load balancer, as `sdlab start` left it.</summary>
public sealed record ReplicaState(string Name, int Pid, string Url, string Log);
