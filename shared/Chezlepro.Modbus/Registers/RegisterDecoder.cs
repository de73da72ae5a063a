using System.Text;

namespace Chezlepro.Modbus.Registers;

/// <summary>Pure conversions from raw registers to engineering values.</summary>
public static class RegisterDecoder
{
    /// <summary>The raw integer of <paramref name="definition"/>, signed per its type; null when not read.</summary>
    /// <param name="definition">The value.</param>
    /// <param name="values">Registers read.</param>
    /// <param name="order">Word order of multi-register values.</param>
    public static long? Raw(RegisterDefinition definition, RegisterValues values, WordOrder order = WordOrder.HighFirst)
    {
        if (!values.Has(definition))
        {
            return null;
        }
        ulong Combine(int words)
        {
            ulong result = 0;
            for (var i = 0; i < words; i++)
            {
                var index = order == WordOrder.HighFirst ? i : words - 1 - i;
                result = (result << 16) | values[definition.Address + index]!.Value;
            }
            return result;
        }
        return definition.Type switch
        {
            RegisterType.UInt16 => values[definition.Address]!.Value,
            RegisterType.Int16 => (short)values[definition.Address]!.Value,
            RegisterType.UInt32 => (long)Combine(2),
            RegisterType.Int32 => (int)(uint)Combine(2),
            RegisterType.UInt64 => (long)Combine(4),
            _ => throw new ArgumentException($"{definition.Name} is a string", nameof(definition)),
        };
    }

    /// <summary>raw ÷ scale, or null when not read.</summary>
    /// <param name="definition">The value.</param>
    /// <param name="values">Registers read.</param>
    /// <param name="order">Word order of multi-register values.</param>
    public static double? Value(RegisterDefinition definition, RegisterValues values, WordOrder order = WordOrder.HighFirst) =>
        Raw(definition, values, order) is { } raw ? raw / definition.Scale : null;

    /// <summary>Text of a string value (two Latin-1 characters per register, high byte first), trailing NULs removed.</summary>
    /// <param name="definition">A <see cref="RegisterType.String"/> value.</param>
    /// <param name="values">Registers read.</param>
    public static string? Text(RegisterDefinition definition, RegisterValues values)
    {
        if (!values.Has(definition))
        {
            return null;
        }
        var bytes = new byte[definition.Width * 2];
        for (var i = 0; i < definition.Width; i++)
        {
            var word = values[definition.Address + i]!.Value;
            bytes[i * 2] = (byte)(word >> 8);
            bytes[(i * 2) + 1] = (byte)word;
        }
        return Encoding.Latin1.GetString(bytes).TrimEnd('\0', '\xFF', ' ');
    }
}
