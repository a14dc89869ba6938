namespace Briefings.Core.Text;

/// <summary>Function words that carry no topic (English), left out of similarity vectors.</summary>
public static class StopWords
{
    private static readonly HashSet<string> English = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "down", "during", "each", "either", "even", "ever", "every", "few", "for", "from", "further", "had", "has",
        "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "if", "in",
        "into", "is", "it", "its", "itself", "just", "last", "least", "less", "like", "made", "make", "many", "may", "me", "might", "more", "most",
        "much", "must", "my", "myself", "neither", "never", "new", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or",
        "other", "our", "ours", "ourselves", "out", "over", "own", "per", "said", "same", "says", "say", "she", "should", "since", "so", "some",
        "still", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this",
        "those", "though", "through", "to", "too", "two", "under", "until", "up", "upon", "us", "very", "was", "we", "were", "what",
        "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within", "without", "would",
        "yet", "you", "your", "yours", "yourself", "yourselves", "s", "t", "mr", "mrs", "ms", "according", "told", "week",
        "year", "years", "day", "days", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "time",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> EnglishSpans = English.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Prepositions the list above leaves in the vectors (grouping was measured with them there),
    /// which still never name a person's title or the thing a number counts ("said were targets
    /// across Gaza", "30,000 amid the protests").
    /// </summary>
    private static readonly HashSet<string> KeptPrepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "across", "amid", "among", "around", "behind", "beside", "beyond", "despite", "including", "inside", "near", "outside",
        "throughout", "toward", "towards",
    };

    public static bool Contains(string token) => English.Contains(token);

    /// <summary>Whether a word, in any case, is a preposition this list leaves out ("across", "amid").</summary>
    public static bool IsKeptPreposition(string word) => KeptPrepositions.Contains(word);

    public static bool Contains(ReadOnlySpan<char> token) => EnglishSpans.Contains(token);
}
