using System.CommandLine;
using Briefings.Core.Subscribers;

namespace Briefings.Local.Commands;

/// <summary><c>briefings subscribers list|add|remove</c>: the operator's view of the subscriber store.</summary>
public static class SubscribersCommand
{
    public static Command Create()
    {
        var command = new Command("subscribers", "List, add (already confirmed) or remove subscribers.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Add());
        command.Subcommands.Add(Remove());
        return command;
    }

    private static Command List()
    {
        var state = new Option<SubscriberState?>("--state") { Description = "Only subscribers in this state: pending, confirmed, unsubscribed or suppressed." };
        var command = new Command("list", "List subscribers with their state.") { BriefingsCommands.Data, BriefingsCommands.Storage, state };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var app = CommandHost.Open(parse);
            var wanted = parse.GetValue(state);
            var output = parse.InvocationConfiguration.Output;
            var counts = new Dictionary<SubscriberState, int>();
            await ((StoredSubscriberDirectory)app.Services.GetRequiredService<ISubscriberDirectory>()).SeedConfiguredAsync(cancellationToken);
            await foreach (var record in app.Services.GetRequiredService<SubscriberStore>().ListAsync(cancellationToken))
            {
                counts[record.State] = counts.GetValueOrDefault(record.State) + 1;
                if (wanted is null || record.State == wanted)
                {
                    output.WriteLine($"{record.Id}  {record.State.ToString().ToLowerInvariant(),-12}  {record.Email}  since {record.UpdatedAt:yyyy-MM-dd HH:mm}{(record.Reason is null ? "" : $"  ({record.Reason})")}");
                }
            }

            output.WriteLine($"{counts.Values.Sum()} subscriber(s): " + string.Join(", ", Enum.GetValues<SubscriberState>().Select(s => $"{counts.GetValueOrDefault(s)} {s.ToString().ToLowerInvariant()}")));
            return 0;
        });
        return command;
    }

    private static Command Add()
    {
        var emails = new Argument<string[]>("email") { Description = "Addresses to add as confirmed.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("add", "Add subscribers as already confirmed (no confirmation email is sent).") { BriefingsCommands.Data, BriefingsCommands.Storage, emails };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var app = CommandHost.Open(parse);
            var subscriptions = app.Services.GetRequiredService<SubscriptionService>();
            var exit = 0;
            foreach (var text in parse.GetValue(emails) ?? [])
            {
                if (!EmailAddresses.TryNormalize(text, out var email))
                {
                    parse.InvocationConfiguration.Error.WriteLine($"'{text}' is not an email address; skipped.");
                    exit = 1;
                    continue;
                }

                var record = await subscriptions.AddConfirmedAsync(email, "operator", cancellationToken);
                parse.InvocationConfiguration.Output.WriteLine($"{record.Id}  confirmed     {record.Email}");
            }

            return exit;
        });
        return command;
    }

    private static Command Remove()
    {
        var who = new Argument<string[]>("subscriber") { Description = "Addresses or subscriber ids.", Arity = ArgumentArity.OneOrMore };
        var erase = new Option<bool>("--erase") { Description = "Delete the record instead of marking it unsubscribed (a configured address is then added again)." };
        var command = new Command("remove", "Unsubscribe subscribers (or erase them with --erase).") { BriefingsCommands.Data, BriefingsCommands.Storage, who, erase };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var app = CommandHost.Open(parse);
            var subscriptions = app.Services.GetRequiredService<SubscriptionService>();
            var store = app.Services.GetRequiredService<SubscriberStore>();
            var exit = 0;
            foreach (var text in parse.GetValue(who) ?? [])
            {
                var id = Subscriber.IsId(text) ? text : Subscriber.IdOf(EmailAddresses.Normalize(text));
                var done = parse.GetValue(erase)
                    ? await store.DeleteAsync(id, cancellationToken)
                    : await subscriptions.RemoveAsync(id, cancellationToken);
                if (done)
                {
                    parse.InvocationConfiguration.Output.WriteLine($"{id}  {(parse.GetValue(erase) ? "erased" : "unsubscribed")}  {text}");
                }
                else
                {
                    parse.InvocationConfiguration.Error.WriteLine($"No subscriber '{text}'.");
                    exit = 1;
                }
            }

            return exit;
        });
        return command;
    }
}
