namespace Chezlepro.Agent.Actions;

/// <summary>Starts a program without a shell and waits for it, within a timeout (faked in tests).</summary>
public interface ICommandRunner
{
    /// <summary>Runs <paramref name="command"/> with <paramref name="arguments"/>; kills it past <paramref name="timeout"/>.</summary>
    Task<CommandResult> RunAsync(string command, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken ct);
}
