using Chezlepro.Agent.Sources;
using Chezlepro.Agent.Sources.Pbs;
using Chezlepro.Agent.Sources.Proxmox;
using Chezlepro.Agent.Tests.Sources.Proxmox;
using Xunit;

namespace Chezlepro.Agent.Tests.Sources.Pbs;

public class PbsSourceFactoryTests
{
    private static readonly (string, string)[] Base =
    [
        ("Type", "pbs"), ("Name", "pbs"), ("BaseUrl", "https://pbs:8007"),
        ("TokenId", "monitor@pbs!agent"), ("TokenSecret", SourceConfig.Secret), ("CertificateFingerprint", SourceConfig.Fingerprint),
    ];

    [Fact]
    public void Validate_ContractExampleWithDatastores_NoProblem()
    {
        var entry = SourceConfig.Entry([.. Base, ("Datastores:0", "main"), ("BackupWarningAge", "1.02:00:00")]);

        Assert.Empty(new PbsSourceFactory().Validate(entry));
        Assert.Equal(["main"], new PbsSourceFactory().Parse(new SourceKeys(entry, [])).Read.Datastores);
    }

    [Fact]
    public void Validate_CriticalBeforeWarning_CrossFieldProblemNamesBothKeys()
    {
        var entry = SourceConfig.Entry([.. Base, ("BackupWarningAge", "2.00:00:00"), ("BackupCriticalAge", "1.00:00:00"),
            ("DatastoreWarning", "0.95"), ("DatastoreCritical", "0.9")]);

        var problems = new PbsSourceFactory().Validate(entry).ToList();

        Assert.Contains("Sources:0:BackupCriticalAge: 1.00:00:00 must not be shorter than Sources:0:BackupWarningAge (2.00:00:00) / ne doit pas être plus court que BackupWarningAge", problems);
        Assert.Contains("Sources:0:DatastoreCritical: 0.9 must not be below Sources:0:DatastoreWarning (0.95) / ne doit pas être sous DatastoreWarning", problems);
    }
}
