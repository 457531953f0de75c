namespace PaperLsp.Server.Tests.Infrastructure;

/// <summary>A fixture text with a <c>$0</c> cursor: the text without it and the cursor's (line, UTF-16 character).</summary>
internal sealed record CursorFixture(string Text, int Line, int Character)
{
    public static CursorFixture Parse(string fixture)
    {
        var offset = fixture.IndexOf("$0", StringComparison.Ordinal);
        if (offset < 0)
        {
            throw new ArgumentException("The fixture has no $0 cursor.", nameof(fixture));
        }

        var before = fixture[..offset];
        var line = before.Count(c => c == '\n');
        var character = offset - (before.LastIndexOf('\n') + 1);
        return new CursorFixture(fixture.Remove(offset, 2), line, character);
    }
}
