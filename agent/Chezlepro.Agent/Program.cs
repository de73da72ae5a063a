using Chezlepro.Agent.Hosting;

namespace Chezlepro.Agent;

/// <summary>Entry point: <c>chezlepro-agent [check-config] [--config file] [--Section:Key=value]…</c>, or <c>--version</c>.</summary>
public static class Program
{
    /// <summary>Runs the agent, or checks its configuration.</summary>
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "check-config") return AgentApp.CheckConfig(args[1..]);
        if (args is ["--version"])
        {
            Console.Out.WriteLine(AgentApp.VersionLine);
            return 0;
        }
        // Non-zero after a fatal error, so that systemd and the Windows service manager restart the agent.
        return await AgentApp.RunAsync(AgentApp.Build(args));
    }
}
