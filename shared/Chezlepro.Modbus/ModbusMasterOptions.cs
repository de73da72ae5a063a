namespace Chezlepro.Modbus;

/// <summary>Timeouts, retries and device quirks of one master. Quirks are named here, never scattered in drivers.</summary>
public sealed class ModbusMasterOptions
{
    /// <summary>Time allowed for one request and its complete reply. <value>Default 1 s.</value></summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Extra attempts after a "server busy" exception or a timeout (no other fault is retried). <value>Default 1.</value></summary>
    public int Retries { get; set; } = 1;

    /// <summary>Wait before a retry. <value>Default 100 ms.</value></summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Quirk: wait after a new connection before the first request (slow gateways, CH341 adapters). <value>Default 0.</value></summary>
    public TimeSpan PauseAfterConnect { get; set; } = TimeSpan.Zero;

    /// <summary>Quirk: minimum time between the end of one exchange and the next request (EG4-LL asks for 100 ms). <value>Default 0.</value></summary>
    public TimeSpan PauseBetweenRequests { get; set; } = TimeSpan.Zero;

    /// <summary>Quirk: largest read the device accepts; longer reads are split. <value>Default 125 (the protocol limit).</value></summary>
    public int MaxRegistersPerRequest { get; set; } = 125;

    /// <summary>Quirk: word order of 32/64-bit values, for decoders that ask the master. <value>Default high word first.</value></summary>
    public WordOrder WordOrder { get; set; } = WordOrder.HighFirst;

    /// <summary>Every problem with these options, each naming the field and value.</summary>
    /// <param name="prefix">Configuration key prefix for messages (for example <c>Sources:2:</c>).</param>
    public IEnumerable<string> Validate(string prefix = "")
    {
        if (RequestTimeout <= TimeSpan.Zero || RequestTimeout > TimeSpan.FromMinutes(1))
        {
            yield return $"{prefix}RequestTimeout: '{RequestTimeout}' must be between 0 and 1 minute";
        }
        if (Retries is < 0 or > 10)
        {
            yield return $"{prefix}Retries: '{Retries}' must be between 0 and 10";
        }
        if (RetryDelay < TimeSpan.Zero || PauseAfterConnect < TimeSpan.Zero || PauseBetweenRequests < TimeSpan.Zero)
        {
            yield return $"{prefix}RetryDelay/PauseAfterConnect/PauseBetweenRequests: must not be negative";
        }
        if (MaxRegistersPerRequest is < 1 or > 125)
        {
            yield return $"{prefix}MaxRegistersPerRequest: '{MaxRegistersPerRequest}' must be between 1 and 125";
        }
    }
}
