using SysDesignLab.Scenarios.Diagnosis;
using SysDesignLab.Scenarios.Engine;
using SysDesignLab.Scenarios.Kinds.Postgres;

namespace SysDesignLab.Scenarios.Tests.Engine;

public sealed class LabRegistryTests
{
    [Fact]
    public void The_lab_finds_its_own_diagnosis_sources_by_kind()
    {
        Assert.IsType<PostgresDiagnosis>(LabRegistry.Default.DiagnosisSource("postgres"));
        Assert.Null(LabRegistry.Default.DiagnosisSource("no-such-kind"));
        // Every source diagnoses a kind the lab can start.
        Assert.All(LabRegistry.Default.DiagnosedKinds, kind => Assert.NotNull(LabRegistry.Default.Kind(kind)));
    }

    [Fact]
    public void A_plug_in_diagnosis_source_is_added_without_replacing_the_others()
    {
        var registry = LabRegistry.Default.With(new FolderDiagnosis());

        Assert.IsType<FolderDiagnosis>(registry.DiagnosisSource("drop-folder"));
        Assert.IsType<PostgresDiagnosis>(registry.DiagnosisSource("postgres"));
        Assert.Null(LabRegistry.Default.DiagnosisSource("drop-folder"));
    }

    private sealed class FolderDiagnosis : IDiagnosisSource
    {
        public string ResourceKind => "drop-folder";

        public Task<IDiagnosisProbe> OpenAsync(DiagnosisResource resource, CancellationToken cancellationToken) =>
            throw new NotSupportedException("not opened by this test");
    }
}
