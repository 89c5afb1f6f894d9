namespace SysDesignLab.Orchestration.Faults;

/// <summary>What a scheduled fault does to its target's process group.</summary>
public enum FaultAction
{
    /// <summary>SIGSTOP the group, then SIGCONT it after the fault's <c>for</c>: alive but silent, like a long GC pause or a frozen VM.</summary>
    Pause,

    /// <summary>SIGKILL the group: gone at once, no shutdown, like a crash or a lost machine. It stays down until a restart.</summary>
    Kill,

    /// <summary>Start the target again (stopping it first if it still runs) and wait until it is healthy.</summary>
    Restart,

    /// <summary>
    /// Not schedulable: the end of a pause, reported as an event of its own so a chart can mark
    /// when the target ran again.
    /// </summary>
    Resume,
}
