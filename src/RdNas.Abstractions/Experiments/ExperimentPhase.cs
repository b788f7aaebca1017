namespace RdNas.Abstractions.Experiments;

/// <summary>Where an experiment is in its life.</summary>
[GenerateSerializer, Alias("RdNas.ExperimentPhase")]
public enum ExperimentPhase
{
    /// <summary>Accepted; waiting for a silo that may train it (the status message says why it waits).</summary>
    Queued,

    /// <summary>A worker trains the supernet (or scores the teacher first).</summary>
    Training,

    /// <summary>Training is done; the worker scores the subnet sample.</summary>
    Evaluating,

    /// <summary>Finished; the result is available.</summary>
    Completed,

    /// <summary>Stopped by an error; the status message gives the reason.</summary>
    Failed,

    /// <summary>Stopped on request.</summary>
    Cancelled,

    /// <summary>
    /// The evaluation is done; the worker searches the cells with the trained supernet (last in the list so that stored
    /// states keep their values).
    /// </summary>
    Searching,
}
