using Briefings.Core.Articles;
using Briefings.Core.Text;

namespace Briefings.Core.Summaries;

/// <summary>
/// The full name a story gives someone a quote or figure credits by surname alone: news style
/// names a person in full once ("House Speaker Nancy Pelosi") and by surname after, and the words
/// quoted are as often given to the later mention ("…,” Pelosi said"). A reader of a briefing has
/// not read the article, so "Nancy Pelosi" tells them who spoke where "Pelosi" may not.
/// </summary>
public static class FullNames
{
    /// <summary>Most given names a full name has before the surname ("Lawrence J. Korb", "Marjorie Taylor Greene").</summary>
    private const int MaxGivenNames = 3;

    /// <param name="speaker">Who the text credits.</param>
    /// <param name="articles">Where to look, the article the words come from first.</param>
    /// <returns>
    /// The full name, or <paramref name="speaker"/> as it is when it is more than one word, not a
    /// surname ("FBI"), not given in full anywhere, or given with two different first names ("Joe
    /// Biden" and "Hunter Biden" in one article), when it cannot tell which one spoke.
    /// </returns>
    public static string Of(string speaker, IEnumerable<Article> articles)
    {
        // "Mr. Paul", "Ms. Pelosi": a newspaper's later mention, with the courtesy title it gives.
        var space = speaker.IndexOf(' ');
        if (space > 0 && Honorifics.Contains(speaker[..space]) && speaker.IndexOf(' ', space + 1) < 0)
        {
            var surname = speaker[(space + 1)..];
            return Of(surname, articles) is var full && full != surname ? full : speaker;
        }

        if (!IsSurname(speaker))
        {
            return speaker;
        }

        foreach (var article in articles)
        {
            string? found = null;
            foreach (var text in article.Paragraphs) // not the title, whose capitals are the headline's ("Trump Slams Facebook")
            {
                for (var at = text.IndexOf(speaker, StringComparison.Ordinal); at >= 0; at = text.IndexOf(speaker, at + speaker.Length, StringComparison.Ordinal))
                {
                    var end = at + speaker.Length;
                    if (end < text.Length && char.IsLetter(text[end]) || GivenNamesBefore(text, at) is not { } given)
                    {
                        continue;
                    }

                    var full = given + " " + speaker;
                    if (found is null)
                    {
                        found = full;
                    }
                    else if (!FirstWord(found).Equals(FirstWord(full), StringComparison.Ordinal))
                    {
                        return speaker; // two people of one surname
                    }
                }
            }

            if (found is not null)
            {
                return found;
            }
        }

        return speaker;
    }

    private static readonly HashSet<string> Honorifics = new(StringComparer.Ordinal) { "Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr" };

    /// <summary>One capitalised word with small letters after its first: "Pelosi", "McConnell", "O'Rourke"; not "FBI", "Sen. Romney" or "a spokesman".</summary>
    private static bool IsSurname(string speaker) =>
        speaker.Length >= 3 && char.IsUpper(speaker[0]) && speaker.All(c => char.IsLetter(c) || c is '-' or '\'' or '’')
        && speaker.Skip(1).Any(char.IsLower) && !Titles.Contains(speaker);

    /// <summary>
    /// The given names written right before the surname at <paramref name="at"/>: up to
    /// <see cref="MaxGivenNames"/> words, each a name ("Nancy", "Jean-Pierre") or an initial
    /// ("J."), the first of them a name, and none a title ("President", "Sen."), a function word
    /// or a day or month. Null when there are none ("President Biden", "When Biden").
    /// </summary>
    private static string? GivenNamesBefore(string text, int at)
    {
        var start = at;
        var first = -1;
        for (var count = 0; count < MaxGivenNames && start >= 2 && text[start - 1] == ' '; count++)
        {
            var wordStart = text.LastIndexOf(' ', start - 2) + 1;
            var word = text.AsSpan(wordStart, start - 1 - wordStart);
            var initial = word.Length == 2 && char.IsAsciiLetterUpper(word[0]) && word[1] == '.';
            if (!initial && !IsGivenName(word))
            {
                break;
            }

            start = wordStart;
            if (!initial)
            {
                first = wordStart;
            }
        }

        // The names run from the farthest name met; initials beyond it belong to something else.
        return first < 0 ? null : text[first..(at - 1)];
    }

