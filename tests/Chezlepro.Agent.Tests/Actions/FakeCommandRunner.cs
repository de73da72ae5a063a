using System.Collections.Concurrent;
using Chezlepro.Agent.Actions;

namespace Chezlepro.Agent.Tests.Actions;

/// <summary>Records what the actions would have run and answers with a chosen result.</summary>
internal sealed class FakeCommandRunner(CommandResult? result = null) : ICommandRunner
{
    public ConcurrentQueue<(string Command, IReadOnlyList<string> Arguments, TimeSpan Timeout)> Calls { get; } = new();

    public Task<CommandResult> RunAsync(string command, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken ct)
    {
        Calls.Enqueue((command, arguments, timeout));
        return Task.FromResult(result ?? new CommandResult(0, false, null));
    }
}
