using Briefings.Core;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// The Functions host in Azure: the same handlers as the runner, one thin class per trigger.
var builder = FunctionsApplication.CreateBuilder(args);

builder.ConfigureFunctionsWebApplication();

builder.Services
    .AddApplicationInsightsTelemetryWorkerService()
    .ConfigureFunctionsApplicationInsights();

// The Application Insights SDK adds a rule that keeps only warnings from the worker; without it the
// worker's own configuration decides (the Logging section: app settings Logging__LogLevel__*), as in
// the runner. host.json's logLevel governs only the host process's logs.
const string applicationInsightsProvider = "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider";
builder.Logging.Services.Configure<LoggerFilterOptions>(options =>
    options.Rules.Where(rule => rule.ProviderName == applicationInsightsProvider).ToList().ForEach(rule => options.Rules.Remove(rule)));

builder.Services.AddBriefings();

builder.Build().Run();
