using Chezlepro.Collector.Storage.Folding;
using Chezlepro.Contracts.Messages;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Chezlepro.Collector.Tests.Storage.Folding;

public class CheckFoldTests
{
    private const long S = 1000;
    private static readonly HealthStatus Ok = HealthStatus.Ok;
    private static readonly HealthStatus Crit = HealthStatus.Critical;

    [Fact]
    public void Build_SilenceLongerThanMaxGap_SplitsTheRun()
    {
        // ok every 30 s, then 12 h of silence, then ok again: two intervals, the silence between them.
        var results = new List<FoldResult>();
        for (var t = 0L; t <= 600; t += 30) results.Add(R(t, Ok));
        for (var t = 600 + 12 * 3600L; t <= 600 + 12 * 3600L + 300; t += 30) results.Add(R(t, Ok));

        var built = CheckFold.Build(results, null);

        Assert.Equal(2, built.Count);
        Assert.Equal((0 * S, 600 * S, (long?)((600 + 12 * 3600) * S)), (built[0].From, built[0].LastSeen, built[0].To));
        Assert.Equal((600 + 12 * 3600L) * S, built[1].From);
        Assert.Null(built[1].To);
    }

    [Fact]
    public void Build_GapOfExactlyMaxGap_StaysOneRun()
    {
        var built = CheckFold.Build([R(0, Ok), R(90, Ok), R(181, Ok)], null);

        Assert.Equal(2, built.Count);
        Assert.Equal(90 * S, built[0].LastSeen);
        Assert.Equal(181 * S, built[0].To);
    }

    [Fact]
    public void Build_SameInstant_MostSevereWins()
    {
        var built = CheckFold.Build([R(0, Ok), R(30, Crit), R(30, Ok), R(30, HealthStatus.Warning)], null);

        Assert.Equal([Ok, Crit], built.Select(b => b.Status));
        Assert.Equal(30 * S, built[1].From);
    }

    [Fact]
    public void Fold_LateCriticalInsideAnOkRun_SplitsIt()
    {
        var store = new MemoryFold();
        for (var t = 0L; t <= 300; t += 30) store.Add(R(t, Ok));

        store.Add(R(150, Crit));

        Assert.Equal(
            [(Ok, 0 * S, 120 * S, (long?)(150 * S)), (Crit, 150 * S, 150 * S, 180 * S), (Ok, 180 * S, 300 * S, null)],
            store.Rows.Select(r => (r.Status, r.From, r.LastSeen, r.To)));
    }

    [Fact]
    public void Recompute_ResultsPruned_CutsWithoutInventingUpTime()
    {
        var window = new List<FoldInterval> { new(7, Ok, 0, 3600 * S, null, null) };

        var plan = CheckFold.Recompute(window, [R(1800, Crit)], R(1800, Crit));

        Assert.Equal([7L], plan.Deletes);
        Assert.Equal(
            [(Ok, 0L, (1800 - 90) * S, (long?)(1800 * S)), (Crit, 1800 * S, 1800 * S, 3600 * S), (Ok, 3600 * S, 3600 * S, null)],
            plan.Inserts.Select(r => (r.Status, r.From, r.LastSeen, r.To)));
    }

    [Fact]
    public void Rebuild_KeepsRowsOlderThanTheStoredResults_AndJoinsTheStraddlingRun()
    {
        var existing = new List<FoldInterval>
        {
            new(1, Crit, 0, 100 * S, 200 * S, null),
            new(2, Ok, 200 * S, 5000 * S, null, null), // an old row that hid a silence
        };
        // Only results from 1000 s on are still stored: ok until 1060, silence, ok from 4000 every 30 s.
        var results = new List<FoldResult> { R(1000, Ok), R(1030, Ok), R(1060, Ok), R(4000, Ok), R(4030, Ok) };

        var plan = CheckFold.Rebuild(existing, results);

        // The old row runs on (its pruned results are taken as it said) and joins the first stored run; the silence
        // it hid is now between two rows.
        Assert.Equal([2L], plan.Updates.Select(u => u.Id));
        Assert.Equal((200 * S, 1060 * S, (long?)(4000 * S)), (plan.Updates[0].From, plan.Updates[0].LastSeen, plan.Updates[0].To));
        Assert.Equal([(4000 * S, 4030 * S, (long?)null)], plan.Inserts.Select(i => (i.From, i.LastSeen, i.To)));
        Assert.Empty(plan.Deletes);
    }

    [Fact]
    public void Fold_AnyArrivalOrder_GivesTheIntervalsOfTheSet()
    {
        var status = Gen.Elements(HealthStatus.Ok, HealthStatus.Warning, HealthStatus.Critical, HealthStatus.Unknown);
        var step =
            from gap in Gen.Frequency((6, Gen.Choose(0, 95)), (2, Gen.Choose(80, 100)), (1, Gen.Choose(100, 20000)))
            from s in Gen.Frequency((5, Gen.Constant<HealthStatus?>(null)), (2, status.Select(x => (HealthStatus?)x)))
            select (gap, s);
        var gen =
            from first in status
            from steps in Gen.ListOf(step)
            from seed in Gen.Choose(0, int.MaxValue)
            from dup in Gen.Choose(0, 3)
            select (first, steps.ToList(), seed, dup);

        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var (first, steps, seed, dup) = c;
            var results = new List<FoldResult>();
            long t = 0;
            var current = first;
            results.Add(R(t, current));
            foreach (var (gap, s) in steps)
            {
                t += gap;
                current = s ?? current;
                results.Add(R(t, current));
            }
            var rnd = new Random(seed);
            var arrival = results.Concat(results.Take(dup)).OrderBy(_ => rnd.Next()).ToList();
            var store = new MemoryFold();
            foreach (var r in arrival) store.Add(r);
            var expected = CheckFold.Build(results, null).Select(i => (i.Status, i.From, i.LastSeen, i.To));
            Assert.Equal(expected, store.Rows.Select(i => (i.Status, i.From, i.LastSeen, i.To)));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(500));
    }

    private static FoldResult R(long seconds, HealthStatus status) => new(seconds * S, status, null);

    /// <summary>The stores' use of the fold, in memory: the rows of one check and every result (nothing pruned).</summary>
    private sealed class MemoryFold
    {
        private readonly List<FoldResult> results = [];
        private long nextId = 1;

        public List<FoldInterval> Rows { get; } = [];

        public void Add(FoldResult r)
        {
            results.Add(r);
            var sorted = Rows.OrderBy(x => x.From).ToList();
            var before = sorted.Where(x => x.From <= r.Ts).ToList();
            var inForce = before.LastOrDefault();
            var previous = before.Count > 1 ? before[^2] : null;
            var next = sorted.FirstOrDefault(x => x.From > r.Ts);
            var plan = CheckFold.Plan(previous, inForce, next, r);
            if (plan.NeedsResults is { } w)
                plan = CheckFold.Recompute(w, results.Where(x => x.Ts >= w[0].From && x.Ts <= w[^1].LastSeen).ToList(), r);
            Rows.RemoveAll(x => plan.Deletes.Contains(x.Id));
            foreach (var u in plan.Updates) Rows[Rows.FindIndex(x => x.Id == u.Id)] = u;
            foreach (var i in plan.Inserts) Rows.Add(i with { Id = nextId++ });
            Rows.Sort((a, b) => a.From.CompareTo(b.From));
        }
    }
}
