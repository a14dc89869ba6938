namespace Briefings.Core.Summaries;

/// <summary>The shape of a story summary.</summary>
public sealed record SummaryOptions
{
    public int MinSentences { get; init; } = 2;

    public int MaxSentences { get; init; } = 5;

    /// <summary>A summary shorter than this is written only when no combination of sentences reaches it.</summary>
    public int MinWords { get; init; } = 60;

    /// <summary>A sentence that would take the summary past this is left out.</summary>
    public int MaxWords { get; init; } = 100;

    /// <summary>
    /// The lead of an article: sentences that begin within its first this many words. Only they
    /// are summary candidates and only they (and the title) make up the story's consensus, since
    /// news puts what matters first and a long article's later sentences mostly add detail.
    /// A story whose leads hold fewer than <see cref="MinWords"/> words in all also draws on the
    /// sentences that follow them, up to <see cref="MaxWords"/> words further on.
    /// </summary>
    public int LeadWords { get; init; } = 120;

    /// <summary>
    /// A summary word or word pair counts towards the consensus up to this many times as often as
    /// an average article of the story uses it. An article mentions the story's main actors and
    /// its event about once each, where a summary drawn from several articles names them again
    /// from sentence to sentence; a limit of exactly one article's count treats the second
    /// mention as waste and pushes the summary towards words only one outlet uses.
    /// </summary>
    public double ClipScale { get; init; } = 4.0 / 3;

    /// <summary>
    /// A story's summary, quotes and figures are written from its this many most central
    /// articles, and each of them is compared with every article of the story for copies (the
    /// others with their nearest only). What most of a story of hundreds of reports say, its ten
    /// most central say too: the labelled stories have two or three reports, and their summaries
    /// draw on a consensus of that many. Reading 20 instead cost a 10,000-article day 0.3 s more.
    /// </summary>
    public int ArticlesRead { get; init; } = 10;

    /// <summary>Only this many candidates, the best on their own, are combined: it bounds the search.</summary>
    public int SearchPool { get; init; } = 12;

    /// <summary>Another article is cited for a sentence when one of its sentences holds this share of the sentence's content words.</summary>
    public double CitationOverlap { get; init; } = 0.6;

    /// <summary>
    /// Two sentences that give the same figure tell one fact when the shorter shares this much of
    /// its content words with the other; a summary tells each fact once while it has sentences enough.
    /// </summary>
    public double SameFactOverlap { get; init; } = 0.4;

    /// <summary>The same, for an article already known to be a copy of the sentence's report (its wording differs more).</summary>
    public double CopyCitationOverlap { get; init; } = 0.4;

    /// <summary>
    /// A developing story's summary tells what is new: a sentence this share of whose content
    /// stems (<c>TextFacts.ContentStems</c>: plural "s" dropped, six letters) an earlier digest's
    /// sentence, quote or figure's sentence of the story holds is used only when the story has too few others (the
    /// share <see cref="CitationOverlap"/> takes for one fact told twice).
    /// </summary>
    public double ToldOverlap { get; init; } = DefaultToldOverlap;

    /// <summary>The default of <see cref="ToldOverlap"/>, which the checks of a model's answer use too.</summary>
    public const double DefaultToldOverlap = 0.6;
}
