using Chezlepro.Modbus.Registers;

namespace Chezlepro.Modbus.Tests.Registers;

public class RegisterBlockPlannerTests
{
    private static RegisterDefinition U(ushort a) => new(a, RegisterType.UInt16, 1, "", $"r{a}");

    [Fact]
    public void Plan_GapInsideDefinedRange_CoalescesIntoOneRead()
    {
        var blocks = RegisterBlockPlanner.Plan([U(3), U(30), U(64)], [new RegisterRange(3, 73)]);
        Assert.Equal([new RegisterBlock(3, 62)], blocks);
    }

    [Fact]
    public void Plan_ValuesInSeparateRanges_NeverCrossesTheGap()
    {
        var blocks = RegisterBlockPlanner.Plan([U(10), U(11), U(200)], [new RegisterRange(0, 20), new RegisterRange(100, 300)]);
        Assert.Equal([new RegisterBlock(10, 2), new RegisterBlock(200, 1)], blocks);
    }

    [Fact]
    public void Plan_SpanAboveLimit_SplitsAndKeepsMultiRegisterValuesWhole()
    {
        var wide = new RegisterDefinition(124, RegisterType.UInt32, 1, "", "wide");
        var blocks = RegisterBlockPlanner.Plan([U(0), wide, U(200)], [new RegisterRange(0, 300)], 125);
        Assert.Equal([new RegisterBlock(0, 1), new RegisterBlock(124, 77)], blocks);
        Assert.All(blocks, b => Assert.True(b.Count <= 125));
    }

    [Fact]
    public void Plan_ValueOutsideDefinedRanges_Throws() =>
        Assert.Throws<ArgumentException>(() => RegisterBlockPlanner.Plan([U(500)], [new RegisterRange(0, 10)]));

    [Fact]
    public void Plan_AnyWantedSet_CoversEveryValueWithinLimits()
    {
        var rng = new Random(4);
        for (var round = 0; round < 200; round++)
        {
            var wanted = Enumerable.Range(0, rng.Next(1, 40)).Select(_ => U((ushort)rng.Next(0, 400))).DistinctBy(d => d.Address).ToList();
            RegisterRange[] ranges = [new(0, 150), new(151, 399)];
            var max = rng.Next(1, 126);
            var blocks = RegisterBlockPlanner.Plan(wanted, ranges, max);
            foreach (var w in wanted)
            {
                Assert.Contains(blocks, b => w.Address >= b.Address && w.Address < b.Address + b.Count);
            }
            Assert.All(blocks, b => Assert.True(b.Count <= max && ranges.Any(r => r.Contains(b.Address, b.Address + b.Count - 1))));
        }
    }
}
