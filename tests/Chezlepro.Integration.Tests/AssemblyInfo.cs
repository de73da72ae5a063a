using Xunit;

// Whole-system tests start brokers and agent processes and measure wall-clock behaviour (keepalive,
// outage); on a 2-core CI machine they must not compete with each other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
