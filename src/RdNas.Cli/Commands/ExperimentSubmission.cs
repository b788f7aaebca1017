using RdNas.Abstractions.Experiments;
using RdNas.Client;
using RdNas.Nas.Data;
using RdNas.Silo;

namespace RdNas.Cli.Commands;

/// <summary>Submits a spec, or checks it before the embedded cluster starts, and turns the platform's refusal into the CLI's errors: the field becomes its option.</summary>
internal static class ExperimentSubmission
{
    public static async Task<ExperimentStatus> SubmitAsync(RdNasClient client, ExperimentSpec spec, string id)
    {
        try
        {
            return await client.SubmitAsync(spec, id).ConfigureAwait(false);
        }
        catch (InvalidExperimentSpecException e) when (e.Field.Length > 0)
        {
            throw AsOptionError(e);
        }
    }

    /// <summary>
    /// Checks <paramref name="spec"/> as the embedded cluster will, before it starts: a wrong option is named even
    /// where the data folder is missing too.
    /// </summary>
    public static void CheckForEmbeddedCluster(ExperimentSpec spec)
    {
        try
        {
            EmbeddedCluster.CheckSpec(spec);
        }
        catch (InvalidExperimentSpecException e) when (e.Field.Length > 0)
        {
            throw AsOptionError(e);
        }
    }

    private static Exception AsOptionError(InvalidExperimentSpecException e)
    {
        if (e.Field == "data")
        {
            return new DataNotFoundException(e.Message["data: ".Length..]);
        }

        // A rescoring experiment's source is what rdnas evaluate calls --experiment.
        var option = e.Field == "rescore_of" ? "experiment" : e.Field.Replace('_', '-');
        return new ArgumentException($"--{option}{e.Message[e.Field.Length..]}", e);
    }
}
