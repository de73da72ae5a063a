using Chezlepro.Collector.Incidents;
using Xunit;

namespace Chezlepro.Collector.Tests.Incidents;

public sealed class IncidentPolicyValidatorTests
{
    [Fact]
    public void Defaults_AreValid() => Assert.True(new IncidentPolicyValidator().Validate(null, new IncidentPolicy()).Succeeded);

    [Fact]
    public void BadValues_EachNamedWithKeyAndValue()
    {
        var policy = new IncidentPolicy { Debounce = TimeSpan.FromSeconds(-1), RestoreDebounce = TimeSpan.FromDays(2) };
        policy.P1.Acknowledge = TimeSpan.Zero;
        policy.P2.UpdateEvery = TimeSpan.FromHours(-1);
        policy.P3 = null!;

        var failures = new IncidentPolicyValidator().Validate(null, policy).Failures!.ToList();

        Assert.Contains(failures, f => f.StartsWith("Incidents:Debounce = -00:00:01: must be between", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Incidents:RestoreDebounce = 2.00:00:00", StringComparison.Ordinal));
        Assert.Contains("Incidents:P1:Acknowledge = 00:00:00: must be positive / doit être positif.", failures);
        Assert.Contains("Incidents:P2:UpdateEvery = -01:00:00: must be positive / doit être positif.", failures);
        Assert.Contains(failures, f => f == "Incidents:P3 is empty: a priority needs its Acknowledge and Restore targets / est vide\u00a0: une priorité a besoin de ses cibles Acknowledge et Restore.");
        Assert.Equal(5, failures.Count);
    }
}
