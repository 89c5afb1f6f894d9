namespace SysDesignLab.LoadTesting;

/// <summary>A loop that sends requests until the run's stop token fires: a closed-model user or an open-model slot.</summary>
internal interface IWorker : IDisposable
{
    Task RunAsync();
}
