namespace Chezlepro.Agent.Hosting.Windows;

/// <summary>The service's registration name (what <c>sc.exe create</c> used).</summary>
public sealed class WindowsServiceOptions
{
    /// <summary>Service name; packaging/windows/Install-AgentService.ps1 registers <c>ChezleproAgent</c>.</summary>
    public string ServiceName { get; set; } = "ChezleproAgent";
}
