namespace Briefings.Core.Subscribers.Tokens;

/// <summary>What a token lets its holder do; signed into the token, so one cannot stand in for the other.</summary>
public enum SubscriptionAction : byte
{
    Confirm = 1,
    Unsubscribe = 2,
}

/// <summary>Why a token was refused.</summary>
public enum TokenProblem
{
    /// <summary>Not a token this app issued: malformed, truncated or tampered with.</summary>
    Invalid,

    Expired,

    /// <summary>A genuine token for the other action.</summary>
    WrongAction,
}

/// <summary>The outcome of checking a token: the subscriber it names, or the problem.</summary>
public sealed record TokenCheck(string? SubscriberId, TokenProblem? Problem)
{
    public bool IsValid => Problem is null;

    public static TokenCheck Valid(string subscriberId) => new(subscriberId, null);

    public static TokenCheck Refused(TokenProblem problem) => new(null, problem);
}
