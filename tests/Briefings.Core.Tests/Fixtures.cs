using System.Text;
using Briefings.Core.Articles;

namespace Briefings.Core.Tests;

/// <summary>Seeds, readers and small article builders the tests share.</summary>
internal static class Fixtures
{
    public static readonly string SeedFolder = Path.Combine(AppContext.BaseDirectory, "seeds");

    public static readonly string TemplateFolder = Path.Combine(AppContext.BaseDirectory, "templates");

    /// <summary>Copies the shipped templates into a folder, for a test that then spoils one of them.</summary>
    public static void CopyTemplatesTo(string folder)
    {
        foreach (var file in Directory.GetFiles(TemplateFolder, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(TemplateFolder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public static readonly DateTimeOffset Noon = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    public static ArticleReader Reader(IngestOptions? options = null) => new(options ?? new IngestOptions(), TimeProvider.System);

    /// <summary>The seed file whose name starts with <paramref name="number"/>, e.g. "003".</summary>
    public static string SeedPath(string number) =>
        Directory.GetFiles(SeedFolder, number + "_*").Single();

    public static string SeedText(string number) => File.ReadAllText(SeedPath(number));

    public static Article ReadSeed(string number)
    {
        var path = SeedPath(number);
        return Reader().Read(new RawArticle(Path.GetFileName(path), File.ReadAllBytes(path)));
    }

    public static IReadOnlyList<Article> AllSeeds() => SeedNumbers.Select(ReadSeed).ToList();

    public static readonly string[] SeedNumbers = ["000", "001", "002", "003", "004"];

    public static Article Read(string name, string content, string? contentType = null, Dictionary<string, string>? metadata = null) =>
        Reader().Read(new RawArticle(name, Encoding.UTF8.GetBytes(content), contentType, metadata));

    /// <summary>An article as the reader would produce it, with paragraphs separated by blank lines.</summary>
    public static Article Article(string id, string title, string body, DateTimeOffset? published = null, string? source = null, string? url = null) => new()
    {
        Id = id,
        Title = title,
        Source = source,
        Url = url,
        Published = published ?? Noon,
        IngestedAt = published ?? Noon,
        Paragraphs = body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
    };

    /// <summary>Three reports of one football match.</summary>
    public static IReadOnlyList<Article> FootballReports(DateTimeOffset? published = null) =>
    [
        Article("football-1", "Riverside United beat Northfield Rovers in cup semi-final",
            "Riverside United beat Northfield Rovers 3-1 in the cup semi-final at Kingsway Stadium on Saturday, with striker Marco Alves scoring twice in the second half.\n\n"
            + "Rovers had taken the lead through a header from captain Tom Hale after a corner in the 20th minute, but United equalised before half-time when goalkeeper Sam Price misjudged a long shot.\n\n"
            + "Alves then scored from the penalty spot and added a third goal on the counter-attack. United will face Eastbridge Athletic in the cup final at the national stadium next month.",
            published),
        Article("football-2", "Alves double sends Riverside United into the cup final",
            "Marco Alves scored twice as Riverside United came from behind to beat Northfield Rovers 3-1 in the cup semi-final at Kingsway Stadium.\n\n"
            + "Northfield captain Tom Hale headed the visitors in front from a corner, but the United striker turned the match after the break with a penalty and a goal on the counter-attack.\n\n"
            + "Rovers goalkeeper Sam Price apologised to supporters for his error on the equaliser. United now meet Eastbridge Athletic in the final, while Rovers return to their league campaign.",
            published),
        Article("football-3", "Northfield Rovers rue goalkeeping error in semi-final defeat",
            "Northfield Rovers manager Ian Cole blamed a goalkeeping error for the 3-1 cup semi-final defeat by Riverside United at Kingsway Stadium.\n\n"
            + "Rovers led through a Tom Hale header, but Sam Price let a long shot slip through his hands before half-time and striker Marco Alves scored twice after the break, once from the penalty spot.\n\n"
            + "Cole said his players had matched United for long spells of the match. Riverside United will play Eastbridge Athletic in the cup final next month.",
            published),
    ];

    /// <summary>Three reports of one central bank rate decision.</summary>
    public static IReadOnlyList<Article> RateDecisionReports(DateTimeOffset? published = null) =>
    [
        Article("rates-1", "Central bank raises interest rate to 4.5 percent",
            "The central bank raised its benchmark interest rate by a quarter point to 4.5 percent on Thursday, the third increase this year, as inflation stayed well above its target.\n\n"
            + "Governor Elena Marsh told reporters that consumer prices rose 5.2 percent in October and that the monetary policy committee voted seven to two for the increase.\n\n"
            + "Mortgage lenders are expected to pass the higher borrowing costs on to households within weeks, and bond yields rose after the announcement.",
            published),
        Article("rates-2", "Marsh defends rate rise as inflation stays high",
            "Central bank governor Elena Marsh defended the increase in the benchmark interest rate to 4.5 percent, saying inflation of 5.2 percent was hurting households more than higher borrowing costs.\n\n"
            + "Two members of the monetary policy committee voted to hold the rate, warning that the economy was already slowing and unemployment was rising.\n\n"
            + "Markets had expected the quarter-point increase, and bond yields and the currency rose modestly after the decision on Thursday.",
            published),
        Article("rates-3", "Homeowners face higher mortgage costs after central bank decision",
            "Homeowners with variable mortgages face higher monthly payments after the central bank lifted its benchmark interest rate to 4.5 percent, its highest level in fifteen years.\n\n"
            + "The monetary policy committee said inflation, at 5.2 percent in October, remained too high, and governor Elena Marsh did not rule out a further increase early next year.\n\n"
            + "Mortgage lenders said they would raise their rates for new borrowers from Monday, while savers should see slightly better returns on deposits.",
            published),
    ];
}

/// <summary>A fresh folder under the system temp folder, deleted when the test ends.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "briefings-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a test over.
        }
    }
}
