using Xunit;

namespace Chezlepro.Agent.Tests.Hosting.Packaging;

/// <summary>One publish and one pair of packages for every packaging test class.</summary>
[CollectionDefinition(Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DebPackagesCollection : ICollectionFixture<DebPackages>
{
    public const string Name = "deb packages";
}
