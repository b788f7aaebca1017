using System.Globalization;
using RdNas.Abstractions.Architectures;
using RdNas.Nas.Runs;

namespace RdNas.Grains.Training;

/// <summary>Records a finished run's subnet accuracies (its <c>subnets.csv</c>) on the subnets' architecture grains.</summary>
internal static class SupernetScoreRecorder
{
    public static Task RecordAsync(IGrainFactory grains, string experimentId, string subnetsCsv, DateTimeOffset finished)
    {
        var rows = subnetsCsv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(','));
        return Task.WhenAll(rows.Select(row => grains.GetGrain<IArchitectureGrain>(ArchitectureKey.Of(Nb201TrainingRun.Space, row[0]))
            .RecordSupernetScoreAsync(new SupernetScore(experimentId, double.Parse(row[1], CultureInfo.InvariantCulture), finished))));
    }
}