    /// <summary>A capitalised word of small letters ("Nancy", "Jean-Pierre"), not a title, a function word or a day or month.</summary>
    private static bool IsGivenName(ReadOnlySpan<char> word)
    {
        if (word.Length < 2 || !char.IsAsciiLetterUpper(word[0]))
        {
            return false;
        }

        foreach (var c in word[1..])
        {
            if (!char.IsAsciiLetterLower(c) && c != '-')
            {
                return false;
            }
        }

        var lower = word.ToString().ToLowerInvariant();
        return word[^1] != '-' && !StopWords.Contains(lower) && !CalendarWords.IsDayOrMonth(lower) && !Titles.Contains(word.ToString()) && !NotNames.Contains(lower);
    }

    private static ReadOnlySpan<char> FirstWord(string name) => name.AsSpan(0, name.IndexOf(' ') is var space and > 0 ? space : name.Length);

    /// <summary>
    /// Capitalised words that stand before a name as its title, party or trade ("President",
    /// "Republican", "Researcher" opening a sentence), never as a given name.
    /// </summary>
    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "President", "Vice", "Speaker", "Senator", "Sen", "Rep", "Gov", "Governor", "Secretary", "Leader", "Mayor", "Judge",
        "Justice", "Minister", "Prime", "Chancellor", "Chairman", "Chairwoman", "Chair", "Director", "Commissioner", "Attorney",
        "General", "Surgeon", "Chief", "Officer", "Pope", "Prince", "Princess", "King", "Queen", "Emperor", "Ambassador",
        "Representative", "Congressman", "Congresswoman", "Congress", "Senate", "House", "Deputy", "Acting", "Former", "Press",
        "Republican", "Republicans", "Democrat", "Democrats", "Democratic", "Independent", "Progressive", "Conservative",
        "Host", "Anchor", "Professor", "Coach", "Captain", "Colonel", "Sergeant", "Lieutenant", "Admiral", "Major",
        "Corporal", "Private", "Sheriff", "Detective", "Inspector", "Majority", "Minority", "Whip", "Spokesman", "Spokeswoman",
        "Spokesperson", "Adviser", "Advisor", "Aide", "Economist", "Analyst", "Reverend", "Rabbi", "Bishop", "Cardinal",
        "Pastor", "Father", "Sister", "Brother", "Saint", "Sir", "Dame", "Lord", "Lady", "Doctor", "Dr", "Miss", "Mx",
        "Researcher", "Scientist", "Epidemiologist", "Virologist", "Physician", "Nurse", "Lawyer", "Activist", "Author",
        "Writer", "Journalist", "Reporter", "Editor", "Columnist", "Commentator", "Actor", "Actress", "Singer", "Rapper",
        "Comedian", "Billionaire", "Entrepreneur", "Founder", "Executive", "Investor", "Owner", "Manager", "Producer",
        "Candidate", "Nominee", "Challenger", "Incumbent", "Lawmaker", "Legislator", "Councilman", "Councilwoman",
        "Superintendent", "Principal", "Dean", "Teacher", "Student", "Soldier", "Veteran", "Fellow", "Senior", "Top",
        "Police", "Court", "Authorities", "Officials", "Administration", "Government", "Department", "Agency",
    };

    /// <summary>Capitalised words that open a sentence before a surname ("Meanwhile Pelosi") and are no one's first name.</summary>
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "meanwhile", "instead", "later", "earlier", "afterward", "afterwards", "previously", "separately", "similarly",
        "additionally", "ultimately", "finally", "eventually", "initially", "indeed", "unlike", "including", "moreover",
        "furthermore", "nevertheless", "nonetheless", "thus", "hence", "therefore", "overall", "notably", "otherwise",
        "currently", "recently", "today", "yesterday", "tonight", "asked", "speaking", "writing", "dear", "thanks",
    };
}
