using System.Globalization;
using Chezlepro.Collector.Storage;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace Chezlepro.Collector.Tests.Reports;

/// <summary>
/// What the SQLite and PostgreSQL differential tests share: the FsCheck configuration and the property itself.
/// </summary>
/// <remarks>
/// Reproducing a run: the cases come from a fixed FsCheck seed (<see cref="DefaultReplay"/>), so every run (CI
/// included) tries the same months, and a failure replays as it is. <c>CHEZLEPRO_PROOF_REPLAY</c> overrides it:
/// <list type="bullet">
/// <item><c>random</c>: new cases on every run (exploring); a failure then prints "Falsifiable, after N tests (M
/// shrinks) (S,G)": <c>CHEZLEPRO_PROOF_REPLAY=S,G</c> replays that whole run;</item>
/// <item><c>S,G,Z</c>: straight to the failing case, from "Last step was invoked with size of Z and seed of (S,G)".</item>
/// </list>
/// </remarks>
internal static class DifferentialProperty
{
    /// <summary>The fixed seed (seed, gamma; gamma must be odd) every run uses unless CHEZLEPRO_PROOF_REPLAY says otherwise.</summary>
    public const string DefaultReplay = "20261101,1013904223";

    public static Config Configure(int cases)
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(cases).WithQuietOnSuccess(true);
        var text = Environment.GetEnvironmentVariable("CHEZLEPRO_PROOF_REPLAY") is { Length: > 0 } v ? v : DefaultReplay;
        if (text == "random") return config;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var size = parts.Length > 2 ? FSharpOption<int>.Some(int.Parse(parts[2], CultureInfo.InvariantCulture)) : FSharpOption<int>.None;
        var replay = new Replay(new Rnd(ulong.Parse(parts[0], CultureInfo.InvariantCulture), ulong.Parse(parts[1], CultureInfo.InvariantCulture)), size);
        return config.WithReplay(FSharpOption<Replay>.Some(replay));
    }

    /// <summary>Checks the property over <paramref name="cases"/> months, each run against the store <paramref name="open"/> gives.</summary>
    public static void Check(int cases, Func<DifferentialCase, Task<(ICollectorStore Store, Func<Task> Release)>> open) =>
        FsCheck.Check.One(Configure(cases), Prop.ForAll(DifferentialCases.Arbitrary(), c =>
            // FsCheck calls properties synchronously; the async path runs on the thread pool, away from xUnit's context.
            Task.Run(() => AgreesAsync(c, open)).GetAwaiter().GetResult()));

    private static async Task<bool> AgreesAsync(DifferentialCase c, Func<DifferentialCase, Task<(ICollectorStore Store, Func<Task> Release)>> open)
    {
        var (store, release) = await open(c);
        try
        {
            var outcome = await ProductionPath.RunAsync(store, c, ProductionPath.Names.Next());
            var differences = ProductionPath.Differences(c, outcome, ProductionPath.Model(c));
            // Thrown rather than returned false, so that FsCheck prints what differs next to the shrunk case.
            return differences is null ? true : throw new ProductDisagreesException(differences);
        }
        finally
        {
            await release();
        }
    }

    /// <summary>The product disagrees with the reference model; the message lists every difference.</summary>
    public sealed class ProductDisagreesException(string message) : Exception(message);
}
