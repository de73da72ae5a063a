using Chezlepro.Agent.Sources.RestoreTest;
using Chezlepro.Agent.Tests.Sources.Proxmox;
using Xunit;

namespace Chezlepro.Agent.Tests.Sources.RestoreTest;

public class RestoreTestSourceFactoryTests
{
    private static readonly (string, string)[] Good =
    [
        ("Type", "restore-test"), ("Name", "restore"), ("Repository", "monitor@pbs!restore@pbs1.example.org:main"),
        ("Password", SourceConfig.Secret), ("Fingerprint", SourceConfig.Fingerprint),
        ("Samples:0:Name", "db01-etc"), ("Samples:0:Guest", "vm-101"), ("Samples:0:Archive", "etc.pxar"),
    ];

    private static List<string> Validate(params (string Key, string Value)[] changes)
    {
        var keys = Good.Where(g => !changes.Any(c => c.Key == g.Item1)).Concat(changes.Where(c => c.Value.Length > 0)).ToArray();
        return [.. new RestoreTestSourceFactory().Validate(SourceConfig.Entry(keys))];
    }

    [Fact]
    public void Validate_Example_NoProblemAndDefaults()
    {
        var problems = new List<string>();
        var settings = new RestoreTestSourceFactory().Parse(new Chezlepro.Agent.Sources.SourceKeys(SourceConfig.Entry(Good), problems));

        Assert.Empty(problems);
        Assert.Equal(TimeSpan.FromDays(7), settings.TestInterval);
        Assert.Equal(TimeSpan.FromMinutes(10), settings.FirstRunDelay);
        Assert.Equal("/usr/bin/proxmox-backup-client", settings.ClientPath);
        Assert.Equal("/var/lib/chezlepro-agent/restore-scratch/restore", settings.ScratchDirectory);
        Assert.Equal(new Uri("https://pbs1.example.org:8007"), settings.Samples[0].Repository.ApiBaseUrl);
        Assert.Equal("restore.db01-etc", settings.Samples[0].Check);
    }

