namespace CommonThread.Bench;

/// <summary>
/// CPU seconds spent so far by a process, and by every PostgreSQL server process, read from /proc:
/// on a machine the load generator shares, throughput alone does not say where the cores went.
/// Zero where /proc is not there.
/// </summary>
public static class CpuTime
{
    private const double TicksPerSecond = 100; // USER_HZ, fixed at 100 on Linux

    public static double OfProcess(int processId) => Read($"/proc/{processId}/stat");

    public static double OfPostgres() =>
        Directory.Exists("/proc")
            ? Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _))
                .Where(d => File.Exists(Path.Combine(d, "comm")) && TryText(Path.Combine(d, "comm")).Trim() is "postgres")
                .Sum(d => Read(Path.Combine(d, "stat")))
            : 0;

    private static double Read(string statPath)
    {
        var stat = TryText(statPath);
        // Fields after the command name, which is in parentheses and may contain spaces: utime and stime are the 12th and 13th.
        var afterName = stat.LastIndexOf(')');
        if (afterName < 0)
        {
            return 0;
        }

        var fields = stat[(afterName + 2)..].Split(' ');
        return fields.Length > 12 ? (long.Parse(fields[11]) + long.Parse(fields[12])) / TicksPerSecond : 0;
    }

    private static string TryText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }
}
