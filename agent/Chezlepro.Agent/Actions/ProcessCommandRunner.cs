using System.ComponentModel;
using System.Diagnostics;

namespace Chezlepro.Agent.Actions;

/// <summary>
/// Runs a command as a child process: no shell (arguments go to execve as they are, so nothing in them is
/// interpreted), no input, output discarded (a shutdown script logs to the journal itself).
/// </summary>
public sealed class ProcessCommandRunner(TimeProvider time) : ICommandRunner
{
    /// <inheritdoc />
    public async Task<CommandResult> RunAsync(string command, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken ct)
    {
        var psi = new ProcessStartInfo(command)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments) psi.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(psi) ?? throw new InvalidOperationException("no process started");
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException)
        {
            return new CommandResult(null, false, ex.Message);
        }
        using (process)
        {
            process.StandardInput.Close();
            // Drained so a chatty script never blocks on a full pipe.
            var drain = Task.WhenAll(process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, ct), process.StandardError.BaseStream.CopyToAsync(Stream.Null, ct));
            using var deadline = new CancellationTokenSource(timeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
            try
            {
                await process.WaitForExitAsync(linked.Token);
                await drain.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                return new CommandResult(process.ExitCode, false, null);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                return new CommandResult(null, deadline.IsCancellationRequested, deadline.IsCancellationRequested ? null : "stopped with the agent");
            }
        }
    }
}