    [Theory]
    [InlineData("Repository", "pbs1:main", "Sources:0:Samples:0:Repository = 'pbs1:main': must read <user>@<realm>!<token>@<server>[:<port>]:<datastore> (here or on the source) / doit avoir la forme <utilisateur>@<domaine>!<jeton>@<serveur>[:<port>]:<magasin> (ici ou sur la source)")]
    [InlineData("Repository", "root@pam@pbs1:main", "Sources:0:Samples:0:Repository = 'root@pam@pbs1:main': must read")]
    [InlineData("Repository", "a@pbs!t@pbs1:99999:main", "Sources:0:Samples:0:Repository = 'a@pbs!t@pbs1:99999:main': must read")]
    [InlineData("Password", "", "Sources:0:Password is required / est requis")]
    [InlineData("Fingerprint", "AB:CD", "Sources:0:Fingerprint: 'AB:CD' must be a SHA-256 fingerprint")]
    [InlineData("ScratchDirectory", "scratch", "Sources:0:ScratchDirectory: 'scratch' must be an absolute path below the root")]
    [InlineData("ScratchDirectory", "/", "Sources:0:ScratchDirectory: '/' must be an absolute path below the root")]
    [InlineData("ClientPath", "proxmox-backup-client", "Sources:0:ClientPath: 'proxmox-backup-client' must be an absolute path / doit être un chemin absolu")]
    [InlineData("KeyFile", "pbs.enc", "Sources:0:KeyFile: 'pbs.enc' must be an absolute path / doit être un chemin absolu")]
    [InlineData("KeyPassword", "key-secret-1", "Sources:0:KeyPassword is set but Sources:0:KeyFile is not / est donné sans Sources:0:KeyFile")]
    [InlineData("MaxBytes", "1GB", "Sources:0:MaxBytes: '1GB' must be a whole number of bytes between 1 and 2^50 / doit être un nombre entier d’octets entre 1 et 2^50")]
    [InlineData("TestInterval", "forever", "Sources:0:TestInterval: 'forever' must be a duration (hh:mm:ss)")]
    [InlineData("FirstRunDelay", "00:00:00", "Sources:0:FirstRunDelay: '00:00:00' must be a duration (hh:mm:ss) between 00:00:01 and 7.00:00:00")]
    [InlineData("Timeout", "2.00:00:00", "Sources:0:Timeout: '2.00:00:00' must be a duration (hh:mm:ss) between 00:00:01 and 1.00:00:00")]
    [InlineData("Samples:0:Name", "DB 01", "Sources:0:Samples:0:Name = 'DB 01': must match [a-z0-9][a-z0-9.-]* (the check is restore.<Name>) / doit correspondre")]
    [InlineData("Samples:0:Guest", "101", "Sources:0:Samples:0:Guest = '101': must read <type>-<id> with type vm, ct or host, for example vm-101 / doit avoir la forme")]
    [InlineData("Samples:0:Archive", "../etc.pxar", "Sources:0:Samples:0:Archive = '../etc.pxar': must name an archive of the snapshot")]
    [InlineData("Samples:0:Path", "../../etc/shadow", "Sources:0:Samples:0:Path = '../../etc/shadow': must be a relative path inside the archive, without '..'")]
    [InlineData("Samples:0:ExpectedSha256", "abc", "Sources:0:Samples:0:ExpectedSha256 = 'abc': must be 64 hex digits / doit compter 64 chiffres hexadécimaux")]
    [InlineData("Samples:0:ExpectedSha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "Sources:0:Samples:0:ExpectedSha256: a pxar archive restores as a tree; give Sources:0:Samples:0:Path")]
    [InlineData("Samples:0:CheckCommand", "check.sh", "Sources:0:Samples:0:CheckCommand = 'check.sh': must be the absolute path of an executable")]
    [InlineData("Samples:0:Name", "", "Sources:0:Samples:0:Name = '': must match")]
    public void Validate_BadValue_KeyAndValueNamedInBothLanguages(string key, string value, string expected)
    {
        var problems = Validate((key, value));

        Assert.Contains(problems, p => p.StartsWith(expected, StringComparison.Ordinal) && p.Contains(" / ", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NoSamplesDuplicateNamesAndPathOnImage_Named()
    {
        var none = new RestoreTestSourceFactory().Validate(SourceConfig.Entry(Good.Where(g => !g.Item1.StartsWith("Samples", StringComparison.Ordinal)).ToArray()));
        var twice = Validate(("Samples:1:Name", "db01-etc"), ("Samples:1:Guest", "ct-201"), ("Samples:1:Archive", "root.pxar.didx"));
        var imagePath = Validate(("Samples:0:Archive", "drive-scsi0.img.fidx"), ("Samples:0:Path", "etc/hostname"));

        Assert.Contains("Sources:0:Samples is required: at least one sample {Name, Guest, Archive} / est requis\u00a0: au moins un échantillon {Name, Guest, Archive}", none);
        Assert.Contains("Sources:0:Samples:1:Name = 'db01-etc': another sample of this source has this name / un autre échantillon porte déjà ce nom", twice);
        Assert.Contains(imagePath, p => p.StartsWith("Sources:0:Samples:0:Path = 'etc/hostname': only a pxar archive holds files", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SecretNeverEchoed()
    {
        var problems = Validate(("Repository", "bad"), ("Fingerprint", "bad"), ("KeyPassword", "key-secret-1"));

        Assert.DoesNotContain(problems, p => p.Contains(SourceConfig.Secret, StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains("key-secret-1", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_KeyFileAndPassword_Kept_AbsentByDefault()
    {
        var problems = new List<string>();
        var keyed = new RestoreTestSourceFactory().Parse(new Chezlepro.Agent.Sources.SourceKeys(
            SourceConfig.Entry([.. Good, ("KeyFile", "/etc/chezlepro-agent/pbs.enc"), ("KeyPassword", "key-secret-1")]), problems));
        var plain = new RestoreTestSourceFactory().Parse(new Chezlepro.Agent.Sources.SourceKeys(SourceConfig.Entry(Good), problems));

        Assert.Empty(problems);
        Assert.Equal(("/etc/chezlepro-agent/pbs.enc", "key-secret-1"), (keyed.KeyFile, keyed.KeyPassword));
        Assert.Equal((null, null), (plain.KeyFile, plain.KeyPassword));
    }

    [Theory]
    [InlineData("monitor@pbs!restore@pbs1:main", "pbs1", 8007, "main")]
    [InlineData("monitor@pbs!restore@10.0.0.5:8017:store-2", "10.0.0.5", 8017, "store-2")]
    [InlineData("monitor@pve!r.1@[fd00::5]:backup", "[fd00::5]", 8007, "backup")]
    public void PbsRepository_Forms_Parsed(string text, string host, int port, string store)
    {
        var repository = PbsRepository.Parse(text)!;

        Assert.Equal((host, port, store), (repository.Host, repository.Port, repository.Datastore));
    }

    [Theory]
    [InlineData("")]
    [InlineData("main")]
    [InlineData("monitor@pbs@pbs1:main")]
    [InlineData("monitor@pbs!t@pbs1:0:main")]
    [InlineData("monitor@pbs!t@pbs1:main:extra:x")]
    [InlineData("monitor@pbs!t@pbs 1:main")]
    public void PbsRepository_Garbage_Null(string text) => Assert.Null(PbsRepository.Parse(text));
}
