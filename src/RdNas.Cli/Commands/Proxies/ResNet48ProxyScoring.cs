using System.Globalization;
using System.Text;
using RdNas.Cli.Output;
using RdNas.Nas.Data;
using RdNas.Nas.GroundTruth;
using RdNas.Nas.Proxies;

namespace RdNas.Cli.Commands.Proxies;

/// <summary>
/// <c>rdnas proxies score --space resnet48</c>: scores Track 1 architectures with the data-free proxies on their own
/// networks, writes <c>name,arch,&lt;proxy&gt;…</c>, journals as it goes (a stopped run continues), and checks each
/// proxy against the 30 stand-alone accuracies among the scored architectures.
/// </summary>
internal static class ResNet48ProxyScoring
{
    public static async Task<int> RunAsync(CliConsole console, ResNet48ProxyScorer scorer, string selection, int workers, string? dataFolder, string output, CancellationToken cancellationToken)
    {
        var data = DataDirectory.Resolve(dataFolder);
        var architectures = Track1Selection.Resolve(selection, data);
        var genotypes = architectures.Select(a => a.Genotype).ToList();
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        using var journal = new ProxyScoreJournal(output + ".partial", scorer.Signature, scorer.Proxies.Count);
        var scores = await ProxyProgressView.RunAsync(
            console,
            $"{genotypes.Count} resnet48 architectures at {scorer.Side}×{scorer.Side}",
            genotypes.Count,
            workers,
            journal,
            done => ParallelProxyScoring.Score(scorer.Score, genotypes, workers, done, journal, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        var csv = new StringBuilder("name,arch,").AppendJoin(',', scorer.Proxies).Append('\n');
        for (var i = 0; i < architectures.Count; i++)
        {
            csv.Append(architectures[i].Name).Append(',').Append(architectures[i].Genotype.Code);
            foreach (var score in scores[i])
            {
                csv.Append(',').Append(score.ToString("R", CultureInfo.InvariantCulture));
            }

            csv.Append('\n');
        }

        AtomicFile.WriteAllText(output, csv.ToString());
        journal.Complete();
        console.Line(string.Create(CultureInfo.InvariantCulture,
            $"scored {genotypes.Count} resnet48 architectures with {string.Join(", ", scorer.Proxies)} at {scorer.Side}×{scorer.Side} in {stopwatch.Elapsed.TotalSeconds:F1} s on {workers} workers → {output}"));
        // A file may list a code twice; its rows are scored alike (same seed), so the check takes the first.
        StandaloneCheck.Print(console, data, scorer.Proxies, genotypes.Zip(scores).DistinctBy(row => row.First).ToDictionary(row => row.First, row => row.Second));
        return ExitCodes.Success;
    }
}
