namespace PaperLsp.Server.Tests.Infrastructure;

/// <summary>A temporary workspace folder with a collection (refs.bib in the <see cref="TestCollections"/> format).</summary>
internal sealed class TestWorkspace : IDisposable
{
    public const string DefaultCollection = """
        vaswani2017 | Attention Is All You Need
        devlin2019 | BERT: Pre-training of Deep Bidirectional Transformers
        raffel2020 | Exploring the Limits of Transfer Learning
        """;

    public TestWorkspace(string collection = DefaultCollection, string? configuration = """{ "collections": ["refs.bib"] }""")
    {
        Folder = Path.Combine(Path.GetTempPath(), "paperlsp-server-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Collection, collection);
        if (configuration is not null)
        {
            File.WriteAllText(Path.Combine(Folder, "paperlsp.json"), configuration);
        }
    }

    public string Folder { get; }

    public string Collection => Path.Combine(Folder, "refs.bib");

    public string PathOf(string name) => Path.Combine(Folder, name);

    /// <summary>Replaces a file the way editors and reference managers do: write a temporary file, then rename it over.</summary>
    public void ReplaceByRename(string path, string content)
    {
        var temporary = path + ".tmp~";
        File.WriteAllText(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }

    public LanguageServerOptions Options => new()
    {
        FileChangeDelay = TimeSpan.FromMilliseconds(100),
        CollectionReader = TestCollections.Read,
    };

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A watcher may still hold the folder; the OS temp cleaner will have it.
        }
    }
}
