namespace Chezlepro.Modbus.Registers;

/// <summary>Raw register values of one unit gathered from several reads, looked up by address.</summary>
public sealed class RegisterValues
{
    private readonly Dictionary<int, ushort> _values = [];

    /// <summary>Adds the result of one read.</summary>
    /// <param name="address">First register of the read.</param>
    /// <param name="values">Values read.</param>
    public void Add(int address, ReadOnlySpan<ushort> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            _values[address + i] = values[i];
        }
    }

    /// <summary>Builds a set from consecutive values starting at <paramref name="address"/>.</summary>
    /// <param name="address">First register.</param>
    /// <param name="values">Values.</param>
    public static RegisterValues From(int address, params ushort[] values)
    {
        var set = new RegisterValues();
        set.Add(address, values);
        return set;
    }

    /// <summary>The raw value at <paramref name="address"/>, or null when it was not read.</summary>
    /// <param name="address">Register.</param>
    public ushort? this[int address] => _values.TryGetValue(address, out var v) ? v : null;

    /// <summary>True when every register of <paramref name="definition"/> was read.</summary>
    /// <param name="definition">A value.</param>
    public bool Has(RegisterDefinition definition)
    {
        for (var a = definition.Address; a <= definition.LastAddress; a++)
        {
            if (!_values.ContainsKey(a))
            {
                return false;
            }
        }
        return true;
    }
}
