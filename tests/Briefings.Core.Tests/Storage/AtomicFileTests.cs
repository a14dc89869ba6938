using System.Text;
using Briefings.Core.Storage;

namespace Briefings.Core.Tests.Storage;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("atomic-file-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ReplacingAnExistingFileLeavesTheNewContentAndNoTemporaryFile()
    {
        var destination = Path.Combine(_folder, "digest.json");
        var source = Path.Combine(_folder, "next.tmp");
        File.WriteAllText(destination, "old");
        File.WriteAllText(source, "new content");

        AtomicFile.Replace(source, destination);

        Assert.Equal("new content", File.ReadAllText(destination));
        Assert.False(File.Exists(source));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public void CreatingMovesTheSourceIntoPlaceOnlyWhereNothingIs()
    {
        var destination = Path.Combine(_folder, "article.json");
        var source = Path.Combine(_folder, "article.tmp");
        File.WriteAllText(source, "first");
        Assert.True(AtomicFile.TryCreate(source, destination));
        Assert.False(File.Exists(source));

        File.WriteAllText(source, "second");
        Assert.False(AtomicFile.TryCreate(source, destination));
        Assert.Equal("first", File.ReadAllText(destination));
        Assert.Equal("second", File.ReadAllText(source));
    }

    [Fact]
    public void ReplacingAMissingFileMovesTheSourceIntoPlace()
    {
        var destination = Path.Combine(_folder, "sub", "first.json");
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var source = Path.Combine(_folder, "first.tmp");
        File.WriteAllText(source, "first");

        AtomicFile.Replace(source, destination);

        Assert.Equal("first", File.ReadAllText(destination));
        Assert.False(File.Exists(source));
    }

    [Fact]
    public async Task AReaderSeesTheOldOrTheNewFileWhileItIsReplacedNeverNothingOrAMix()
    {
        var destination = Path.Combine(_folder, "page.html");
        string Content(int version) => new((char)('a' + version % 26), 64 * 1024);
        File.WriteAllText(destination, Content(0));
        using var stop = new CancellationTokenSource();
        var reads = 0;
        var reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var text = File.ReadAllText(destination, Encoding.UTF8);
                Assert.Equal(64 * 1024, text.Length);
                Assert.True(text.AsSpan().IndexOfAnyExcept(text[0]) < 0, "a read mixed two versions");
                Interlocked.Increment(ref reads);
            }
        });

        // Replace at least 300 times, and until the reader has read 300 times while it went on.
        var version = 0;
        while ((version < 300 || Volatile.Read(ref reads) < 300) && !reader.IsCompleted)
        {
            version++;
            var source = Path.Combine(_folder, $"{version}.tmp");
            File.WriteAllText(source, Content(version));
            AtomicFile.Replace(source, destination);
        }

        await stop.CancelAsync();
        await reader;
        Assert.Equal(Content(version), File.ReadAllText(destination));
        Assert.True(reads >= 300, $"{reads} reads during {version} replacements");
        Assert.Single(Directory.GetFiles(_folder));
    }
}
