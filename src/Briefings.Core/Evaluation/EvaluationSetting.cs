namespace Briefings.Core.Evaluation;

/// <summary>The two settings a labelled set is measured in.</summary>
public enum EvaluationSetting
{
    /// <summary>Articles keep their publication times.</summary>
    PublicationDates,

    /// <summary>Every article is moved to one moment: a busy day with nothing but content to go on.</summary>
    OneDay,
}
