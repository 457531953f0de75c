namespace PaperLsp.Core.Collections;

/// <summary>PLACEHOLDER until the collections branch lands: .bib only.</summary>
public static class CollectionLoader
{
    public static CollectionLoadResult Load(string path) => BibTexLoader.Load(path, File.ReadAllText(path));
}
