using Briefings.Core.Http;
using Briefings.Core.Storage;

namespace Briefings.Core.Tests.Storage;

/// <summary>
/// Names built to escape: traversal plain and encoded, control characters, overlong names and
/// unicode look-alikes of '/', '\' and '.'. None may leave its container's folder.
/// </summary>
public sealed class HostileNameTests
{
    public static TheoryData<string> HostileNames() =>
    [
        "../x.txt",
        "../../etc/passwd",
        "a/../../x",
        "..\\x",
        "%2e%2e%2fx.txt",
        "%2e%2e/x.txt",
        "..%2fx.txt",
        "%2E%2E%5Cx.txt",
        "..%252f..%252fx",
        "..\u2215x.txt", // DIVISION SLASH
        "a\u2215..\u2215..\u2215x.txt",
        "\u2025/x.txt", // TWO DOT LEADER
        "\uFF0E\uFF0E/x.txt", // FULLWIDTH FULL STOP
        "\uFF0E\uFF0E\uFF0Fx.txt", // FULLWIDTH SOLIDUS
        "..\uFF3Cx.txt", // FULLWIDTH REVERSE SOLIDUS
        "a\u2044..\u2044x", // FRACTION SLASH
        "a\u0000b",
        "a\u001fb",
        "a\u007fb",
        "a\u0085b",
        "a\u202eb.txt", // RIGHT-TO-LEFT OVERRIDE
        "a\ufeffb",
        "a\ud800b",
        new string('a', 1025),
        new string('.', 3),
        ".",
        "/etc/passwd",
        "C:\\Windows\\x",
        "x/",
    ];

    [Theory]
    [MemberData(nameof(HostileNames))]
    public async Task AHostileNameNeverLeavesItsContainerFolder(string name)
    {
        using var temp = new TempFolder();
        var root = Path.Combine(temp.Path, "store");
        var store = new FileBlobStore(root);
        var container = store.ContainerPath(Containers.Inbox) + Path.DirectorySeparatorChar;

        try
        {
            await store.PutAsync(Containers.Inbox, name, "text"u8.ToArray());
            Assert.Null(BlobNames.Problem(name)); // written only when the rules allow it
        }
        catch (ArgumentException)
        {
            Assert.NotNull(BlobNames.Problem(name));
        }

        foreach (var file in Directory.GetFiles(temp.Path, "*", SearchOption.AllDirectories))
        {
            var full = Path.GetFullPath(file);
            Assert.True(full.StartsWith(container, StringComparison.Ordinal) || full.StartsWith(Path.Combine(root, ".") , StringComparison.Ordinal),
                $"'{name}' wrote {full}");
        }

        foreach (var listed in await store.ListAsync(Containers.Inbox).ToListAsync())
        {
            Assert.Equal(name, listed.Name);
            Assert.NotNull(await store.GetAsync(Containers.Inbox, listed.Name));
        }
    }

    [Theory]
    [MemberData(nameof(HostileNames))]
    public void AHostileNameIsNeverASafeUploadName(string name) => Assert.False(InboxNames.IsSafe(name));

    [Fact]
    public void AnEmptyUploadNameIsNotSafeRatherThanACrash() => Assert.False(InboxNames.IsSafe(""));

    [Theory]
    [InlineData("a\u0001b")]
    [InlineData("a\u200bb")]
    [InlineData("a\u202eb")]
    [InlineData("a\ufeffb")]
    public void InvisibleAndControlCharactersHaveAProblem(string name) => Assert.NotNull(BlobNames.Problem(name));

    [Fact]
    public async Task ReadingOrDeletingByAHostileNameIsRefusedNotFollowed()
    {
        using var temp = new TempFolder();
        var store = new FileBlobStore(Path.Combine(temp.Path, "store"));
        File.WriteAllText(Path.Combine(temp.Path, "secret.txt"), "outside");

        await Assert.ThrowsAsync<ArgumentException>(() => store.GetAsync(Containers.Inbox, "../../secret.txt"));
        await Assert.ThrowsAsync<ArgumentException>(() => store.GetInfoAsync(Containers.Inbox, "../../secret.txt"));
        await Assert.ThrowsAsync<ArgumentException>(() => store.DeleteAsync(Containers.Inbox, "../../secret.txt"));
        Assert.True(File.Exists(Path.Combine(temp.Path, "secret.txt")));
    }
}
