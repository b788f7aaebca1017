namespace RdNas.Nas.Runs;

/// <summary>Receives a ranking evaluation's progress; called on the scoring thread, so implementations must be thread-safe.</summary>
public interface IEvaluationObserver
{
    /// <summary>
    /// The evaluation goes on from its folder's journal: <paramref name="scored"/> of <paramref name="total"/> subnets
    /// were scored by an earlier attempt on the same weights and are not scored (nor reported) again.
    /// </summary>
    void OnEvaluationResumed(int scored, int total);

    /// <summary>Subnet <paramref name="done"/> of <paramref name="total"/> has been scored.</summary>
    void OnEvaluationProgress(int done, int total);
}
