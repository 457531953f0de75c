namespace PaperLsp.Core.Tests.Collections;

/// <summary>Paths of the test data copied next to the test assembly (see TestData/corpus/README.md).</summary>
internal static class CollectionsTestData
{
    public static string PathOf(string relative) => Path.Combine(AppContext.BaseDirectory, "TestData", relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));
}
