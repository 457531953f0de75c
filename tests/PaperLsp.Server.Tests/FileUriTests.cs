using FsCheck;
using FsCheck.Fluent;
using PaperLsp.Server.Conversion;

namespace PaperLsp.Server.Tests;

public sealed class FileUriTests
{
    [Theory]
    [InlineData("file:///home/me/notes/a%20b.pnotes", "/home/me/notes/a b.pnotes")]
    [InlineData("file:///home/me/%C3%BCber%23.pnotes", "/home/me/über#.pnotes")]
    [InlineData("file:///c%3A/Users/me/a.pnotes", "c:/Users/me/a.pnotes")]
    [InlineData("file:///C:/Users/me/a.pnotes", "C:/Users/me/a.pnotes")]
    public void Uris_become_paths(string uri, string expected)
    {
        var path = FileUri.ToPath(uri)!;
        Assert.Equal(OperatingSystem.IsWindows() ? expected.Replace('/', '\\') : expected, path);
    }

    [Fact]
    public void Non_file_uris_have_no_path() => Assert.Null(FileUri.ToPath("untitled:Untitled-1"));

    [Fact]
    public void Drive_letters_are_written_as_VS_Code_writes_them() =>
        Assert.Equal("file:///c%3A/My%20Notes/a.pnotes", FileUri.FromPath(@"C:\My Notes\a.pnotes").Replace("c%3A", "c%3A"));

    [FsCheck.Xunit.Property]
    public Property A_path_survives_the_round_trip()
    {
        var segment = Gen.Elements("a", "b c", "ü", "#", "%", "😀", "x?y", "[1]", "name.pnotes").NonEmptyListOf();
        return Prop.ForAll(segment.ToArbitrary(), segments =>
        {
            var path = "/" + string.Join("/", segments);
            var expected = OperatingSystem.IsWindows() ? path.Replace('/', '\\') : path;
            return FileUri.ToPath(FileUri.FromPath(path)) == expected;
        });
    }
}
