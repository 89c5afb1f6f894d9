namespace SysDesignLab.Web.Live;

/// <summary>How one lab action ended: the message is what the page's status line shows.</summary>
public sealed record JobOutcome(string Job, bool Ok, string Message);
