using System.Collections.Concurrent;
using Chezlepro.Agent.Scheduling;
using Chezlepro.Contracts.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chezlepro.Agent.Actions;

/// <summary>
/// The configured local actions, fed by every power reading (PowerSourceState). An action that fires is logged and
/// reported as the alert <c>action-&lt;name&gt;</c> (P1) in the reading, so it reaches the outbox like any power
/// alert; its command runs in the background and a failure (exit code, timeout, cannot start) is reported as
/// <c>action-&lt;name&gt;-failed</c> (P1) with the next reading. Both clear when the grid comes back.
/// </summary>
public sealed class LocalActions
{
    /// <summary>Alert id prefix.</summary>
    public const string AlertPrefix = "action-";

    private readonly LocalActionTrigger[] _triggers;
    private readonly ICommandRunner _runner;
    private readonly AgentState _state;
    private readonly ILogger<LocalActions> _logger;
    private readonly ConcurrentQueue<Alert> _results = new();
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _failed = new(StringComparer.Ordinal);

    /// <summary>Creates the actions (validated at start: see <see cref="LocalActionsOptionsValidator"/>).</summary>
    public LocalActions(IOptions<LocalActionsOptions> options, ICommandRunner runner, AgentState state, ILogger<LocalActions> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _triggers = options.Value.Actions.Select(a => new LocalActionTrigger(a)).ToArray();
        _runner = runner;
        _state = state;
        _logger = logger;
    }

    /// <summary>Feeds one power reading; returns the alerts to publish with it.</summary>
    /// <param name="source">Power source name.</param>
    /// <param name="gridAvailable">The grid as the device reports it.</param>
    /// <param name="runtimeSeconds">Estimated battery runtime, or null.</param>
    /// <param name="now">Reading time.</param>
    public IReadOnlyList<Alert> Observe(string source, bool? gridAvailable, double? runtimeSeconds, DateTimeOffset now)
    {
        var alerts = new List<Alert>();
        while (_results.TryDequeue(out var result)) alerts.Add(result);
        foreach (var trigger in _triggers)
        {
            var action = trigger.Options;
            if (action.Source is { } only && !string.Equals(only, source, StringComparison.Ordinal)) continue;
            switch (trigger.Observe(gridAvailable, runtimeSeconds, _state.BrokerConnected, now))
            {
                case TriggerStep.HoldStarted:
                    ActionsLog.HoldStarted(_logger, action.Name, source, action.Hold);
                    break;
                case TriggerStep.Cancelled:
                    ActionsLog.Cancelled(_logger, action.Name);
                    break;
                case TriggerStep.Fire:
                    alerts.Add(Fire(action, source, runtimeSeconds));
                    break;
                case TriggerStep.Rearmed:
                    ActionsLog.Rearmed(_logger, action.Name);
                    alerts.Add(ActionAlert(action.Name, AlertState.Cleared, source, $"Rétabli — action locale « {action.Name} »", $"Resolved — local action '{action.Name}'"));
                    if (_failed.TryRemove(action.Name, out _))
                    {
                        alerts.Add(ActionAlert(action.Name + "-failed", AlertState.Cleared, source,
                            $"Rétabli — échec de l'action locale « {action.Name} »", $"Resolved — local action '{action.Name}' failure"));
                    }
                    break;
            }
        }
        return alerts;
    }

    /// <summary>The command started for <paramref name="name"/>, once it fired (completed at once in a dry run).</summary>
    internal Task? Running(string name) => _running.GetValueOrDefault(name);

    private Alert Fire(LocalActionOptions action, string source, double? runtimeSeconds)
    {
        var runtime = runtimeSeconds is { } r ? $"{r / 60:0} min" : "?";
        if (action.DryRun)
        {
            ActionsLog.DryRun(_logger, action.Name, action.Command);
            _running[action.Name] = Task.CompletedTask;
            return ActionAlert(action.Name, AlertState.Raised, source,
                $"Action locale « {action.Name} » déclenchée (essai à blanc, non exécutée) : réseau absent, autonomie {runtime}",
                $"Local action '{action.Name}' triggered (dry run, not executed): grid lost, runtime {runtime}");
        }
        ActionsLog.Running(_logger, action.Name, action.Command, action.Arguments.Count, action.Timeout);
        _running[action.Name] = RunAsync(action, source);
        return ActionAlert(action.Name, AlertState.Raised, source,
            $"Action locale « {action.Name} » lancée : réseau absent, autonomie {runtime}",
            $"Local action '{action.Name}' started: grid lost, runtime {runtime}");
    }

    private async Task RunAsync(LocalActionOptions action, string source)
    {
        CommandResult result;
        try
        {
            // Not cancelled when the agent stops: a shutdown script may well stop the agent on its way.
            result = await _runner.RunAsync(action.Command, action.Arguments, action.Timeout, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            result = new CommandResult(null, false, ex.Message);
        }
        var outcome = result.Describe();
        if (result.Succeeded)
        {
            ActionsLog.Succeeded(_logger, action.Name, action.Command, outcome);
            return;
        }
        ActionsLog.Failed(_logger, action.Name, action.Command, outcome);
        _failed[action.Name] = true;
        _results.Enqueue(ActionAlert(action.Name + "-failed", AlertState.Raised, source,
            $"Échec de l'action locale « {action.Name} » : {outcome}", $"Local action '{action.Name}' failed: {outcome}"));
    }

    private static Alert ActionAlert(string name, AlertState state, string source, string summary, string summaryEn) =>
        new() { Id = AlertPrefix + name, State = state, Priority = Priority.P1, Source = source, Summary = summary, SummaryEn = summaryEn };
}
