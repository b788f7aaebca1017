using System.Diagnostics;
using RdNas.Abstractions.Experiments;

namespace RdNas.Grains.Telemetry;

/// <summary>The tags of one experiment's training metrics: its id, sampler and preset.</summary>
public readonly struct RunTags
{
    /// <summary>The tags of experiment <paramref name="experimentId"/> training <paramref name="spec"/>.</summary>
    public RunTags(string experimentId, ExperimentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Tags = new TagList { { "experiment", experimentId }, { "sampler", spec.Sampler }, { "preset", spec.Preset } };
    }

    /// <summary>The tag list the instruments record with.</summary>
    public TagList Tags { get; }
}
