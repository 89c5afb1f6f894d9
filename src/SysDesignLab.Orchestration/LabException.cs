namespace SysDesignLab.Orchestration;

/// <summary>
/// A failure the learner can act on: the message is one readable paragraph saying what happened
/// and what to do. The CLI prints it without a stack trace.
/// </summary>
public class LabException : Exception
{
    public LabException(string message) : base(message) { }
    public LabException(string message, Exception inner) : base(message, inner) { }
}
