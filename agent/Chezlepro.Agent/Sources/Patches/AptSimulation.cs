namespace Chezlepro.Agent.Sources.Patches;

/// <summary>What <c>apt-get -s dist-upgrade</c> would do.</summary>
/// <param name="Pending">Packages it would install or upgrade (its <c>Inst</c> lines).</param>
/// <param name="Security">Of those, packages coming from a security archive (an origin containing <c>-security</c>).</param>
/// <param name="SecurityPackages">Names of the security packages, in apt's order, at most <see cref="AptSimulationParser.MaxPackages"/>.</param>
public sealed record AptSimulation(int Pending, int Security, IReadOnlyList<string> SecurityPackages);
