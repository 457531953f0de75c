namespace PaperLsp.Benchmarks;

/// <summary>The <c>--name value</c> options of the benchmark tool's own verbs (generate, measure).</summary>
public sealed class CommandOptions
{
    private readonly Dictionary<string, string> _values;

    private CommandOptions(Dictionary<string, string> values) => _values = values;

    public static CommandOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                var hasValue = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
                values[args[i][2..]] = hasValue ? args[++i] : "true";
            }
        }

        return new CommandOptions(values);
    }

    public string String(string name, string fallback) => _values.GetValueOrDefault(name, fallback);

    public int Int(string name, int fallback) =>
        _values.TryGetValue(name, out var value) ? int.Parse(value.Replace("_", string.Empty, StringComparison.Ordinal).Replace("k", "000", StringComparison.Ordinal).Replace("M", "000000", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
