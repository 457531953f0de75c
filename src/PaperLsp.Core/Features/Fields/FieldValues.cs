namespace PaperLsp.Core.Features.Fields;

/// <summary>Reading list-valued fields (<c>tags:</c>, <c>related:</c>).</summary>
public static class FieldValues
{
    public static IEnumerable<string> SplitList(string value) =>
        value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
