using System.Globalization;

namespace Briefings.Core.Storage;

/// <summary>
/// Rules every blob name obeys in both stores, so a name can never leave its container or folder.
/// </summary>
public static class BlobNames
{
    public const int MaxLength = 1024;

    /// <summary>Returns null when the name is acceptable, otherwise the reason it is not.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "the name is empty";
        }

        if (name.Length > MaxLength)
        {
            return $"the name is longer than {MaxLength} characters";
        }

        if (name.StartsWith('/') || name.EndsWith('/') || name.Contains('\\') || name.Contains("//", StringComparison.Ordinal))
        {
            return "the name has a leading, trailing or doubled separator or a backslash";
        }

        foreach (var ch in name)
        {
            var category = char.GetUnicodeCategory(ch);
            if (char.IsControl(ch) || category is UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
            {
                return "the name contains control or invisible characters";
            }
        }

        foreach (var segment in name.Split('/'))
        {
            if (segment is "." or ".." || segment.StartsWith('.'))
            {
                return "a path segment is '.' or '..' or starts with '.'";
            }
        }

        return null;
    }

    /// <summary>
    /// A folder named for something outside the app's control (a model, a deployment): its name made
    /// safe for a blob name, and distinct names kept distinct by a hash of the whole.
    /// </summary>
    public static string FolderFor(string label)
    {
        // A dot may not open a segment ("..", ".hidden"): a leading one becomes a dash.
        var safe = new string(label.Select((c, i) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' || c == '.' && i > 0 ? c : '-').Take(48).ToArray());
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(label)).AsSpan(0, 4));
        return $"{safe}-{hash}";
    }

    /// <summary>Throws <see cref="ArgumentException"/> when the name breaks a rule.</summary>
    public static string Validate(string? name)
    {
        var problem = Problem(name);
        return problem is null ? name! : throw new ArgumentException($"Invalid blob name: {problem}.", nameof(name));
    }

    /// <summary>Validates a container name (lowercase letters, digits and dashes, 3 to 63 characters).</summary>
    public static string ValidateContainer(string container)
    {
        if (container.Length is < 3 or > 63 || !container.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') || container.StartsWith('-'))
        {
            throw new ArgumentException($"Invalid container name '{container}'.", nameof(container));
        }

        return container;
    }
}
