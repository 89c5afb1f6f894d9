namespace SysDesignLab.Orchestration;

/// <summary>A server binary or tool the lab needs is not installed.</summary>
public sealed class PrerequisiteMissingException(string what, string howToInstall)
    : LabException($"{what} is not installed. Run `./sdlab doctor --fix` to install it, or install it yourself: {howToInstall}")
{
    public string What { get; } = what;
    public string HowToInstall { get; } = howToInstall;
}
