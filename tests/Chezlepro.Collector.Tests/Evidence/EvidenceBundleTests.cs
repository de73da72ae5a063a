using System.Text.Json.Nodes;
using Chezlepro.Collector.Evidence;
using Xunit;

namespace Chezlepro.Collector.Tests.Evidence;

/// <summary>Every kind of tampering is detected, by the chain check and by the bundle verifier, and names the record.</summary>
public sealed class EvidenceBundleTests
{
    internal static List<EvidenceRecord> Chain(int count, Func<int, string?>? clientOf = null)
    {
        var list = new List<EvidenceRecord>();
        var prev = EvidenceCanonical.Genesis;
        for (var i = 1; i <= count; i++)
        {
            var client = clientOf?.Invoke(i) ?? (i % 2 == 0 ? "acme" : "beta");
            var r = EvidenceChain.Seal(new EvidenceEntry(EvidenceKinds.BackupVerified, EvidenceCanonicalTests.At.AddHours(i), client, $"vm-{i}",
                new JsonObject { ["snapshot"] = $"vm/{i}/2026-11-21T00:00:00Z", ["state"] = "ok", ["n"] = i }), i, prev);
            list.Add(r);
            prev = r.Hash;
        }
        return list;
    }

    private static EvidenceBundle Bundle(IReadOnlyList<EvidenceRecord> run, string? client = null, params EvidenceHead[] heads) =>
        EvidenceBundle.Of(client, EvidenceCanonicalTests.At, EvidenceCanonicalTests.At.AddDays(1), run,
            r => client is null || r.Client == client, heads);

    private static List<string> Lines(EvidenceBundle b) => b.ToJsonLines().Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();

    [Fact]
    public void Intact_FullAndClientBundles_Verify()
    {
        var chain = Chain(6);
        Assert.Null(EvidenceChain.FirstBreak(chain, EvidenceCanonical.Genesis));
        var head = new EvidenceHead(new DateOnly(2026, 11, 21), 4, chain[3].Hash, EvidenceCanonicalTests.At);
        var full = EvidenceBundleVerifier.Verify(Lines(Bundle(chain, null, head)));
        Assert.True(full.Ok, full.Break?.Reason);
        Assert.Equal((6, 0, 1), (full.Records, full.Stubs, full.Heads));
        var acme = Bundle(chain, "acme", head);
        var verified = EvidenceBundleVerifier.Verify(Lines(acme));
        Assert.True(verified.Ok, verified.Break?.Reason);
        Assert.Equal((3, 3), (verified.Records, verified.Stubs));
        Assert.DoesNotContain("beta", acme.ToJsonLines(), StringComparison.Ordinal);
    }

    [Fact]
    public void PrunedPrefix_StillVerifiesFromTheFirstKeptRecord()
    {
        var kept = Chain(6).Skip(3).ToList();
        Assert.Null(EvidenceChain.FirstBreak(kept, kept[0].Prev));
        Assert.True(EvidenceBundleVerifier.Verify(Lines(Bundle(kept))).Ok);
    }

    [Fact]
    public void FieldChanged_NamesTheRecord()
    {
        var chain = Chain(5);
        chain[2] = chain[2] with { Subject = "vm-other" };
        Assert.Equal(3, EvidenceChain.FirstBreak(chain, EvidenceCanonical.Genesis)!.Seq);
        var lines = Lines(Bundle(Chain(5)));
        lines[3] = lines[3].Replace("\"state\":\"ok\"", "\"state\":\"failed\"", StringComparison.Ordinal);
        var v = EvidenceBundleVerifier.Verify(lines);
        Assert.Equal(3, v.Break!.Seq);
        Assert.Contains("record 3 was changed", v.Break.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordRemoved_NamesTheMissingRecord()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);
        Assert.Equal(3, EvidenceChain.FirstBreak(chain, EvidenceCanonical.Genesis)!.Seq);
        var lines = Lines(Bundle(Chain(5)));
        lines.RemoveAt(2);
        var v = EvidenceBundleVerifier.Verify(lines);
        Assert.Equal(2, v.Break!.Seq);
        Assert.Contains("record 2 is missing", v.Break.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoReordered_NamesTheFirstOutOfPlace()
    {
        var chain = Chain(5);
        (chain[1], chain[2]) = (chain[2], chain[1]);
        Assert.NotNull(EvidenceChain.FirstBreak(chain, EvidenceCanonical.Genesis));
        var lines = Lines(Bundle(Chain(5)));
        (lines[2], lines[3]) = (lines[3], lines[2]);
        var v = EvidenceBundleVerifier.Verify(lines);
        Assert.Equal(2, v.Break!.Seq);
    }

    [Fact]
    public void RecordInserted_Detected()
    {
        // A forged record slipped in with the next seq and the right prev, the later ones renumbered: their links break.
        var chain = Chain(4);
        var forged = EvidenceChain.Seal(new EvidenceEntry(EvidenceKinds.RestoreTest, EvidenceCanonicalTests.At, "acme", "vm-x", []), 3, chain[1].Hash);
        var tampered = chain.Take(2).Append(forged).Concat(chain.Skip(2).Select(r => r with { Seq = r.Seq + 1 })).ToList();
        var broken = EvidenceChain.FirstBreak(tampered, EvidenceCanonical.Genesis)!;
        Assert.Equal(4, broken.Seq);
        var lines = Lines(Bundle(tampered));
        Assert.Equal(4, EvidenceBundleVerifier.Verify(lines).Break!.Seq);
    }

    [Fact]
    public void Truncated_BeforeTheHeaderOrAHeadSays_Detected()
    {
        var chain = Chain(5);
        var head = new EvidenceHead(new DateOnly(2026, 11, 21), 5, chain[4].Hash, EvidenceCanonicalTests.At);
        var lines = Lines(Bundle(chain, null, head));
        lines.RemoveAt(5); // record 5
        var v = EvidenceBundleVerifier.Verify(lines);
        Assert.False(v.Ok);
        Assert.Contains("truncated", v.Break!.Reason, StringComparison.Ordinal);

        // The same cut with a header rewritten to match: the head still names record 5.
        var header = JsonNode.Parse(lines[0])!.AsObject();
        header["last"] = 4;
        lines[0] = header.ToJsonString();
        v = EvidenceBundleVerifier.Verify(lines);
        Assert.Equal(5, v.Break!.Seq);
    }

    [Fact]
    public void HeadOfAnotherChain_Detected()
    {
        var chain = Chain(3);
        var head = new EvidenceHead(new DateOnly(2026, 11, 21), 2, chain[2].Hash, EvidenceCanonicalTests.At);
        var v = EvidenceBundleVerifier.Verify(Lines(Bundle(chain, null, head)));
        Assert.Equal(2, v.Break!.Seq);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"type\":\"record\"}")]
    public void BadInput_NeverVerifies(string firstLine)
    {
        Assert.False(EvidenceBundleVerifier.Verify([firstLine]).Ok);
        var lines = Lines(Bundle(Chain(2)));
        lines.Insert(1, firstLine.Length == 0 ? "{}" : firstLine);
        Assert.False(EvidenceBundleVerifier.Verify(lines).Ok);
    }
}
