using System.Globalization;
using System.Text;
using RdNas.Cli.Output;
using RdNas.Nas.Data;
using RdNas.Nas.GroundTruth;
using RdNas.Nas.Proxies;

namespace RdNas.Cli.Commands.Proxies;

/// <summary>
/// <c>rdnas proxies score --space resnet48</c>: scores Track 1 architectures with the data-free proxies on their own
/// networks, writes <c>name,arch,&lt;column&gt;…</c> (a proxy, or an ensemble's mean rank over the scored architectures),
/// journals as it goes (a stopped run continues), checks each column against the 30 stand-alone accuracies among the
/// scored architectures and, when asked, writes a Track 1 submission of one column.
/// </summary>
internal static class ResNet48ProxyScoring
{
    /// <summary>The proxy columns of <paramref name="names"/> that resnet48 can score; errors say why one cannot.</summary>
    public static IReadOnlyList<ProxyColumn> ParseColumns(string names) => ProxyColumn.ParseList(names, ResNet48ProxyScorer.CheckName);

    public static async Task<int> RunAsync(
        CliConsole console, IReadOnlyList<ProxyColumn> columns, int side, long seed, string selection, int workers, string? dataFolder, string output, string? submission,
        CancellationToken cancellationToken)
    {
        if (submission is not null && (columns.Count != 1 || selection != "all"))
        {
            throw new ArgumentException("--submission ranks all 45,000 Track 1 test architectures by one column: give --archs all and one --proxy (a proxy or an ensemble)");
        }

        var scorer = new ResNet48ProxyScorer([.. ProxyColumn.ProxiesOf(columns).Select(p => p.Name)], side, seed);
        var data = DataDirectory.Resolve(dataFolder);
        var architectures = Track1Selection.Resolve(selection, data);
        var genotypes = architectures.Select(a => a.Genotype).ToList();
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var at = scorer.BuildsNetworks ? $" at {scorer.Side}×{scorer.Side}" : string.Empty;
        using var journal = new KeyedScoreJournal(output + ".partial", scorer.Signature, scorer.Proxies.Count);
        var scores = await ProxyProgressView.RunAsync(
            console,
            $"{genotypes.Count} resnet48 architectures{at}",
            genotypes.Count,
            workers,
            journal,
            done => ParallelProxyScoring.Score(scorer.Score, genotypes, workers, done, journal, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        var byProxy = scorer.Proxies.Select((proxy, p) => (proxy, Scores: scores.Select(row => row[p]).ToArray())).ToDictionary(c => c.proxy, c => c.Scores);
        var values = columns.Select(column => column.Values(byProxy)).ToList();
        var names = columns.Select(c => c.Name).ToList();
        var csv = new StringBuilder("name,arch,").AppendJoin(',', names).Append('\n');
        for (var i = 0; i < architectures.Count; i++)
        {
            csv.Append(architectures[i].Name).Append(',').Append(architectures[i].Genotype.Code);
            foreach (var column in values)
            {
                csv.Append(',').Append(column[i].ToString("R", CultureInfo.InvariantCulture));
            }

            csv.Append('\n');
        }

        AtomicFile.WriteAllText(output, csv.ToString());
        journal.Complete();
        console.Line(string.Create(CultureInfo.InvariantCulture,
            $"scored {genotypes.Count} resnet48 architectures with {string.Join(", ", names)}{at} in {stopwatch.Elapsed.TotalSeconds:F1} s on {workers} workers → {output}"));
        if (submission is not null)
        {
            Track1Submission.Write(submission, architectures, values[0]);
            console.Line($"Track 1 submission ({names[0]} as acc) → {submission}");
        }

        // A file may list a code twice; its rows are scored alike (same seed), so the check takes the first.
        var rows = Enumerable.Range(0, genotypes.Count).Select(i => (Genotype: genotypes[i], Values: values.Select(v => v[i]).ToArray()));
        StandaloneCheck.Print(console, data, names, rows.DistinctBy(row => row.Genotype).ToDictionary(row => row.Genotype, row => row.Values));
        return ExitCodes.Success;
    }
}
