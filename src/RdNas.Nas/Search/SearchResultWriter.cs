using System.Globalization;
using System.Text;
using System.Text.Json;
using RdNas.Nas.Data;
using RdNas.Nas.GroundTruth;
using RdNas.Nas.Runs;

namespace RdNas.Nas.Search;

/// <summary>Writes a finished search: <c>search.json</c> and the per-evaluation <c>search_trace.csv</c>.</summary>
public static class SearchResultWriter
{
    /// <summary>The summary's file name.</summary>
    public const string ResultFile = "search.json";

    /// <summary>The trace's file name: every scored cell in order, with the incumbent after it.</summary>
    public const string TraceFile = "search_trace.csv";

    /// <summary>Writes both files into <paramref name="directory"/>, each replaced whole.</summary>
    public static void Write(string directory, SearchResult result, SearchTrace trace, Nb201GroundTruth groundTruth)
    {
        ArgumentNullException.ThrowIfNull(result);
        AtomicFile.WriteAllText(Path.Combine(directory, TraceFile), TraceCsv(trace, groundTruth, result.SelectionColumn, result.TestColumn));
        AtomicFile.WriteAllText(Path.Combine(directory, ResultFile), JsonSerializer.Serialize(result, TrainingRunWriter.JsonOptions));
    }

    /// <summary>The content of <c>search_trace.csv</c>.</summary>
    public static string TraceCsv(SearchTrace trace, Nb201GroundTruth groundTruth, string selectionColumn, string? testColumn)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(groundTruth);
        var text = new StringBuilder($"order,arch,score,{selectionColumn}{(testColumn is null ? "" : $",{testColumn}")},incumbent_arch\n");
        var incumbents = trace.Incumbents;
        for (var i = 0; i < trace.Evaluations.Count; i++)
        {
            var e = trace.Evaluations[i];
            text.Append(CultureInfo.InvariantCulture, $"{e.Order},{e.Genotype},{e.Score:R},{groundTruth.Lookup(e.Genotype, selectionColumn):R}");
            if (testColumn is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $",{groundTruth.Lookup(e.Genotype, testColumn):R}");
            }

            text.Append(CultureInfo.InvariantCulture, $",{incumbents[i].Genotype}\n");
        }

        return text.ToString();
    }
}
