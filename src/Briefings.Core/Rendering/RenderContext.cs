using System.Collections.Concurrent;
using Scriban;
using Scriban.Runtime;
using Scriban.Runtime.Accessors;

namespace Briefings.Core.Rendering;

/// <summary>
/// A Scriban context whose accessors for .NET objects (the view records) are built once per type
/// for the process, instead of once per rendering by reflection over the type's members.
/// </summary>
internal sealed class RenderContext(ScriptObject builtins) : TemplateContext(builtins)
{
    // An accessor depends on the type and on the context's member renamer, filter and key comparer,
    // which every rendering leaves at Scriban's defaults, so one per type serves every context.
    private static readonly ConcurrentDictionary<Type, IObjectAccessor> Accessors = new();

    protected override IObjectAccessor? GetMemberAccessorImpl(object target)
    {
        var type = target.GetType();
        if (!Accessors.TryGetValue(type, out var accessor))
        {
            accessor = base.GetMemberAccessorImpl(target) ?? NullAccessor.Default;
            Accessors.TryAdd(type, accessor);
        }

        return accessor;
    }
}
