using System.Diagnostics;
using System.IO.Hashing;
using System.Security.Cryptography;

namespace PaperLsp.StdioBenchmark;

/// <summary>
/// <c>--hash-cost FILE</c>: how long the cache's content check costs on a file: XxHash3 (what the cache uses) against
/// SHA-256, each streaming the file in 1 MB blocks, three times (the first run may read from disk, later ones from the
/// page cache).
/// </summary>
internal static class HashCost
{
    public static void Run(string path)
    {
        var megabytes = new FileInfo(path).Length / 1e6;
        foreach (var (name, hash) in new (string, Func<Stream, byte[]>)[]
                 {
                     ("XxHash3", stream => { var h = new XxHash3(); h.Append(stream); return h.GetCurrentHash(); }),
                     ("SHA-256", SHA256.HashData),
                 })
        {
            for (var i = 0; i < 3; i++)
            {
                var watch = Stopwatch.StartNew();
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
                hash(stream);
                Console.WriteLine(FormattableString.Invariant($"{name}\t{megabytes:F0} MB\trun {i + 1}\t{watch.Elapsed.TotalMilliseconds:F0} ms\t{megabytes / watch.Elapsed.TotalSeconds:F0} MB/s"));
            }
        }
    }
}
