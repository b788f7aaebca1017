namespace RdNas.Integration.Tests;

/// <summary>Polls a condition until it holds or a deadline passes (then fails saying what it waited for).</summary>
internal static class Wait
{
    public static async Task UntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out after {timeout.TotalSeconds:F0} s waiting for {what}");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    public static async Task<T> ForAsync<T>(Func<Task<T>> read, Func<T, bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await read();
            if (condition(value))
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"timed out after {timeout.TotalSeconds:F0} s waiting for {what}; last: {value}");
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }
}
