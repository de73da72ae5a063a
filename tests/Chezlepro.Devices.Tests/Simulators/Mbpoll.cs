using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Chezlepro.Devices.Tests.Simulators;

/// <summary>Runs mbpoll once and returns register → raw 16-bit value.</summary>
internal static partial class Mbpoll
{
    [GeneratedRegex(@"^\[(\d+)\]:\s+(-?\d+)", RegexOptions.Multiline)]
    private static partial Regex Line();

    public static async Task<Dictionary<int, ushort>> ReadAsync(params string[] args)
    {
        var info = new ProcessStartInfo("mbpoll") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
        var text = await stdout;
        var values = Line().Matches(text).ToDictionary(m => int.Parse(m.Groups[1].Value), m => (ushort)int.Parse(m.Groups[2].Value));
        Assert.True(values.Count > 0, $"mbpoll printed no values: {text} {await stderr}");
        return values;
    }
}
