using PaperLsp.Core.Collections.Cache;

namespace PaperLsp.Core.Tests.Cache;

public sealed class CollectionCacheSettingsTests
{
    [Theory]
    [InlineData("PAPERLSP_CACHE=off;HOME=/home/u", false, "")]
    [InlineData("PAPERLSP_CACHE=OFF;PAPERLSP_CACHE_DIR=/tmp/c", false, "")]
    [InlineData("PAPERLSP_CACHE_DIR=/tmp/c;XDG_CACHE_HOME=/x;HOME=/home/u", true, "/tmp/c")]
    [InlineData("XDG_CACHE_HOME=/x;HOME=/home/u", true, "/x/paperlsp")]
    [InlineData("XDG_CACHE_HOME=relative;HOME=/home/u", true, "/home/u/.cache/paperlsp")]
    [InlineData("HOME=/home/u", true, "/home/u/.cache/paperlsp")]
    public void The_environment_chooses_the_folder_or_turns_the_cache_off(string variables, bool enabled, string directory)
    {
        var values = variables.Split(';').Select(v => v.Split('=')).ToDictionary(v => v[0], v => v[1]);

        var settings = CollectionCacheSettings.FromVariables(name => values.GetValueOrDefault(name));

        Assert.Equal(enabled, settings.Enabled);
        Assert.Equal(directory, settings.Directory);
    }
}
