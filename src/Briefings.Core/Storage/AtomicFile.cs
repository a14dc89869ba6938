using System.Runtime.InteropServices;

namespace Briefings.Core.Storage;

/// <summary>
/// Puts a finished file in place of another so that a reader sees either the old file or the new
/// one, never a missing or half-written file.
/// </summary>
/// <remarks>
/// A rename over an existing file is atomic, but ext4 (with its default <c>auto_da_alloc</c>)
/// flushes the new file's data before such a rename returns: about 290 replacements a second on
/// this project's development disk, against 8,900 renames to a new name. On Linux the replacement
/// is therefore an exchange (<c>renameat2</c> with <c>RENAME_EXCHANGE</c>, equally atomic, no
/// flush: 5,100 a second) followed by deleting the old file under its temporary name. Where the
/// exchange is not available the ordinary rename is used.
/// </remarks>
public static partial class AtomicFile
{
    private const int CurrentDirectory = -100;
    private const uint RenameExchange = 2;
    private const int Enoent = 2;
    private const int Einval = 22;
    private const int Enosys = 38;
    private const int Eopnotsupp = 95;
    private static volatile bool s_exchangeUnavailable = !OperatingSystem.IsLinux();

    /// <summary>Moves <paramref name="source"/> to <paramref name="destination"/>, replacing it if it exists.</summary>
    public static void Replace(string source, string destination)
    {
        if (!s_exchangeUnavailable && File.Exists(destination))
        {
            if (renameat2(CurrentDirectory, source, CurrentDirectory, destination, RenameExchange) == 0)
            {
                File.Delete(source);
                return;
            }

            var error = Marshal.GetLastPInvokeError();
            // ENOENT: the destination went away since the check; the plain rename below handles it.
            // EINVAL, ENOSYS, EOPNOTSUPP: no exchange on this kernel or file system.
            if (error is not Enoent)
            {
                s_exchangeUnavailable = error is Einval or Enosys or Eopnotsupp;
                if (!s_exchangeUnavailable)
                {
                    throw new IOException($"Replacing {destination} failed (errno {error}).");
                }
            }
        }

        File.Move(source, destination, overwrite: true);
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int renameat2(int oldDirectory, string oldPath, int newDirectory, string newPath, uint flags);
}
