using System.CommandLine;
using Briefings.Local.Commands;

// The runner: the same handlers as the Functions app, hosted without the Functions host.
//   briefings demo     ingest the seeds, build today's briefing, email it, serve it
//   briefings serve    watch the inbox, run the daily schedule, serve HTTP
//   briefings ingest   ingest files or whatever waits in the inbox
//   briefings digest   build a digest from a JSONL file or folder, no storage
//   briefings eval     build a digest from labelled articles and score it
//   briefings send     send (or resume sending) a day's briefing
//   briefings report   who got a day's briefing, who did not, and why
//   briefings subscribers list|add|remove
// An operator's mistake (a setting, a file, an unreachable store) is told in a line, not a stack
// trace; anything else is a fault, and is printed whole.
try
{
    return await BriefingsCommands.Create().Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (OperationCanceledException)
{
    return 130;
}
catch (Exception e)
{
    Console.Error.WriteLine(OperatorErrors.Explain(e) is { } reason ? $"briefings: {reason}" : e.ToString());
    return 1;
}
