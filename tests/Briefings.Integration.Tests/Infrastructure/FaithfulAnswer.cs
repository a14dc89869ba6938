using Briefings.Core.Text;

namespace Briefings.Integration.Tests.Infrastructure;

/// <summary>Answers the fake model gives to a story's request.</summary>
public static class FaithfulAnswer
{
    /// <summary>
    /// What a faithful model would answer: sentences of the passages copied verbatim, each citing
    /// its passage, the leads of every passage first, up to about 60 words; the headline is the
    /// first sentence's opening words.
    /// </summary>
    public static Answer For(RecordedRequest request)
    {
        var bodies = request.Passages().OrderBy(p => p.Key)
            .Select(p => (Number: p.Key, Sentences: p.Value.Split('\n').Skip(1).SelectMany(Sentences.Split).Where(s => Words.Count(s) >= 8).ToList()))
            .ToList();
        var sentences = new List<AnswerSentence>();
        var words = 0;
        for (var rank = 0; words < 60 && bodies.Any(b => rank < b.Sentences.Count); rank++)
        {
            foreach (var (number, candidates) in bodies.Where(b => rank < b.Sentences.Count))
            {
                var sentence = candidates[rank];
                if (words < 60 && words + Words.Count(sentence) <= 100)
                {
                    sentences.Add(new AnswerSentence(sentence, [number]));
                    words += Words.Count(sentence);
                }
            }
        }

        var headline = string.Join(' ', sentences[0].text.Split(' ').Take(9)).TrimEnd(',', ';', ':');
        return new Answer(headline, sentences);
    }
}

// Lower-case names: the JSON the model writes.
#pragma warning disable IDE1006, SA1300
public sealed record Answer(string headline, List<AnswerSentence> sentences);

public sealed record AnswerSentence(string text, int[] sources);
#pragma warning restore IDE1006, SA1300
