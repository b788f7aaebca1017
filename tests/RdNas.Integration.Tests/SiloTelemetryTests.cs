using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using RdNas.Abstractions.Experiments;
using RdNas.Client;

namespace RdNas.Integration.Tests;

/// <summary>
/// A silo process trains an experiment and answers architecture queries while Debian's Prometheus scrapes it: the
/// silo's own metrics count what happened, pass <c>promtool check metrics</c>, carry an experiment id only while its
/// run trains, every query of the Grafana dashboards finds series in Prometheus over the test's time range, and every
/// metric the alert rules use is exported — so a renamed metric breaks this test, not a dashboard or an alert nobody
/// looks at.
/// </summary>
public sealed partial class SiloTelemetryTests
{
    private const string Arch = "|nor_conv_3x3~0|+|nor_conv_3x3~0|skip_connect~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|";

    [Fact]
    public async Task Silo_TrainingAndArchitectureQueries_ExportMetricsEveryDashboardQueryFinds()
    {
        var azurite = Azurite.RequireDefault();
        var started = DateTimeOffset.UtcNow.AddSeconds(-1);
        var token = TestContext.Current.CancellationToken;
        var clusterId = $"metrics-{Guid.NewGuid():N}"[..24];
        using var silo = await SiloProcess.StartAsync("metrics-gpu", "gpu", 11431, 30431, 9431, clusterId, azurite);
        using var prometheus = await PrometheusServer.StartAsync(9441, $"127.0.0.1:{silo.MetricsPort}");
        await using var client = await RdNasClient.ConnectAsync(ClusterConnection.Parse($"azure:{clusterId}@{azurite.ConnectionString}"), token);

        var id = $"metrics-{clusterId}";
        // 2 epochs of 8 steps (batch 64), then a search of 3 cells with the trained supernet.
        var spec = new ExperimentSpec(Preset: "smoke", Epochs: 2, TrainImages: 512, Search: new ExperimentSearchSpec(Budget: 3, Population: 3));
        await client.SubmitAsync(spec, id);
        var status = await Wait.ForAsync(() => client.GetStatusAsync(id), s => s.IsFinal, TimeSpan.FromMinutes(4), "the experiment to finish");
        Assert.True(status.Phase == ExperimentPhase.Completed, $"{status.Message}\nsilo log:\n{silo.Log}");
        Assert.Contains("rdnas-silo: training device auto → cpu (libtorch CPU build from ", silo.Log, StringComparison.Ordinal); // a GPU-role silo says where it trains
        var result = await client.GetResultAsync(id);
        await client.GetProxyScoreAsync("nb201", Arch, "flops");
        await client.GetGroundTruthAsync("nb201", Arch, "cifar10_valid");

        using var http = new HttpClient();
        var scrape = await http.GetStringAsync(new Uri($"http://127.0.0.1:{silo.MetricsPort}/metrics"), token);
        var own = string.Join('\n', scrape.Split('\n').Where(line => OwnFamily().IsMatch(line))) + "\n";
        Assert.Equal(16, Sample(own, "rdnas_training_steps_total"));
        Assert.Matches("""rdnas_training_steps_total\{[^}]*device="cpu"[^}]*\} 16""", own); // the device the run resolved
        Assert.Equal("cpu", status.Device);
        Assert.Equal(2, Sample(own, "rdnas_training_epochs_total"));
        Assert.Equal(2, Sample(own, "rdnas_training_epoch_duration_seconds_count"));
        Assert.Equal(2, Sample(own, "rdnas_checkpoint_save_duration_seconds_count"));
        Assert.Equal(status.Subnets, Sample(own, "rdnas_evaluation_subnets_total"));
        Assert.Equal(3, Sample(own, "rdnas_search_cells_total"));
        Assert.Equal(1, Sample(own, "rdnas_ranking_kendall_tau_count"));
        Assert.Equal(result!.Ranking.KendallTau, Sample(own, "rdnas_ranking_kendall_tau_sum"), 9);
        Assert.DoesNotContain("experiment=", own, StringComparison.Ordinal); // the run has ended: no series names it any more
        Assert.Contains("rdnas_experiments_submitted_total{otel_scope_name=\"RdNas\",preset=\"smoke\",sampler=\"spos\"} 1", own, StringComparison.Ordinal);
        Assert.Contains("rdnas_experiments_finished_total{otel_scope_name=\"RdNas\",outcome=\"completed\"} 1", own, StringComparison.Ordinal);
        Assert.Contains("rdnas_training_worker_starts_total{otel_scope_name=\"RdNas\",resumed=\"false\"} 1", own, StringComparison.Ordinal);
        Assert.Contains("rdnas_experiments_waiting{otel_scope_name=\"RdNas\"} 0", own, StringComparison.Ordinal); // it got the silo's one slot at once
        Assert.Contains("rdnas_training_runs{otel_scope_name=\"RdNas\"} 0", own, StringComparison.Ordinal);
        Assert.Contains("rdnas_proxy_duration_seconds_count{otel_scope_name=\"RdNas\",proxy=\"flops\"} 1", own, StringComparison.Ordinal);
        Assert.Contains("rdnas_architecture_queries_total{otel_scope_name=\"RdNas\",kind=\"ground_truth\"} 1", own, StringComparison.Ordinal);
        var rules = File.ReadAllText(Path.Combine(Azurite.RepositoryRoot(), "infra", "prometheus-rules.yml"));
        foreach (var metric in Regex.Matches(rules, "rdnas_[a-z_]+").Select(m => m.Value).Distinct())
        {
            Assert.True(own.Contains(metric + "{", StringComparison.Ordinal), $"infra/prometheus-rules.yml uses {metric}, which the silo does not export:\n{own}");
        }

        var (lint, lintOutput) = await PrometheusServer.PromtoolAsync(own, "check", "metrics");
        Assert.True(lint == 0, $"promtool check metrics:\n{lintOutput}\n{own}");

        // Rates need two samples of a series: wait until Prometheus has scraped the last metric to appear twice.
        await Wait.ForAsync(
            () => prometheus.QueryAsync("count_over_time(rdnas_proxy_duration_seconds_count[1m])"),
            series => series.Count > 0 && double.Parse(series[0].Value, CultureInfo.InvariantCulture) >= 2,
            TimeSpan.FromSeconds(30),
            "Prometheus to scrape the silo twice after the queries");
        var live = await prometheus.QueryRangeAsync($"rdnas_training_loss{{experiment=\"{id}\"}}", started);
        Assert.True(live.Count == 1 && live[0].Samples > 0, $"no live loss series for {id} while it trained\nprometheus log:\n{prometheus.Log}");
        var queries = DashboardQueries();
        Assert.NotEmpty(queries);
        foreach (var (dashboard, panel, promQl) in queries)
        {
            var series = await prometheus.QueryRangeAsync(promQl.Replace("$experiment", ".*", StringComparison.Ordinal), started);
            Assert.True(series.Count > 0, $"{dashboard}: panel '{panel}' finds no series for {promQl}\nprometheus log:\n{prometheus.Log}");
        }
    }

