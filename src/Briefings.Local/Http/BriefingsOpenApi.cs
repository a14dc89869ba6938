using System.Text.Json.Serialization;
using Briefings.Core.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Briefings.Local.Http;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c>: the API routes, with the admin key declared.</summary>
public static class BriefingsOpenApi
{
    private const string SchemeId = "functionKey";

    public static IServiceCollection AddBriefingsOpenApi(this IServiceCollection services)
    {
        // Schemas and responses follow the same source-generated contract the handlers write.
        // Numbers are numbers: the web defaults would also read them from strings, and the schemas
        // would say "integer or string" for what the API only ever writes as integers.
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, BriefingsJsonContext.Default);
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        return services.AddOpenApi(options =>
        {
            // The contract leaves out a property whose value is null (WhenWritingNull), so a
            // property that may be null is not required: a story's article without an outlet has
            // no "source", a figure no one gave has no "speaker".
            options.AddSchemaTransformer((schema, context, _) =>
            {
                if (schema.Required is { Count: > 0 } required && context.JsonPropertyInfo is null)
                {
                    foreach (var property in context.JsonTypeInfo.Properties.Where(p => p.IsGetNullable))
                    {
                        required.Remove(property.Name);
                    }
                }

                return Task.CompletedTask;
            });
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Briefings";
                document.Info.Description = "The daily news briefing: read a day, the archive, a story or the Atom feed; admin routes build a day or upload an article.";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[SchemeId] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = AdminKey.Header,
                    Description = "A function key in Azure; the runner's Briefings:AdminKey locally.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                if (context.Description.ActionDescriptor.EndpointMetadata.OfType<BriefingsEndpoints.UploadBody>().FirstOrDefault() is { } upload)
                {
                    operation.RequestBody = new OpenApiRequestBody
                    {
                        Required = true,
                        Description = "The article: text, Markdown, HTML or a JSON envelope; anything else is kept in the inbox and poisoned with its reason.",
                        Content = upload.ContentTypes.ToDictionary(t => t, _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } }),
                    };
                }

                if (context.Description.ActionDescriptor.EndpointMetadata.OfType<AdminKeyRequired>().Any())
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeId, context.Document)] = [] });
                }

                return Task.CompletedTask;
            });
        });
    }
}
