using System.Diagnostics;

namespace CommonThread.Web.Platform.Jobs;

/// <summary>
/// This process, as the owner of the jobs it claims: "machine/process id/random", made at start. A job
/// claimed by a process of this machine that no longer runs was abandoned (a kill -9, a crash), so it
/// can be taken again at once instead of waiting for its lease to run out.
/// </summary>
public sealed class JobNode(string? id = null)
{
    /// <summary>This process's id, or one given (a spec standing in for a node of another machine).</summary>
    public string Id { get; } = id ?? $"{Environment.MachineName}/{Environment.ProcessId}/{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4))}";

    /// <summary>True only when the owner is known to be gone; an owner on another machine, or unreadable, is left to its lease.</summary>
    public bool IsGone(string? owner)
    {
        var parts = owner?.Split('/');
        if (parts is not { Length: 3 } || parts[0] != Environment.MachineName || !int.TryParse(parts[1], out var pid) || owner == Id)
        {
            return false;
        }

        if (pid == Environment.ProcessId)
        {
            // This process id with another random part: a process before this one (a container restarted
            // with its old process id) — unless several apps share this process, as tests do; those each
            // keep their own database, so they never see each other's jobs.
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }
}
