namespace Chezlepro.Testing.Faults;

/// <summary>A direction through a <see cref="FaultProxy"/>.</summary>
public enum FaultDirection
{
    /// <summary>From the client that connected to the proxy towards the target.</summary>
    ToTarget,

    /// <summary>From the target back to the client.</summary>
    ToClient,
}
