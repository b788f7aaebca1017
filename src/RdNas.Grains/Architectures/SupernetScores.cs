using System.Globalization;
using RdNas.Abstractions.Architectures;
using RdNas.Nas.Runs;

namespace RdNas.Grains.Architectures;

/// <summary>
/// A finished run's subnet accuracies (its <c>subnets.csv</c>) on the subnets' architecture grains: recorded when the
/// experiment completes, forgotten when it is deleted.
/// </summary>
internal static class SupernetScores
{
    public static Task RecordAsync(IGrainFactory grains, string experimentId, string subnetsCsv, DateTimeOffset finished) =>
        Task.WhenAll(Rows(subnetsCsv).Select(row => Grain(grains, row[0])
            .RecordSupernetScoreAsync(new SupernetScore(experimentId, double.Parse(row[1], CultureInfo.InvariantCulture), finished))));

    public static Task ForgetAsync(IGrainFactory grains, string experimentId, string subnetsCsv) =>
        Task.WhenAll(Rows(subnetsCsv).Select(row => Grain(grains, row[0]).ForgetSupernetScoreAsync(experimentId)));

    private static IEnumerable<string[]> Rows(string subnetsCsv) =>
        subnetsCsv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(','));

    private static IArchitectureGrain Grain(IGrainFactory grains, string arch) =>
        grains.GetGrain<IArchitectureGrain>(ArchitectureKey.Of(Nb201TrainingRun.Space, arch));
}
