using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace RdNas.Integration.Tests;

/// <summary>
/// Debian's Prometheus (the <c>prometheus</c> package, which .ci/run installs) as a child process on 127.0.0.1, with its
/// own data folder, scraping the given targets every second; and its <c>promtool</c>.
/// </summary>
internal sealed class PrometheusServer : IDisposable
{
    private const string HowToInstall = "install Debian's Prometheus first: apt-get install --no-install-recommends prometheus (.ci/run does this)";

    private readonly LoggedProcess _process;
    private readonly HttpClient _http;

    private PrometheusServer(LoggedProcess process, int port)
    {
        _process = process;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
    }

    public string Log => _process.Log;

    /// <summary>The path of a Prometheus tool (<c>prometheus</c>, <c>promtool</c>); a failure saying how to install it.</summary>
    public static string Require(string tool)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':')
            .Select(folder => Path.Combine(folder, tool))
            .FirstOrDefault(File.Exists);
        Assert.True(path is not null, $"{tool} is not installed: {HowToInstall}");
        return path!;
    }

    public static async Task<PrometheusServer> StartAsync(int port, params string[] targets)
    {
        var folder = Directory.CreateTempSubdirectory("rdnas-prometheus").FullName;
        var config = Path.Combine(folder, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
            scrape_configs:
              - job_name: rdnas-silo
                static_configs:
                  - targets: [{string.Join(", ", targets.Select(t => $"'{t}'"))}]
            """);
        var start = new ProcessStartInfo(Require("prometheus"));
        foreach (var argument in new[] { $"--config.file={config}", $"--storage.tsdb.path={Path.Combine(folder, "data")}", $"--web.listen-address=127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(argument);
        }

        var server = new PrometheusServer(new LoggedProcess(start), port);
        await Wait.UntilAsync(() => server._process.HasExited || Azurite.Listening(port), TimeSpan.FromSeconds(60), "Prometheus to listen");
        Assert.False(server._process.HasExited, $"prometheus exited at start:\n{server.Log}");
        return server;
    }

    /// <summary>Evaluates an instant PromQL query; fails on an error, returns the result series' labels and values.</summary>
    public async Task<IReadOnlyList<(JsonElement Metric, string Value)>> QueryAsync(string promQl)
    {
        using var response = await _http.GetAsync(new Uri($"api/v1/query?query={Uri.EscapeDataString(promQl)}", UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode && body.GetProperty("status").GetString() == "success", $"query {promQl} failed: {body}");
        return [.. body.GetProperty("data").GetProperty("result").EnumerateArray().Select(series => (series.GetProperty("metric"), series.GetProperty("value")[1].GetString()!))];
    }

    /// <summary>
    /// Evaluates a range PromQL query from <paramref name="start"/> to now at 1-second steps, as a Grafana time-series
    /// panel does; fails on an error, returns the result series' labels and number of samples.
    /// </summary>
    public async Task<IReadOnlyList<(JsonElement Metric, int Samples)>> QueryRangeAsync(string promQl, DateTimeOffset start)
    {
        var query = $"api/v1/query_range?query={Uri.EscapeDataString(promQl)}&start={start.ToUnixTimeSeconds()}&end={DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1}&step=1";
        using var response = await _http.GetAsync(new Uri(query, UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode && body.GetProperty("status").GetString() == "success", $"range query {promQl} failed: {body}");
        return [.. body.GetProperty("data").GetProperty("result").EnumerateArray().Select(series => (series.GetProperty("metric"), series.GetProperty("values").GetArrayLength()))];
    }

    /// <summary>Runs <c>promtool ARGS</c> with <paramref name="input"/> on its standard input; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> PromtoolAsync(string? input, params string[] args)
    {
        var start = new ProcessStartInfo(Require("promtool"))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start promtool");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(input ?? string.Empty);
        process.StandardInput.Close();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await error);
    }

    public void Dispose()
    {
        _http.Dispose();
        _process.Dispose();
    }
}
