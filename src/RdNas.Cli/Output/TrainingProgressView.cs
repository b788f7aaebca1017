using System.Globalization;
using RdNas.Nas.Runs;
using RdNas.Nas.Training;
using Spectre.Console;

namespace RdNas.Cli.Output;

/// <summary>
/// Runs a training run on its own thread while Spectre progress bars show training (epoch, step, loss, accuracy,
/// time left) and evaluation (subnets scored).
/// </summary>
internal sealed class TrainingProgressView : ITrainingRunObserver
{
    private readonly ProgressTask? _training;
    private readonly ProgressTask? _evaluation;

    private TrainingProgressView(ProgressTask? training, ProgressTask? evaluation)
    {
        _training = training;
        _evaluation = evaluation;
    }

    public static async Task<TrainingRunResult> RunAsync(CliConsole console, TrainingRunSpec spec, bool showProgress, CancellationToken cancellationToken)
    {
        if (!showProgress)
        {
            return await StartOnOwnThread(spec, new TrainingProgressView(null, null), cancellationToken).ConfigureAwait(false);
        }

        return await console.Ansi.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var training = context.AddTask("train", maxValue: spec.Preset.Training.Epochs);
                var evaluation = context.AddTask("evaluate", autoStart: false, maxValue: spec.Preset.Evaluation.Subnets);
                var result = await StartOnOwnThread(spec, new TrainingProgressView(training, evaluation), cancellationToken).ConfigureAwait(false);
                training.StopTask();
                evaluation.StopTask();
                return result;
            }).ConfigureAwait(false);
    }

    public void OnTrainingProgress(TrainingProgress progress)
    {
        if (_training is null)
        {
            return;
        }

        _training.Value = progress.Epoch + ((double)progress.Step / progress.StepsPerEpoch);
        _training.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"train epoch {progress.Epoch + 1}/{progress.Epochs} loss {progress.Loss:F3} acc {100 * progress.Accuracy:F1}% lr {progress.LearningRate:F4}"));
    }

    public void OnTeacherProgress(int done, int total)
    {
        if (_training is not null)
        {
            _training.Description = $"teacher scoring cell {done}/{total} (cached for later runs)";
        }
    }

    public void OnResumed(int completedEpochs)
    {
        if (_training is not null)
        {
            _training.Value = completedEpochs;
            _training.Description = $"resumed after epoch {completedEpochs}";
        }
    }

    public void OnEvaluationProgress(int done, int total)
    {
        if (_evaluation is null)
        {
            return;
        }

        _training?.StopTask();
        _evaluation.StartTask();
        _evaluation.Value = done;
        _evaluation.Description = $"evaluate subnet {done}/{total}";
    }

    // Training is seconds of native work per step: it gets a thread of its own, never a pool or scheduler thread.
    private static Task<TrainingRunResult> StartOnOwnThread(TrainingRunSpec spec, ITrainingRunObserver observer, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(() => Nb201TrainingRun.Run(spec, observer, cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
