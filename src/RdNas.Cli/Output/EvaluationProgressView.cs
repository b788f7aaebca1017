using RdNas.Nas.Runs;
using Spectre.Console;

namespace RdNas.Cli.Output;

/// <summary>
/// Runs a ranking evaluation on a thread of its own behind a progress bar of subnets scored, with the time left; when
/// the output is JSON for a script, as JSON lines on standard error instead (at a resume and at every tenth).
/// </summary>
internal static class EvaluationProgressView
{
    /// <summary>Runs <paramref name="evaluate"/>, which reports to the observer it is given.</summary>
    public static Task<T> RunAsync<T>(CliConsole console, string what, Func<IEvaluationObserver?, T> evaluate, bool showProgress, CancellationToken cancellationToken) =>
        showProgress
            ? ProgressBars.Create(console).StartAsync(context =>
            {
                var task = context.AddTask(Markup.Escape(what), autoStart: false);
                return ProgressBars.OnOwnThread(() => evaluate(new TaskObserver(task, what)), cancellationToken);
            })
            : ProgressBars.OnOwnThread(() => evaluate(new JsonLinesObserver(console)), cancellationToken);

    private sealed class JsonLinesObserver(CliConsole console) : IEvaluationObserver
    {
        private int _lastTenth = -1;

        public void OnEvaluationResumed(int scored, int total)
        {
            _lastTenth = scored * 10 / total;
            console.ProgressJson(new ProgressLine("evaluating", scored, total, scored));
        }

        public void OnEvaluationProgress(int done, int total)
        {
            var tenth = done * 10 / total;
            if (tenth != _lastTenth)
            {
                _lastTenth = tenth;
                console.ProgressJson(new ProgressLine("evaluating", done, total, null));
            }
        }

        private sealed record ProgressLine(string Phase, int SubnetsScored, int Subnets, int? FromJournal);
    }

    // Updates the bar straight from the scoring thread (Progress<T> would post to the thread pool and could reorder).
    private sealed class TaskObserver(ProgressTask task, string what) : IEvaluationObserver
    {
        public void OnEvaluationResumed(int scored, int total)
        {
            task.Description = Markup.Escape($"{what} ({scored} from the journal)");
            Show(scored, total);
        }

        public void OnEvaluationProgress(int done, int total) => Show(done, total);

        private void Show(int done, int total)
        {
            task.MaxValue = total;
            task.StartTask();
            task.Value = done;
        }
    }
}
