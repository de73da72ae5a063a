using System.Net;
using System.Net.Sockets;
using Chezlepro.Collector.Hosting;
using Xunit;

namespace Chezlepro.Collector.Tests.Hosting;

/// <summary><c>chezlepro-collector check-config</c>: every problem with its key and value, nothing started.</summary>
public sealed class CheckConfigCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("check-config-").FullName;
    private readonly string _data;
    // Stands in for the broker: check-config must never connect to it.
    private readonly TcpListener _broker = new(IPAddress.Loopback, 0);

    public CheckConfigCommandTests()
    {
        _data = Directory.CreateDirectory(Path.Combine(_dir, "data")).FullName;
        _broker.Start();
    }

    private int BrokerPort => ((IPEndPoint)_broker.LocalEndpoint).Port;

    public void Dispose()
    {
        _broker.Stop();
        _broker.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void ValidConfiguration_Ok_ExitZero_NothingCreatedNoBrokerContacted()
    {
        var ca = Path.Combine(_dir, "ca.pem");
        File.WriteAllText(ca, "not read by check-config, only looked for");
        var file = Write($$"""
            {
              "Collector": { "Id": "ovh", "DataDirectory": "{{_data}}", "Store": "sqlite" },
              "Mqtt": { "Host": "127.0.0.1", "Port": {{BrokerPort}}, "Username": "collector-ovh", "ProtocolVersion": "5",
                        "Tls": { "Enabled": true, "CaFile": "{{ca}}" } },
              "Api": { "Keys": [ { "Key": "reader-key-0123456789", "Role": "reader" } ] },
              "Catalog": {
                "Services": [ { "Id": "mail", "Name": "Courriel", "Category": "critical",
                                "Checks": [ { "Site": "ovh", "Node": "proxy1", "Check": "probe.mail" } ] } ],
                "Contracts": [ { "Id": "obnl-a", "Client": "OBNL A", "Services": ["mail"], "MonthlyFee": 150.00,
                                 "Currency": "CAD", "Objective": 99.5, "Start": "2026-01-01" } ],
                "Guests": [ { "Id": "vm-101", "Service": "mail" } ]
              }
            }
            """);

        var (code, output, errors) = Run("--config", file);

        Assert.Equal(0, code);
        Assert.Equal("configuration OK", output.Trim());
        Assert.Empty(errors);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_data));
        Assert.False(_broker.Pending(), "check-config connected to the broker");
    }

    [Fact]
    public void SeveralProblems_EachWithKeyAndValue_ExitOne_DataDirectoryStaysEmpty()
    {
        var file = Write($$"""
            {
              "Collector": { "Id": "OVH", "DataDirectory": "{{_data}}", "Store": "mysql" },
              "Mqtt": { "Host": "127.0.0.1", "Port": {{BrokerPort}}, "ProtocolVersion": "4",
                        "Tls": { "Enabled": true, "CaFile": "{{_dir}}/absent-ca.pem" } },
              "Api": { "Keys": [ { "Key": "reader-key-0123456789", "Role": "admin" } ] },
              "Incidents": { "Debounce": "-00:01:00", "P1": { "Restore": "00:00:00" } },
              "Catalog": {
                "Services": [ { "Id": "mail", "Name": "Courriel", "Category": "critical",
                                "Checks": [ { "Site": "ovh", "Node": "proxy1", "Check": "probe.mail" } ] } ],
                "Contracts": [ { "Id": "obnl-a", "Client": "OBNL A", "Services": ["mail", "web"], "MonthlyFee": 150.00,
                                 "Currency": "CAD", "Objective": 120, "Start": "2026-01-01" } ],
                "Guests": [ { "Id": "vm-101", "Service": "backup" } ],
                "FailoverGroups": [ { "Id": "public-web", "Primary": "lanaudiere", "Secondary": "lanaudiere", "Mode": "manual",
                                      "Checks": [ { "Site": "ovh", "Node": "proxy1", "Check": "probe.mail" } ] } ]
              }
            }
            """);

        var (code, output, errors) = Run("--config", file);

        Assert.Equal(1, code);
        string[] expected =
        [
            "Collector:Id = 'OVH'",
            "Collector:Store = 'mysql': must be sqlite or postgres / doit valoir sqlite ou postgres.",
            "Mqtt:ProtocolVersion = '4'",
            $"Mqtt:Tls:CaFile = '{_dir}/absent-ca.pem': file not found / fichier introuvable.",
            "Api:Keys:0:Role = 'admin'",
            "Incidents:Debounce = -00:01:00",
            "Incidents:P1:Restore = 00:00:00",
            "Catalog:Contracts:0:Services:1 = 'web': Unknown service",
            "Catalog:Contracts:0:Objective = '120'",
            "Catalog:Guests:0:Service = 'backup': Unknown service",
            "Catalog:FailoverGroups:0:Secondary = 'lanaudiere': Must differ from Primary",
            "Catalog:FailoverGroups:0:Mode = 'manual'",
        ];
        foreach (var line in expected) Assert.Contains(line, errors, StringComparison.Ordinal);
        var problems = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"{problems.Length} problem(s)", output.Trim());
        Assert.True(problems.Length >= expected.Length);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_data));
        Assert.False(_broker.Pending(), "check-config connected to the broker");
    }

    [Fact]
    public void WordWhereANumberGoes_KeyAndValueNamed()
    {
        var (code, _, errors) = Run($"--Collector:DataDirectory={_data}", "--Mqtt:Port=eighteen", "--Incidents:P2:Acknowledge=soon");

        Assert.Equal(1, code);
        Assert.Contains("'Mqtt:Port'", errors, StringComparison.Ordinal);
        Assert.Contains("eighteen", errors, StringComparison.Ordinal);
        Assert.Contains("'Incidents:P2:Acknowledge'", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingOrBrokenFile_NamedExitOne()
    {
        var (code, _, errors) = Run("--config", Path.Combine(_dir, "absent.json"));
        Assert.Equal(1, code);
        Assert.Contains("absent.json", errors, StringComparison.Ordinal);

        (code, _, errors) = Run("--config", Write("{ \"Collector\": "));
        Assert.Equal(1, code);
        Assert.Contains("collector.json", errors, StringComparison.Ordinal);
    }

    private string Write(string json)
    {
        var path = Path.Combine(_dir, "collector.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static (int Code, string Output, string Errors) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = CheckConfigCommand.Run(args, output, errors);
        return (code, output.ToString(), errors.ToString());
    }
}
