namespace Chezlepro.Health.Http;

/// <summary>Which Proxmox API a client talks to; decides the token header form.</summary>
public enum ApiFlavor
{
    /// <summary>Proxmox VE: <c>Authorization: PVEAPIToken=&lt;user&gt;@&lt;realm&gt;!&lt;tokenid&gt;=&lt;secret&gt;</c>.</summary>
    ProxmoxVe,

    /// <summary>Proxmox Backup Server: <c>Authorization: PBSAPIToken=&lt;user&gt;@&lt;realm&gt;!&lt;tokenid&gt;:&lt;secret&gt;</c>.</summary>
    BackupServer,
}
