using System.Text.Json.Serialization;

namespace Briefings.Core.Summaries.Model;

/// <summary>What the model is asked to return: a headline and sentences, each with the passage numbers it relies on.</summary>
public sealed record ModelAnswer(string? Headline, IReadOnlyList<ModelSentence>? Sentences);

/// <summary>One sentence of the model's summary and the numbers of the passages it cites.</summary>
public sealed record ModelSentence(
    string? Text,
    [property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] IReadOnlyList<int>? Sources);
