using RdNas.Abstractions.Experiments;
using RdNas.Client;
using RdNas.Nas.Data;

namespace RdNas.Cli.Commands;

/// <summary>Submits a spec and turns the platform's refusal into the CLI's errors: the field becomes its option.</summary>
internal static class ExperimentSubmission
{
    public static async Task<ExperimentStatus> SubmitAsync(RdNasClient client, ExperimentSpec spec, string id)
    {
        try
        {
            return await client.SubmitAsync(spec, id).ConfigureAwait(false);
        }
        catch (InvalidExperimentSpecException e) when (e.Field == "data")
        {
            throw new DataNotFoundException(e.Message["data: ".Length..]);
        }
        catch (InvalidExperimentSpecException e) when (e.Field.Length > 0)
        {
            // A rescoring experiment's source is what rdnas evaluate calls --experiment.
            var option = e.Field == "rescore_of" ? "experiment" : e.Field.Replace('_', '-');
            throw new ArgumentException($"--{option}{e.Message[e.Field.Length..]}", e);
        }
    }
}
