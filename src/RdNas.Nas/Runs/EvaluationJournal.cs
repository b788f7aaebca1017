using System.Globalization;
using System.Text.Json;
using RdNas.Nas.Data;
using RdNas.Nas.Evaluation;
using RdNas.Nas.Modules;
using static TorchSharp.torch;

namespace RdNas.Nas.Runs;

/// <summary>
/// The final evaluation's journal in a run folder: each subnet's accuracy, loss and seconds as it is scored, so a run
/// stopped during its evaluation (Ctrl+C, a crash, a lost silo) scores only the subnets it had not reached — at the
/// <c>paper</c> preset the evaluation alone takes a quarter of an hour on a GPU and hours on a CPU. Its signature holds
/// the weights' fingerprint, the evaluation's settings, the device and the thread count, so scores are reused only
/// where scoring again would measure the same; any other journal is discarded. Deleted once result.json is written.
/// </summary>
public static class EvaluationJournal
{
    /// <summary>The journal's file name inside a run folder.</summary>
    public const string FileName = "evaluation.partial.csv";

    /// <summary>Values a subnet's entry holds: accuracy (%), mean loss, seconds it took to score.</summary>
    internal const int Width = 3;

    private static readonly JsonSerializerOptions s_oneLine = new(TrainingRunWriter.JsonOptions) { WriteIndented = false };

    /// <summary>
    /// Opens (or continues) the journal in <paramref name="runDirectory"/> for scoring <paramref name="model"/>'s
    /// current weights with <paramref name="options"/> on <paramref name="device"/> with <paramref name="threads"/> threads.
    /// </summary>
    public static KeyedScoreJournal Open(string runDirectory, nn.Module model, EvaluationOptions options, string device, int threads)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runDirectory);
        ArgumentNullException.ThrowIfNull(options);
        var signature = string.Create(CultureInfo.InvariantCulture,
            $"# rdnas evaluation journal v1; weights={WeightsFingerprint.Of(model)}; device={device}; threads={threads}; evaluation={JsonSerializer.Serialize(options, s_oneLine)}");
        return new KeyedScoreJournal(Path.Combine(runDirectory, FileName), signature, Width);
    }
}
