namespace PaperLsp.Benchmarks.Measurement;

/// <summary>Resident memory of this process from /proc/self/status (Linux): VmHWM is the peak, VmRSS the current.</summary>
public static class PeakMemory
{
    public static double PeakRssMegabytes() => ReadKilobytes("VmHWM:") / 1024.0;

    public static double CurrentRssMegabytes() => ReadKilobytes("VmRSS:") / 1024.0;

    private static long ReadKilobytes(string field)
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            return 0;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line[field.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }
}
