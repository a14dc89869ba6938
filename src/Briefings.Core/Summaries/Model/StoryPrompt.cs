using OpenAI.Chat;

namespace Briefings.Core.Summaries.Model;

/// <summary>The request for one story: instructions, the numbered passages, and the shape of the answer.</summary>
internal static class StoryPrompt
{
    private const string Instructions = """
        You write one entry of a daily news briefing from numbered source passages about one story.
        Use only what the passages say. Copy every name and number exactly as a passage writes it; add no name, number, date or claim of your own: no first name, title, party or state, year or date the passages do not give, even where you know it.
        Answer with JSON only: {"headline": string, "sentences": [{"text": string, "sources": [passage numbers]}]}.
        - headline: at most 14 words, sentence case, factual, no clickbait.
        - sentences: 3 to 5 sentences, 60 to 100 words in all, neutral, most important first.
        - sources: for each sentence, the numbers of every passage that states what the sentence says, and only those.
        - Do not put passage numbers, brackets or quotation of the passages' headlines in the text.
        - Where passages disagree on a figure, give both figures and cite each passage for its own.
        """;

    private static readonly BinaryData Schema = BinaryData.FromString("""
        {
          "type": "object",
          "properties": {
            "headline": { "type": "string" },
            "sentences": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "text": { "type": "string" },
                  "sources": { "type": "array", "items": { "type": "integer" } }
                },
                "required": ["text", "sources"],
                "additionalProperties": false
              }
            }
          },
          "required": ["headline", "sentences"],
          "additionalProperties": false
        }
        """);

    /// <param name="passages">The story's numbered passages.</param>
    /// <param name="told">What earlier briefings told of a developing story: the summary is to tell what is new.</param>
    public static List<ChatMessage> Messages(StoryPassages passages, IReadOnlyList<string>? told = null) =>
    [
        new SystemChatMessage(Instructions),
        new UserChatMessage($"Passages:\n\n{passages.Render()}\n\n{Told(told)}Write the headline and the summary as JSON."),
    ];

    /// <summary>
    /// The turn that sends an answer back: the model's own answer, then what is wrong with it, so
    /// that it corrects those sentences and keeps the rest.
    /// </summary>
    public static IEnumerable<ChatMessage> Repair(string answer, IEnumerable<string> problems) =>
    [
        new AssistantChatMessage(answer),
        new UserChatMessage(
            "The answer cannot be used as it stands:\n"
            + string.Concat(problems.Select(problem => $"- {problem}\n"))
            + "\nCorrect each of these: rewrite the sentence so that it says only what the passages it cites say, with every name and number copied as a passage writes it, cite the passages that say it, or leave it out."
            + " Keep the other sentences, and 60 to 100 words in all. Answer with the whole JSON again."),
    ];

    private static string Told(IReadOnlyList<string>? told) => told is { Count: > 0 }
        ? $"Earlier briefings already told the reader this about the story:\n{string.Join("\n", told.Select(sentence => $"- {sentence}"))}\n\nTell what is new since then; repeat an earlier fact only where the new ones need it, in one sentence at most.\n\n"
        : "";

    public static ChatCompletionOptions Options(bool structured) => new()
    {
        Temperature = 0.2f,
        MaxOutputTokenCount = 800,
        ResponseFormat = structured
            ? ChatResponseFormat.CreateJsonSchemaFormat("briefing_story", Schema, "A headline and cited summary sentences.", jsonSchemaIsStrict: true)
            : ChatResponseFormat.CreateJsonObjectFormat(),
    };
}