    [Fact]
    public async Task ComposePrometheusConfig_PassesPromtool()
    {
        var (code, output) = await PrometheusServer.PromtoolAsync(null, "check", "config", Path.Combine(Azurite.RepositoryRoot(), "infra", "prometheus.yml"));

        Assert.True(code == 0, output);
    }

    [Fact]
    public async Task AlertRules_PassPromtoolsUnitTests()
    {
        var (code, output) = await PrometheusServer.PromtoolAsync(null, "test", "rules", Path.Combine(Azurite.RepositoryRoot(), "infra", "prometheus-rules.test.yml"));

        Assert.True(code == 0, output);
        Assert.Contains("SUCCESS", output, StringComparison.Ordinal);
    }

    /// <summary>The value of <paramref name="name"/>'s series for the experiment's configuration (spos, smoke).</summary>
    private static double Sample(string exposition, string name)
    {
        var line = exposition.Split('\n').SingleOrDefault(l => l.StartsWith(name + "{", StringComparison.Ordinal)
            && l.Contains("preset=\"smoke\"", StringComparison.Ordinal) && l.Contains("sampler=\"spos\"", StringComparison.Ordinal));
        Assert.True(line is not null, $"no {name} series for spos/smoke in:\n{exposition}");
        return double.Parse(line![(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
    }

    /// <summary>Every PromQL query of the dashboards in grafana/dashboards: panel targets and the variables' metrics.</summary>
    private static List<(string Dashboard, string Panel, string PromQl)> DashboardQueries()
    {
        var queries = new List<(string, string, string)>();
        foreach (var file in Directory.GetFiles(Path.Combine(Azurite.RepositoryRoot(), "grafana", "dashboards"), "*.json"))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            var name = Path.GetFileName(file);
            foreach (var panel in json.RootElement.GetProperty("panels").EnumerateArray().Where(p => p.TryGetProperty("targets", out _)))
            {
                queries.AddRange(panel.GetProperty("targets").EnumerateArray().Select(t => (name, panel.GetProperty("title").GetString()!, t.GetProperty("expr").GetString()!)));
            }

            foreach (var variable in json.RootElement.GetProperty("templating").GetProperty("list").EnumerateArray())
            {
                var metric = LabelValuesMetric().Match(variable.GetProperty("definition").GetString()!);
                Assert.True(metric.Success, $"{name}: variable {variable.GetProperty("name")} is not a label_values query");
                queries.Add((name, $"variable {variable.GetProperty("name")}", metric.Groups[1].Value));
            }
        }

        return queries;
    }

    [GeneratedRegex("^(# (HELP|TYPE) )?rdnas_")]
    private static partial Regex OwnFamily();

    [GeneratedRegex(@"^label_values\((\w+),")]
    private static partial Regex LabelValuesMetric();
}
