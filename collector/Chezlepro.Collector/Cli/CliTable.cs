using System.Globalization;

namespace Chezlepro.Collector.Cli;

/// <summary>
/// What a command prints: for people, optional lines then aligned columns (numbers right-aligned); for scripts, one
/// tab-separated header line and one line per row, nothing else.
/// </summary>
public sealed class CliTable
{
    private readonly List<(string Name, bool Right)> _columns = [];
    private readonly List<string[]> _rows = [];
    private readonly List<string> _lines = [];
    private string _empty = "—";

    /// <summary>Adds a column.</summary>
    public CliTable Column(string name, bool rightAligned = false)
    {
        _columns.Add((name, rightAligned));
        return this;
    }

    /// <summary>Adds a row (one cell per column).</summary>
    public CliTable Row(params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != _columns.Count)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{cells.Length} cells for {_columns.Count} columns"), nameof(cells));
        _rows.Add(cells);
        return this;
    }

    /// <summary>A line printed before the columns for people (never in TSV).</summary>
    public CliTable Line(string line)
    {
        _lines.Add(line);
        return this;
    }

    /// <summary>What people read instead of an empty table.</summary>
    public CliTable WhenEmpty(string text)
    {
        _empty = text;
        return this;
    }

    /// <summary>Rows so far.</summary>
    public int Count => _rows.Count;

    /// <summary>Writes the table.</summary>
    public void Write(TextWriter output, bool tsv)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (tsv)
        {
            output.Write(string.Join('\t', _columns.Select(c => c.Name)) + "\n");
            foreach (var row in _rows) output.Write(string.Join('\t', row) + "\n");
            return;
        }
        foreach (var line in _lines) output.WriteLine(line);
        if (_rows.Count == 0)
        {
            output.WriteLine(_empty);
            return;
        }
        var widths = _columns.Select((c, i) => Math.Max(c.Name.Length, _rows.Max(r => r[i].Length))).ToArray();
        output.WriteLine(Format(_columns.Select(c => c.Name).ToArray(), widths).TrimEnd());
        foreach (var row in _rows) output.WriteLine(Format(row, widths).TrimEnd());
    }

    private string Format(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((cell, i) => _columns[i].Right ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i])));
}
