namespace Chezlepro.Agent.Tests.Sources.Patches;

/// <summary>
/// Outputs of <c>apt-get -s dist-upgrade</c> and apt history logs, hand-written from the formats apt prints
/// (Debian 12, Ubuntu 24.04), not captured from a node.
/// </summary>
internal static class AptFixtures
{
    public const string Bookworm = """
        NOTE: This is only a simulation!
              apt-get needs root privileges for real execution.
              Keep also in mind that locking is deactivated,
              so don't depend on the relevance to the real current situation!
        Reading package lists...
        Building dependency tree...
        Reading state information...
        Calculating upgrade...
        The following NEW packages will be installed:
          linux-image-6.1.0-28-amd64
        The following packages will be upgraded:
          base-files libssl3 linux-image-amd64 openssl tzdata
        5 upgraded, 1 newly installed, 0 to remove and 0 not upgraded.
        Inst base-files [12.4+deb12u7] (12.4+deb12u8 Debian:12.8/stable [amd64])
        Inst libssl3 [3.0.14-1~deb12u2] (3.0.15-1~deb12u1 Debian-Security:12/stable-security [amd64])
        Inst openssl [3.0.14-1~deb12u2] (3.0.15-1~deb12u1 Debian:12.8/stable, Debian-Security:12/stable-security [amd64])
        Inst linux-image-6.1.0-28-amd64 (6.1.119-1 Debian-Security:12/stable-security [amd64])
        Inst linux-image-amd64 [6.1.115-1] (6.1.119-1 Debian-Security:12/stable-security [amd64])
        Inst tzdata [2024a-0+deb12u1] (2024b-0+deb12u1 Debian:12.8/stable-updates [all])
        Conf base-files (12.4+deb12u8 Debian:12.8/stable [amd64])
        Conf libssl3 (3.0.15-1~deb12u1 Debian-Security:12/stable-security [amd64])
        Conf openssl (3.0.15-1~deb12u1 Debian:12.8/stable, Debian-Security:12/stable-security [amd64])
        Conf linux-image-6.1.0-28-amd64 (6.1.119-1 Debian-Security:12/stable-security [amd64])
        Conf linux-image-amd64 (6.1.119-1 Debian-Security:12/stable-security [amd64])
        Conf tzdata (2024b-0+deb12u1 Debian:12.8/stable-updates [all])

        """;

    public const string UpToDate = """
        NOTE: This is only a simulation!
              apt-get needs root privileges for real execution.
        Reading package lists...
        Building dependency tree...
        Reading state information...
        Calculating upgrade...
        0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.

        """;

    // Ubuntu: a Proxmox-free node of the fleet; 'noble-security' and a kept-back package ('1 not upgraded').
    public const string Noble = """
        Reading package lists...
        Building dependency tree...
        Reading state information...
        Calculating upgrade...
        The following packages have been kept back:
          ubuntu-pro-client
        The following packages will be upgraded:
          curl libcurl4t64
        2 upgraded, 0 newly installed, 0 to remove and 1 not upgraded.
        Inst libcurl4t64 [8.5.0-2ubuntu10.4] (8.5.0-2ubuntu10.5 Ubuntu:24.04/noble-updates, Ubuntu:24.04/noble-security [amd64]) []
        Inst curl [8.5.0-2ubuntu10.4] (8.5.0-2ubuntu10.5 Ubuntu:24.04/noble-updates [amd64])
        Conf libcurl4t64 (8.5.0-2ubuntu10.5 Ubuntu:24.04/noble-updates, Ubuntu:24.04/noble-security [amd64])
        Conf curl (8.5.0-2ubuntu10.5 Ubuntu:24.04/noble-updates [amd64])

        """;

    // Local times (the node's zone); the 11-20 run is the last that installed or upgraded; 11-21 only removed.
    public const string History = """

        Start-Date: 2026-11-13  06:02:11
        Commandline: apt-get -y dist-upgrade
        Upgrade: libssl3:amd64 (3.0.14-1~deb12u1, 3.0.14-1~deb12u2), openssl:amd64 (3.0.14-1~deb12u1, 3.0.14-1~deb12u2)
        End-Date: 2026-11-13  06:02:40

        Start-Date: 2026-11-20  06:25:11
        Commandline: /usr/bin/unattended-upgrade
        Install: linux-image-6.1.0-27-amd64:amd64 (6.1.115-1, automatic)
        Upgrade: linux-image-amd64:amd64 (6.1.112-1, 6.1.115-1)
        End-Date: 2026-11-20  06:26:03

        Start-Date: 2026-11-21  08:00:00
        Commandline: apt-get autoremove
        Requested-By: admin (1000)
        Remove: linux-image-6.1.0-25-amd64:amd64 (6.1.106-3)
        End-Date: 2026-11-21  08:00:09

        """;
}
